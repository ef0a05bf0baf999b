// A POSIX-sh subset parser for what pods put in `command`/`args` and probes: lists (; && || &),
// pipelines, simple commands with assignments and redirections, while/until/for/if, { } and ( ),
// quoting, $VAR ${VAR:-x} $(cmd) `cmd` $((expr)). No here-docs, no case, no functions.

export type Part =
  | { t: 'lit'; v: string; q: boolean }
  | { t: 'var'; name: string; op?: ':-' | '-' | ':=' | '=' | ':+' | '+' | '#'; arg?: Word; q: boolean }
  | { t: 'sub'; src: string; q: boolean }
  | { t: 'arith'; src: string; q: boolean }
export type Word = Part[]

export interface Redir {
  /** 1 = stdout, 2 = stderr, 0 = stdin, 'both' = bash's &> */
  fd: 0 | 1 | 2 | 'both'
  op: '>' | '>>' | '<' | '>&'
  target: Word
}

export type Node =
  | { t: 'simple'; assigns: [string, Word][]; words: Word[]; redirs: Redir[] }
  | { t: 'pipe'; cmds: Node[]; bang: boolean }
  | { t: 'and' | 'or'; left: Node; right: Node }
  | { t: 'list'; items: { node: Node; bg: boolean }[] }
  | { t: 'while'; until: boolean; cond: Node; body: Node }
  | { t: 'for'; name: string; items: Word[] | null; body: Node }
  | { t: 'if'; branches: { cond: Node; body: Node }[]; otherwise?: Node }
  | { t: 'group'; body: Node; subshell: boolean }

type Tok = { k: 'word'; w: Word; io?: 0 | 1 | 2 } | { k: 'op'; v: string }

export class ShellSyntaxError extends Error {}

const OPS = ['&&', '||', '>>', '>&', '&>', ';', '&', '|', '(', ')', '>', '<', '\n']

/** The index just past the `close` that balances the opener at `start` (quotes respected). */
function matching(src: string, start: number, open: string, close: string): number {
  let depth = 0
  for (let i = start; i < src.length; i++) {
    const c = src[i]
    if (c === '\\') i++
    else if (c === "'") i = src.indexOf("'", i + 1)
    else if (c === '"') {
      for (i++; i < src.length && src[i] !== '"'; i++) if (src[i] === '\\') i++
    } else if (src.startsWith(open, i)) depth++
    else if (src.startsWith(close, i) && --depth === 0) return i + close.length
    if (i < 0) break
  }
  throw new ShellSyntaxError(`unterminated ${open}`)
}

/** Parses `$...` at src[i] (src[i] === '$'); returns the part and the index after it. */
function dollar(src: string, i: number, q: boolean): [Part, number] {
  const next = src[i + 1]
  if (src.startsWith('$((', i)) {
    const end = matching(src, i + 1, '(', ')')
    return [{ t: 'arith', src: src.slice(i + 3, end - 2), q }, end]
  }
  if (next === '(') {
    const end = matching(src, i + 1, '(', ')')
    return [{ t: 'sub', src: src.slice(i + 2, end - 1), q }, end]
  }
  if (next === '{') {
    const end = matching(src, i + 1, '{', '}')
    const body = src.slice(i + 2, end - 1)
    if (body.startsWith('#')) return [{ t: 'var', name: body.slice(1), op: '#', q }, end]
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-])(:?[-=+])?(.*)$/s.exec(body)
    if (!m) throw new ShellSyntaxError(`\${${body}}: bad substitution`)
    const op = (m[2] || undefined) as ':-' | '-' | ':=' | '=' | ':+' | '+' | undefined
    return [{ t: 'var', name: m[1], op, arg: op ? lexWord(m[3], true) : undefined, q }, end]
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-])/.exec(src.slice(i + 1))
  if (!m) return [{ t: 'lit', v: '$', q }, i + 1]
  return [{ t: 'var', name: m[1], q }, i + 1 + m[1].length]
}

/** Splits the inside of a double-quoted string (or a ${x:-word} argument) into parts. */
function lexWord(src: string, q: boolean): Word {
  const parts: Word = []
  let lit = ''
  const flush = () => {
    if (lit) parts.push({ t: 'lit', v: lit, q })
    lit = ''
  }
  for (let i = 0; i < src.length; ) {
    const c = src[i]
    if (c === '\\' && i + 1 < src.length && '$`"\\\n'.includes(src[i + 1])) {
      lit += src[i + 1] === '\n' ? '' : src[i + 1]
      i += 2
    } else if (c === '$') {
      flush()
      const [p, j] = dollar(src, i, q)
      parts.push(p)
      i = j
    } else if (c === '`') {
      flush()
      const end = src.indexOf('`', i + 1)
      if (end < 0) throw new ShellSyntaxError('unterminated `')
      parts.push({ t: 'sub', src: src.slice(i + 1, end), q })
      i = end + 1
    } else {
      lit += c
      i++
    }
  }
  flush()
  return parts
}

