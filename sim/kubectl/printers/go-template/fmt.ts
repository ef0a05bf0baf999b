// Go's fmt and strconv for the values of go-value.ts: %v (maps as `map[k:v]` with sorted keys, slices as
// `[a b]`, nil as `<nil>`), %#v (`map[string]interface {}{"k":"v"}`, which kubectl's jsonpath error
// prints), strconv.Quote, and float formatting ('e', 'f', 'g' with Go's shortest digits; %v switches
// to exponent form below 1e-4 and from 1e21 on... no: from 1e6 on, per strconv's eprec=6 for shortest).

import { GoFloat, GoInt, kindOf, numberOf, sortedKeys, type GoMap } from './go-value'

/** unicode.IsPrint, close enough: letters, marks, numbers, punctuation, symbols and U+0020. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u

/** strconv.Quote (ASCII-only when `ascii`: strconv.QuoteToASCII). */
export function goQuote(s: string, quote = '"', ascii = false): string {
  let out = quote
  for (const ch of s) {
    const r = ch.codePointAt(0)!
    if (ch === quote || ch === '\\') {
      out += '\\' + ch
      continue
    }
    if (r < 0x80 ? r >= 0x20 && r < 0x7f : !ascii && PRINTABLE.test(ch)) {
      out += ch
      continue
    }
    switch (ch) {
      case '\x07':
        out += '\\a'
        continue
      case '\b':
        out += '\\b'
        continue
      case '\f':
        out += '\\f'
        continue
      case '\n':
        out += '\\n'
        continue
      case '\r':
        out += '\\r'
        continue
      case '\t':
        out += '\\t'
        continue
      case '\v':
        out += '\\v'
        continue
    }
    if (r < 0x20 || r === 0x7f) out += '\\x' + r.toString(16).padStart(2, '0')
    else if (r < 0x10000) out += '\\u' + r.toString(16).padStart(4, '0')
    else out += '\\U' + r.toString(16).padStart(8, '0')
  }
  return out + quote
}

interface Digits {
  neg: boolean
  /** Significant decimal digits, no leading zeros ('0' for zero). */
  d: string
  /** Decimal point position: value = 0.d * 10^dp. */
  dp: number
}

/** The exact decimal digits of a finite double (every double is a finite decimal fraction). */
function exactDigits(v: number): Digits {
  const neg = v < 0 || Object.is(v, -0)
  if (v === 0) return { neg, d: '0', dp: 1 }
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, Math.abs(v))
  const hi = view.getUint32(0)
  const lo = view.getUint32(4)
  const bexp = (hi >>> 20) & 0x7ff
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo)
  let exp = bexp - 1075
  if (bexp === 0) exp = -1074
  else mant |= 1n << 52n
  let d: string
  let dp: number
  if (exp >= 0) {
    d = (mant << BigInt(exp)).toString()
    dp = d.length
  } else {
    d = (mant * 5n ** BigInt(-exp)).toString()
    dp = d.length + exp
  }
  const trimmed = d.replace(/0+$/, '')
  const lead = trimmed.length - trimmed.replace(/^0+/, '').length
  return { neg, d: trimmed.slice(lead), dp: dp - lead }
}

/** strconv's decimal.Round to `nd` digits: half to even on an exact tie. */
function roundTo(dg: Digits, nd: number): Digits {
  if (nd < 0) return { ...dg, d: '0', dp: 1 }
  if (nd >= dg.d.length) return dg
  const next = dg.d.charCodeAt(nd) - 48
  let up = next > 5 || (next === 5 && nd + 1 < dg.d.length)
  if (next === 5 && nd + 1 === dg.d.length) up = nd > 0 && (dg.d.charCodeAt(nd - 1) - 48) % 2 === 1
  let kept = dg.d.slice(0, nd)
  if (!up) {
    kept = kept.replace(/0+$/, '')
    return kept === '' ? { ...dg, d: '0', dp: 1 } : { ...dg, d: kept }
  }
  let i = kept.length - 1
  while (i >= 0 && kept[i] === '9') i--
  if (i < 0) return { ...dg, d: '1', dp: dg.dp + 1 }
  return { ...dg, d: kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1) }
}

