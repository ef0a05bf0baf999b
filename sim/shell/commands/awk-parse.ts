// The awk language (POSIX awk, as mawk — Ubuntu's awk — reads it): a recursive-descent parser for
// pattern-action items, statements and C-like expressions with awk's implicit concatenation.
// Over 300 lines: it is one grammar, and splitting it would scatter the precedence ladder.

import { AwkSyntaxError, BUILTINS, KEYWORDS, lex, type Tok } from './awk-lex'

export { AwkSyntaxError }

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; src: string }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'index'; name: string; subs: Expr[] }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'unary'; op: string; e: Expr }
  | { k: 'match'; neg: boolean; a: Expr; re: Expr }
  | { k: 'in'; subs: Expr[]; name: string }
  | { k: 'incdec'; op: string; pre: boolean; target: Expr }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'group'; e: Expr }

export type Stmt =
  | { k: 'print' | 'printf'; args: Expr[]; dest?: { append: boolean; e: Expr } }
  | { k: 'expr'; e: Expr }
  | { k: 'if'; c: Expr; t: Stmt; f?: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; c: Expr; body: Stmt }
  | { k: 'for'; init?: Expr; c?: Expr; step?: Expr; body: Stmt }
  | { k: 'forin'; v: string; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' | 'break' | 'continue' }
  | { k: 'exit'; e?: Expr }
  | { k: 'delete'; name: string; subs?: Expr[] }

export interface Item {
  pattern: 'BEGIN' | 'END' | Expr | undefined
  action: Stmt[] | undefined
}

export function parseAwk(src: string): Item[] {
  return new AwkParser(lex(src)).program()
}

class AwkParser {
  private i = 0
  private noGt = 0
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok {
    return this.toks[this.i]
  }
  private next(): Tok {
    return this.toks[this.i++]
  }
  private isOp(v: string): boolean {
    const t = this.peek()
    return t.t === 'op' && t.v === v
  }
  private isName(v: string): boolean {
    const t = this.peek()
    return t.t === 'name' && t.v === v
  }
  private fail(): never {
    const t = this.peek()
    const near = t.t === 'eof' ? 'end of file' : t.t === 'nl' ? 'end of line' : t.t === 'str' ? `"${t.v}"` : t.t === 're' ? `/${t.v}/` : String(t.v)
    throw new AwkSyntaxError(`syntax error at or near ${near}`)
  }
  private expect(v: string): void {
    if (!this.isOp(v)) {
      if (v === '}' && this.peek().t === 'eof') throw new AwkSyntaxError('missing } near end of file')
      this.fail()
    }
    this.i++
  }
  private nls(): void {
    while (this.peek().t === 'nl') this.i++
  }
  private terminators(): void {
    while (this.peek().t === 'nl' || this.isOp(';')) this.i++
  }

  program(): Item[] {
    const items: Item[] = []
    this.terminators()
    while (this.peek().t !== 'eof') {
      if (this.isOp('}')) throw new AwkSyntaxError("extra '}'")
      let pattern: Item['pattern']
      if (this.isName('BEGIN') || this.isName('END')) pattern = (this.next() as { v: string }).v as 'BEGIN' | 'END'
      else if (!this.isOp('{')) pattern = this.expr()
      let action: Stmt[] | undefined
      if (this.isOp('{')) action = this.block()
      else if (pattern === 'BEGIN' || pattern === 'END') this.fail()
      items.push({ pattern, action })
      this.terminators()
    }
    return items
  }

  private block(): Stmt[] {
    this.expect('{')
    const body: Stmt[] = []
    this.terminators()
    while (!this.isOp('}')) {
      if (this.peek().t === 'eof') throw new AwkSyntaxError('missing } near end of file')
      body.push(this.stmt())
      this.terminators()
    }
    this.i++
    return body
  }

  private simpleEnd(): void {
    if (this.isOp(';') || this.peek().t === 'nl') this.i++
    else if (!this.isOp('}') && this.peek().t !== 'eof') this.fail()
  }

  private stmt(): Stmt {
    const t = this.peek()
    if (this.isOp('{')) return { k: 'block', body: this.block() }
    if (this.isOp(';')) {
      this.i++
      return { k: 'block', body: [] }
    }
    if (t.t === 'name') {
      switch (t.v) {
        case 'if': {
          this.i++
          this.expect('(')
          const c = this.expr()
          this.expect(')')
          this.nls()
          const then = this.stmt()
          const save = this.i
          this.terminators()
          if (this.isName('else')) {
            this.i++
            this.nls()
            return { k: 'if', c, t: then, f: this.stmt() }
          }
          this.i = save
          return { k: 'if', c, t: then }
        }
        case 'while': {
          this.i++
          this.expect('(')
          const c = this.expr()
          this.expect(')')
          this.nls()
          return { k: 'while', c, body: this.stmt() }
        }
        case 'do': {
          this.i++
          this.nls()
          const body = this.stmt()
          this.terminators()
          if (!this.isName('while')) this.fail()
          this.i++
          this.expect('(')
          const c = this.expr()
          this.expect(')')
          this.simpleEnd()
          return { k: 'do', c, body }
        }
        case 'for':
          return this.forStmt()
        case 'next':
        case 'break':
        case 'continue':
          this.i++
          this.simpleEnd()
          return { k: t.v }
        case 'exit': {
          this.i++
          const e = this.isOp(';') || this.isOp('}') || this.peek().t === 'nl' || this.peek().t === 'eof' ? undefined : this.expr()
          this.simpleEnd()
          return { k: 'exit', e }
        }
        case 'delete': {
          this.i++
          const n = this.next()
          if (n.t !== 'name') this.fail()
          let subs: Expr[] | undefined
          if (this.isOp('[')) subs = this.subscripts()
          this.simpleEnd()
          return { k: 'delete', name: n.v, subs }
        }
        case 'print':
        case 'printf': {
          this.i++
          const args: Expr[] = []
          this.noGt++
          if (!this.isOp(';') && !this.isOp('}') && !this.isOp('>') && !this.isOp('>>') && this.peek().t !== 'nl' && this.peek().t !== 'eof') {
            args.push(this.expr())
            while (this.isOp(',')) {
              this.i++
              this.nls()
              args.push(this.expr())
            }
          }
          this.noGt--
          if (args.length === 1 && args[0].k === 'group' && args[0].e.k === 'bin' && args[0].e.op === ',') args.splice(0, 1, ...flattenComma(args[0].e))
          let dest: { append: boolean; e: Expr } | undefined
          if (this.isOp('>') || this.isOp('>>')) {
            const append = (this.next() as { v: string }).v === '>>'
            dest = { append, e: this.concatLevel() }
          }
          this.simpleEnd()
          return { k: t.v, args, dest }
        }
      }
    }
    const e = this.expr()
    this.simpleEnd()
    return { k: 'expr', e }
  }

  private forStmt(): Stmt {
    this.i++
    this.expect('(')
    const a = this.toks[this.i]
    const b = this.toks[this.i + 1]
    const c = this.toks[this.i + 2]
    if (a.t === 'name' && b.t === 'name' && b.v === 'in' && c.t === 'name' && this.toks[this.i + 3]?.t === 'op' && (this.toks[this.i + 3] as { v: string }).v === ')') {
      this.i += 4
      this.nls()
      return { k: 'forin', v: a.v, arr: c.v, body: this.stmt() }
    }
    const init = this.isOp(';') ? undefined : this.expr()
    this.expect(';')
    this.nls()
    const cond = this.isOp(';') ? undefined : this.expr()
    this.expect(';')
    this.nls()
    const step = this.isOp(')') ? undefined : this.expr()
    this.expect(')')
    this.nls()
    return { k: 'for', init, c: cond, step, body: this.stmt() }
  }

  private subscripts(): Expr[] {
    this.expect('[')
    const subs = [this.expr()]
    while (this.isOp(',')) {
      this.i++
      subs.push(this.expr())
    }
    this.expect(']')
    return subs
  }

  expr(): Expr {
    return this.ternary()
  }

  private ternary(): Expr {
    const c = this.or()
    if (this.isOp('?')) {
      this.i++
      this.nls()
      const a = this.ternary()
      this.nls()
      this.expect(':')
      this.nls()
      return { k: 'cond', c, a, b: this.ternary() }
    }
    if (this.peek().t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes((this.peek() as { v: string }).v)) {
      if (c.k !== 'var' && c.k !== 'field' && c.k !== 'index') this.fail()
      const op = (this.next() as { v: string }).v
      this.nls()
      return { k: 'assign', op, target: c, e: this.ternary() }
    }
    return c
  }

  private or(): Expr {
    let a = this.and()
    while (this.isOp('||')) {
      this.i++
      this.nls()
      a = { k: 'bin', op: '||', a, b: this.and() }
    }
    return a
  }

  private and(): Expr {
    let a = this.inExpr()
    while (this.isOp('&&')) {
      this.i++
      this.nls()
      a = { k: 'bin', op: '&&', a, b: this.inExpr() }
    }
    return a
  }

  private inExpr(): Expr {
    let a = this.matchExpr()
    while (this.isName('in')) {
      this.i++
      const n = this.next()
      if (n.t !== 'name') this.fail()
      a = { k: 'in', subs: a.k === 'group' && a.e.k === 'bin' && a.e.op === ',' ? flattenComma(a.e) : [a], name: n.v }
    }
    return a
  }

  private matchExpr(): Expr {
    let a = this.comparison()
    while (this.isOp('~') || this.isOp('!~')) {
      const neg = (this.next() as { v: string }).v === '!~'
      a = { k: 'match', neg, a, re: this.comparison() }
    }
    return a
  }

  private comparison(): Expr {
    const a = this.concatLevel()
    for (const op of ['<', '<=', '==', '!=', '>=', '>']) {
      if (this.isOp(op) && !(op === '>' && this.noGt)) {
        this.i++
        return { k: 'bin', op, a, b: this.concatLevel() }
      }
    }
    return a
  }

  private concatLevel(): Expr {
    let a = this.additive()
    for (;;) {
      const t = this.peek()
      // `a -1` is a subtraction and `a !b` is not awk: only these tokens start a concatenated operand.
      const starts = t.t === 'num' || t.t === 'str' || t.t === 're' || (t.t === 'name' && !KEYWORDS.has(t.v)) || (t.t === 'op' && ['$', '(', '++', '--'].includes(t.v))
      if (!starts) return a
      a = { k: 'bin', op: 'concat', a, b: this.additive() }
    }
  }

  private additive(): Expr {
    let a = this.multiplicative()
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.next() as { v: string }).v
      a = { k: 'bin', op, a, b: this.multiplicative() }
    }
    return a
  }

  private multiplicative(): Expr {
    let a = this.unary()
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = (this.next() as { v: string }).v
      a = { k: 'bin', op, a, b: this.unary() }
    }
    return a
  }

  private unary(): Expr {
    if (this.isOp('!') || this.isOp('-') || this.isOp('+')) {
      const op = (this.next() as { v: string }).v
      return { k: 'unary', op, e: this.unary() }
    }
    return this.power()
  }

  private power(): Expr {
    const a = this.postfix()
    if (this.isOp('^')) {
      this.i++
      return { k: 'bin', op: '^', a, b: this.unary() }
    }
    return a
  }

  private postfix(): Expr {
    if (this.isOp('++') || this.isOp('--')) {
      const op = (this.next() as { v: string }).v
      return { k: 'incdec', op, pre: true, target: this.primary() }
    }
    const e = this.primary()
    if ((this.isOp('++') || this.isOp('--')) && (e.k === 'var' || e.k === 'field' || e.k === 'index')) {
      return { k: 'incdec', op: (this.next() as { v: string }).v, pre: false, target: e }
    }
    return e
  }

  private primary(): Expr {
    const t = this.next()
    if (t.t === 'num') return { k: 'num', v: t.v }
    if (t.t === 'str') return { k: 'str', v: t.v }
    if (t.t === 're') return { k: 're', src: t.v }
    if (t.t === 'op' && t.v === '$') return { k: 'field', e: this.postfixNoInc() }
    if (t.t === 'op' && t.v === '(') {
      const saved = this.noGt
      this.noGt = 0
      let e = this.expr()
      while (this.isOp(',')) {
        this.i++
        e = { k: 'bin', op: ',', a: e, b: this.expr() }
      }
      this.noGt = saved
      this.expect(')')
      return { k: 'group', e }
    }
    if (t.t === 'name' && !KEYWORDS.has(t.v)) {
      if (BUILTINS.has(t.v)) {
        const args: Expr[] = []
        if (this.isOp('(')) {
          this.i++
          if (!this.isOp(')')) {
            args.push(this.expr())
            while (this.isOp(',')) {
              this.i++
              args.push(this.expr())
            }
          }
          this.expect(')')
        }
        return { k: 'call', name: t.v, args }
      }
      if (this.isOp('[')) return { k: 'index', name: t.v, subs: this.subscripts() }
      return { k: 'var', name: t.v }
    }
    this.i--
    this.fail()
  }

  private postfixNoInc(): Expr {
    if (this.isOp('-') || this.isOp('+') || this.isOp('!')) {
      const op = (this.next() as { v: string }).v
      return { k: 'unary', op, e: this.postfixNoInc() }
    }
    return this.primary()
  }
}

function flattenComma(e: Expr): Expr[] {
  return e.k === 'bin' && e.op === ',' ? [...flattenComma(e.a), ...flattenComma(e.b)] : [e]
}
