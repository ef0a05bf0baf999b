// Randomness of the network side (kube-proxy's endpoint choice, the API server's proxy, audit ids,
// exec ids, ephemeral ports): a stream of its own per simulation, derived from the seed, so a student
// curling the cluster does not shift the uids and names the main stream hands to new objects.

import { Rng } from '../core/rng'
import type { Simulation } from '../simulation'

const streams = new WeakMap<Simulation, Rng>()

export function netRng(sim: Simulation): Rng {
  let r = streams.get(sim)
  if (!r) {
    r = Rng.forKey(sim.config.seed, 'net')
    streams.set(sim, r)
  }
  return r
}
