// apimachinery pkg/util/duration: HumanDuration (AGE, LAST SEEN, "N (Xs ago)") and ShortHumanDuration.
// Go converts with integer division that truncates toward zero; Math.trunc does the same.

import { parseRfc3339 } from '../../core/time'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND)
  // Up to 2 seconds in the future is tolerated as clock skew ("almost now").
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = Math.trunc(ms / MINUTE)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = Math.trunc(ms / HOUR)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365
    const y = Math.trunc(hours / 24 / 365)
    return dy === 0 ? `${y}y` : `${y}y${dy}d`
  }
  return `${Math.trunc(hours / 24 / 365)}y`
}

/** One unit only: 59s, 5m, 3h, 112d, 2y (used by describe for some ages and by `events`). */
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60) return `${seconds}s`
  const minutes = Math.trunc(ms / MINUTE)
  if (minutes < 60) return `${minutes}m`
  const hours = Math.trunc(ms / HOUR)
  if (hours < 24) return `${hours}h`
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`
  return `${Math.trunc(hours / 24 / 365)}y`
}

/** printers.go translateTimestampSince: `<unknown>` for a zero/missing timestamp. */
export function timestampSince(ts: string | undefined | null, now: number): string {
  const t = parseRfc3339(ts)
  if (t === undefined) return '<unknown>'
  return humanDuration(now - t)
}
