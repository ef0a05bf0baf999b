// Virtual time. Nothing in sim/ reads the wall clock: the simulation advances this clock, and every
// delay (image pulls, probes, grace periods, back-off) is a keyed timer on it. Ties fire in the order
// they were scheduled, so the same inputs always give the same run.

export interface TimerOptions {
  /** A timer with the same key replaces the pending one (kwok's "one timer per object and stage"). */
  key?: string
  /**
   * Background timers keep a settled cluster ticking (periodic probes whose result will not change,
   * back-off waits, event expiry). settle() stops when only background timers are left.
   */
  background?: boolean
}

interface Timer {
  at: number
  seq: number
  key: string | undefined
  background: boolean
  fire: () => void
  cancelled: boolean
  retired: boolean
}

export class Clock {
  private nowMs: number
  private seq = 0
  private heap: Timer[] = []
  private byKey = new Map<string, Timer>()
  private liveForeground = 0

  constructor(startMs: number) {
    this.nowMs = startMs
  }

  now(): number {
    return this.nowMs
  }

  /** Schedules `fire` after `delayMs` (never in the past). Returns a cancel function. */
  after(delayMs: number, fire: () => void, opts: TimerOptions = {}): () => void {
    const delay = Number.isFinite(delayMs) && delayMs > 0 ? delayMs : 0
    return this.at(this.nowMs + delay, fire, opts)
  }

  /** Schedules `fire` at an absolute virtual time (clamped to now). */
  at(atMs: number, fire: () => void, opts: TimerOptions = {}): () => void {
    if (opts.key !== undefined) this.cancel(opts.key)
    const t: Timer = {
      at: Math.max(this.nowMs, Math.round(atMs)),
      seq: this.seq++,
      key: opts.key,
      background: opts.background === true,
      fire,
      cancelled: false,
      retired: false,
    }
    if (!t.background) this.liveForeground++
    if (t.key !== undefined) this.byKey.set(t.key, t)
    this.push(t)
    return () => this.cancelTimer(t)
  }

  cancel(key: string): void {
    const t = this.byKey.get(key)
    if (t) this.cancelTimer(t)
  }

  hasTimer(key: string): boolean {
    return this.byKey.has(key)
  }

  /** When the timer with this key will fire, if one is pending. */
  timerAt(key: string): number | undefined {
    return this.byKey.get(key)?.at
  }

  /** The time of the next pending timer, or undefined. */
  nextAt(): number | undefined {
    this.dropCancelled()
    return this.heap[0]?.at
  }

  /** True when some pending timer is not a background timer. */
  hasForegroundTimers(): boolean {
    return this.liveForeground > 0
  }

  pendingCount(): number {
    return this.heap.filter((t) => !t.retired).length
  }

  /** Pending timers in firing order (for diagnostics and tests). */
  pending(): { at: number; key: string | undefined; background: boolean }[] {
    return this.heap
      .filter((t) => !t.retired)
      .sort((a, b) => (this.less(a, b) ? -1 : 1))
      .map((t) => ({ at: t.at, key: t.key, background: t.background }))
  }

  /** Moves time forward without firing anything (used only when no timer is due before `t`). */
  setNow(t: number): void {
    if (t > this.nowMs) this.nowMs = t
  }

  /**
   * Jumps to `t` without firing what falls due on the way: overdue timers stay pending and fire
   * at `t` on the next advance, once each (a periodic probe runs once, not once per period).
   */
  jumpTo(t: number): void {
    if (t > this.nowMs) this.nowMs = t
  }

  /**
   * Fires every timer due at or before `t`, one at a time in (time, scheduling) order, moving the
   * clock to each timer's time first. `between` runs after each firing (the simulation drains its
   * work queues there, so work caused by a timer happens at that timer's instant). Ends at `t`.
   */
  advanceTo(t: number, between: () => void = () => {}): void {
    for (;;) {
      this.dropCancelled()
      const next = this.heap[0]
      if (!next || next.at > t) break
      this.fireNext()
      between()
    }
    if (t > this.nowMs) this.nowMs = t
  }

  /** Fires exactly the earliest pending timer (and any it makes due now are left for the caller). */
  fireNext(): boolean {
    this.dropCancelled()
    const next = this.pop()
    if (!next) return false
    if (next.at > this.nowMs) this.nowMs = next.at
    this.retire(next)
    next.fire()
    return true
  }

  private cancelTimer(t: Timer): void {
    if (t.cancelled) return
    t.cancelled = true
    this.retire(t)
  }

  private retire(t: Timer): void {
    if (t.retired) return
    t.retired = true
    if (!t.background) this.liveForeground--
    if (t.key !== undefined && this.byKey.get(t.key) === t) this.byKey.delete(t.key)
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.pop()
  }

  // A binary heap ordered by (at, seq).
  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq)
  }

  private push(t: Timer): void {
    const h = this.heap
    h.push(t)
    let i = h.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.less(h[i], h[p])) break
      ;[h[i], h[p]] = [h[p], h[i]]
      i = p
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap
    if (h.length === 0) return undefined
    const top = h[0]
    const last = h.pop()!
    if (h.length > 0) {
      h[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < h.length && this.less(h[l], h[m])) m = l
        if (r < h.length && this.less(h[r], h[m])) m = r
        if (m === i) break
        ;[h[i], h[m]] = [h[m], h[i]]
        i = m
      }
    }
    return top
  }
}
