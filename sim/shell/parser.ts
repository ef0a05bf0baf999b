// The grammar of the bash subset: lists joined by `;` `&` `&&` `||`, pipelines, simple commands with
// assignments and redirections, heredocs, and the compound commands `for`, `if`, `while`/`until`,
// `{ ...; }` and `( ... )`. Like an interactive bash, it reads one complete command line at a time
// (up to an unquoted newline, with the heredoc bodies that follow it), so a syntax error on one line
// does not stop the lines before it.
// Over 300 lines: one recursive-descent grammar; its productions call each other throughout.

import type { AndOr, Assign, Command, List, ListItem, Pipeline, Redir, Word, WordPart } from './ast'
import { Incomplete, Lexer, MAX_DEPTH, SyntaxErr, tokText, type Tok } from './lexer'

export type ParseResult =
  /** One complete command line; `end` is where the next one starts. */
  | { kind: 'ok'; list: List; end: number; heredocEof: HeredocEof[] }
  /** Nothing but blank lines and comments up to the end. */
  | { kind: 'empty'; end: number }
  | { kind: 'syntax'; token: string; end: number }
  /** The input ended inside a quote or construct. */
  | { kind: 'incomplete'; closer: string | undefined; backslash: boolean }

/** A heredoc whose delimiter never came: bash warns and uses the text up to the end. */
export interface HeredocEof {
  /** 0-based line (within the parsed text) of the command that opened the heredoc. */
  line: number
  delimiter: string
}

const COMPOUND_END = new Set(['done', 'fi', 'then', 'do', 'else', 'elif', '}', 'esac'])

function isWord(t: Tok, kw: string): boolean {
  if (t.t !== 'word') return false
  const p = t.word.parts
  return p.length === 1 && p[0].kind === 'lit' && !p[0].quoted && p[0].text === kw
}

export class Parser extends Lexer {
  private look: Tok | undefined
  private pending: { redir: Redir; strip: boolean; line: number }[] = []
  heredocEof: HeredocEof[] = []

  /** Aliases in force when the line is read (bash expands them while reading, not when running). */
  private aliases: ReadonlyMap<string, string> | undefined
  private queue: Tok[] = []

  /** Parses the command line starting at `from`. */
  static line(src: string, from = 0, aliases?: ReadonlyMap<string, string>): ParseResult {
    const p = new Parser(src)
    p.pos = from
    p.aliases = aliases?.size ? aliases : undefined
    try {
      return p.unit()
    } catch (e) {
      if (e instanceof Incomplete) return { kind: 'incomplete', closer: e.closer, backslash: e.backslash }
      if (e instanceof SyntaxErr) return { kind: 'syntax', token: e.token, end: lineEnd(src, e.at) }
      if (e instanceof RangeError) return { kind: 'syntax', token: '(', end: src.length }
      throw e
    }
  }

  /** The parts of an unquoted heredoc body (expanded like a double-quoted string, quotes kept). */
  static heredoc(body: string): WordPart[] {
    try {
      const p = new Parser(body)
      return (p.lexDouble(true) as WordPart & { kind: 'dq' }).parts
    } catch {
      return [{ kind: 'lit', text: body, quoted: true }]
    }
  }

  /** The operand of `${name:-word}` and friends, as a word. */
  static operand(text: string): Word {
    try {
      const p = new Parser(text)
      p.loose = true
      return p.lexWord()
    } catch {
      return { parts: [{ kind: 'lit', text, quoted: true }], raw: text }
    }
  }

  private peek(): Tok {
    if (!this.look) this.look = this.queue.shift() ?? this.lex()
    return this.look
  }

  private next(): Tok {
    const t = this.peek()
    this.look = undefined
    if (t.t === 'nl' || t.t === 'eof') this.readHeredocs()
    return t
  }

  private unexpected(t: Tok): never {
    if (t.t === 'eof') throw new Incomplete(undefined)
    throw new SyntaxErr(tokText(t), t.start)
  }

  private unit(): ParseResult {
    while (this.peek().t === 'nl') this.next()
    if (this.peek().t === 'eof') return { kind: 'empty', end: this.src.length }
    const list = this.list(false, () => false)
    const t = this.peek()
    if (t.t !== 'nl' && t.t !== 'eof') this.unexpected(t)
    this.next()
    return { kind: 'ok', list, end: this.pos, heredocEof: this.heredocEof }
  }

