// The awk interpreter: values (numbers and strings with awk's conversions), records and fields,
// expressions, statements and the built-in functions.
// Over 300 lines: one interpreter over one AST; the switch statements read best in one place.

import { normalizePath } from '../../storage/memfs'
import type { CommandContext } from '../types'
import type { Expr, Stmt } from './awk-parse'
import { formatAwk } from './awk-format'
import { writeKeepingMode } from './files'
import { compile, translate } from './regex'

export type Val = number | string

export class Exit {
  constructor(readonly code: number) {}
}
export class Next {}
class LoopCtl {
  constructor(readonly kind: 'break' | 'continue') {}
}
export class RunError extends Error {}

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/
/** A runaway `while (1)` must not freeze the page. */
const MAX_STEPS = 5_000_000

export function toNum(v: Val): number {
  if (typeof v === 'number') return v
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(v)
  return m ? Number(m[0]) : 0
}

export function toStr(v: Val): string {
  if (typeof v === 'string') return v
  if (Number.isInteger(v) && Math.abs(v) < 2 ** 31) return String(v)
  if (Number.isNaN(v)) return 'nan'
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf'
  return formatAwk('%.6g', [v])
}

const looksNum = (v: Val) => typeof v === 'number' || NUMERIC.test(v)

export class Awk {
  vars = new Map<string, Val>([
    ['FS', ' '],
    ['OFS', ' '],
    ['ORS', '\n'],
    ['NR', 0],
    ['NF', 0],
    ['FNR', 0],
    ['SUBSEP', '\x1c'],
    ['RSTART', 0],
    ['RLENGTH', -1],
    ['FILENAME', ''],
  ])
  arrays = new Map<string, Map<string, Val>>()
  fields: string[] = ['']
  out = ''
  steps = 0
  seed = 0
  private files = new Map<string, string>()

  constructor(private readonly ctx: CommandContext) {}

  flush(): void {
    if (this.out) this.ctx.stdout(this.out)
    this.out = ''
  }

  setRecord(text: string): void {
    this.fields = [text, ...this.split(text, toStr(this.vars.get('FS')!))]
    this.vars.set('NF', this.fields.length - 1)
  }

  split(text: string, fs: string): string[] {
    if (fs === ' ') return text.split(/[ \t\n]+/).filter((s) => s !== '')
    if (text === '') return []
    if (fs.length === 1 && fs !== '\\') return text.split(fs)
    return text.split(this.regex(fs))
  }

  regex(src: string): RegExp {
    const t = translate(src, true)
    const re = 'error' in t ? undefined : compile(t.source, '')
    if (!re) throw new RunError(`regular expression compile failed (${'error' in t ? t.error : 'bad pattern'})\n${src}`)
    return re
  }

  private getField(i: number): string {
    if (i < 0) throw new RunError(`negative field index $${i}`)
    return this.fields[i] ?? ''
  }

  private setField(i: number, v: string): void {
    if (i === 0) return this.setRecord(v)
    while (this.fields.length <= i) this.fields.push('')
    this.fields[i] = v
    this.rebuild()
  }

  private rebuild(): void {
    this.vars.set('NF', this.fields.length - 1)
    this.fields[0] = this.fields.slice(1).join(toStr(this.vars.get('OFS')!))
  }

  private array(name: string): Map<string, Val> {
    let a = this.arrays.get(name)
    if (!a) this.arrays.set(name, (a = new Map()))
    return a
  }

  private key(subs: Expr[]): string {
    return subs.map((s) => toStr(this.eval(s))).join(toStr(this.vars.get('SUBSEP')!))
  }

  private assign(target: Expr, v: Val): Val {
    if (target.k === 'var') {
      this.vars.set(target.name, v)
      if (target.name === 'NF') {
        this.fields.length = Math.max(0, toNum(v)) + 1
        for (let i = 0; i < this.fields.length; i++) this.fields[i] ??= ''
        this.rebuild()
      }
    } else if (target.k === 'field') this.setField(Math.trunc(toNum(this.eval(target.e))), toStr(v))
    else if (target.k === 'index') this.array(target.name).set(this.key(target.subs), v)
    return v
  }

  truthy(v: Val): boolean {
    return looksNum(v) ? toNum(v) !== 0 : v !== ''
  }

  private matches(v: Val, re: Expr): boolean {
    const src = re.k === 're' ? re.src : toStr(this.eval(re))
    return this.regex(src).test(toStr(v))
  }

