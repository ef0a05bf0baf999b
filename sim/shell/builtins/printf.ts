// printf: bash's builtin. The format is reused while arguments remain; numbers accept 0x.., 0.. and
// 'c; a bad number prints `printf: x: invalid number`, uses what parsed, and makes the status 1.

import { unescape } from './escapes'
import type { Builtin, BuiltinContext } from './types'

const SPEC = /%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?([hlLqjzt]*)([diouxXfFeEgGcsbq%])?/y

/* eslint-disable no-control-regex -- %q quotes control characters */
function shellQuote(s: string): string {
  if (s === '') return "''"
  if (/[\x00-\x1f\x7f]/.test(s)) {
    return "$'" + s.replace(/[\\']/g, '\\$&').replace(/[\x00-\x1f\x7f]/g, (c) => ({ '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x1b': '\\E' })[c] ?? '\\' + c.charCodeAt(0).toString(8).padStart(3, '0')) + "'"
  }
  return s.replace(/[ !"$&'()*,;<>?[\\\]^`{|}]/g, '\\$&').replace(/^[~#]/, '\\$&')
}
/* eslint-enable no-control-regex */

function exponent(v: number, prec: number, upper: boolean): string {
  const s = v.toExponential(prec).replace(/e([+-])(\d)$/, 'e$10$2')
  return upper ? s.toUpperCase() : s
}

function general(v: number, prec: number, alt: boolean, upper: boolean): string {
  const p = prec === 0 ? 1 : prec
  if (v === 0) return alt ? (0).toFixed(p - 1) : '0'
  const x = Math.floor(Math.log10(Math.abs(v)))
  let s = p > x && x >= -4 ? v.toFixed(Math.max(0, p - 1 - x)) : exponent(v, p - 1, upper)
  if (!alt) s = s.replace(/\.?0+(?=$|e|E)/, (m) => (m.includes('.') || s.includes('.') ? '' : m))
  return s
}

export const printf: Builtin = {
  name: 'printf',
  run(ctx) {
    let args = ctx.argv.slice(1)
    if (args[0] === '--') args = args.slice(1)
    if (args.length === 0) {
      ctx.stderr('printf: usage: printf [-v var] format [arguments]\n')
      return 2
    }
    const format = args[0]
    const rest = args.slice(1)
    const state = { status: 0, out: '' }
    let used = 0
    do {
      const before = used
      const r = formatOnce(ctx, format, rest, used, state)
      used = r.used
      if (r.stop || r.error) break
      if (used === before) break
    } while (used < rest.length)
    ctx.stdout(state.out)
    return state.status
  },
}

function formatOnce(ctx: BuiltinContext, format: string, args: string[], start: number, st: { status: number; out: string }): { used: number; stop: boolean; error?: boolean } {
  let i = 0
  let used = start
  const next = () => (used < args.length ? args[used++] : undefined)
  const num = (a: string | undefined, float: boolean): number => {
    if (a === undefined || a === '') return 0
    if (/^['"]/.test(a)) return a.length > 1 ? a.codePointAt(1)! : 0
    const t = a.trim()
    if (float && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t)
    const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(t)
    if (m) {
      const d = m[2]
      const v = /^0[xX]/.test(d) ? parseInt(d.slice(2), 16) : d.startsWith('0') ? parseInt(d, 8) : Number(d)
      return m[1] === '-' ? -v : v
    }
    ctx.error(`printf: ${a}: invalid number`)
    st.status = 1
    const lead = /^[-+]?\d+(\.\d*)?/.exec(t)
    return lead ? (float ? Number(lead[0]) : Math.trunc(Number(lead[0]))) : 0
  }
  while (i < format.length) {
    const pct = format.indexOf('%', i)
    const bs = format.indexOf('\\', i)
    if (bs >= 0 && (pct < 0 || bs < pct)) {
      st.out += format.slice(i, bs)
      let end = bs + 2
      if (/[0-7]/.test(format[bs + 1] ?? '')) end = bs + 1 + /^[0-7]{1,3}/.exec(format.slice(bs + 1))![0].length
      else if (format[bs + 1] === 'x') end = bs + 2 + (/^[0-9a-fA-F]{0,2}/.exec(format.slice(bs + 2))![0].length)
      else if (format[bs + 1] === 'u' || format[bs + 1] === 'U') end = bs + 2 + /^[0-9a-fA-F]*/.exec(format.slice(bs + 2, bs + (format[bs + 1] === 'u' ? 6 : 10)))![0].length
      const piece = format.slice(bs, end)
      if (piece === '\\c') return { used, stop: true }
      st.out += unescape(piece, false).text
      i = end
      continue
    }
    if (pct < 0) {
      st.out += format.slice(i)
      break
    }
    st.out += format.slice(i, pct)
    SPEC.lastIndex = pct
    const m = SPEC.exec(format)!
    const [whole, flags, w, p, , conv] = m
    if (!conv) {
      ctx.error(`printf: \`${format[pct + whole.length] ?? ''}': invalid format character`)
      st.status = 1
      return { used, stop: true, error: true }
    }
    i = pct + whole.length
    if (conv === '%') {
      st.out += '%'
      continue
    }
    const width = w === '*' ? num(next(), false) : w ? Number(w) : 0
    const prec = p === undefined ? undefined : p === '*' ? num(next(), false) : Number(p || 0)
    const arg = next()
    let body: string
    let numeric = true
    switch (conv) {
      case 's':
      case 'b':
      case 'q': {
        numeric = false
        let s = arg ?? ''
        if (conv === 'b') {
          const u = unescape(s, true)
          s = u.text
          if (u.stop) {
            st.out += s
            return { used, stop: true }
          }
        }
        if (conv === 'q') s = arg === undefined ? '' : shellQuote(s)
        body = prec === undefined ? s : s.slice(0, prec)
        break
      }
      case 'c':
        numeric = false
        body = (arg ?? '').slice(0, 1)
        break
      case 'd':
      case 'i':
      case 'u': {
        const v = Math.trunc(num(arg, false))
        body = String(Math.abs(v))
        if (prec !== undefined) body = body.padStart(prec, '0')
        body = (v < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + body
        break
      }
      case 'o':
      case 'x':
      case 'X': {
        const v = Math.trunc(num(arg, false))
        body = (v < 0 ? BigInt.asUintN(64, BigInt(v)) : BigInt(v)).toString(conv === 'o' ? 8 : 16)
        if (conv === 'X') body = body.toUpperCase()
        if (prec !== undefined) body = body.padStart(prec, '0')
        if (flags.includes('#') && v !== 0) body = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + body
        break
      }
      default: {
        const v = num(arg, true)
        const pr = prec ?? 6
        const lower = conv.toLowerCase()
        body = lower === 'f' ? v.toFixed(pr) : lower === 'e' ? exponent(v, pr, conv === 'E') : general(v, pr, flags.includes('#'), conv === 'G')
        if (v >= 0 && flags.includes('+')) body = '+' + body
        else if (v >= 0 && flags.includes(' ')) body = ' ' + body
      }
    }
    if (body.length < width) {
      if (flags.includes('-')) body = body.padEnd(width)
      else if (numeric && flags.includes('0') && (prec === undefined || !'diouxX'.includes(conv))) {
        const sign = /^[-+ ]/.test(body) ? body[0] : ''
        body = sign + body.slice(sign.length).padStart(width - sign.length, '0')
      } else body = body.padStart(width)
    }
    st.out += body
  }
  return { used, stop: false }
}