  /** A list; nested lists (compound bodies) take newlines as separators and end at `stop`. */
  private list(nested: boolean, stop: (t: Tok) => boolean, allowEmpty = false): List {
    const items: ListItem[] = []
    for (;;) {
      if (nested) while (this.peek().t === 'nl') this.next()
      const t = this.peek()
      if (t.t === 'eof') {
        if (nested) throw new Incomplete(undefined)
        break
      }
      if (stop(t) || t.t === 'nl') break
      const start = t.start
      const andOr = this.andOr()
      const item: ListItem = { andOr, background: false, text: this.src.slice(start, this.lastEnd) }
      items.push(item)
      const sep = this.peek()
      if (sep.t === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.next()
        item.background = sep.op === '&'
        continue
      }
      if (sep.t === 'nl' || sep.t === 'eof' || stop(sep)) continue
      this.unexpected(sep)
    }
    if (nested && items.length === 0 && !allowEmpty) this.unexpected(this.peek())
    return { items }
  }

  private lastEnd = 0

  private andOr(): AndOr {
    const first = this.pipeline()
    const rest: AndOr['rest'] = []
    for (;;) {
      const t = this.peek()
      if (t.t !== 'op' || (t.op !== '&&' && t.op !== '||')) break
      this.next()
      while (this.peek().t === 'nl') this.next()
      rest.push({ op: t.op, pipeline: this.pipeline() })
    }
    return { first, rest }
  }

  private pipeline(): Pipeline {
    let negate = false
    if (isWord(this.peek(), '!')) {
      this.next()
      negate = true
    }
    const commands = [this.command()]
    const pipeStderr: boolean[] = []
    for (;;) {
      const t = this.peek()
      if (t.t !== 'op' || (t.op !== '|' && t.op !== '|&')) break
      this.next()
      pipeStderr.push(t.op === '|&')
      while (this.peek().t === 'nl') this.next()
      commands.push(this.command())
    }
    return { negate, commands, pipeStderr }
  }

  private command(): Command {
    if (++this.depth > MAX_DEPTH) throw new SyntaxErr(tokText(this.peek()), this.peek().start)
    try {
      const t = this.peek()
      let c: Command
      if (isWord(t, 'for')) c = this.forLoop()
      else if (isWord(t, 'if')) c = this.ifClause()
      else if (isWord(t, 'while') || isWord(t, 'until')) c = this.whileLoop()
      else if (isWord(t, 'case')) c = this.caseClause()
      else if (isWord(t, '{')) {
        this.next()
        const body = this.list(true, (x) => isWord(x, '}'))
        this.expectWord('}')
        c = { type: 'group', body, redirs: [] }
      } else if (t.t === 'op' && t.op === '(') {
        this.next()
        const body = this.list(true, (x) => x.t === 'op' && x.op === ')')
        this.expectOp(')')
        c = { type: 'subshell', body, redirs: [] }
      } else if (t.t === 'word' && t.word.parts.length === 1 && COMPOUND_END.has(t.word.raw)) this.unexpected(t)
      else if (t.t === 'word' || t.t === 'redir') return this.simple()
      else this.unexpected(t)
      while (this.peek().t === 'redir') c.redirs.push(this.redir())
      return c
    } finally {
      this.depth--
    }
  }

  /** Replaces an alias in command position by the tokens of its value (each alias once, as bash). */
  private expandAlias(t: Tok & { t: 'word' }, expanded: Set<string>): boolean {
    const p = t.word.parts
    if (!this.aliases || p.length !== 1 || p[0].kind !== 'lit' || p[0].quoted) return false
    const name = p[0].text
    const value = this.aliases.get(name)
    if (value === undefined || expanded.has(name)) return false
    const toks: Tok[] = []
    try {
      const sub = new Parser(value)
      for (let x = sub.lex(); x.t !== 'eof'; x = sub.lex()) toks.push({ ...x, start: t.start, end: t.end })
    } catch {
      return false
    }
    expanded.add(name)
    this.next()
    this.queue.unshift(...toks)
    return true
  }