  eval(e: Expr): Val {
    switch (e.k) {
      case 'num':
        return e.v
      case 'str':
        return e.v
      case 're':
        return this.regex(e.src).test(this.fields[0]) ? 1 : 0
      case 'group':
        return this.eval(e.e)
      case 'var':
        return this.vars.get(e.name) ?? ''
      case 'field':
        return this.getField(Math.trunc(toNum(this.eval(e.e))))
      case 'index':
        return this.array(e.name).get(this.key(e.subs)) ?? ''
      case 'assign': {
        const v = this.eval(e.e)
        if (e.op === '=') return this.assign(e.target, typeof v === 'number' ? v : v)
        return this.assign(e.target, arith(e.op.slice(0, -1), toNum(this.eval(e.target)), toNum(v)))
      }
      case 'cond':
        return this.truthy(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b)
      case 'unary': {
        const v = this.eval(e.e)
        return e.op === '!' ? (this.truthy(v) ? 0 : 1) : e.op === '-' ? -toNum(v) : toNum(v)
      }
      case 'incdec': {
        const before = toNum(this.eval(e.target))
        const after = before + (e.op === '++' ? 1 : -1)
        this.assign(e.target, after)
        return e.pre ? after : before
      }
      case 'match':
        return this.matches(this.eval(e.a), e.re) !== e.neg ? 1 : 0
      case 'in':
        return this.array(e.name).has(this.key(e.subs)) ? 1 : 0
      case 'call':
        return this.call(e.name, e.args)
      case 'bin': {
        if (e.op === '&&') return this.truthy(this.eval(e.a)) && this.truthy(this.eval(e.b)) ? 1 : 0
        if (e.op === '||') return this.truthy(this.eval(e.a)) || this.truthy(this.eval(e.b)) ? 1 : 0
        const a = this.eval(e.a)
        const b = this.eval(e.b)
        if (e.op === 'concat') return toStr(a) + toStr(b)
        if (e.op === ',') return toStr(a) + toStr(this.vars.get('SUBSEP')!) + toStr(b)
        if (['<', '<=', '==', '!=', '>=', '>'].includes(e.op)) {
          const numeric = (looksNum(a) || a === '') && (looksNum(b) || b === '') && (typeof a === 'number' || typeof b === 'number' || (a !== '' && b !== ''))
          const c = numeric ? Math.sign(toNum(a) - toNum(b)) : toStr(a) < toStr(b) ? -1 : toStr(a) > toStr(b) ? 1 : 0
          const r = { '<': c < 0, '<=': c <= 0, '==': c === 0, '!=': c !== 0, '>=': c >= 0, '>': c > 0 }[e.op]
          return r ? 1 : 0
        }
        return arith(e.op, toNum(a), toNum(b))
      }
    }
  }

  private call(name: string, args: Expr[]): Val {
    const arg = (i: number) => (args[i] ? this.eval(args[i]) : '')
    const s = (i: number) => toStr(arg(i))
    switch (name) {
      case 'length': {
        const a = args[0]
        if (a?.k === 'var' && this.arrays.has(a.name)) return this.arrays.get(a.name)!.size
        return [...(args.length ? s(0) : this.fields[0])].length
      }
      case 'substr': {
        const str = [...s(0)]
        const m = Math.round(toNum(arg(1)))
        const n = args.length > 2 ? Math.round(toNum(arg(2))) : Infinity
        const from = Math.max(1, m)
        const to = Math.min(str.length + 1, m + n)
        return to > from ? str.slice(from - 1, to - 1).join('') : ''
      }
      case 'index':
        return s(0).indexOf(s(1)) + 1
      case 'split': {
        const target = args[1]
        if (target?.k !== 'var') throw new RunError('split: second argument must be an array')
        const parts = this.split(s(0), args[2] ? (args[2].k === 're' ? args[2].src : s(2)) : toStr(this.vars.get('FS')!))
        const a = new Map<string, Val>()
        parts.forEach((p, i) => a.set(String(i + 1), p))
        this.arrays.set(target.name, a)
        return parts.length
      }
      case 'sub':
      case 'gsub': {
        const re = args[0].k === 're' ? this.regex(args[0].src) : this.regex(s(0))
        const target = args[2] ?? ({ k: 'field', e: { k: 'num', v: 0 } } as Expr)
        const repl = s(1)
        let n = 0
        const text = toStr(this.eval(target))
        const g = new RegExp(re.source, name === 'gsub' ? 'g' : '')
        const result = text.replace(g, (m) => {
          n++
          return repl.replace(/\\\\|\\&|&/g, (x) => (x === '&' ? m : x === '\\&' ? '&' : '\\'))
        })
        if (n) this.assign(target, result)
        return n
      }
      case 'match': {
        const re = args[1]?.k === 're' ? this.regex(args[1].src) : this.regex(s(1))
        const m = re.exec(s(0))
        this.vars.set('RSTART', m ? m.index + 1 : 0)
        this.vars.set('RLENGTH', m ? m[0].length : -1)
        return m ? m.index + 1 : 0
      }
      case 'sprintf':
        return formatAwk(s(0), args.slice(1).map((a) => this.eval(a)))
      case 'tolower':
        return s(0).toLowerCase()
      case 'toupper':
        return s(0).toUpperCase()
      case 'int':
        return Math.trunc(toNum(arg(0)))
      case 'sqrt':
        return Math.sqrt(toNum(arg(0)))
      case 'exp':
        return Math.exp(toNum(arg(0)))
      case 'log':
        return Math.log(toNum(arg(0)))
      case 'sin':
        return Math.sin(toNum(arg(0)))
      case 'cos':
        return Math.cos(toNum(arg(0)))
      case 'atan2':
        return Math.atan2(toNum(arg(0)), toNum(arg(1)))
      case 'rand':
        // A fixed generator: scripts are reproducible, like everything in the simulation.
        this.seed = (this.seed * 1103515245 + 12345) % 2 ** 31
        return this.seed / 2 ** 31
      case 'srand': {
        const prev = this.seed
        this.seed = args.length ? Math.trunc(toNum(arg(0))) : 0
        return prev
      }
      default:
        return 0
    }
  }

