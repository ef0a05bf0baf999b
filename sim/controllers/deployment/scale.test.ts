// Cases after upstream sync_test.go TestScale, expected sizes worked by hand from sync.go scale()
// and GetProportion.
import { describe, expect, it } from 'vitest'
import type { Deployment, ReplicaSet } from '../../api/types'
import { findActiveOrLatest, isScalingEvent, planScale } from './scale'

function dep(replicas: number, maxSurge = 0, maxUnavailable = 0, statusReplicas?: number): Deployment {
  return {
    metadata: { name: 'foo' },
    spec: { replicas, selector: {}, template: {}, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } },
    status: statusReplicas === undefined ? undefined : { replicas: statusReplicas },
  } as Deployment
}

/** A ReplicaSet sized for a Deployment of `sizedFor` replicas (max-replicas = sizedFor + surge). */
function rs(name: string, replicas: number, created: string, sizedFor?: number, maxReplicas?: number, available = 0): ReplicaSet {
  const annotations =
    sizedFor === undefined
      ? undefined
      : { 'deployment.kubernetes.io/desired-replicas': String(sizedFor), 'deployment.kubernetes.io/max-replicas': String(maxReplicas ?? sizedFor) }
  return { metadata: { name, creationTimestamp: created, annotations }, spec: { replicas, selector: {} }, status: { replicas, availableReplicas: available } } as ReplicaSet
}

const T1 = '2025-01-01T00:00:00Z'
const T2 = '2025-01-02T00:00:00Z'
const T3 = '2025-01-03T00:00:00Z'

const sizes = (actions: { name: string; to: number }[]) => Object.fromEntries(actions.map((a) => [a.name, a.to]))

describe('planScale', () => {
  it('scales the only active ReplicaSet to the new size', () => {
    expect(planScale(dep(5), rs('foo-v1', 3, T1, 3), [])).toEqual([{ name: 'foo-v1', from: 3, to: 5 }])
  })

  it('scales the newest ReplicaSet when none is active', () => {
    expect(sizes(planScale(dep(2), rs('foo-v2', 0, T2, 0), [rs('foo-v1', 0, T1, 0)]))).toEqual({ 'foo-v2': 2 })
  })

  it('shares an increase in proportion to the sizes (5 -> 10)', () => {
    expect(sizes(planScale(dep(10), rs('foo-v2', 2, T2, 5), [rs('foo-v1', 3, T1, 5)]))).toEqual({ 'foo-v1': 6, 'foo-v2': 4 })
  })

  it('shares a decrease in proportion to the sizes (10 -> 5)', () => {
    expect(sizes(planScale(dep(5), rs('foo-v2', 4, T2, 10), [rs('foo-v1', 6, T1, 10)]))).toEqual({ 'foo-v1': 3, 'foo-v2': 2 })
  })

  it('gives the rounding leftover to the largest ReplicaSet (scaling up, newer first on ties)', () => {
    // 3 -> 4 over three ReplicaSets of 1: each fraction rounds to 0, the leftover 1 goes first.
    const out = planScale(dep(4), rs('foo-v3', 1, T3, 3), [rs('foo-v2', 1, T2, 3), rs('foo-v1', 1, T1, 3)])
    expect(sizes(out)).toEqual({ 'foo-v3': 2, 'foo-v2': 1, 'foo-v1': 1 })
    expect(out.map((a) => a.operation)).toEqual(['up', 'up', 'up'])
  })

  it('takes from the oldest first when scaling down a tie', () => {
    const out = planScale(dep(2), rs('foo-v3', 1, T3, 3), [rs('foo-v2', 1, T2, 3), rs('foo-v1', 1, T1, 3)])
    expect(sizes(out)).toEqual({ 'foo-v1': 0, 'foo-v2': 1, 'foo-v3': 1 })
  })

  it('falls back to status.replicas when a ReplicaSet has no max-replicas', () => {
    expect(sizes(planScale(dep(10, 0, 0, 5), rs('foo-v2', 2, T2), [rs('foo-v1', 3, T1)]))).toEqual({ 'foo-v1': 6, 'foo-v2': 4 })
  })

  it('scales old ReplicaSets to 0 once the new one is saturated', () => {
    const out = planScale(dep(3), rs('foo-v2', 3, T2, 3, 3, 3), [rs('foo-v1', 1, T1, 3)])
    expect(out).toEqual([{ name: 'foo-v1', from: 1, to: 0 }])
  })
})

describe('isScalingEvent', () => {
  it('is true when an active ReplicaSet was sized for another replica count', () => {
    expect(isScalingEvent(dep(5), [rs('foo-v1', 3, T1, 3)])).toBe(true)
  })

  it('is false for a template change at the same size', () => {
    expect(isScalingEvent(dep(3), [rs('foo-v1', 3, T1, 3), undefined])).toBe(false)
  })

  it('ignores ReplicaSets scaled to 0', () => {
    expect(isScalingEvent(dep(5), [rs('foo-v1', 0, T1, 3)])).toBe(false)
  })
})

describe('findActiveOrLatest', () => {
  it('is undefined when two ReplicaSets are active', () => {
    expect(findActiveOrLatest(rs('b', 1, T2), [rs('a', 1, T1)])).toBeUndefined()
  })

  it('is the newest old ReplicaSet when nothing is active and there is no new one', () => {
    expect(findActiveOrLatest(undefined, [rs('a', 0, T1), rs('b', 0, T2)])?.metadata?.name).toBe('b')
  })
})