export function tokenize(src: string): Tok[] {
  const toks: Tok[] = []
  let word: Word | null = null
  let lit = ''
  const flushLit = () => {
    if (lit) (word ??= []).push({ t: 'lit', v: lit, q: false })
    lit = ''
  }
  const endWord = () => {
    flushLit()
    if (word) toks.push({ k: 'word', w: word })
    word = null
  }
  for (let i = 0; i < src.length; ) {
    const c = src[i]
    if (c === ' ' || c === '\t') {
      endWord()
      i++
    } else if (c === '#' && word === null && lit === '') {
      while (i < src.length && src[i] !== '\n') i++
    } else if (c === '\\') {
      if (src[i + 1] === '\n') i += 2
      else {
        flushLit()
        ;(word ??= []).push({ t: 'lit', v: src[i + 1] ?? '', q: true })
        i += 2
      }
    } else if (c === "'") {
      const end = src.indexOf("'", i + 1)
      if (end < 0) throw new ShellSyntaxError("unterminated quoted string")
      flushLit()
      ;(word ??= []).push({ t: 'lit', v: src.slice(i + 1, end), q: true })
      i = end + 1
    } else if (c === '"') {
      let j = i + 1
      for (; j < src.length && src[j] !== '"'; j++) if (src[j] === '\\') j++
      if (j >= src.length) throw new ShellSyntaxError('unterminated quoted string')
      flushLit()
      const inner = lexWord(src.slice(i + 1, j), true)
      ;(word ??= []).push(...(inner.length ? inner : [{ t: 'lit' as const, v: '', q: true }]))
      i = j + 1
    } else if (c === '$') {
      flushLit()
      const [p, j] = dollar(src, i, false)
      ;(word ??= []).push(p)
      i = j
    } else if (c === '`') {
      const end = src.indexOf('`', i + 1)
      if (end < 0) throw new ShellSyntaxError('unterminated `')
      flushLit()
      ;(word ??= []).push({ t: 'sub', src: src.slice(i + 1, end), q: false })
      i = end + 1
    } else {
      const op = OPS.find((o) => src.startsWith(o, i))
      if (op) {
        // `2>` / `1>>`: a word of digits glued to a redirection is the fd it redirects.
        let io: 0 | 1 | 2 | undefined
        if ((op[0] === '>' || op[0] === '<') && word === null && /^[012]$/.test(lit)) {
          io = Number(lit) as 0 | 1 | 2
          lit = ''
        }
        endWord()
        toks.push({ k: 'op', v: op })
        if (io !== undefined) (toks[toks.length - 1] as { io?: number }).io = io
        i += op.length
      } else {
        lit += c
        i++
      }
    }
  }
  endWord()
  return toks
}

const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'while', 'until', 'do', 'done', 'for', 'in', '{', '}', '!'])

/** The plain text of a word made only of unquoted literals (for reserved words and names). */
function bare(t: Tok | undefined): string | undefined {
  if (!t || t.k !== 'word' || t.w.length !== 1) return undefined
  const p = t.w[0]
  return p.t === 'lit' && !p.q ? p.v : undefined
}

class Parser {
  private i = 0
  constructor(private toks: Tok[]) {}

  parseAll(): Node {
    const list = this.list([])
    if (this.i < this.toks.length) throw new ShellSyntaxError(`syntax error: unexpected "${this.show(this.toks[this.i])}"`)
    return list
  }

  private show(t: Tok): string {
    return t.k === 'op' ? (t.v === '\n' ? 'newline' : t.v) : (bare(t) ?? 'word')
  }

  private peekReserved(): string | undefined {
    const b = bare(this.toks[this.i])
    return b !== undefined && RESERVED.has(b) ? b : undefined
  }

  private isOp(v: string): boolean {
    const t = this.toks[this.i]
    return t?.k === 'op' && t.v === v
  }

  private skipNewlines(): void {
    while (this.isOp('\n')) this.i++
  }

  private expectReserved(word: string): void {
    this.skipNewlines()
    if (this.peekReserved() !== word) {
      const t = this.toks[this.i]
      throw new ShellSyntaxError(`syntax error: unexpected ${t ? `"${this.show(t)}"` : 'end of file'} (expecting "${word}")`)
    }
    this.i++
  }

  /** A list, ending at end of input, `)` or one of the given reserved words. */
  private list(stops: string[]): Node {
    const items: { node: Node; bg: boolean }[] = []
    for (;;) {
      this.skipNewlines()
      const t = this.toks[this.i]
      if (!t || this.isOp(')') || (this.peekReserved() && stops.includes(this.peekReserved()!))) break
      const node = this.andOr()
      let bg = false
      if (this.isOp('&')) bg = true
      if (this.isOp(';') || this.isOp('&') || this.isOp('\n')) this.i++
      items.push({ node, bg })
    }
    return { t: 'list', items }
  }