  exec(st: Stmt): void {
    if (++this.steps > MAX_STEPS) throw new RunError('program ran too long and was stopped')
    switch (st.k) {
      case 'block':
        for (const s of st.body) this.exec(s)
        return
      case 'expr':
        this.eval(st.e)
        return
      case 'print':
      case 'printf': {
        const vals = st.args.map((a) => this.eval(a))
        const text =
          st.k === 'print'
            ? (vals.length ? vals.map((v) => toStr(v)) : [this.fields[0]]).join(toStr(this.vars.get('OFS')!)) + toStr(this.vars.get('ORS')!)
            : formatAwk(toStr(vals[0] ?? ''), vals.slice(1))
        if (st.dest) this.write(toStr(this.eval(st.dest.e)), text, st.dest.append)
        else this.out += text
        return
      }
      case 'if':
        if (this.truthy(this.eval(st.c))) this.exec(st.t)
        else if (st.f) this.exec(st.f)
        return
      case 'while':
      case 'do':
        if (st.k === 'do' && this.loopBody(st.body)) return
        while (this.truthy(this.eval(st.c))) if (this.loopBody(st.body)) return
        return
      case 'for':
        if (st.init) this.eval(st.init)
        while (!st.c || this.truthy(this.eval(st.c))) {
          if (this.loopBody(st.body)) return
          if (st.step) this.eval(st.step)
        }
        return
      case 'forin':
        for (const k of [...this.array(st.arr).keys()]) {
          this.vars.set(st.v, k)
          if (this.loopBody(st.body)) return
        }
        return
      case 'next':
        throw new Next()
      case 'break':
      case 'continue':
        throw new LoopCtl(st.k)
      case 'exit':
        throw new Exit(st.e ? Math.trunc(toNum(this.eval(st.e))) : 0)
      case 'delete':
        if (st.subs) this.array(st.name).delete(this.key(st.subs))
        else this.arrays.set(st.name, new Map())
        return
    }
  }

  /** Runs a loop body; true when the loop must stop (`break`). */
  private loopBody(body: Stmt): boolean {
    if (++this.steps > MAX_STEPS) throw new RunError('program ran too long and was stopped')
    try {
      this.exec(body)
    } catch (e) {
      if (e instanceof LoopCtl) return e.kind === 'break'
      throw e
    }
    return false
  }

  private write(dest: string, text: string, append: boolean): void {
    if (dest === '/dev/stderr' || dest === '-' || dest === '/dev/stdout') {
      this.flush()
      if (dest === '/dev/stderr') this.ctx.stderr(text)
      else this.ctx.stdout(text)
      return
    }
    const path = normalizePath(dest, this.ctx.cwd)
    const first = !this.files.has(path)
    this.files.set(path, dest)
    writeKeepingMode(this.ctx.fs, path, text, this.ctx.sim.now(), !(first && !append))
  }
}

function arith(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return a + b
    case '-': return a - b
    case '*': return a * b
    case '^': return a ** b
    case '/':
    case '%':
      if (b === 0) throw new RunError(op === '/' ? 'division by zero' : 'division by zero in %')
      return op === '/' ? a / b : a % b
    default: return 0
  }
}

