// The timestamp formats programs in containers print, from virtual ms (UTC, as containers run).

import { toCivil } from '../core/time'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** nginx error log: `2024/07/16 10:27:02`. */
export function nginxErrorTime(ms: number): string {
  const c = toCivil(ms)
  return `${c.year}/${pad(c.month)}/${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`
}

/** nginx $time_local (and Apache's %t) in a UTC container: `16/Jul/2024:10:27:02 +0000`. */
export function commonLogTime(ms: number): string {
  const c = toCivil(ms)
  return `${pad(c.day)}/${MONTHS[c.month - 1]}/${c.year}:${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)} +0000`
}

/** RFC 7231 HTTP-date: `Tue, 16 Jul 2024 10:27:02 GMT`. */
export function httpDate(ms: number): string {
  const c = toCivil(ms)
  return `${DAYS[c.weekday]}, ${pad(c.day)} ${MONTHS[c.month - 1]} ${c.year} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)} GMT`
}

/** date(1) without arguments: `Tue Jul 16 10:27:02 UTC 2024`. */
export function dateDefault(ms: number): string {
  const c = toCivil(ms)
  return `${DAYS[c.weekday]} ${MONTHS[c.month - 1]} ${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)} UTC ${c.year}`
}

/** `date --rfc-3339=seconds`: `2024-07-16 10:27:02+00:00`. */
export function rfc3339Seconds(ms: number): string {
  const c = toCivil(ms)
  return `${c.year}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}+00:00`
}

/** log4j's ISO8601 layout: `2016-12-06 19:34:16,236`. */
export function log4jTime(ms: number): string {
  const c = toCivil(ms)
  return `${c.year}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)},${pad(c.ms, 3)}`
}

/** `ls -l` date column for a recent file: `Jul 16 10:27`. */
export function lsTime(ms: number): string {
  const c = toCivil(ms)
  return `${MONTHS[c.month - 1]} ${String(c.day).padStart(2, ' ')} ${pad(c.hour)}:${pad(c.minute)}`
}

/** date +FORMAT for the common conversions. */
export function strftime(format: string, ms: number): string {
  const c = toCivil(ms)
  const map: Record<string, string> = {
    Y: String(c.year),
    m: pad(c.month),
    d: pad(c.day),
    H: pad(c.hour),
    M: pad(c.minute),
    S: pad(c.second),
    s: String(Math.floor(ms / 1000)),
    F: `${c.year}-${pad(c.month)}-${pad(c.day)}`,
    T: `${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`,
    a: DAYS[c.weekday],
    b: MONTHS[c.month - 1],
    Z: 'UTC',
    z: '+0000',
    '%': '%',
  }
  return format.replace(/%(.)/g, (m, k: string) => map[k] ?? m)
}

/** Redis log time: `16 Jul 2024 10:27:02.000`. */
export function redisTime(ms: number): string {
  const c = toCivil(ms)
  return `${pad(c.day)} ${MONTHS[c.month - 1]} ${c.year} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}.${pad(c.ms, 3)}`
}

/** Apache error log time: `Tue Jul 16 10:27:02.000000 2024`. */
export function apacheErrorTime(ms: number): string {
  const c = toCivil(ms)
  return `${DAYS[c.weekday]} ${MONTHS[c.month - 1]} ${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}.${pad(c.ms * 1000, 6)} ${c.year}`
}
