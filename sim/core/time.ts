// Calendar arithmetic on virtual milliseconds since the Unix epoch, UTC only. sim/ may not use Date
// (lint), so the conversions are done by hand (Howard Hinnant's days-from-civil algorithms).

export interface Civil {
  year: number
  month: number // 1-12
  day: number // 1-31
  hour: number
  minute: number
  second: number
  ms: number
  weekday: number // 0 = Sunday
}

const DAY_MS = 86_400_000

export function toCivil(ms: number): Civil {
  const days = Math.floor(ms / DAY_MS)
  let rem = ms - days * DAY_MS
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  const hour = Math.floor(rem / 3_600_000)
  rem -= hour * 3_600_000
  const minute = Math.floor(rem / 60_000)
  rem -= minute * 60_000
  const second = Math.floor(rem / 1000)
  const weekday = (((days % 7) + 7 + 4) % 7) // 1970-01-01 was a Thursday
  return { year, month, day, hour, minute, second, ms: rem - second * 1000, weekday }
}

export function fromCivil(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = month > 2 ? month - 3 : month + 9
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  const days = era * 146097 + doe - 719468
  return days * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

// The last answer of each: a busy instant writes the same timestamp into many objects, which then
// share one string instead of each building and keeping its own.
let lastSecond = NaN
let lastSecondText = ''
let lastMs = NaN
let lastMsText = ''

/** metav1.Time as the API server writes it: RFC3339 with whole seconds, e.g. 2024-07-16T10:21:30Z. */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000)
  if (second === lastSecond) return lastSecondText
  const c = toCivil(ms)
  lastSecondText = `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}Z`
  lastSecond = second
  return lastSecondText
}

/** metav1.MicroTime: RFC3339 with six fractional digits. */
export function rfc3339Micro(ms: number): string {
  if (ms === lastMs) return lastMsText
  const c = toCivil(ms)
  lastMsText = `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}.${pad(c.ms, 3)}000Z`
  lastMs = ms
  return lastMsText
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|z|[+-]\d{2}:\d{2})$/

/** Parses an RFC3339 timestamp to virtual ms, or undefined when it is not one. */
// Controllers parse the same few condition timestamps over and over; remember recent answers.
const parsed = new Map<string, number | undefined>()
const PARSED_MAX = 8192

export function parseRfc3339(text: string | null | undefined): number | undefined {
  if (!text) return undefined
  if (parsed.has(text)) return parsed.get(text)
  const t = parseUncached(text)
  if (parsed.size >= PARSED_MAX) parsed.clear()
  parsed.set(text, t)
  return t
}

function parseUncached(text: string): number | undefined {
  const m = RFC3339.exec(text)
  if (!m) return undefined
  const frac = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0
  let t = fromCivil(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6], frac)
  if (m[8] !== 'Z' && m[8] !== 'z') {
    const sign = m[8][0] === '-' ? -1 : 1
    t -= sign * (Number(m[8].slice(1, 3)) * 3_600_000 + Number(m[8].slice(4, 6)) * 60_000)
  }
  return t
}

/** Truncates virtual ms to the whole second, as metav1.Time does when it is stored. */
export function wholeSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000
}
