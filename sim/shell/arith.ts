// `$(( ... ))`: bash's integer arithmetic (64-bit, C operator precedence, variables by name, `++`,
// assignments). Errors carry bash's wording from expr.c: "syntax error: operand expected",
// "division by 0", "value too great for base", each with `(error token is "...")`.

export class ArithError extends Error {}

export interface ArithVars {
  get(name: string): string | undefined
  set(name: string, value: string): void
}

const BINARY: [string[], number][] = [
  [['||'], 1],
  [['&&'], 2],
  [['|'], 3],
  [['^'], 4],
  [['&'], 5],
  [['==', '!='], 6],
  [['<=', '>=', '<', '>'], 7],
  [['<<', '>>'], 8],
  [['+', '-'], 9],
  [['*', '/', '%'], 10],
  [['**'], 11],
]
const PREC = new Map<string, number>(BINARY.flatMap(([ops, p]) => ops.map((o) => [o, p] as [string, number])))
const TOKEN = /^\s*(0[xX][0-9a-fA-F]+|[0-9]+#[0-9a-zA-Z@_]+|[0-9]+|[A-Za-z_][A-Za-z0-9_]*|\*\*=?|<<=?|>>=?|\+\+|--|&&|\|\||[<>=!]=|[-+*/%&|^]=|[-+*/%<>!~?:(),=&|^])/

const wrap = (n: bigint) => BigInt.asIntN(64, n)

class Evaluator {
  private pos = 0
  private tok: string | undefined
  private tokStart = 0

  constructor(
    private readonly expr: string,
    private readonly vars: ArithVars,
    private readonly depth: number,
  ) {
    this.advance()
  }

  private prevStart = 0

  private advance(): void {
    this.prevStart = this.tokStart
    const m = TOKEN.exec(this.expr.slice(this.pos))
    const rest = this.expr.slice(this.pos)
    if (!m) {
      this.tokStart = this.pos + (rest.length - rest.trimStart().length)
      this.tok = rest.trim() === '' ? undefined : rest.trimStart()[0]
      if (this.tok !== undefined) this.fail('syntax error: invalid arithmetic operator')
      return
    }
    this.tokStart = this.pos + m[0].length - m[1].length
    this.pos += m[0].length
    this.tok = m[1]
  }

  private rest(): string {
    return this.expr.slice(this.tokStart)
  }

  private fail(what: string): never {
    // At the end of the expression bash points at the last token it read (`1 +` → "+").
    if (this.tok === undefined) this.tokStart = this.prevStart
    throw new ArithError(`${this.expr}: ${what} (error token is "${this.rest()}")`)
  }

  run(): bigint {
    if (this.tok === undefined) return 0n
    const v = this.comma()
    if (this.tok !== undefined) this.fail('syntax error in expression')
    return v
  }

  private comma(): bigint {
    let v = this.assign()
    while (this.tok === ',') {
      this.advance()
      v = this.assign()
    }
    return v
  }

  private assign(): bigint {
    const name = this.tok
    if (name && /^[A-Za-z_]/.test(name)) {
      const save = { pos: this.pos, tok: this.tok, start: this.tokStart }
      this.advance()
      const op = this.tok
      if (op && /^(\*\*|<<|>>|[-+*/%&|^])?=$/.test(op)) {
        this.advance()
        const rhs = this.assign()
        const v = op === '=' ? rhs : this.binary(op.slice(0, -1), this.variable(name), rhs)
        this.vars.set(name, String(v))
        return v
      }
      this.pos = save.pos
      this.tok = save.tok
      this.tokStart = save.start
    }
    return this.ternary()
  }

  private ternary(): bigint {
    const c = this.climb(1)
    if (this.tok !== '?') return c
    this.advance()
    const a = this.assign()
    if ((this.tok as string | undefined) !== ':') this.fail("`:' expected for conditional expression")
    this.advance()
    const b = this.assign()
    return c !== 0n ? a : b
  }

  private climb(min: number): bigint {
    let left = this.unary()
    for (;;) {
      const op = this.tok
      const p = op === undefined ? undefined : PREC.get(op)
      if (p === undefined || p < min) return left
      this.advance()
      const right = op === '**' ? this.climb(p) : this.climb(p + 1)
      left = this.binary(op!, left, right)
    }
  }

  private binary(op: string, a: bigint, b: bigint): bigint {
    switch (op) {
      case '+': return wrap(a + b)
      case '-': return wrap(a - b)
      case '*': return wrap(a * b)
      case '/':
      case '%':
        if (b === 0n) {
          this.tokStart = Math.max(0, this.lastOperandStart)
          this.fail('division by 0')
        }
        return wrap(op === '/' ? a / b : a % b)
      case '**':
        if (b < 0n) this.fail('exponent less than 0')
        return wrap(a ** b)
      case '<<': return wrap(a << b)
      case '>>': return a >> b
      case '&': return a & b
      case '|': return a | b
      case '^': return a ^ b
      case '&&': return a !== 0n && b !== 0n ? 1n : 0n
      case '||': return a !== 0n || b !== 0n ? 1n : 0n
      case '==': return a === b ? 1n : 0n
      case '!=': return a !== b ? 1n : 0n
      case '<': return a < b ? 1n : 0n
      case '>': return a > b ? 1n : 0n
      case '<=': return a <= b ? 1n : 0n
      default: return a >= b ? 1n : 0n
    }
  }

  private lastOperandStart = 0

  private unary(): bigint {
    const t = this.tok
    if (t === '-' || t === '+' || t === '!' || t === '~') {
      this.advance()
      const v = this.unary()
      return t === '-' ? wrap(-v) : t === '+' ? v : t === '!' ? (v === 0n ? 1n : 0n) : ~v
    }
    if (t === '++' || t === '--') {
      this.advance()
      const name = this.tok
      if (!name || !/^[A-Za-z_]/.test(name)) this.fail('syntax error: operand expected')
      this.advance()
      const v = wrap(this.variable(name) + (t === '++' ? 1n : -1n))
      this.vars.set(name, String(v))
      return v
    }
    return this.primary()
  }

  private primary(): bigint {
    const t = this.tok
    this.lastOperandStart = this.tokStart
    if (t === undefined) this.fail('syntax error: operand expected')
    if (t === '(') {
      this.advance()
      const v = this.comma()
      if (this.tok !== ')') this.fail("missing `)'")
      this.advance()
      return v
    }
    if (/^[A-Za-z_]/.test(t)) {
      this.advance()
      const v = this.variable(t)
      if (this.tok === '++' || this.tok === '--') {
        this.vars.set(t, String(wrap(v + (this.tok === '++' ? 1n : -1n))))
        this.advance()
      }
      return v
    }
    if (/^[0-9]/.test(t)) {
      const v = this.number(t)
      this.advance()
      return v
    }
    return this.fail('syntax error: operand expected')
  }

  private number(t: string): bigint {
    if (/^0[xX]/.test(t)) return wrap(BigInt(t))
    const hash = t.indexOf('#')
    const base = hash > 0 ? Number(t.slice(0, hash)) : t.length > 1 && t[0] === '0' ? 8 : 10
    const digits = hash > 0 ? t.slice(hash + 1) : t
    if (base < 2 || base > 64) this.fail('invalid arithmetic base')
    let v = 0n
    for (const d of digits) {
      const n = /[0-9]/.test(d) ? Number(d) : /[a-z]/.test(d) ? d.charCodeAt(0) - 87 : /[A-Z]/.test(d) ? d.charCodeAt(0) - (base <= 36 ? 55 : 29) : d === '@' ? 62 : 63
      if (n >= base) throw new ArithError(`${t}: value too great for base (error token is "${t}")`)
      v = v * BigInt(base) + BigInt(n)
    }
    return wrap(v)
  }

  private variable(name: string): bigint {
    const raw = (this.vars.get(name) ?? '').trim()
    if (raw === '') return 0n
    if (/^-?[0-9]+$/.test(raw) && !/^-?0[0-9]/.test(raw)) return wrap(BigInt(raw))
    if (this.depth > 64) throw new ArithError(`${raw}: expression recursion level exceeded (error token is "${raw}")`)
    return new Evaluator(raw, this.vars, this.depth + 1).run()
  }
}

/** Evaluates an arithmetic expression (after parameter expansion) to bash's decimal text. */
export function evaluateArith(expr: string, vars: ArithVars): string {
  return String(new Evaluator(expr, vars, 0).run())
}
