// Word expansion in bash's order: brace expansion, tilde, parameters / command substitution /
// arithmetic, field splitting of unquoted results, pathname expansion, quote removal.

import type { List, Word, WordPart } from './ast'
import { ArithError, evaluateArith } from './arith'
import { glob, hasGlob, matchPattern, patternSource } from './glob'
import { expandBraces } from './braces'
import { Parser } from './parser'
import type { MemFs } from '../storage/memfs'

/** An expansion error: the shell prints `bash: <message>` and the command fails with status 1. */
export class ExpandError extends Error {}

export interface ExpandContext {
  /** A variable or special parameter (`?`, `#`, `0`-`9`, `$`), undefined when unset. */
  lookup(name: string): string | undefined
  assign(name: string, value: string): void
  positional(): readonly string[]
  home(): string
  cwd(): string
  fs: MemFs
  /** Runs a command substitution and returns its standard output. */
  subst(body: List): Promise<string>
  /** Runs `<(cmd)` and returns the name of a file holding its output. */
  procsub(body: List): Promise<string>
}

/** A run of expanded text: `quoted` text is neither split nor globbed; `split` text came from an unquoted expansion. */
interface Seg {
  text: string
  quoted: boolean
  split: boolean
}

const IFS_WS = /[ \t\n]+/

/** Expands a word into fields (command arguments, `for` items). */
export async function expandFields(word: Word, ctx: ExpandContext): Promise<string[]> {
  const out: string[] = []
  for (const w of expandBraces(word)) {
    const segs = await expandParts(w.parts, ctx, false)
    for (const field of splitFields(segs)) out.push(...globField(field, ctx))
  }
  return out
}

/** Expands a word to one string, without splitting or globbing (assignments, redirection targets). */
export async function expandString(word: Word, ctx: ExpandContext): Promise<string> {
  const segs = await expandParts(word.parts, ctx, false)
  return segs.map((s) => s.text).join('')
}

/** Expands a word as a pattern (`case` patterns): quoted parts match literally. */
export async function expandPattern(word: Word, ctx: ExpandContext): Promise<string> {
  const segs = await expandParts(word.parts, ctx, false)
  return segs.map((s) => (s.quoted ? s.text.replace(/[*?[\]\\]/g, '\\$&') : s.text)).join('')
}

/** Expands an unquoted heredoc body. */
export async function expandHeredoc(body: string, ctx: ExpandContext): Promise<string> {
  const segs = await expandParts(Parser.heredoc(body), ctx, true)
  return segs.map((s) => s.text).join('')
}

async function expandParts(parts: readonly WordPart[], ctx: ExpandContext, inDq: boolean): Promise<Seg[]> {
  const segs: Seg[] = []
  for (const p of parts) {
    switch (p.kind) {
      case 'lit':
        segs.push({ text: p.text, quoted: p.quoted || inDq, split: false })
        break
      case 'dq':
        segs.push({ text: '', quoted: true, split: false }, ...(await expandParts(p.parts, ctx, true)))
        break
      case 'tilde': {
        const home = p.user === '' ? ctx.home() : p.user === 'root' ? '/root' : undefined
        segs.push({ text: home ?? `~${p.user}`, quoted: true, split: false })
        break
      }
      case 'param':
        segs.push(...paramSegs(p.name, p.quoted || inDq, ctx))
        break
      case 'brace':
        segs.push(...(await braceParam(p.inner, p.quoted || inDq, ctx)))
        break
      case 'cmdsub': {
        const out = (await ctx.subst(p.body)).replace(/\n+$/, '')
        segs.push({ text: out, quoted: p.quoted || inDq, split: !(p.quoted || inDq) })
        break
      }
      case 'procsub':
        segs.push({ text: await ctx.procsub(p.body), quoted: true, split: false })
        break
      case 'arith': {
        const expr = await expandString(Parser.operand(p.expr), ctx)
        try {
          const v = evaluateArith(expr, { get: (n) => ctx.lookup(n), set: (n, v) => ctx.assign(n, v) })
          segs.push({ text: v, quoted: p.quoted || inDq, split: !(p.quoted || inDq) })
        } catch (e) {
          if (e instanceof ArithError) throw new ExpandError(e.message)
          throw e
        }
        break
      }
    }
  }
  return segs
}

function paramSegs(name: string, quoted: boolean, ctx: ExpandContext): Seg[] {
  if (name === '@' || name === '*') {
    const args = ctx.positional()
    if (!quoted) return args.map((a) => ({ text: a + ' ', quoted: false, split: true }))
    if (name === '*') return [{ text: args.join(' '), quoted: true, split: false }]
    // "$@": one field per argument; the split marker between them ends each field.
    return args.flatMap((a, i) => (i ? [{ text: ' ', quoted: false, split: true }] : []).concat({ text: a, quoted: true, split: false }))
  }
  const v = ctx.lookup(name) ?? ''
  return [{ text: v, quoted, split: !quoted }]
}

