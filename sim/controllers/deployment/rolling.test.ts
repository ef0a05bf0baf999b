// Cases after upstream rolling_test.go (reconcileNewReplicaSet, reconcileOldReplicaSets,
// cleanupUnhealthyReplicas), expected values worked by hand from rolling.go.
import { describe, expect, it } from 'vitest'
import type { Deployment, ReplicaSet } from '../../api/types'
import { planRollingUpdate, reconcileNewReplicaSet, reconcileOldReplicaSets } from './rolling'

function dep(replicas: number, maxSurge: number | string, maxUnavailable: number | string, status?: Deployment['status']): Deployment {
  return {
    metadata: { name: 'web', generation: 1 },
    spec: { replicas, selector: {}, template: {}, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } },
    status,
  } as Deployment
}

function rs(name: string, replicas: number, available: number, created = '2025-01-01T00:00:00Z'): ReplicaSet {
  return { metadata: { name, creationTimestamp: created }, spec: { replicas, selector: {} }, status: { replicas, availableReplicas: available } } as ReplicaSet
}

describe('reconcileNewReplicaSet', () => {
  it.each<[string, number, number, number, number, number | undefined]>([
    // name, deployment replicas, maxSurge, old size, new size, expected new size (undefined: no change)
    ['does not grow without surge room', 10, 0, 10, 0, undefined],
    ['grows by maxSurge', 10, 2, 10, 0, 2],
    ['grows into the room old pods left', 10, 2, 5, 0, 7],
    ['does not grow while the surge is in use', 10, 2, 10, 2, undefined],
    ['shrinks a new ReplicaSet larger than the Deployment', 2, 0, 0, 4, 2],
  ])('%s', (_, replicas, surge, oldSize, newSize, expected) => {
    const old = rs('old', oldSize, oldSize)
    const cur = rs('new', newSize, 0)
    expect(reconcileNewReplicaSet(dep(replicas, surge, 0), [old, cur], cur)?.to).toBe(expected)
  })
})

describe('reconcileOldReplicaSets', () => {
  it.each<[string, number, number, number, number, number, number, number[]]>([
    // name, replicas, maxUnavailable, old size, new size, available old, available new, resulting old sizes
    ['keeps every old pod without maxUnavailable', 10, 0, 10, 0, 10, 0, []],
    ['scales old down by maxUnavailable', 10, 2, 10, 0, 10, 0, [8]],
    ['removes unhealthy old replicas first', 10, 2, 10, 0, 8, 0, [8]],
    ['removes one unhealthy replica, then one healthy one', 10, 2, 10, 0, 9, 0, [9, 8]],
    ['never lets unavailable new pods shrink old ones further', 10, 2, 8, 2, 8, 0, []],
    ['shrinks old as new pods become available', 10, 2, 8, 2, 8, 2, [6]],
  ])('%s', (_, replicas, unavailable, oldSize, newSize, oldAvail, newAvail, expected) => {
    const old = rs('old', oldSize, oldAvail)
    const cur = rs('new', newSize, newAvail)
    // maxSurge 1: with both at 0, ResolveFenceposts would turn maxUnavailable into 1.
    const actions = reconcileOldReplicaSets(dep(replicas, 1, unavailable), [old, cur], [old], cur)
    expect(actions.map((a) => a.to)).toEqual(expected)
  })

  it('scales the oldest ReplicaSet down first', () => {
    const older = rs('older', 2, 2, '2025-01-01T00:00:00Z')
    const old = rs('old', 2, 2, '2025-01-02T00:00:00Z')
    const cur = rs('new', 0, 0, '2025-01-03T00:00:00Z')
    const actions = reconcileOldReplicaSets(dep(4, 0, 1), [older, old, cur], [old, older], cur)
    expect(actions).toEqual([{ name: 'older', from: 2, to: 1 }])
  })
})

describe('planRollingUpdate', () => {
  it('first grows the new ReplicaSet, and stops there', () => {
    const step = planRollingUpdate(dep(4, 1, 1), rs('new', 0, 0), [rs('old', 4, 4)])
    expect(step).toEqual({ actions: [{ name: 'new', from: 0, to: 1 }], cleanup: false })
  })

  it('then shrinks the old one', () => {
    const step = planRollingUpdate(dep(4, 1, 1), rs('new', 1, 0), [rs('old', 4, 4)])
    expect(step.actions).toEqual([{ name: 'old', from: 4, to: 3 }])
  })

  it('asks for history cleanup once the rollout is complete', () => {
    const status = { observedGeneration: 1, replicas: 4, updatedReplicas: 4, availableReplicas: 4 }
    const step = planRollingUpdate(dep(4, 1, 1, status), rs('new', 4, 4), [rs('old', 0, 0)])
    expect(step).toEqual({ actions: [], cleanup: true })
  })
})
