// fmt.Sprintf, fmt.Sprint and fmt.Sprintln (fmt/print.go, fmt/format.go) for the values a template
// handles: verbs v, +v, #v, T, s, q, d, x, X, o, O, b, c, U, e, E, f, F, g, G, t and %%, with flags
// (+ - # 0 space), width and precision (also `*`), and Go's complaints in the output for the rest:
// `%!d(string=x)`, `%!d(MISSING)`, `%!(EXTRA int=2)`, `%!(NOVERB)`.

import { formatFloat, formatHexFloat, goQuote, goSprint, goSyntax } from './fmt'
import { goTypeName, kindOf, numberOf, sortedKeys, utf8Bytes, type GoMap } from './go-value'

interface Flags {
  plus: boolean
  minus: boolean
  sharp: boolean
  zero: boolean
  space: boolean
  width?: number
  prec?: number
}

function pad(s: string, f: Flags, zeroOk = false): string {
  const n = [...s].length
  if (f.width === undefined || n >= f.width) return s
  const fill = f.width - n
  if (f.minus) return s + ' '.repeat(fill)
  if (f.zero && zeroOk) {
    const sign = /^[+\- ]/.test(s) ? s[0] : ''
    return sign + '0'.repeat(fill) + s.slice(sign.length)
  }
  return ' '.repeat(fill) + s
}

function typeOf(v: unknown): string {
  return v === null ? '<nil>' : goTypeName(v)
}

function badVerb(verb: string, v: unknown): string {
  if (v === null) return `%!${verb}(<nil>)`
  return `%!${verb}(${typeOf(v)}=${goSprint(v)})`
}

function fmtInteger(n: number, verb: string, f: Flags): string {
  const neg = n < 0
  const a = Math.abs(n)
  let digits: string
  let prefix = ''
  switch (verb) {
    case 'd':
    case 'v':
      digits = String(a)
      break
    case 'x':
      digits = a.toString(16)
      if (f.sharp) prefix = '0x'
      break
    case 'X':
      digits = a.toString(16).toUpperCase()
      if (f.sharp) prefix = '0X'
      break
    case 'o':
      digits = a.toString(8)
      if (f.sharp) prefix = '0'
      break
    case 'O':
      digits = a.toString(8)
      prefix = '0o'
      break
    case 'b':
      digits = a.toString(2)
      break
    case 'c':
      return pad(String.fromCodePoint(a), f)
    case 'q':
      return pad(goQuote(String.fromCodePoint(a), "'"), f)
    case 'U': {
      const s = 'U+' + a.toString(16).toUpperCase().padStart(4, '0')
      return pad(f.sharp ? `${s} '${String.fromCodePoint(a)}'` : s, f)
    }
    default:
      return ''
  }
  if (f.prec !== undefined) digits = f.prec === 0 && a === 0 ? '' : digits.padStart(f.prec, '0')
  const sign = neg ? '-' : f.plus ? '+' : f.space ? ' ' : ''
  return pad(sign + prefix + digits, f, f.prec === undefined)
}

function fmtFloatVerb(x: number, verb: string, f: Flags): string {
  let s: string
  switch (verb) {
    case 'v':
    case 'g':
    case 'G':
      s = formatFloat(x, verb === 'G' ? 'G' : 'g', f.prec ?? -1)
      break
    case 'e':
    case 'E':
      s = formatFloat(x, verb, f.prec ?? 6)
      break
    case 'x':
    case 'X':
      s = formatHexFloat(x, f.prec ?? -1, verb === 'X')
      break
    default:
      s = formatFloat(x, 'f', f.prec ?? 6)
  }
  if (f.plus && !s.startsWith('-')) s = '+' + s
  else if (f.space && !s.startsWith('-')) s = ' ' + s
  return pad(s, f, Number.isFinite(x))
}

/** strconv.CanBackquote: no backquote and no control character other than tab. */
function canBackquote(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '`' || c === 0x7f || c === 0xfeff || (c < 0x20 && c !== 0x09)) return false
  }
  return true
}

function fmtString(s: string, verb: string, f: Flags): string {
  if (f.prec !== undefined) s = [...s].slice(0, f.prec).join('')
  switch (verb) {
    case 'v':
    case 's':
      return pad(s, f)
    case 'q':
      return pad(f.sharp && canBackquote(s) ? '`' + s + '`' : goQuote(s, '"', f.plus), f)
    case 'x':
    case 'X': {
      const hex = utf8Bytes(s).map((b) => b.toString(16).padStart(2, '0'))
      const out = hex.join(f.space ? ' ' : '')
      return pad(verb === 'X' ? out.toUpperCase() : out, f)
    }
  }
  return ''
}

