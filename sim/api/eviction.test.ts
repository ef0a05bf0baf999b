import { describe, it, expect } from 'vitest'
import type { Simulation } from '../simulation'
import type { KubeObject } from './types'
import { ApiError } from './errors'
import { rfc3339 } from '../core/time'
import { evictPod } from './eviction'
import { as, isolatedSim, runPod, setStatus } from '../controllers/service-endpoints/test-fixtures'

function world(minAvailable: number | string = 2, pods = 3): Simulation {
  const sim = isolatedSim()
  for (let i = 0; i < pods; i++) runPod(sim, `web-${i}`, { ip: `10.244.1.${5 + i}` })
  sim.api.create(
    { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web-pdb', namespace: 'default' }, spec: { minAvailable, selector: { matchLabels: { app: 'nginx' } } } } as KubeObject,
    as,
  )
  sim.drain()
  return sim
}

const evict = (sim: Simulation, name: string, extra: { dryRun?: boolean; gracePeriodSeconds?: number } = {}) => evictPod(sim.api, 'default', name, { actor: 'kubectl', now: sim.now(), ...extra })
const pod = (sim: Simulation, name: string) => sim.api.get('Pod', 'default', name)
const pdb = (sim: Simulation) => sim.api.read('PodDisruptionBudget', 'default', 'web-pdb')

function thrown(f: () => void): ApiError {
  try {
    f()
  } catch (e) {
    if (e instanceof ApiError) return e
    throw e
  }
  throw new Error('no error')
}

describe('pods/eviction', () => {
  it('evicts a pod the budget can spare: DisruptionTarget condition, then a graceful delete', () => {
    const sim = world()
    evict(sim, 'web-0')
    const p = pod(sim, 'web-0')!
    expect(p.metadata.deletionTimestamp).toBeDefined()
    expect(p.metadata.deletionGracePeriodSeconds).toBe(30)
    expect(p.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toEqual({
      type: 'DisruptionTarget',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: rfc3339(sim.now()),
      reason: 'EvictionByEvictionAPI',
      message: 'Eviction API: evicting',
    })
  })

  it('takes the disruption from the budget and records the pod in disruptedPods', () => {
    const sim = world()
    evictPod(sim.api, 'default', 'web-0', { actor: 'kubectl', now: sim.now() })
    const st = pdb(sim).status!
    expect(st.disruptionsAllowed).toBe(0)
    expect(st.disruptedPods).toEqual({ 'web-0': rfc3339(sim.now()) })
    expect(st.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([['DisruptionAllowed', 'False', 'InsufficientPods']])
  })

  it('refuses with 429 TooManyRequests once the budget allows no disruption', () => {
    const sim = world()
    evict(sim, 'web-0')
    sim.drain()
    const err = thrown(() => evict(sim, 'web-1'))
    expect(err.reason).toBe('TooManyRequests')
    expect(err.code).toBe(429)
    expect(err.message).toBe("Cannot evict pod as it would violate the pod's disruption budget.")
    expect(err.details.causes).toEqual([{ reason: 'DisruptionBudget', message: 'The disruption budget web-pdb needs 2 healthy pods and has 2 currently' }])
    expect(pod(sim, 'web-1')?.metadata.deletionTimestamp).toBeUndefined()
  })

  it('refuses while the budget controller has not seen the latest spec', () => {
    const sim = world()
    const p = pdb(sim)
    sim.api.update({ ...p, spec: { ...p.spec, minAvailable: 1 } }, as)
    const err = thrown(() => evict(sim, 'web-0'))
    expect(err.reason).toBe('TooManyRequests')
    expect(err.details.causes).toEqual([{ reason: 'DisruptionBudget', message: 'The disruption budget web-pdb is still being processed by the server.' }])
    expect(err.details.retryAfterSeconds).toBe(10)
  })

  it('evicts an unready pod without spending the budget while the budget is met', () => {
    const sim = world(2, 4)
    setStatus(sim, 'web-3', { ip: '10.244.1.8', ready: false })
    const before = pdb(sim).status!.disruptionsAllowed
    evict(sim, 'web-3')
    expect(pod(sim, 'web-3')?.metadata.deletionTimestamp).toBeDefined()
    expect(pdb(sim).status!.disruptionsAllowed).toBe(before)
  })

  it('deletes a Pending pod without looking at the budget', () => {
    const sim = world(3)
    setStatus(sim, 'web-2', { ip: '10.244.1.7', phase: 'Pending', ready: false })
    sim.drain()
    expect(pdb(sim).status!.disruptionsAllowed).toBe(0)
    evict(sim, 'web-2')
    expect(pod(sim, 'web-2')?.metadata.deletionTimestamp).toBeDefined()
  })

  it('deletes a pod no budget selects', () => {
    const sim = world()
    runPod(sim, 'other', { ip: '10.244.1.9', labels: { app: 'other' } })
    evict(sim, 'other', { gracePeriodSeconds: 5 })
    expect(pod(sim, 'other')?.metadata.deletionGracePeriodSeconds).toBe(5)
  })

  it('refuses a pod that two budgets select', () => {
    const sim = world()
    sim.api.create(
      { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'second', namespace: 'default' }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'nginx' } } } } as KubeObject,
      as,
    )
    sim.drain()
    const err = thrown(() => evict(sim, 'web-0'))
    expect(err.message).toBe('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.')
    expect(err.code).toBe(500)
  })

  it('answers NotFound for a pod that does not exist', () => {
    const sim = world()
    expect(thrown(() => evict(sim, 'web-9')).message).toBe('pods "web-9" not found')
  })

  it('changes nothing on a dry run', () => {
    const sim = world()
    const rv = sim.api.resourceVersion()
    evict(sim, 'web-0', { dryRun: true })
    expect(sim.api.resourceVersion()).toBe(rv)
  })

  it('lets the budget controller count the evicted pod as gone once it terminates', () => {
    const sim = world()
    evict(sim, 'web-0')
    sim.drain()
    const st = pdb(sim).status!
    expect([st.currentHealthy, st.desiredHealthy, st.disruptionsAllowed, st.disruptedPods]).toEqual([2, 2, 0, undefined])
  })
})
