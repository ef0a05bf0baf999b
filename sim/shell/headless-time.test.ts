// Headless time: sleep jumps the virtual clock; until steps from timer to timer and stops once the
// condition holds, the timeout passes, or (with no timeout) the cluster has settled.

import { describe, expect, it } from 'vitest'
import { testSim } from '../testing/harness'
import { CancelSource } from './cancel'
import { headlessTime } from './headless-time'

describe('headlessTime', () => {
  it('sleep advances the simulation by exactly the interval', async () => {
    const sim = testSim()
    const t0 = sim.now()
    expect(await headlessTime(sim).sleep(90_000)).toBe(true)
    expect(sim.now() - t0).toBe(90_000)
  })

  it('sleep does nothing once cancelled', async () => {
    const sim = testSim()
    const c = new CancelSource()
    c.cancel()
    const t0 = sim.now()
    expect(await headlessTime(sim).sleep(5000, c.token)).toBe(false)
    expect(sim.now()).toBe(t0)
  })

  it('until stops at the first timer after which the condition holds', async () => {
    const sim = testSim()
    const t0 = sim.now()
    sim.clock.after(3000, () => {})
    sim.clock.after(7000, () => {})
    const time = headlessTime(sim)
    expect(await time.until(() => sim.now() - t0 >= 3000, 60_000)).toBe(true)
    expect(sim.now() - t0).toBe(3000)
  })

  it('until gives up at the timeout', async () => {
    const sim = testSim()
    const t0 = sim.now()
    expect(await headlessTime(sim).until(() => false, 30_000)).toBe(false)
    expect(sim.now() - t0).toBe(30_000)
  })

  it('until without a timeout stops when only background timers are left', async () => {
    const sim = testSim()
    sim.clock.after(4000, () => {})
    const t0 = sim.now()
    expect(await headlessTime(sim).until(() => false, undefined)).toBe(false)
    expect(sim.now() - t0).toBe(4000)
  })

  it('calls onAdvance after each step', async () => {
    const sim = testSim()
    let steps = 0
    await headlessTime(sim, { onAdvance: () => steps++ }).sleep(1000)
    expect(steps).toBe(1)
  })
})