/** One operand under one verb (printArg/printValue). */
export function formatValue(v: unknown, verb: string, f: Flags): string {
  if (verb === 'T') return pad(typeOf(v), f)
  if (verb === 'v' && f.sharp) return pad(goSyntax(v), f)
  const kind = kindOf(v)
  switch (kind) {
    case 'nil':
    case 'invalid':
      return verb === 'v' ? pad('<nil>', f) : badVerb(verb, null)
    case 'bool':
      return verb === 'v' || verb === 't' ? pad(String(v), f) : badVerb(verb, v)
    case 'int': {
      const n = numberOf(v)
      if ('vdxXobOcqU'.includes(verb)) return fmtInteger(n, verb, f)
      return badVerb(verb, v)
    }
    case 'float': {
      const x = numberOf(v)
      if ('veEfFgGxX'.includes(verb)) return fmtFloatVerb(x, verb, f)
      return badVerb(verb, v)
    }
    case 'string':
      if ('vsqxX'.includes(verb)) return fmtString(v as string, verb, f)
      return badVerb(verb, v)
    case 'slice': {
      if (verb === 's' || verb === 'q' || verb === 'x' || verb === 'X' || verb === 'v' || verb === 'd' || 'bcoOUeEfFgGt'.includes(verb)) {
        return '[' + (v as unknown[]).map((e) => formatValue(e, verb, f)).join(' ') + ']'
      }
      return badVerb(verb, v)
    }
    case 'map': {
      const m = v as GoMap
      return 'map[' + sortedKeys(m).map((k) => `${formatValue(k, verb, f)}:${formatValue(m[k], verb, f)}`).join(' ') + ']'
    }
  }
}

/** fmt.Sprintf. */
export function goSprintf(format: string, args: readonly unknown[]): string {
  let out = ''
  let argNum = 0
  let reordered = false
  let i = 0
  while (i < format.length) {
    const pct = format.indexOf('%', i)
    if (pct < 0) {
      out += format.slice(i)
      break
    }
    out += format.slice(i, pct)
    i = pct + 1
    const f: Flags = { plus: false, minus: false, sharp: false, zero: false, space: false }
    for (; i < format.length; i++) {
      const c = format[i]
      if (c === '+') f.plus = true
      else if (c === '-') f.minus = true
      else if (c === '#') f.sharp = true
      else if (c === '0') f.zero = !f.minus
      else if (c === ' ') f.space = true
      else break
    }
    let badIndex = false
    // An explicit argument index, `[n]`, before a `*` or the verb (Go's argNumber).
    const argIndex = () => {
      const m = /^\[([0-9]*)\]/.exec(format.slice(i))
      if (!m) return
      reordered = true
      i += m[0].length
      const n = Number(m[1])
      if (m[1] === '' || n < 1 || n > args.length) badIndex = true
      else argNum = n - 1
    }
    const num = (): number | undefined => {
      argIndex()
      if (format[i] === '*') {
        i++
        const a = args[argNum++]
        return kindOf(a) === 'int' ? numberOf(a) : undefined
      }
      const m = /^[0-9]+/.exec(format.slice(i))
      if (!m) return undefined
      i += m[0].length
      return Number(m[0])
    }
    f.width = num()
    if (f.width !== undefined && f.width < 0) {
      f.minus = true
      f.width = -f.width
    }
    if (format[i] === '.') {
      i++
      f.prec = num() ?? 0
    }
    argIndex()
    if (i >= format.length) {
      out += '%!(NOVERB)'
      break
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!)
    i += verb.length
    if (verb === '%') {
      out += '%'
      continue
    }
    if (badIndex) {
      out += `%!${verb}(BADINDEX)`
      continue
    }
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`
      continue
    }
    const a = args[argNum++]
    if (verb === 'v' && f.plus) f.plus = false
    out += formatValue(a, verb, f)
  }
  if (!reordered && argNum < args.length) {
    out += '%!(EXTRA ' + args.slice(argNum).map((a) => `${typeOf(a)}=${goSprint(a)}`).join(', ') + ')'
  }
  return out
}

/** fmt.Sprint: a space between operands when neither is a string. */
export function goSprintAll(args: readonly unknown[]): string {
  let out = ''
  args.forEach((a, i) => {
    if (i > 0 && kindOf(a) !== 'string' && kindOf(args[i - 1]) !== 'string') out += ' '
    out += goSprint(a)
  })
  return out
}

/** fmt.Sprintln: spaces between all operands, and a newline. */
export function goSprintln(args: readonly unknown[]): string {
  return args.map(goSprint).join(' ') + '\n'
}