  private andOr(): Node {
    let left = this.pipeline()
    for (;;) {
      const op = this.isOp('&&') ? 'and' : this.isOp('||') ? 'or' : undefined
      if (!op) return left
      this.i++
      this.skipNewlines()
      left = { t: op, left, right: this.pipeline() }
    }
  }

  private pipeline(): Node {
    let bang = false
    if (this.peekReserved() === '!') {
      bang = true
      this.i++
    }
    const cmds = [this.command()]
    while (this.isOp('|')) {
      this.i++
      this.skipNewlines()
      cmds.push(this.command())
    }
    return cmds.length === 1 && !bang ? cmds[0] : { t: 'pipe', cmds, bang }
  }

  private command(): Node {
    const r = this.peekReserved()
    if (r === 'while' || r === 'until') {
      this.i++
      const cond = this.list(['do'])
      this.expectReserved('do')
      const body = this.list(['done'])
      this.expectReserved('done')
      return { t: 'while', until: r === 'until', cond, body }
    }
    if (r === 'for') {
      this.i++
      const name = bare(this.toks[this.i++])
      if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ShellSyntaxError('syntax error: bad for loop variable')
      let items: Word[] | null = null
      this.skipNewlines()
      if (this.peekReserved() === 'in') {
        this.i++
        items = []
        while (this.toks[this.i]?.k === 'word' && this.peekReserved() !== 'do') items.push((this.toks[this.i++] as { w: Word }).w)
      }
      if (this.isOp(';')) this.i++
      this.expectReserved('do')
      const body = this.list(['done'])
      this.expectReserved('done')
      return { t: 'for', name, items, body }
    }
    if (r === 'if') {
      this.i++
      const branches: { cond: Node; body: Node }[] = []
      let otherwise: Node | undefined
      for (;;) {
        const cond = this.list(['then'])
        this.expectReserved('then')
        branches.push({ cond, body: this.list(['elif', 'else', 'fi']) })
        const next = this.peekReserved()
        this.i++
        if (next === 'elif') continue
        if (next === 'else') {
          otherwise = this.list(['fi'])
          this.expectReserved('fi')
        } else if (next !== 'fi') throw new ShellSyntaxError('syntax error: unexpected end of file (expecting "fi")')
        return { t: 'if', branches, otherwise }
      }
    }
    if (r === '{') {
      this.i++
      const body = this.list(['}'])
      this.expectReserved('}')
      return { t: 'group', body, subshell: false }
    }
    if (this.isOp('(')) {
      this.i++
      const body = this.list([])
      if (!this.isOp(')')) throw new ShellSyntaxError('syntax error: unexpected end of file (expecting ")")')
      this.i++
      return { t: 'group', body, subshell: true }
    }
    return this.simple()
  }

  private simple(): Node {
    const assigns: [string, Word][] = []
    const words: Word[] = []
    const redirs: Redir[] = []
    for (;;) {
      const t = this.toks[this.i]
      if (!t) break
      if (t.k === 'op' && ['>', '>>', '<', '>&', '&>'].includes(t.v)) {
        this.i++
        const target = this.toks[this.i++]
        if (target?.k !== 'word') throw new ShellSyntaxError(`syntax error: unexpected ${target ? `"${this.show(target)}"` : 'newline'}`)
        const io = (t as { io?: 0 | 1 | 2 }).io
        const fd = t.v === '&>' ? 'both' : (io ?? (t.v === '<' ? 0 : 1))
        redirs.push({ fd, op: t.v === '&>' ? '>' : (t.v as Redir['op']), target: target.w })
        continue
      }
      if (t.k !== 'word') break
      const b = bare(t)
      const first = t.w[0]
      const m = words.length === 0 && first?.t === 'lit' && !first.q ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.v) : null
      if (m && first?.t === 'lit') {
        const rest: Word = [{ ...first, v: first.v.slice(m[0].length) }, ...t.w.slice(1)]
        assigns.push([m[1], rest])
        this.i++
        continue
      }
      if (words.length === 0 && b !== undefined && RESERVED.has(b) && b !== '{' && b !== '}') break
      if (words.length > 0 || b === undefined || !['}'].includes(b)) words.push(t.w)
      else break
      this.i++
    }
    if (!words.length && !assigns.length && !redirs.length) {
      const t = this.toks[this.i]
      throw new ShellSyntaxError(`syntax error: unexpected ${t ? `"${this.show(t)}"` : 'end of file'}`)
    }
    return { t: 'simple', assigns, words, redirs }
  }
}

export function parseScript(src: string): Node {
  return new Parser(tokenize(src)).parseAll()
}

/** True for a script that is a single simple command (what `sh -c` may exec in place of itself). */
export function isSingleCommand(n: Node): boolean {
  if (n.t === 'list') return n.items.length === 1 && !n.items[0].bg && isSingleCommand(n.items[0].node)
  return n.t === 'simple' && n.words.length > 0
}
