// The browser's TimeControl: shells wait (`sleep 5`, `kubectl wait`, `get -w`, `rollout status`) for
// simulated time that the app's animation frames let pass, instead of jumping the clock as the
// headless runner does (sim/shell/headless-time.ts). Every wait is a waiter re-checked after each
// frame; Ctrl-C (the cancel token) settles it at once with false.
//
// `sleep(0)` is how the interpreter yields inside long loops (sim/shell/interpreter.ts yieldToHost):
// it resolves at the next frame even when the clock is paused, so `while true; do ...; done` lets the
// page paint and Ctrl-C through instead of spinning in microtasks.

import type { CancelToken, TimeControl } from '../../sim/shell/types'

interface Waiter {
  /** Returns the value to resolve with, or undefined to keep waiting. */
  check(now: number, frame: boolean): boolean | undefined
  resolve(value: boolean): void
  off(): void
}

export interface FrameTime extends TimeControl {
  /** Re-checks every wait; `frame` is true when called from an animation frame (yields resolve). */
  check(frame?: boolean): void
  /** How many shell waits are pending (tests, and the UI's "running" hint). */
  pending(): number
  /** Settles every wait with false (the workspace is being replaced). */
  abandon(): void
}

/** `now` reads the simulated clock; `drain` runs due cluster work before a condition is first checked. */
export function frameTime(now: () => number, drain: () => void = () => {}): FrameTime {
  const waiters = new Set<Waiter>()

  function wait(check: Waiter['check'], cancel: CancelToken | undefined): Promise<boolean> {
    if (cancel?.cancelled) return Promise.resolve(false)
    return new Promise<boolean>((resolve) => {
      const w: Waiter = {
        check,
        resolve: (v) => {
          waiters.delete(w)
          w.off()
          resolve(v)
        },
        off: () => {},
      }
      if (cancel) w.off = cancel.onCancel(() => w.resolve(false))
      waiters.add(w)
    })
  }

  return {
    now,
    sleep(ms, cancel) {
      if (!(ms > 0)) return wait((_now, frame) => (frame ? true : undefined), cancel)
      const at = now() + ms
      return wait((t) => (t >= at ? true : undefined), cancel)
    },
    until(done, timeoutMs, cancel) {
      drain()
      if (done()) return Promise.resolve(true)
      const limit = timeoutMs === undefined ? Infinity : now() + Math.max(0, timeoutMs)
      return wait((t) => {
        if (done()) return true
        return t >= limit ? false : undefined
      }, cancel)
    },
    check(frame = false) {
      const t = now()
      for (const w of [...waiters]) {
        const v = w.check(t, frame)
        if (v !== undefined) w.resolve(v)
      }
    },
    pending: () => waiters.size,
    abandon() {
      for (const w of [...waiters]) w.resolve(false)
    },
  }
}