/** The digits for a format: shortest round-trip (sig undefined), or `sig` significant digits. */
function digitsOf(v: number, sig?: number): Digits {
  if (sig === undefined) {
    const neg = v < 0 || Object.is(v, -0)
    if (v === 0) return { neg, d: '0', dp: 1 }
    const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(Math.abs(v).toExponential())!
    const d = (m[1] + (m[2] ?? '')).replace(/0+$/, '')
    return { neg, d, dp: Number(m[3]) + 1 }
  }
  return roundTo(exactDigits(v), sig)
}

function expPart(exp: number, ch: string): string {
  const a = Math.abs(exp)
  return ch + (exp < 0 ? '-' : '+') + (a < 10 ? '0' + a : String(a))
}

function fmtE(dg: Digits, prec: number, ch: string): string {
  let s = dg.d[0]
  const frac = dg.d.slice(1)
  if (prec > 0) s += '.' + frac.padEnd(prec, '0').slice(0, prec)
  const exp = dg.d === '0' ? 0 : dg.dp - 1
  return (dg.neg ? '-' : '') + s + expPart(exp, ch)
}

function fmtF(dg: Digits, prec: number): string {
  let int: string
  let frac: string
  if (dg.dp <= 0) {
    int = '0'
    frac = '0'.repeat(-dg.dp) + dg.d
  } else if (dg.dp >= dg.d.length) {
    int = dg.d + '0'.repeat(dg.dp - dg.d.length)
    frac = ''
  } else {
    int = dg.d.slice(0, dg.dp)
    frac = dg.d.slice(dg.dp)
  }
  if (dg.d === '0') int = '0'
  frac = frac.padEnd(prec, '0').slice(0, prec)
  return (dg.neg ? '-' : '') + int + (prec > 0 ? '.' + frac : '')
}

/** strconv.FormatFloat(v, fmt, prec, 64) for 'e', 'E', 'f', 'g', 'G' (prec -1: shortest). */
export function formatFloat(v: number, fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
  if (Number.isNaN(v)) return 'NaN'
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf'
  const shortest = prec < 0
  if (fmt === 'e' || fmt === 'E') {
    const dg = shortest ? digitsOf(v) : digitsOf(v, prec + 1)
    return fmtE(dg, shortest ? dg.d.length - 1 : prec, fmt)
  }
  if (fmt === 'f') {
    if (shortest) {
      const dg = digitsOf(v)
      return fmtF(dg, Math.max(dg.d.length - dg.dp, 0))
    }
    const exact = exactDigits(v)
    return fmtF(roundTo(exact, exact.d === '0' ? 0 : exact.dp + prec), prec)
  }
  // 'g': %e when the exponent is < -4 or >= the precision (6 for the shortest form).
  let p = prec === 0 ? 1 : prec
  const dg = shortest ? digitsOf(v) : digitsOf(v, p)
  let eprec = p
  if (shortest) eprec = 6
  else if (eprec > dg.d.length && dg.d.length >= dg.dp) eprec = dg.d.length
  const exp = dg.d === '0' ? 0 : dg.dp - 1
  if (shortest) p = dg.d.length
  if (exp < -4 || exp >= eprec) {
    const trimmed = { ...dg, d: shortest ? dg.d : dg.d.replace(/(.)0+$/, '$1') }
    return fmtE(trimmed, Math.min(p, trimmed.d.length) - 1, fmt === 'g' ? 'e' : 'E')
  }
  const trimmed = { ...dg, d: shortest ? dg.d : dg.d.replace(/(.)0+$/, '$1') }
  return fmtF(trimmed, Math.max(trimmed.d.length - trimmed.dp, 0))
}

