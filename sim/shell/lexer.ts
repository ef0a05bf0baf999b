// The token level of the shell grammar: words (with their quoting and expansions), operators,
// redirections and newlines. Lexing is character-driven like bash's own reader, because `$(...)`
// nests a whole command list inside a word; the parser (parser.ts) extends this class and supplies
// `parseSubList` for that.

import type { List, RedirOp, Word, WordPart } from './ast'
import { ansiC } from './ansi-c'

export type Tok =
  | { t: 'word'; word: Word; start: number; end: number }
  | { t: 'op'; op: string; start: number; end: number }
  | { t: 'redir'; fd: number | undefined; op: RedirOp; start: number; end: number }
  | { t: 'nl'; start: number; end: number }
  | { t: 'eof'; start: number; end: number }

/** Input ended inside a quote or an unfinished construct: an interactive shell asks for more. */
export class Incomplete {
  /** The closing character bash was looking for (`"`, `'`, `)`, `}`, `` ` ``), if any. */
  constructor(
    readonly closer: string | undefined,
    readonly backslash = false,
  ) {}
}

/** `syntax error near unexpected token `X'`. */
export class SyntaxErr {
  constructor(
    readonly token: string,
    readonly at: number,
  ) {}
}

const OPERATORS = ['&&', '||', ';;&', ';;', ';&', '|&', ';', '&', '|', '(', ')']
const REDIRS: RedirOp[] = ['&>>', '<<<', '<<-', '&>', '<<', '<>', '<&', '>&', '>>', '>|', '<', '>']
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')'])
export const MAX_DEPTH = 200

export function tokText(t: Tok): string {
  if (t.t === 'word') return t.word.raw
  if (t.t === 'op') return t.op
  if (t.t === 'redir') return t.op
  return 'newline'
}

export abstract class Lexer {
  pos = 0
  protected depth = 0
  /** Lexes `${x:-word}` operands: blanks and operators are ordinary characters there. */
  protected loose = false

  constructor(readonly src: string) {}

  protected abstract parseSubList(): List

  protected fail(closer: string | undefined): never {
    throw new Incomplete(closer)
  }

  /** Reads the next token from `pos`. */
  protected lex(): Tok {
    const s = this.src
    for (;;) {
      const c = s[this.pos]
      if (c === ' ' || c === '\t' || c === '\r') this.pos++
      else if (c === '\\' && s[this.pos + 1] === '\n') this.pos += 2
      else if (c === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++
      } else break
    }
    const start = this.pos
    if (start >= s.length) return { t: 'eof', start, end: start }
    if (s[start] === '\n') {
      this.pos++
      return { t: 'nl', start, end: this.pos }
    }
    if (s.startsWith('<(', start)) {
      const word = this.lexWord()
      return { t: 'word', word, start, end: this.pos }
    }
    for (const op of REDIRS) {
      if (s.startsWith(op, start)) {
        this.pos += op.length
        return { t: 'redir', fd: undefined, op, start, end: this.pos }
      }
    }
    for (const op of OPERATORS) {
      if (s.startsWith(op, start)) {
        this.pos += op.length
        return { t: 'op', op, start, end: this.pos }
      }
    }
    // An IO number: digits written right before a redirection operator (`2>&1`).
    const io = /^[0-9]+(?=[<>])/.exec(s.slice(start, start + 12))
    if (io && !s.startsWith('<(', start + io[0].length)) {
      this.pos += io[0].length
      const r = REDIRS.find((op) => op[0] !== '&' && s.startsWith(op, this.pos))!
      this.pos += r.length
      return { t: 'redir', fd: Number(io[0]), op: r, start, end: this.pos }
    }
    const word = this.lexWord()
    return { t: 'word', word, start, end: this.pos }
  }

  /** Reads one word up to an unquoted metacharacter. */
  protected lexWord(): Word {
    const s = this.src
    const start = this.pos
    const parts: WordPart[] = []
    let lit = ''
    const flush = () => {
      if (lit) parts.push({ kind: 'lit', text: lit, quoted: false })
      lit = ''
    }
    if (s[this.pos] === '~') {
      const m = /^~([A-Za-z0-9_.-]*)(?=$|[/\s;&|<>()])/.exec(s.slice(this.pos, this.pos + 64))
      if (m) {
        parts.push({ kind: 'tilde', user: m[1] })
        this.pos += m[0].length
      }
    }
    while (this.pos < s.length) {
      const c = s[this.pos]
      if (c === '<' && s[this.pos + 1] === '(' && !this.loose) {
        flush()
        this.pos += 2
        if (++this.depth > MAX_DEPTH) throw new SyntaxErr('(', this.pos)
        parts.push({ kind: 'procsub', body: this.parseSubList() })
        this.depth--
        continue
      }
      if (!this.loose && META.has(c)) break
      if (c === '\\') {
        const n = s[this.pos + 1]
        if (n === undefined) throw new Incomplete(undefined, true)
        this.pos += 2
        if (n === '\n') continue
        flush()
        parts.push({ kind: 'lit', text: n, quoted: true })
      } else if (c === "'") {
        flush()
        const end = s.indexOf("'", this.pos + 1)
        if (end < 0) this.fail("'")
        parts.push({ kind: 'lit', text: s.slice(this.pos + 1, end), quoted: true })
        this.pos = end + 1
      } else if (c === '"') {
        flush()
        parts.push(this.lexDouble())
      } else if (c === '$' || c === '`') {
        const p = c === '$' ? this.lexDollar(false) : this.lexBackquote(false)
        if (p) {
          flush()
          parts.push(p)
        } else lit += s[this.pos++]
      } else lit += s[this.pos++]
    }
    flush()
    return { parts, raw: s.slice(start, this.pos) }
  }

