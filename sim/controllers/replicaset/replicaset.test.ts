// ReplicaSet scenarios: a standalone ReplicaSet, orphans, failing creates (replica_set.go,
// controller_utils.go CreatePods/DeletePod event texts).
import { describe, expect, it } from 'vitest'
import { createStrategies } from '../../api/strategies'
import { fieldError } from '../../api/field-errors'
import { controllerOf } from '../../api/owners'
import type { KubeObject, Obj, Pod } from '../../api/types'
import { resolveConfig } from '../../cluster-config'
import { TestCluster } from '../deployment/test-cluster'

function replicaSet(replicas: number, image = 'nginx:1.27'): Obj<'ReplicaSet'> {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'frontend', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { tier: 'frontend' } },
      template: { metadata: { labels: { tier: 'frontend' } }, spec: { containers: [{ name: 'php', image }] } },
    },
  } as Obj<'ReplicaSet'>
}

function barePod(name: string, labels: Record<string, string>): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as Pod
}

describe('a standalone ReplicaSet', () => {
  it('names its pods <replicaset>-<five random characters>', () => {
    const c = new TestCluster()
    c.create(replicaSet(2))
    expect(c.pods().map((p) => p.metadata.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/)]))
    expect(c.pods()).toHaveLength(2)
  })

  it('adopts a matching orphan instead of creating a pod', () => {
    const c = new TestCluster()
    c.create(barePod('pod1', { tier: 'frontend' }))
    c.create(replicaSet(2))
    const pods = c.pods()
    expect(pods).toHaveLength(2)
    const rs = c.api.read('ReplicaSet', 'default', 'frontend')
    for (const p of pods) expect(controllerOf(p)?.uid).toBe(rs.metadata.uid)
    expect(c.eventsFor('ReplicaSet', 'frontend').filter((e) => e.startsWith('SuccessfulCreate'))).toHaveLength(1)
  })

  it('releases a pod whose labels stop matching, and replaces it', () => {
    const c = new TestCluster()
    c.create(replicaSet(1))
    const pod = c.pods()[0]
    c.api.update({ ...pod, metadata: { ...pod.metadata, labels: { tier: 'debug' } } }, { actor: 'kubectl' })
    c.drain()
    expect(c.api.read('Pod', 'default', pod.metadata.name!).metadata.ownerReferences).toEqual([])
    expect(c.pods({ tier: 'frontend' })).toHaveLength(1)
  })

  it('deletes surplus pods with SuccessfulDelete events', () => {
    const c = new TestCluster()
    c.create(replicaSet(3))
    const rs = c.api.read('ReplicaSet', 'default', 'frontend')
    c.api.update({ ...rs, spec: { ...rs.spec!, replicas: 1 } }, { actor: 'kubectl' })
    c.drain()
    const deletes = c.eventsFor('ReplicaSet', 'frontend').filter((e) => e.startsWith('SuccessfulDelete'))
    expect(deletes).toHaveLength(2)
    expect(deletes[0]).toMatch(/^SuccessfulDelete: Deleted pod: frontend-[a-z0-9]{5}$/)
    expect(c.pods()).toHaveLength(1)
  })
})

describe('a ReplicaSet whose pods cannot be created', () => {
  // The pod strategy of this cluster rejects one image, as validation would reject a bad template.
  const base = createStrategies(resolveConfig()).Pod ?? {}
  const strategies = {
    Pod: {
      ...base,
      validate: (o: KubeObject) => ((o as Pod).spec?.containers[0].image === 'bad' ? [fieldError.required('spec.containers[0].image', '')] : []),
    },
  }

  it('records FailedCreate with the API error and stops each sync after the first batch', () => {
    const c = new TestCluster(strategies)
    c.create(replicaSet(5, 'bad'))
    // Two syncs run at once: the first (ReplicaSet added) fails and writes ReplicaFailure; that
    // status update wakes a second one (updateRS enqueues on any change), which fails the same way.
    // Each tries one pod (a slow-start batch of 1), not five.
    const attempts = c.api.audit.filter((a) => a.verb === 'create' && a.ref.kind === 'Pod')
    expect(attempts.map((a) => a.error)).toEqual(['Invalid', 'Invalid'])
    const failed = c.eventsFor('ReplicaSet', 'frontend').filter((e) => e.startsWith('FailedCreate'))
    expect(failed).toHaveLength(2)
    expect(failed[0]).toMatch(/^FailedCreate: Error creating: Pod "frontend-[a-z0-9]{5}" is invalid: spec.containers\[0\].image: Required value$/)
    expect(c.pods()).toHaveLength(0)
  })

  it('sets the ReplicaFailure condition', () => {
    const c = new TestCluster(strategies)
    c.create(replicaSet(1, 'bad'))
    const cond = c.api.read('ReplicaSet', 'default', 'frontend').status?.conditions?.[0]
    expect([cond?.type, cond?.status, cond?.reason]).toEqual(['ReplicaFailure', 'True', 'FailedCreate'])
    expect(cond?.message).toMatch(/is invalid: spec.containers\[0\].image: Required value$/)
  })

  it('retries with back-off and clears ReplicaFailure once creates succeed', () => {
    const c = new TestCluster(strategies)
    c.create(replicaSet(1, 'bad'))
    const rs = c.api.read('ReplicaSet', 'default', 'frontend')
    c.api.update({ ...rs, spec: { ...rs.spec!, template: { ...rs.spec!.template, spec: { containers: [{ name: 'php', image: 'nginx' }] } } } }, { actor: 'kubectl' })
    c.tick(1000)
    expect(c.pods()).toHaveLength(1)
    expect(c.api.read('ReplicaSet', 'default', 'frontend').status?.conditions).toBeUndefined()
  })
})