const PARAM = /^(#?)([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!-])([\s\S]*)$/

async function braceParam(inner: string, quoted: boolean, ctx: ExpandContext): Promise<Seg[]> {
  const m = PARAM.exec(inner)
  const bad = () => new ExpandError(`\${${inner}}: bad substitution`)
  if (!m) {
    if (inner === '#') return [{ text: String(ctx.positional().length), quoted, split: !quoted }]
    throw bad()
  }
  const [, hash, name, rest] = m
  const value = ctx.lookup(name)
  const result = (text: string): Seg[] => [{ text, quoted, split: !quoted }]
  if (hash) {
    if (rest) throw bad()
    return result(String([...(value ?? '')].length))
  }
  if (rest === '') return result(value ?? '')
  const op = /^(:?[-=+?]|##?|%%?|\/\/?|\^\^?|,,?|:)/.exec(rest)
  if (!op) throw bad()
  const operandText = rest.slice(op[0].length)
  const operand = async () => {
    const segs = await expandParts(Parser.operand(operandText).parts, ctx, quoted)
    return quoted ? segs : segs.map((s) => (s.quoted ? s : { ...s, split: true }))
  }
  const operandString = async () => (await operand()).map((s) => s.text).join('')
  const unsetOrNull = value === undefined || (op[0].startsWith(':') && value === '')
  switch (op[0]) {
    case '-':
    case ':-':
      return unsetOrNull ? operand() : result(value!)
    case '=':
    case ':=':
      if (!unsetOrNull) return result(value!)
      ctx.assign(name, await operandString())
      return result(ctx.lookup(name) ?? '')
    case '+':
    case ':+':
      return unsetOrNull ? [] : operand()
    case '?':
    case ':?':
      if (!unsetOrNull) return result(value!)
      throw new ExpandError(`${name}: ${operandText === '' ? (value === undefined ? 'parameter null or not set' : 'parameter null or not set') : await operandString()}`)
    case '#':
    case '##':
    case '%':
    case '%%':
      return result(trimPattern(value ?? '', await patternOf(operandText, ctx), op[0]))
    case '^^':
      return result((value ?? '').toUpperCase())
    case ',,':
      return result((value ?? '').toLowerCase())
    case '^':
      return result((value ?? '').slice(0, 1).toUpperCase() + (value ?? '').slice(1))
    case ',':
      return result((value ?? '').slice(0, 1).toLowerCase() + (value ?? '').slice(1))
    case '/':
    case '//': {
      const slash = operandText.indexOf('/')
      const pat = await patternOf(slash < 0 ? operandText : operandText.slice(0, slash), ctx)
      const rep = slash < 0 ? '' : await expandString(Parser.operand(operandText.slice(slash + 1)), ctx)
      return result(replacePattern(value ?? '', pat, rep, op[0] === '//'))
    }
    default: {
      const [off, len] = operandText.split(':')
      const str = value ?? ''
      const ev = (t: string) => Number(evaluateArith(t, { get: (n) => ctx.lookup(n), set: (n, v) => ctx.assign(n, v) }))
      let start = ev(off || '0')
      if (start < 0) start = Math.max(0, str.length + start)
      if (len === undefined) return result(str.slice(start))
      const l = ev(len)
      return result(l < 0 ? str.slice(start, str.length + l) : str.slice(start, start + l))
    }
  }
}

/** A pattern operand: quoted parts match literally. */
async function patternOf(text: string, ctx: ExpandContext): Promise<string> {
  const segs = await expandParts(Parser.operand(text).parts, ctx, false)
  return segs.map((s) => (s.quoted ? s.text.replace(/[*?[\]\\]/g, '\\$&') : s.text)).join('')
}

function trimPattern(v: string, pat: string, op: string): string {
  if (op === '#' || op === '##') {
    const lens = [...Array(v.length + 1).keys()]
    for (const n of op === '#' ? lens : lens.reverse()) if (matchPattern(pat, v.slice(0, n))) return v.slice(n)
  } else {
    const starts = [...Array(v.length + 1).keys()]
    for (const n of op === '%' ? starts.reverse() : starts) if (matchPattern(pat, v.slice(n))) return v.slice(0, n)
  }
  return v
}

function replacePattern(v: string, pat: string, rep: string, all: boolean): string {
  if (pat === '') return v
  let re: RegExp
  try {
    re = new RegExp(patternSource(pat), all ? 'g' : '')
  } catch {
    return v
  }
  return v.replace(re, () => rep)
}

/** Splits expanded text into fields on unquoted whitespace from expansions. */
function splitFields(segs: Seg[]): Seg[][] {
  const fields: Seg[][] = []
  let cur: Seg[] = []
  let live = false
  const end = () => {
    if (live) fields.push(cur)
    cur = []
    live = false
  }
  for (const s of segs) {
    if (!s.split) {
      cur.push(s)
      live = true
      continue
    }
    const pieces = s.text.split(IFS_WS)
    pieces.forEach((piece, i) => {
      if (i > 0) end()
      if (piece) {
        cur.push({ text: piece, quoted: false, split: false })
        live = true
      }
    })
  }
  end()
  return fields
}

function globField(field: Seg[], ctx: ExpandContext): string[] {
  const literal = field.map((s) => s.text).join('')
  if (!field.some((s) => !s.quoted && hasGlob(s.text))) return [literal]
  const pattern = field.map((s) => (s.quoted ? s.text.replace(/[*?[\]\\]/g, '\\$&') : s.text)).join('')
  return glob(ctx.fs, ctx.cwd(), pattern) ?? [literal]
}
