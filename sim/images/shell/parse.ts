// A POSIX-sh subset parser for what pods put in `command`/`args` and probes: lists (; && || &),
// pipelines, simple commands with assignments and redirections, while/until/for/if, { } and ( ),
// quoting, $VAR ${VAR:-x} $(cmd) `cmd` $((expr)). No here-docs, no case, no functions.

import { ShellSyntaxError, tokenize, type Tok, type Word } from './lex'

export { ShellSyntaxError }
export type { Part, Word } from './lex'

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
