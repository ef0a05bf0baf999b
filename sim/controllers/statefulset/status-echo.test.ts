// The controller does not sync a set again for the echo of its own counts-only status write; every
// other status change (another writer's, or a revision roll-over) is still synced as upstream does.
import { describe, it, expect } from 'vitest'
import { testSim } from '../../testing/harness'
import { applyWeb, editWeb } from '../../testing/fixtures'

describe('StatefulSet status writes', () => {
  it('puts back counts that another writer changed through the status subresource', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    sim.api.patch('StatefulSet', 'default', 'web', 'merge', { status: { readyReplicas: 1, availableReplicas: 1 } }, { actor: 'kubectl', subresource: 'status' })
    expect(sim.api.read('StatefulSet', 'default', 'web').status?.readyReplicas).toBe(1)
    sim.drain()
    const status = sim.api.read('StatefulSet', 'default', 'web').status
    expect([status?.readyReplicas, status?.availableReplicas]).toEqual([3, 3])
  })

  it('trims the revision history once a rolling update rolls the current revision over', () => {
    const sim = testSim()
    applyWeb(sim, { revisionHistoryLimit: 0 })
    sim.settle()
    editWeb(sim, (spec) => (spec.template.spec.containers[0].image = 'registry.k8s.io/nginx-slim:0.27'))
    sim.settle()
    const sts = sim.api.read('StatefulSet', 'default', 'web')
    expect(sts.status?.currentRevision).toBe(sts.status?.updateRevision)
    expect(sim.api.list('ControllerRevision', { namespace: 'default' }).map((r) => r.metadata.name)).toEqual([sts.status?.updateRevision])
  })
})
