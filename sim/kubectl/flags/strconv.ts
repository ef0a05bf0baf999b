// The Go conversions behind pflag's typed flags, with Go's error texts (strconv, time.ParseDuration):
// kubectl prints them inside `invalid argument "x" for "--flag" flag: <error>`.

import { goQuote } from '../../api/field-errors'

export class ConvError extends Error {}

/** strconv.ParseBool. */
export function parseBool(s: string): boolean {
  switch (s) {
    case '1':
    case 't':
    case 'T':
    case 'TRUE':
    case 'true':
    case 'True':
      return true
    case '0':
    case 'f':
    case 'F':
    case 'FALSE':
    case 'false':
    case 'False':
      return false
  }
  throw new ConvError(`strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax`)
}

/**
 * strconv.ParseInt(s, base, bits). Base 0 reads 0x/0o/0b prefixes and a leading-zero octal, as pflag's
 * int flags do; klog's -v uses base 10.
 */
export function parseInt(s: string, base: 0 | 10, bits: 32 | 64): number {
  const fail = (why: string) => new ConvError(`strconv.ParseInt: parsing ${goQuote(s)}: ${why}`)
  let body = s
  let sign = 1
  if (body.startsWith('+') || body.startsWith('-')) {
    sign = body[0] === '-' ? -1 : 1
    body = body.slice(1)
  }
  let radix = 10
  if (base === 0 && body.length > 1 && body[0] === '0') {
    const p = body[1].toLowerCase()
    const prefixed: Record<string, number> = { x: 16, o: 8, b: 2 }
    radix = prefixed[p] ?? 8
    body = body.slice(p in prefixed ? 2 : 1)
    // Base 0 allows underscores between digits.
    if (/^_|__|_$/.test(body)) throw fail('invalid syntax')
    body = body.replace(/_/g, '')
  }
  const digits = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 8 ? /^[0-7]+$/ : radix === 2 ? /^[01]+$/ : /^[0-9]+$/
  if (!digits.test(body)) throw fail('invalid syntax')
  const value = sign * Number.parseInt(body, radix)
  const max = bits === 32 ? 2 ** 31 - 1 : Number.MAX_SAFE_INTEGER
  const min = bits === 32 ? -(2 ** 31) : Number.MIN_SAFE_INTEGER
  if (value > max || value < min) throw fail('value out of range')
  return value
}

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** time.ParseDuration, in milliseconds (`1m30s`, `500ms`, `2h`; `0` alone is allowed). */
export function parseDuration(orig: string): number {
  const invalid = () => new ConvError(`time: invalid duration ${goQuote(orig)}`)
  let s = orig
  let sign = 1
  if (s.startsWith('+') || s.startsWith('-')) {
    sign = s[0] === '-' ? -1 : 1
    s = s.slice(1)
  }
  if (s === '0') return 0
  if (s === '') throw invalid()
  let total = 0
  while (s) {
    const num = /^([0-9]*)(\.([0-9]*))?/.exec(s)!
    const pre = num[1] !== ''
    const post = num[3] !== undefined && num[3] !== ''
    if (!pre && !post) throw invalid()
    s = s.slice(num[0].length)
    const unit = /^[^0-9.]*/.exec(s)![0]
    if (unit === '') throw new ConvError(`time: missing unit in duration ${goQuote(orig)}`)
    if (!(unit in UNITS)) throw new ConvError(`time: unknown unit ${goQuote(unit)} in duration ${goQuote(orig)}`)
    total += Number(`${num[1] || '0'}.${num[3] ?? ''}0`) * UNITS[unit]
    s = s.slice(unit.length)
  }
  return sign * total
}

/** pflag's readAsCSV: a comma-separated list with CSV quoting (`a,"b,c"` is two values). */
export function readCsv(s: string): string[] {
  if (s === '') return []
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cur += '"'
        i++
      } else if (ch === '"') quoted = false
      else cur += ch
    } else if (ch === '"' && cur === '') quoted = true
    else if (ch === ',') {
      out.push(cur)
      cur = ''
    } else cur += ch
  }
  out.push(cur)
  return out
}
