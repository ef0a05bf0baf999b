// TimeControl for headless use (the runner, tests, lab checks): waiting advances the simulation's
// virtual clock at once. `until` steps from timer to timer, checking the condition after each, and
// with no timeout stops once the cluster has settled (only background timers left): nothing more
// can change, so waiting longer would only spin.

import type { Simulation } from '../simulation'
import type { TimeControl } from './types'

export interface HeadlessTimeOptions {
  /** Called after every step of virtual time (background jobs re-check what they wait for). */
  onAdvance?(): void
}

export function headlessTime(sim: Simulation, opts: HeadlessTimeOptions = {}): TimeControl {
  const advance = (ms: number) => {
    sim.advance(ms)
    opts.onAdvance?.()
  }
  return {
    now: () => sim.now(),
    async sleep(ms, cancel) {
      if (cancel?.cancelled) return false
      advance(Math.max(0, ms))
      return true
    },
    async until(done, timeoutMs, cancel) {
      sim.drain()
      const limit = timeoutMs === undefined ? undefined : sim.now() + Math.max(0, timeoutMs)
      for (;;) {
        if (done()) return true
        if (cancel?.cancelled) return false
        if (limit === undefined && !sim.clock.hasForegroundTimers()) return false
        const next = sim.clock.nextAt()
        if (next === undefined || (limit !== undefined && next > limit)) {
          if (limit !== undefined) advance(limit - sim.now())
          return done()
        }
        advance(next - sim.now())
      }
    },
  }
}
