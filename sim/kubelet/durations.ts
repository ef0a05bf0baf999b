// Durations as Go prints them (time.Duration.String), for the texts the kubelet puts in events and
// statuses: "5.731s", "612ms", "1m20s", "5m0s". The kubelet truncates pull times to the millisecond
// before printing (image_manager.go: `Truncate(time.Millisecond)`), so ms precision is all we need.

/** Go's Duration.String for a whole number of milliseconds. */
export function goDuration(ms: number): string {
  const d = Math.max(0, Math.floor(ms))
  if (d === 0) return '0s'
  if (d < 1000) return `${d}ms`
  const h = Math.floor(d / 3_600_000)
  const m = Math.floor((d % 3_600_000) / 60_000)
  const secMs = d % 60_000
  const whole = Math.floor(secMs / 1000)
  const frac = secMs % 1000
  const sec = frac === 0 ? `${whole}` : `${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}`
  if (h > 0) return `${h}h${m}m${sec}s`
  if (m > 0) return `${m}m${sec}s`
  return `${sec}s`
}
