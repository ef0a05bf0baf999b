// Expected values from deployment_util.go (ResolveFenceposts, MaxSurge, MaxUnavailable,
// EqualIgnoreHash, FindNewReplicaSet), worked by hand.
import { describe, expect, it } from 'vitest'
import type { Deployment, ReplicaSet } from '../../api/types'
import { equalIgnoreHash, findNewReplicaSet, maxRevision, maxSurge, maxUnavailable, resolveFenceposts } from './util'

function dep(replicas: number, strategy?: NonNullable<Deployment['spec']>['strategy']): Deployment {
  return { spec: { replicas, selector: {}, template: {}, strategy } } as Deployment
}

describe('resolveFenceposts', () => {
  it.each<[number | string, number | string, number, number, number]>([
    ['0%', '0%', 0, 0, 1],
    ['39%', '39%', 10, 4, 3],
    [0, '39%', 10, 0, 3],
    ['39%', 0, 10, 4, 0],
    [0, 0, 10, 0, 1],
    ['25%', '25%', 4, 1, 1],
    ['25%', '25%', 3, 1, 0],
    [2, 1, 5, 2, 1],
  ])('maxSurge %j, maxUnavailable %j of %i gives %i and %i', (s, u, desired, surge, unavailable) => {
    expect(resolveFenceposts(s, u, desired)).toEqual([surge, unavailable])
  })
})

describe('maxSurge and maxUnavailable', () => {
  it('default to 25% each (apps/v1 defaults)', () => {
    expect([maxSurge(dep(10)), maxUnavailable(dep(10))]).toEqual([3, 2])
  })

  it('are 0 for Recreate', () => {
    const d = dep(10, { type: 'Recreate' })
    expect([maxSurge(d), maxUnavailable(d)]).toEqual([0, 0])
  })

  it('cap maxUnavailable at the replica count', () => {
    expect(maxUnavailable(dep(3, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 5 } }))).toBe(3)
  })

  it('give no unavailability to a Deployment scaled to 0', () => {
    expect(maxUnavailable(dep(0))).toBe(0)
  })

  it('default the missing half when only one is set (coredns: maxUnavailable 1)', () => {
    const d = dep(2, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } })
    expect([maxSurge(d), maxUnavailable(d)]).toEqual([1, 1])
  })
})

function rs(name: string, created: string, labels: Record<string, string>, revision?: string): ReplicaSet {
  return {
    metadata: { name, creationTimestamp: created, annotations: revision ? { 'deployment.kubernetes.io/revision': revision } : undefined },
    spec: { selector: {}, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  } as ReplicaSet
}

describe('the new ReplicaSet', () => {
  const d = { spec: { selector: {}, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } } as Deployment

  it('matches a template that differs only by pod-template-hash', () => {
    expect(equalIgnoreHash(d.spec!.template, rs('a', '2025-01-01T00:00:00Z', { app: 'web', 'pod-template-hash': 'x' }).spec!.template)).toBe(true)
  })

  it('does not match another template', () => {
    expect(equalIgnoreHash(d.spec!.template, rs('a', '2025-01-01T00:00:00Z', { app: 'db' }).spec!.template)).toBe(false)
  })

  it('is the oldest of several equal ReplicaSets', () => {
    const list = [rs('web-2', '2025-01-02T00:00:00Z', { app: 'web' }), rs('web-1', '2025-01-01T00:00:00Z', { app: 'web' }), rs('web-0', '2024-12-31T00:00:00Z', { app: 'db' })]
    expect(findNewReplicaSet(d, list)?.metadata?.name).toBe('web-1')
  })
})

describe('maxRevision', () => {
  it('skips revisions that do not parse', () => {
    expect(maxRevision([rs('a', '', {}, '3'), rs('b', '', {}, 'x'), rs('c', '', {}, '7'), rs('d', '', {})])).toBe(7)
  })
})