  private simple(): Command {
    const expanded = new Set<string>()
    const assigns: Assign[] = []
    const words: Word[] = []
    const redirs: Redir[] = []
    for (;;) {
      const t = this.peek()
      if (t.t === 'redir') redirs.push(this.redir())
      else if (t.t === 'word') {
        if (words.length === 0 && this.expandAlias(t, expanded)) continue
        this.next()
        this.lastEnd = t.end
        const a = words.length === 0 ? assignment(t.word) : undefined
        if (a) assigns.push(a)
        else words.push(t.word)
      } else if (t.t === 'op' && t.op === '(') {
        if (words.length === 1 && !assigns.length && !redirs.length) return this.functionDef(words[0])
        this.unexpected(t)
      } else break
    }
    return { type: 'simple', assigns, words, redirs }
  }

  /** `name() { ...; }`: after the name, `(` `)` and a compound command. */
  private functionDef(name: Word): Command {
    this.next()
    // bash does not read another line here: a missing `)` is an error at the newline.
    const close = this.peek()
    if (close.t === 'eof') throw new SyntaxErr('newline', close.start)
    this.expectOp(')')
    while (this.peek().t === 'nl') this.next()
    const t = this.peek()
    const compound = isWord(t, '{') || isWord(t, 'if') || isWord(t, 'case') || isWord(t, 'for') || isWord(t, 'while') || isWord(t, 'until') || (t.t === 'op' && t.op === '(')
    if (!compound) this.unexpected(t)
    return { type: 'function', name: name.raw, body: this.command(), redirs: [] }
  }

