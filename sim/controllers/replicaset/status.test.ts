// Expected values from replica_set_utils.go calculateStatus and the apps/v1 JSON tags.
import { describe, expect, it } from 'vitest'
import { fromCivil, rfc3339 } from '../../core/time'
import type { Pod, ReplicaSet } from '../../api/types'
import { calculateReplicaSetStatus, nextAvailabilityCheck, replicaSetStatusUpToDate } from './status'

const NOW = fromCivil(2025, 3, 3, 9, 0, 0)

function rs(extra: Partial<NonNullable<ReplicaSet['spec']>> = {}, status?: ReplicaSet['status']): ReplicaSet {
  return {
    metadata: { name: 'web-abc', generation: 2 },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' } } }, ...extra },
    status,
  } as ReplicaSet
}

function pod(labels: Record<string, string>, readyAgoMs?: number): Pod {
  return {
    metadata: { name: 'p', labels },
    status: { phase: 'Running', conditions: readyAgoMs === undefined ? [] : [{ type: 'Ready', status: 'True', lastTransitionTime: rfc3339(NOW - readyAgoMs) }] },
  } as Pod
}

const full = { app: 'web', 'pod-template-hash': 'abc' }

describe('calculateReplicaSetStatus', () => {
  it('counts pods, fully labeled pods, ready and available pods', () => {
    const pods = [pod(full, 5000), pod({ app: 'web' }, 5000), pod(full)]
    expect(calculateReplicaSetStatus(rs(), pods, undefined, NOW)).toEqual({ replicas: 3, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2 })
  })

  it('leaves out zero counts but always writes replicas', () => {
    expect(calculateReplicaSetStatus(rs(), [], undefined, NOW)).toEqual({ replicas: 0 })
  })

  it('counts a ready pod as available only after minReadySeconds', () => {
    const pods = [pod(full, 5000), pod(full, 20_000)]
    expect(calculateReplicaSetStatus(rs({ minReadySeconds: 10 }), pods, undefined, NOW)).toMatchObject({ readyReplicas: 2, availableReplicas: 1 })
  })

  it('adds ReplicaFailure when a create failed', () => {
    const s = calculateReplicaSetStatus(rs(), [], { reason: 'FailedCreate', message: 'pods "web-abc-" is forbidden: x' }, NOW)
    expect(s.conditions).toEqual([
      { type: 'ReplicaFailure', status: 'True', lastTransitionTime: rfc3339(NOW), reason: 'FailedCreate', message: 'pods "web-abc-" is forbidden: x' },
    ])
  })

  it('keeps the first ReplicaFailure while failures go on', () => {
    const first = { type: 'ReplicaFailure', status: 'True', lastTransitionTime: '2025-03-03T08:00:00Z', reason: 'FailedCreate', message: 'first' }
    const s = calculateReplicaSetStatus(rs({}, { replicas: 0, conditions: [first] }), [], { reason: 'FailedCreate', message: 'second' }, NOW)
    expect(s.conditions).toEqual([first])
  })

  it('removes ReplicaFailure after a clean sync', () => {
    const first = { type: 'ReplicaFailure', status: 'True', lastTransitionTime: '2025-03-03T08:00:00Z', reason: 'FailedCreate', message: 'first' }
    expect(calculateReplicaSetStatus(rs({}, { replicas: 0, conditions: [first] }), [], undefined, NOW).conditions).toBeUndefined()
  })
})

describe('replicaSetStatusUpToDate', () => {
  it('asks for a write when the generation was not observed yet', () => {
    expect(replicaSetStatusUpToDate(rs({}, { replicas: 0, observedGeneration: 1 }), { replicas: 0 })).toBe(false)
  })

  it('needs no write when counts and generation match', () => {
    expect(replicaSetStatusUpToDate(rs({}, { replicas: 2, readyReplicas: 2, observedGeneration: 2 }), { replicas: 2, readyReplicas: 2 })).toBe(true)
  })
})

describe('nextAvailabilityCheck', () => {
  it('is one second after the earliest ready pod reaches minReadySeconds', () => {
    const pods = [pod(full, 3000), pod(full, 8000)]
    expect(nextAvailabilityCheck(rs({ minReadySeconds: 10 }), pods, NOW)).toBe(NOW - 8000 + 10_000 + 1000)
  })

  it('is not needed without minReadySeconds', () => {
    expect(nextAvailabilityCheck(rs(), [pod(full, 1000)], NOW)).toBeUndefined()
  })
})
