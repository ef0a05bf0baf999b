// How long volume operations take. Each delay is jittered by a stream keyed by the object and the
// operation, so the same run (and a restored one) finds the same delay however work interleaves.

import type { ControllerContext } from '../runtime'

/** `base` ± the configured jitter fraction, from the stream for `key`. */
export function jitteredDelay(ctx: ControllerContext, key: string, base: number): number {
  return ctx.rngFor(key).jitter(base, base * ctx.config.timings.jitter)
}