/** strconv 'x' format (hexadecimal mantissa and binary exponent), shortest or with `prec` hex digits. */
export function formatHexFloat(v: number, prec: number, upper: boolean): string {
  if (!Number.isFinite(v) || Number.isNaN(v)) return formatFloat(v, 'g', -1)
  const neg = v < 0 || Object.is(v, -0)
  let mant = 0n
  let exp = 0
  if (v !== 0) {
    const view = new DataView(new ArrayBuffer(8))
    view.setFloat64(0, Math.abs(v))
    const hi = view.getUint32(0)
    const bexp = (hi >>> 20) & 0x7ff
    mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4))
    if (bexp === 0) {
      exp = -1022
      while (mant < 1n << 52n) {
        mant <<= 1n
        exp--
      }
      mant &= (1n << 52n) - 1n
    } else exp = bexp - 1023
  }
  let frac = mant.toString(16).padStart(13, '0')
  if (prec < 0) frac = frac.replace(/0+$/, '')
  else if (prec < 13) {
    // Round half to even on the dropped hex digits.
    const keep = BigInt('0x' + (frac.slice(0, prec) || '0'))
    const rest = frac.slice(prec)
    const half = BigInt('0x8' + '0'.repeat(rest.length - 1))
    const r = BigInt('0x' + rest)
    let k = keep
    let lead = 1n
    if (r > half || (r === half && (keep & 1n) === 1n)) k++
    if (prec === 0 ? k > 0n : k >= 1n << BigInt(4 * prec)) {
      lead = 2n
      k = prec === 0 ? 0n : k - (1n << BigInt(4 * prec))
    }
    frac = prec === 0 ? '' : k.toString(16).padStart(prec, '0')
    if (lead === 2n) exp++
  } else frac = frac.padEnd(prec, '0')
  const lead = v === 0 ? '0' : '1'
  let s = `0x${lead}${frac ? '.' + frac : ''}p${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  if (upper) s = s.toUpperCase()
  return (neg ? '-' : '') + s
}

/** fmt's %v of a float64. */
export function formatFloatV(v: number): string {
  return formatFloat(v, 'g', -1)
}

/** fmt.Sprint of one value (%v); `plus` is %+v, which for these types prints the same. */
export function goSprint(v: unknown): string {
  if (v instanceof GoFloat) return formatFloatV(v.value)
  if (v instanceof GoInt) return String(v.value)
  switch (kindOf(v)) {
    case 'invalid':
      return '<invalid reflect.Value>'
    case 'nil':
      return '<nil>'
    case 'bool':
      return String(v)
    case 'string':
      return v as string
    case 'int':
      return String(numberOf(v))
    case 'float':
      return formatFloatV(numberOf(v))
    case 'slice':
      return '[' + (v as unknown[]).map(nested).join(' ') + ']'
    case 'map': {
      const m = v as GoMap
      return 'map[' + sortedKeys(m).map((k) => `${k}:${nested(m[k])}`).join(' ') + ']'
    }
  }
}

/** Inside a map or slice, a nil interface prints as `<nil>` too. */
function nested(v: unknown): string {
  return goSprint(v)
}

/** fmt's %#v (Go syntax) of a value held in an interface{} of unstructured content. */
export function goSyntax(v: unknown, top = true): string {
  if (v instanceof GoInt) return String(v.value)
  switch (kindOf(v)) {
    case 'invalid':
      return '<invalid reflect.Value>'
    case 'nil':
      return top ? '<nil>' : 'interface {}(nil)'
    case 'bool':
      return String(v)
    case 'string':
      return goQuote(v as string)
    case 'int':
      return String(numberOf(v))
    case 'float':
      return formatFloatV(numberOf(v))
    case 'slice':
      return '[]interface {}{' + (v as unknown[]).map((x) => goSyntax(x, false)).join(', ') + '}'
    case 'map': {
      const m = v as GoMap
      return 'map[string]interface {}{' + sortedKeys(m).map((k) => `${goQuote(k)}:${goSyntax(m[k], false)}`).join(', ') + '}'
    }
  }
}

