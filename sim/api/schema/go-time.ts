// The error Go's time.Parse gives for metav1.Time (layout RFC3339) and metav1.MicroTime (RFC3339
// with exactly six fractional digits), element by element as time/format.go parses:
// `parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"`,
// or a range error such as `parsing time "2024-13-01T00:00:00Z": month out of range`.

export const RFC3339 = '2006-01-02T15:04:05Z07:00'
export const RFC3339_MICRO = '2006-01-02T15:04:05.000000Z07:00'

type Elem =
  | { lit: string }
  | { num: string; digits: 4 | 2; min: number; max: number; range: string; loose?: boolean }
  | { frac: string }
  | { zone: 'Z07:00' }

function elems(micro: boolean): Elem[] {
  return [
    { num: '2006', digits: 4, min: 0, max: 9999, range: 'year' },
    { lit: '-' },
    { num: '01', digits: 2, min: 1, max: 12, range: 'month' },
    { lit: '-' },
    { num: '02', digits: 2, min: 1, max: 31, range: 'day' },
    { lit: 'T' },
    { num: '15', digits: 2, min: 0, max: 23, range: 'hour', loose: true },
    { lit: ':' },
    { num: '04', digits: 2, min: 0, max: 59, range: 'minute' },
    { lit: ':' },
    { num: '05', digits: 2, min: 0, max: 59, range: 'second' },
    ...(micro ? [{ frac: '.000000' } as Elem] : []),
    { zone: 'Z07:00' },
  ]
}

const quote = (s: string) => JSON.stringify(s)
const isDigit = (s: string, i: number) => i < s.length && s[i] >= '0' && s[i] <= '9'

/** The parse error for `value`, or undefined when time.Parse accepts it. */
export function timeParseError(value: string, micro = false): string | undefined {
  const layout = micro ? RFC3339_MICRO : RFC3339
  const cannot = (elem: string, rest: string) => `parsing time ${quote(value)} as ${quote(layout)}: cannot parse ${quote(rest)} as ${quote(elem)}`
  const range = (what: string) => `parsing time ${quote(value)}: ${what} out of range`
  let v = value
  const fields: Record<string, number> = {}
  for (const e of elems(micro)) {
    if ('lit' in e) {
      if (!v.startsWith(e.lit)) return cannot(e.lit, v)
      v = v.slice(e.lit.length)
    } else if ('num' in e) {
      const n = e.digits === 4 ? (v.length >= 4 && /^[0-9]{4}/.test(v) ? 4 : 0) : isDigit(v, 0) ? (isDigit(v, 1) ? 2 : e.loose ? 1 : 0) : 0
      if (n === 0) return cannot(e.num, v)
      const x = Number(v.slice(0, n))
      v = v.slice(n)
      if (e.range !== 'day' && (x < e.min || x > e.max)) return range(e.range)
      fields[e.range] = x
      // Fractional seconds the layout does not ask for are read anyway.
      if (e.range === 'second' && !micro && v.length >= 2 && (v[0] === '.' || v[0] === ',') && isDigit(v, 1)) {
        let k = 2
        while (isDigit(v, k)) k++
        v = v.slice(k)
      }
    } else if ('frac' in e) {
      if (v.length < 7 || v[0] !== '.' || !/^[0-9]{6}/.test(v.slice(1))) return cannot(e.frac, v)
      v = v.slice(7)
    } else {
      if (v.startsWith('Z')) v = v.slice(1)
      else if (v.length >= 6 && v[3] === ':' && (v[0] === '+' || v[0] === '-') && /^[0-9]{2}$/.test(v.slice(1, 3)) && /^[0-9]{2}$/.test(v.slice(4, 6))) v = v.slice(6)
      else return cannot('Z07:00', v)
    }
  }
  if (v.length > 0) return `parsing time ${quote(value)}: extra text: ${quote(v)}`
  if (fields.day < 1 || fields.day > daysIn(fields.month, fields.year)) return range('day')
  return undefined
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}
