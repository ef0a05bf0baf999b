// Test helpers: a booted simulation with a fixed seed, and shorthands for writing as the student.

import { createSimulation, type Simulation, type SimulationOptions } from '../simulation'
import type { KubeObject } from '../api/types'

export function testSim(opts: SimulationOptions = {}): Simulation {
  return createSimulation({ seed: 7, strict: true, ...opts })
}

/** Creates objects as `kubectl create` would, then runs the work that is due now. */
export function createAs(sim: Simulation, ...objects: unknown[]): KubeObject[] {
  const out = objects.map((o) => sim.api.create(o as KubeObject, { actor: 'kubectl' }))
  sim.drain()
  return out
}
