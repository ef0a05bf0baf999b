import { describe, it, expect } from 'vitest'
import type { Simulation } from '../simulation'
import type { KubeObject, OwnerReference } from '../api/types'
import { rfc3339 } from '../core/time'
import { as, isolatedSim, runPod, setStatus } from './service-endpoints/test-fixtures'
import { syncPdb } from './disruption-budget/status'

function createPdb(sim: Simulation, spec: Record<string, unknown>, name = 'web-pdb') {
  sim.api.create({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: 'default' }, spec: { selector: { matchLabels: { app: 'nginx' } }, ...spec } } as KubeObject, as)
  sim.drain()
}
const pdb = (sim: Simulation, name = 'web-pdb') => sim.api.read('PodDisruptionBudget', 'default', name)
const numbers = (sim: Simulation) => {
  const s = pdb(sim).status!
  return { currentHealthy: s.currentHealthy, desiredHealthy: s.desiredHealthy, disruptionsAllowed: s.disruptionsAllowed, expectedPods: s.expectedPods }
}
const events = (sim: Simulation, reason: string) => sim.api.list('Event', { namespace: 'default' }).filter((e) => (e as { reason?: string }).reason === reason)

describe('disruption-controller', () => {
  it('writes the status of the worked example web-pdb: minAvailable 2 over 3 ready pods', () => {
    // web-world.json: currentHealthy 3, desiredHealthy 2, disruptionsAllowed 1, expectedPods 3,
    // observedGeneration 1, DisruptionAllowed True SufficientPods with an empty message.
    const sim = isolatedSim()
    for (let i = 0; i < 3; i++) runPod(sim, `web-${i}`, { ip: `10.244.1.${5 + i}` })
    createPdb(sim, { minAvailable: 2 })
    expect(pdb(sim).status).toEqual({
      observedGeneration: 1,
      disruptionsAllowed: 1,
      currentHealthy: 3,
      desiredHealthy: 2,
      expectedPods: 3,
      conditions: [{ type: 'DisruptionAllowed', status: 'True', observedGeneration: 1, lastTransitionTime: rfc3339(sim.now()), reason: 'SufficientPods', message: '' }],
    })
  })

  it('allows no disruption once a pod is not ready, with reason InsufficientPods', () => {
    const sim = isolatedSim()
    for (let i = 0; i < 3; i++) runPod(sim, `web-${i}`, { ip: `10.244.1.${5 + i}` })
    createPdb(sim, { minAvailable: 2 })
    setStatus(sim, 'web-1', { ip: '10.244.1.6', ready: false })
    expect(numbers(sim)).toEqual({ currentHealthy: 2, desiredHealthy: 2, disruptionsAllowed: 0, expectedPods: 3 })
    expect(pdb(sim).status?.conditions?.map((c) => [c.status, c.reason])).toEqual([['False', 'InsufficientPods']])
  })

  it('does not count terminating pods as healthy', () => {
    const sim = isolatedSim()
    for (let i = 0; i < 3; i++) runPod(sim, `web-${i}`, { ip: `10.244.1.${5 + i}` })
    createPdb(sim, { minAvailable: 2 })
    sim.api.delete('Pod', 'default', 'web-2', as)
    sim.drain()
    expect(numbers(sim)).toEqual({ currentHealthy: 2, desiredHealthy: 2, disruptionsAllowed: 0, expectedPods: 3 })
  })

  it('reports a budget that selects no pods with a NoPods event', () => {
    const sim = isolatedSim()
    createPdb(sim, { minAvailable: 1 })
    expect(numbers(sim)).toEqual({ currentHealthy: 0, desiredHealthy: 1, disruptionsAllowed: 0, expectedPods: 0 })
    const [ev] = events(sim, 'NoPods')
    expect(ev).toMatchObject({ type: 'Normal', message: 'No matching pods found', source: { component: 'controllermanager' } })
  })

  it('takes the expected count from the controller scale for maxUnavailable', () => {
    const sim = isolatedSim()
    const rs = sim.api.create(
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: 'web-5d8c6b7f9c', namespace: 'default' },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'nginx' } },
          template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
        },
      } as KubeObject,
      as,
    )
    const owner: OwnerReference = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name!, uid: rs.metadata.uid!, controller: true, blockOwnerDeletion: true }
    for (let i = 0; i < 3; i++) runPod(sim, `web-5d8c6b7f9c-${i}`, { ip: `10.244.1.${5 + i}`, owner })
    createPdb(sim, { maxUnavailable: 1 })
    expect(numbers(sim)).toEqual({ currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3 })
  })

  it('warns about pods without a controller when the budget needs a scale', () => {
    const sim = isolatedSim()
    runPod(sim, 'bare', { ip: '10.244.1.5' })
    createPdb(sim, { minAvailable: '50%' })
    expect(numbers(sim)).toEqual({ currentHealthy: 1, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 })
    expect(events(sim, 'UnmanagedPods')[0]).toMatchObject({
      type: 'Warning',
      message:
        'Pods selected by this PodDisruptionBudget (selector: &LabelSelector{MatchLabels:map[string]string{app: nginx,},MatchExpressions:[]LabelSelectorRequirement{},}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.',
    })
  })
})

