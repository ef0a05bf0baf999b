// Expected values from sync.go calculateStatus and progress.go syncRolloutStatus /
// requeueStuckDeployment, with the condition texts of deployment_util.go.
import { describe, expect, it } from 'vitest'
import { fromCivil, rfc3339 } from '../../core/time'
import type { Deployment, ReplicaSet } from '../../api/types'
import { calculateStatus, nextProgressCheck, rolloutStatus, setCondition, type DStatus } from './status'

const NOW = fromCivil(2025, 3, 3, 9, 0, 0)
const T = rfc3339(NOW)

function dep(replicas: number, status?: DStatus, extra: Record<string, unknown> = {}): Deployment {
  return { metadata: { name: 'web', generation: 1 }, spec: { replicas, selector: {}, template: {}, ...extra }, status } as Deployment
}

function rs(name: string, replicas: number, ready: number, available: number): ReplicaSet {
  return { metadata: { name }, spec: { replicas, selector: {} }, status: { replicas, readyReplicas: ready, availableReplicas: available } } as ReplicaSet
}

describe('calculateStatus', () => {
  it('sums the ReplicaSets and reports minimum availability', () => {
    const cur = rs('web-new', 3, 3, 3)
    const s = calculateStatus([rs('web-old', 1, 1, 1), cur], cur, dep(3), NOW)
    expect(s).toEqual({
      observedGeneration: 1,
      replicas: 4,
      updatedReplicas: 3,
      readyReplicas: 4,
      availableReplicas: 4,
      conditions: [{ type: 'Available', status: 'True', lastUpdateTime: T, lastTransitionTime: T, reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }],
    })
  })

  it('reports missing availability and the unavailable count', () => {
    const cur = rs('web-new', 4, 0, 0)
    const s = calculateStatus([cur], cur, dep(4), NOW)
    expect(s.unavailableReplicas).toBe(4)
    expect(s.conditions?.[0]).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' })
  })

  it('counts maxUnavailable in minimum availability (4 replicas, 25%: 3 are enough)', () => {
    const cur = rs('web-new', 4, 3, 3)
    expect(calculateStatus([cur], cur, dep(4), NOW).conditions?.[0].status).toBe('True')
  })
})

describe('setCondition', () => {
  it('keeps lastTransitionTime when only the reason changes', () => {
    const s: DStatus = { conditions: [{ type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', lastUpdateTime: 'a', lastTransitionTime: 'a' }] }
    setCondition(s, { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', lastUpdateTime: 'b', lastTransitionTime: 'b' })
    expect(s.conditions).toEqual([{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', lastUpdateTime: 'b', lastTransitionTime: 'a' }])
  })

  it('moves a changed condition to the end', () => {
    const s: DStatus = { conditions: [{ type: 'Progressing', status: 'True', reason: 'x' }, { type: 'Available', status: 'False', reason: 'y' }] }
    setCondition(s, { type: 'Progressing', status: 'True', reason: 'z' })
    expect(s.conditions?.map((c) => c.type)).toEqual(['Available', 'Progressing'])
  })
})

const progressing = (reason: string, at: number, status = 'True') => ({ type: 'Progressing', status, reason, lastUpdateTime: rfc3339(at), lastTransitionTime: rfc3339(at), message: 'm' })

describe('rolloutStatus', () => {
  it('reports a finished rollout as NewReplicaSetAvailable', () => {
    const cur = rs('web-5d8c6b7f9c', 3, 3, 3)
    const d = dep(3, { observedGeneration: 1, replicas: 3, updatedReplicas: 2, conditions: [progressing('ReplicaSetUpdated', NOW - 5000)] })
    const p = rolloutStatus(d, [cur], cur, NOW).conditions?.find((c) => c.type === 'Progressing')
    expect(p).toMatchObject({ reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "web-5d8c6b7f9c" has successfully progressed.', lastUpdateTime: T })
  })

  it('refreshes lastUpdateTime on progress but keeps the transition time', () => {
    const cur = rs('web-5d8c6b7f9c', 3, 2, 2)
    const d = dep(3, { observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 1, availableReplicas: 1, conditions: [progressing('ReplicaSetUpdated', NOW - 5000)] })
    const p = rolloutStatus(d, [cur], cur, NOW).conditions?.find((c) => c.type === 'Progressing')
    expect(p).toMatchObject({ reason: 'ReplicaSetUpdated', message: 'ReplicaSet "web-5d8c6b7f9c" is progressing.', lastUpdateTime: T, lastTransitionTime: rfc3339(NOW - 5000) })
  })

  it('times out after progressDeadlineSeconds without progress', () => {
    const cur = rs('web-5d8c6b7f9c', 3, 0, 0)
    const d = dep(3, { observedGeneration: 1, replicas: 3, updatedReplicas: 3, conditions: [progressing('ReplicaSetUpdated', NOW - 601_000)] })
    const p = rolloutStatus(d, [cur], cur, NOW).conditions?.find((c) => c.type === 'Progressing')
    expect(p).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-5d8c6b7f9c" has timed out progressing.' })
  })

  it('does not time out at the deadline itself', () => {
    const cur = rs('web-5d8c6b7f9c', 3, 0, 0)
    const d = dep(3, { observedGeneration: 1, replicas: 3, updatedReplicas: 3, conditions: [progressing('ReplicaSetUpdated', NOW - 600_000)] })
    expect(rolloutStatus(d, [cur], cur, NOW).conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('ReplicaSetUpdated')
  })

  it('drops Progressing when there is no deadline', () => {
    const cur = rs('web-5d8c6b7f9c', 3, 3, 3)
    const d = dep(3, { conditions: [progressing('ReplicaSetUpdated', NOW)] }, { progressDeadlineSeconds: 2147483647 })
    expect(rolloutStatus(d, [cur], cur, NOW).conditions?.map((c) => c.type)).toEqual(['Available'])
  })

  it('copies a ReplicaFailure from the new ReplicaSet', () => {
    const cur = { ...rs('web-5d8c6b7f9c', 3, 0, 0), status: { replicas: 0, conditions: [{ type: 'ReplicaFailure', status: 'True', lastTransitionTime: T, reason: 'FailedCreate', message: 'boom' }] } } as ReplicaSet
    const c = rolloutStatus(dep(3), [cur], cur, NOW).conditions?.find((x) => x.type === 'ReplicaFailure')
    expect(c).toEqual({ type: 'ReplicaFailure', status: 'True', lastUpdateTime: T, lastTransitionTime: T, reason: 'FailedCreate', message: 'boom' })
  })
})

describe('nextProgressCheck', () => {
  it('is the deadline after the last progress, plus a second', () => {
    const d = dep(3, { conditions: [progressing('ReplicaSetUpdated', NOW - 180_000)] })
    expect(nextProgressCheck(d, d.status!, NOW)).toBe(NOW + 420_000 + 1000)
  })

  it('is not needed once the rollout timed out', () => {
    const d = dep(3, { conditions: [progressing('ProgressDeadlineExceeded', NOW - 700_000, 'False')] })
    expect(nextProgressCheck(d, d.status!, NOW)).toBeUndefined()
  })
})
