// Word expansion for the shell subset: parameters, command substitution, arithmetic, field splitting.
// No globbing and no tilde expansion beyond a leading `~`.

import type { Word } from './parse'

export interface ExpandContext {
  /** Value of a parameter ($HOME, $?, $1, ...), or undefined when unset. */
  param(name: string): string | undefined
  setVar(name: string, value: string): void
  /** Runs `$(...)` and returns its stdout. */
  substitute(src: string): string
}

export class ExpansionError extends Error {}

function paramValue(part: Word[number] & { t: 'var' }, ctx: ExpandContext): string {
  const v = ctx.param(part.name)
  switch (part.op) {
    case undefined:
      return v ?? ''
    case '#':
      return String((v ?? '').length)
    case ':-':
      return v ? v : expandString(part.arg ?? [], ctx)
    case '-':
      return v !== undefined ? v : expandString(part.arg ?? [], ctx)
    case ':=':
    case '=': {
      if (part.op === ':=' ? v : v !== undefined) return v!
      const d = expandString(part.arg ?? [], ctx)
      ctx.setVar(part.name, d)
      return d
    }
    case ':+':
      return v ? expandString(part.arg ?? [], ctx) : ''
    case '+':
      return v !== undefined ? expandString(part.arg ?? [], ctx) : ''
  }
}

function partText(part: Word[number], ctx: ExpandContext): string {
  switch (part.t) {
    case 'lit':
      return part.v
    case 'var':
      return paramValue(part, ctx)
    case 'sub':
      return ctx.substitute(part.src).replace(/\n+$/, '')
    case 'arith':
      return String(arithmetic(part.src, ctx))
  }
}

/** Expands a word without field splitting (assignments, redirection targets). */
export function expandString(w: Word, ctx: ExpandContext): string {
  return w.map((p) => partText(p, ctx)).join('')
}

/** Expands a word into fields: unquoted expansions are split on blanks; an empty unquoted result vanishes. */
export function expandFields(w: Word, ctx: ExpandContext): string[] {
  const fields: string[] = []
  let cur = ''
  let has = false
  w.forEach((p, idx) => {
    let text = partText(p, ctx)
    if (idx === 0 && p.t === 'lit' && !p.q && (text === '~' || text.startsWith('~/'))) text = (ctx.param('HOME') ?? '/root') + text.slice(1)
    if (p.q || p.t === 'lit') {
      cur += text
      has = true
      return
    }
    const pieces = text.split(/[ \t\n]+/)
    pieces.forEach((piece, i) => {
      if (i > 0 && has) {
        fields.push(cur)
        cur = ''
        has = false
      }
      if (piece) {
        cur += piece
        has = true
      }
    })
    // A trailing blank ends the field: `$x` = "a " followed by "b" gives two fields.
    if (pieces.length > 1 && pieces[pieces.length - 1] === '' && has) {
      fields.push(cur)
      cur = ''
      has = false
    }
  })
  if (has) fields.push(cur)
  return fields
}

/** $(( )) over integers: + - * / % comparisons && || ! and parentheses; names read as numbers. */
export function arithmetic(src: string, ctx: ExpandContext): number {
  const toks = src.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\$[A-Za-z_][A-Za-z0-9_]*|&&|\|\||==|!=|<=|>=|[-+*/%()<>!]/g) ?? []
  let i = 0
  const num = (name: string) => {
    const v = ctx.param(name.replace(/^\$/, ''))
    const n = parseInt(v ?? '0', 10)
    return Number.isNaN(n) ? 0 : n
  }
  const primary = (): number => {
    const t = toks[i++]
    if (t === undefined) throw new ExpansionError(`arithmetic syntax error`)
    if (t === '(') {
      const v = or()
      i++
      return v
    }
    if (t === '-') return -primary()
    if (t === '+') return primary()
    if (t === '!') return primary() ? 0 : 1
    if (/^\d+$/.test(t)) return parseInt(t, 10)
    return num(t)
  }
  const binary = (next: () => number, ops: Record<string, (a: number, b: number) => number>) => (): number => {
    let v = next()
    while (toks[i] !== undefined && ops[toks[i]]) {
      const op = ops[toks[i++]]
      v = op(v, next())
    }
    return v
  }
  const div = (a: number, b: number) => {
    if (b === 0) throw new ExpansionError('arithmetic syntax error: division by zero')
    return Math.trunc(a / b)
  }
  const mul = binary(primary, { '*': (a, b) => a * b, '/': div, '%': (a, b) => (b === 0 ? div(a, b) : a % b) })
  const add = binary(mul, { '+': (a, b) => a + b, '-': (a, b) => a - b })
  const cmp = binary(add, { '<': (a, b) => +(a < b), '>': (a, b) => +(a > b), '<=': (a, b) => +(a <= b), '>=': (a, b) => +(a >= b) })
  const eq = binary(cmp, { '==': (a, b) => +(a === b), '!=': (a, b) => +(a !== b) })
  const and = binary(eq, { '&&': (a, b) => +(a !== 0 && b !== 0) })
  const or = binary(and, { '||': (a, b) => +(a !== 0 || b !== 0) })
  return toks.length ? or() : 0
}