  private redir(): Redir {
    const r = this.next() as Tok & { t: 'redir' }
    const target = this.peek()
    if (target.t !== 'word') throw new SyntaxErr(tokText(target), target.start)
    this.next()
    this.lastEnd = target.end
    const redir: Redir = { fd: r.fd, op: r.op, target: target.word }
    if (r.op === '<<' || r.op === '<<-') {
      const quoted = /["'\\]/.test(target.word.raw)
      const delimiter = target.word.raw.replace(/\\(.)/g, '$1').replace(/["']/g, '')
      redir.heredoc = { body: '', quoted, delimiter }
      this.pending.push({ redir, strip: r.op === '<<-', line: countLines(this.src, r.start) })
    }
    return redir
  }

  /** Reads the bodies of the heredocs opened on the line that just ended. */
  private readHeredocs(): void {
    const s = this.src
    for (const h of this.pending) {
      const doc = h.redir.heredoc!
      let body = ''
      let found = false
      while (this.pos < s.length) {
        const nl = s.indexOf('\n', this.pos)
        const end = nl < 0 ? s.length : nl
        let line = s.slice(this.pos, end)
        this.pos = nl < 0 ? s.length : nl + 1
        if (h.strip) line = line.replace(/^\t+/, '')
        if (line === doc.delimiter) {
          found = true
          break
        }
        body += line + '\n'
      }
      if (!found) this.heredocEof.push({ line: h.line, delimiter: doc.delimiter })
      doc.body = body
    }
    this.pending = []
  }

  private forLoop(): Command {
    this.next()
    const nameTok = this.next()
    if (nameTok.t !== 'word') this.unexpected(nameTok)
    let items: Word[] | undefined
    while (this.peek().t === 'nl') this.next()
    if (isWord(this.peek(), 'in')) {
      this.next()
      items = []
      for (let t = this.peek(); t.t === 'word'; t = this.peek()) items.push((this.next() as Tok & { t: 'word' }).word)
    }
    const sep = this.peek()
    if (sep.t === 'op' && sep.op === ';') this.next()
    else if (sep.t !== 'nl' && !isWord(sep, 'do')) this.unexpected(sep)
    while (this.peek().t === 'nl') this.next()
    this.expectWord('do')
    const body = this.list(true, (x) => isWord(x, 'done'))
    this.expectWord('done')
    return { type: 'for', name: nameTok.word.raw, items, body, redirs: [] }
  }

  private ifClause(): Command {
    this.next()
    const clauses: { cond: List; body: List }[] = []
    let otherwise: List | undefined
    for (;;) {
      const cond = this.list(true, (x) => isWord(x, 'then'))
      this.expectWord('then')
      const body = this.list(true, (x) => isWord(x, 'elif') || isWord(x, 'else') || isWord(x, 'fi'))
      clauses.push({ cond, body })
      const t = this.next()
      if (isWord(t, 'elif')) continue
      if (isWord(t, 'else')) {
        otherwise = this.list(true, (x) => isWord(x, 'fi'))
        this.expectWord('fi')
      }
      break
    }
    return { type: 'if', clauses, otherwise, redirs: [] }
  }

  private caseClause(): Command {
    this.next()
    const w = this.next()
    if (w.t !== 'word') this.unexpected(w)
    while (this.peek().t === 'nl') this.next()
    this.expectWord('in')
    const items: { patterns: Word[]; body: List; fallthrough: boolean }[] = []
    const endsBody = (x: Tok) => (x.t === 'op' && (x.op === ';;' || x.op === ';&' || x.op === ';;&')) || isWord(x, 'esac')
    for (;;) {
      while (this.peek().t === 'nl') this.next()
      if (isWord(this.peek(), 'esac')) break
      if (this.peek().t === 'op' && (this.peek() as { op: string }).op === '(') this.next()
      const patterns: Word[] = []
      for (;;) {
        const p = this.next()
        if (p.t !== 'word') this.unexpected(p)
        patterns.push(p.word)
        const sep = this.peek()
        if (sep.t === 'op' && sep.op === '|') this.next()
        else break
      }
      this.expectOp(')')
      const body = this.list(true, endsBody, true)
      const term = this.peek()
      const fallthrough = term.t === 'op' && term.op === ';&'
      items.push({ patterns, body, fallthrough })
      if (term.t === 'op') this.next()
      else break
    }
    this.expectWord('esac')
    return { type: 'case', word: w.word, items, redirs: [] }
  }

  private whileLoop(): Command {
    const until = isWord(this.next(), 'until')
    const cond = this.list(true, (x) => isWord(x, 'do'))
    this.expectWord('do')
    const body = this.list(true, (x) => isWord(x, 'done'))
    this.expectWord('done')
    return { type: 'while', until, cond, body, redirs: [] }
  }

  private expectWord(kw: string): void {
    const t = this.peek()
    if (!isWord(t, kw)) this.unexpected(t)
    this.next()
    this.lastEnd = t.end
  }

  private expectOp(op: string): void {
    const t = this.peek()
    if (t.t !== 'op' || t.op !== op) this.unexpected(t)
    this.next()
    this.lastEnd = t.end
  }

  protected parseSubList(): List {
    const saved = this.look
    this.look = undefined
    let body: List
    try {
      body = this.list(true, (x) => x.t === 'op' && x.op === ')', true)
    } catch (e) {
      // bash finds the end of `$(` first, so running out of input inside it is a missing `)`.
      if (e instanceof Incomplete && e.closer === undefined) throw new Incomplete(')')
      throw e
    }
    const t = this.peek()
    if (t.t === 'eof') throw new Incomplete(')')
    this.expectOp(')')
    this.look = saved
    return body
  }

  protected parseNested(text: string): List {
    const p = new Parser(text)
    p.depth = this.depth
    const items: ListItem[] = []
    for (;;) {
      let r: ParseResult
      try {
        r = p.unit()
      } catch (e) {
        if (e instanceof Incomplete) throw new Incomplete('`')
        // Positions inside the backquotes mean nothing to the outer text: report at its end.
        if (e instanceof SyntaxErr) throw new SyntaxErr(e.token, this.pos)
        throw e
      }
      if (r.kind !== 'ok') break
      items.push(...r.list.items)
      p.heredocEof = []
    }
    return { items }
  }
}

/** `NAME=value` or `NAME+=value` at the start of a simple command. */
function assignment(w: Word): Assign | undefined {
  const first = w.parts[0]
  if (!first || first.kind !== 'lit' || first.quoted) return undefined
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.text)
  if (!m) return undefined
  const restText = first.text.slice(m[0].length)
  const parts = restText ? [{ ...first, text: restText }, ...w.parts.slice(1)] : w.parts.slice(1)
  return { name: m[1], append: m[2] === '+', value: { parts, raw: w.raw.slice(m[0].length) } }
}

function countLines(s: string, upto: number): number {
  let n = 0
  for (let i = s.indexOf('\n'); i >= 0 && i < upto; i = s.indexOf('\n', i + 1)) n++
  return n
}

function lineEnd(s: string, at: number): number {
  const i = s.indexOf('\n', at)
  return i < 0 ? s.length : i + 1
}
