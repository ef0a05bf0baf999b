// Expected values from deployment_util.go SetNewReplicaSetAnnotations and NewRSNewReplicas.
import { describe, expect, it } from 'vitest'
import type { Deployment, KubeObject, ReplicaSet } from '../../api/types'
import { MAX_REV_HISTORY_CHARS, newRSNewReplicas, newReplicaSetAnnotations, newReplicaSetObject } from './new-rs'

function dep(replicas: number, annotations?: Record<string, string>, strategy: NonNullable<Deployment['spec']>['strategy'] = {}): Deployment & KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'd-uid', annotations },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } } }, strategy },
  } as Deployment & KubeObject
}

const rs = (replicas: number) => ({ spec: { replicas } }) as ReplicaSet

describe('newReplicaSetAnnotations', () => {
  it('gives a new ReplicaSet its revision and the sizes it was made for', () => {
    expect(newReplicaSetAnnotations(dep(3), undefined, 1, false).annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    })
  })

  it('copies the Deployment annotations but not its revision or last-applied configuration', () => {
    const d = dep(1, { 'kubernetes.io/change-cause': 'kubectl set image', 'deployment.kubernetes.io/revision': '9', 'kubectl.kubernetes.io/last-applied-configuration': '{}' })
    const out = newReplicaSetAnnotations(d, undefined, 2, false).annotations
    expect(out['kubernetes.io/change-cause']).toBe('kubectl set image')
    expect(out['deployment.kubernetes.io/revision']).toBe('2')
    expect(out['kubectl.kubernetes.io/last-applied-configuration']).toBeUndefined()
  })

  it('raises the revision of a re-used ReplicaSet and records the old one', () => {
    const out = newReplicaSetAnnotations(dep(3), { 'deployment.kubernetes.io/revision': '1' }, 3, true)
    expect(out.changed).toBe(true)
    expect(out.annotations['deployment.kubernetes.io/revision']).toBe('3')
    expect(out.annotations['deployment.kubernetes.io/revision-history']).toBe('1')
  })

  it('appends to an existing revision history', () => {
    const cur = { 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' }
    expect(newReplicaSetAnnotations(dep(3), cur, 5, true).annotations['deployment.kubernetes.io/revision-history']).toBe('1,3')
  })

  it('drops the oldest history entries past the length limit', () => {
    const history = Array.from({ length: 400 }, (_, i) => String(1000 + i)).join(',') // 1999 characters
    expect(history.length).toBe(MAX_REV_HISTORY_CHARS - 1)
    const cur = { 'deployment.kubernetes.io/revision': '5000', 'deployment.kubernetes.io/revision-history': history }
    const out = newReplicaSetAnnotations(dep(3), cur, 5001, true).annotations['deployment.kubernetes.io/revision-history']!
    expect(out.startsWith('1001,')).toBe(true)
    expect(out.endsWith(',5000')).toBe(true)
  })

  it('changes nothing for the current ReplicaSet', () => {
    const cur = { 'deployment.kubernetes.io/revision': '2', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' }
    expect(newReplicaSetAnnotations(dep(3), cur, 2, true).changed).toBe(false)
  })
})

describe('newRSNewReplicas', () => {
  it.each<[string, number, number | string, number, number, number]>([
    // name, deployment replicas, maxSurge, new RS size, old pods, expected
    ['cannot grow while the surge room is used up', 1, 1, 5, 5, 5],
    ['grows to the deployment size', 6, 10, 2, 5, 6],
    ['grows by the surge while old pods remain', 10, 2, 0, 10, 2],
    ['grows into room left by old pods', 10, 2, 0, 5, 7],
    ['grows to the full size when old pods are gone', 4, '25%', 2, 0, 4],
  ])('%s', (_, replicas, surge, newSize, oldSize, expected) => {
    const d = dep(replicas, undefined, { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: 0 } })
    expect(newRSNewReplicas(d, [rs(oldSize), rs(newSize)], rs(newSize))).toBe(expected)
  })

  it('gives Recreate every replica at once', () => {
    expect(newRSNewReplicas(dep(3, undefined, { type: 'Recreate' }), [rs(1), rs(0)], rs(0))).toBe(3)
  })
})

describe('newReplicaSetObject', () => {
  it('names the ReplicaSet after the hash and adds the hash to labels, selector and template', () => {
    const out = newReplicaSetObject(dep(3), '5d8c6b7f9c')
    expect(out.metadata?.name).toBe('web-5d8c6b7f9c')
    expect(out.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': '5d8c6b7f9c' })
    expect(out.spec?.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': '5d8c6b7f9c' } })
    expect(out.spec?.template?.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': '5d8c6b7f9c' })
    expect(out.metadata?.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-uid', controller: true, blockOwnerDeletion: true }])
  })
})