  /**
   * A double-quoted string from `pos` (at the quote). With `heredoc`, the text of an unquoted heredoc
   * body instead: it runs to the end, and `\"` is not an escape there.
   */
  protected lexDouble(heredoc = false): WordPart {
    const s = this.src
    if (!heredoc) this.pos++
    const parts: WordPart[] = []
    let lit = ''
    const flush = () => {
      if (lit) parts.push({ kind: 'lit', text: lit, quoted: true })
      lit = ''
    }
    for (;;) {
      if (this.pos >= s.length) {
        if (heredoc) break
        this.fail('"')
      }
      const c = s[this.pos]
      if (c === '"' && !heredoc) {
        this.pos++
        break
      }
      if (c === '\\') {
        const n = s[this.pos + 1]
        if (n === undefined) {
          if (heredoc) {
            lit += c
            this.pos++
            continue
          }
          this.fail('"')
        }
        if (n === '\n') this.pos += 2
        else if ((heredoc ? '$`\\' : '$`"\\').includes(n)) {
          lit += n
          this.pos += 2
        } else {
          lit += c
          this.pos++
        }
      } else if (c === '$' || c === '`') {
        const p = c === '$' ? this.lexDollar(true) : this.lexBackquote(true)
        if (p) {
          flush()
          parts.push(p)
        } else lit += s[this.pos++]
      } else lit += s[this.pos++]
    }
    flush()
    return { kind: 'dq', parts }
  }

  /** `$...` at `pos`; returns undefined when the `$` is just a character. */
  protected lexDollar(quoted: boolean): WordPart | undefined {
    const s = this.src
    const n = s[this.pos + 1]
    if (n === '(' && s[this.pos + 2] === '(') {
      const end = this.matchArith(this.pos + 3)
      if (end >= 0) {
        const expr = s.slice(this.pos + 3, end)
        this.pos = end + 2
        return { kind: 'arith', expr, quoted }
      }
    }
    if (n === '(') {
      this.pos += 2
      if (++this.depth > MAX_DEPTH) throw new SyntaxErr('(', this.pos)
      const loose = this.loose
      this.loose = false
      const body = this.parseSubList()
      this.loose = loose
      this.depth--
      return { kind: 'cmdsub', body, quoted }
    }
    if (n === '{') {
      const end = this.matchBrace(this.pos + 2)
      const inner = s.slice(this.pos + 2, end)
      this.pos = end + 1
      return { kind: 'brace', inner, quoted }
    }
    if (n === "'" && !quoted) {
      const { text, end } = ansiC(s, this.pos + 2)
      if (end < 0) this.fail("'")
      this.pos = end + 1
      return { kind: 'lit', text, quoted: true }
    }
    if (n === '"' && !quoted) {
      this.pos++
      return this.lexDouble()
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.pos + 1, this.pos + 256))
    if (name) {
      this.pos += 1 + name[0].length
      return { kind: 'param', name: name[0], quoted }
    }
    if (n !== undefined && '0123456789?$#@*!-'.includes(n)) {
      this.pos += 2
      return { kind: 'param', name: n, quoted }
    }
    return undefined
  }

  private lexBackquote(quoted: boolean): WordPart {
    const s = this.src
    let i = this.pos + 1
    let inner = ''
    for (;;) {
      if (i >= s.length) this.fail('`')
      const c = s[i]
      if (c === '`') break
      if (c === '\\' && (s[i + 1] === '$' || s[i + 1] === '`' || s[i + 1] === '\\' || (quoted && s[i + 1] === '"'))) {
        inner += s[i + 1]
        i += 2
      } else {
        inner += c
        i++
      }
    }
    this.pos = i + 1
    if (++this.depth > MAX_DEPTH) throw new SyntaxErr('`', this.pos)
    const body = this.parseNested(inner)
    this.depth--
    return { kind: 'cmdsub', body, quoted }
  }

  /** Parses the text of a backquoted command substitution. */
  protected abstract parseNested(text: string): List

  /** The index of the `))` closing `$((`, or -1 when the parentheses do not close that way. */
  private matchArith(from: number): number {
    const s = this.src
    let depth = 0
    for (let i = from; i < s.length; i++) {
      if (s[i] === '(') depth++
      else if (s[i] === ')') {
        if (depth > 0) depth--
        else return s[i + 1] === ')' ? i : -1
      }
    }
    this.fail(')')
  }

  /** The index of the `}` that closes `${`, skipping quotes and nested braces. */
  private matchBrace(from: number): number {
    const s = this.src
    let depth = 0
    for (let i = from; i < s.length; i++) {
      const c = s[i]
      if (c === '\\') i++
      else if (c === "'") {
        const e = s.indexOf("'", i + 1)
        if (e < 0) break
        i = e
      } else if (c === '{') depth++
      else if (c === '}') {
        if (depth === 0) return i
        depth--
      }
    }
    this.fail('}')
  }
}