describe('disruption-controller: overlapping budgets', () => {
  it('warns on a pod that two budgets select, naming the one it chose', () => {
    const sim = isolatedSim()
    runPod(sim, 'web-0', { ip: '10.244.1.5' })
    createPdb(sim, { minAvailable: 1 }, 'a-pdb')
    createPdb(sim, { maxUnavailable: 1 }, 'b-pdb')
    // Upstream warns when it handles an event of the pod.
    setStatus(sim, 'web-0', { ip: '10.244.1.5', ready: false })
    const [ev] = events(sim, 'MultiplePodDisruptionBudgets')
    expect(ev).toMatchObject({
      type: 'Warning',
      involvedObject: { kind: 'Pod', name: 'web-0' },
      message: 'Pod "default"/"web-0" matches multiple PodDisruptionBudgets.  Chose "a-pdb" arbitrarily.',
    })
  })
})

describe('syncPdb', () => {
  const pod = (name: string, ready = true, controller?: string) =>
    ({
      metadata: { name, namespace: 'default', ownerReferences: controller ? [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: controller, uid: controller, controller: true }] : undefined },
      status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
    }) as never
  const budget = (spec: Record<string, unknown>, status?: Record<string, unknown>) => ({ metadata: { name: 'p', namespace: 'default', generation: 1 }, spec, status }) as never
  const scale5 = () => ({ uid: 'web', scale: 5 })

  it.each([
    ['minAvailable 50% of 5 rounds up to 3', { minAvailable: '50%' }, { desiredHealthy: 3, expectedPods: 5, disruptionsAllowed: 1 }],
    ['maxUnavailable 1 of 5 wants 4', { maxUnavailable: 1 }, { desiredHealthy: 4, expectedPods: 5, disruptionsAllowed: 0 }],
    ['maxUnavailable 30% of 5 rounds up to 2, wants 3', { maxUnavailable: '30%' }, { desiredHealthy: 3, expectedPods: 5, disruptionsAllowed: 1 }],
    ['minAvailable 100% allows nothing', { minAvailable: '100%' }, { desiredHealthy: 5, expectedPods: 5, disruptionsAllowed: 0 }],
    ['maxUnavailable 0 allows nothing', { maxUnavailable: 0 }, { desiredHealthy: 5, expectedPods: 5, disruptionsAllowed: 0 }],
  ])('%s', (_name, spec, want) => {
    const pods = ['web-0', 'web-1', 'web-2', 'web-3'].map((n) => pod(n, true, 'web'))
    const r = syncPdb(budget(spec), pods, scale5, 0)
    expect(r.status).toMatchObject({ currentHealthy: 4, ...want })
  })

  it('fails safe with SyncFailed when a pod controller cannot be found', () => {
    const r = syncPdb(budget({ maxUnavailable: 1 }), [pod('web-0', true, 'web')], () => undefined, 0)
    expect(r.status?.disruptionsAllowed).toBe(0)
    expect(r.status?.conditions).toEqual([{ type: 'DisruptionAllowed', status: 'False', lastTransitionTime: '1970-01-01T00:00:00Z', reason: 'SyncFailed', message: 'found no controllers for pod "web-0"' }])
    expect(r.events.map((e) => e.message)).toEqual(['Failed to calculate the number of expected pods: found no controllers for pod "web-0"'])
  })

  it('keeps an evicted pod out of the healthy count for two minutes, then counts it again', () => {
    const p = budget({ minAvailable: 1 }, { disruptedPods: { 'web-0': '1970-01-01T00:00:00Z' } })
    const within = syncPdb(p, [pod('web-0'), pod('web-1')], scale5, 60_000)
    expect(within.status).toMatchObject({ currentHealthy: 1, disruptedPods: { 'web-0': '1970-01-01T00:00:00Z' } })
    expect(within.recheckAt).toBe(120_000)
    const after = syncPdb(p, [pod('web-0'), pod('web-1')], scale5, 121_000)
    expect(after.status).toMatchObject({ currentHealthy: 2, disruptedPods: undefined })
    expect(after.events.map((e) => e.reason)).toEqual(['NotDeleted'])
  })
})
