// Deployment scenarios in a cluster where the test plays scheduler and kubelet. Expected names,
// events and conditions are upstream's (sync.go, rolling.go, controller_utils.go).
import { describe, expect, it } from 'vitest'
import { K8S_ALPHANUMS } from '../../core/rng'
import { controllerOf } from '../../api/owners'
import type { Obj } from '../../api/types'
import { TestCluster, deploymentManifest } from './test-cluster'

const SUFFIX = `[${K8S_ALPHANUMS}]{5}`
const HASH = '[456789bcdf]{1,10}'

function onlyRS(c: TestCluster): Obj<'ReplicaSet'> {
  const list = c.replicaSets()
  expect(list).toHaveLength(1)
  return list[0]
}

describe('creating a Deployment', () => {
  it('creates one ReplicaSet named after the pod template hash', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 3))
    const rs = onlyRS(c)
    expect(rs.metadata.name).toMatch(new RegExp(`^web-${HASH}$`))
    const hash = rs.metadata.labels!['pod-template-hash']
    expect(rs.metadata.name).toBe(`web-${hash}`)
    expect(rs.spec?.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } })
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    })
    expect(controllerOf(rs)).toMatchObject({ kind: 'Deployment', name: 'web', controller: true, blockOwnerDeletion: true })
  })

  it('starts every pod at once, with random-suffix names, the template labels and the ReplicaSet as owner', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 3))
    const rs = onlyRS(c)
    const pods = c.pods()
    expect(pods).toHaveLength(3)
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^${rs.metadata.name}-${SUFFIX}$`))
      expect(p.metadata.generateName).toBe(`${rs.metadata.name}-`)
      expect(p.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': rs.metadata.labels!['pod-template-hash'] })
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
      ])
    }
  })

  it('records SuccessfulCreate on the ReplicaSet and ScalingReplicaSet on the Deployment', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 3))
    const rs = onlyRS(c)
    const names = c.pods().map((p) => p.metadata.name)
    expect(c.eventsFor('ReplicaSet', rs.metadata.name!).sort()).toEqual(names.map((n) => `SuccessfulCreate: Created pod: ${n}`).sort())
    expect(c.eventsFor('Deployment', 'web')).toEqual([`ScalingReplicaSet: Scaled up replica set ${rs.metadata.name} from 0 to 3`])
    const ev = c.api.list('Event', { namespace: 'default' }).find((e) => e.reason === 'SuccessfulCreate')
    expect(ev?.source).toEqual({ component: 'replicaset-controller' })
  })

  it('marks the Deployment revision 1 and reports a new ReplicaSet that is progressing', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 3))
    const d = c.api.read('Deployment', 'default', 'web')
    const rs = onlyRS(c)
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1')
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3 })
    expect(d.status?.readyReplicas).toBeUndefined()
    expect(d.status?.conditions?.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
      ['Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rs.metadata.name}" is progressing.`],
    ])
  })

  it('becomes Available and NewReplicaSetAvailable when the pods are ready', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 3))
    c.converge()
    const rs = onlyRS(c)
    expect(rs.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 })
    const d = c.api.read('Deployment', 'default', 'web')
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 })
    expect(d.status?.unavailableReplicas).toBeUndefined()
    expect(d.status?.conditions?.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rs.metadata.name}" has successfully progressed.`],
    ])
  })
})

describe('scaling a Deployment', () => {
  it('scales the ReplicaSet up and records it', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 3))
    c.converge()
    c.editDeployment('web', (d) => ({ ...d, spec: { ...d.spec!, replicas: 5 } }))
    const rs = onlyRS(c)
    expect(rs.spec?.replicas).toBe(5)
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe('5')
    expect(c.pods()).toHaveLength(5)
    expect(c.eventsFor('Deployment', 'web').at(-1)).toBe(`ScalingReplicaSet: Scaled up replica set ${rs.metadata.name} from 3 to 5`)
  })

  it('scales down by deleting the pods that are not ready first', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 3))
    c.converge()
    const ready = c.pods().map((p) => p.metadata.name)
    c.editDeployment('web', (d) => ({ ...d, spec: { ...d.spec!, replicas: 5 } }))
    c.editDeployment('web', (d) => ({ ...d, spec: { ...d.spec!, replicas: 3 } }))
    const rs = onlyRS(c)
    const deleted = c.eventsFor('ReplicaSet', rs.metadata.name!).filter((e) => e.startsWith('SuccessfulDelete'))
    expect(deleted).toHaveLength(2)
    for (const e of deleted) expect(ready).not.toContain(e.replace('SuccessfulDelete: Deleted pod: ', ''))
    expect(c.eventsFor('Deployment', 'web').at(-1)).toBe(`ScalingReplicaSet: Scaled down replica set ${rs.metadata.name} from 5 to 3`)
  })
})

describe('scaling to zero', () => {
  it('keeps the ReplicaSet and deletes every pod', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 2))
    c.converge()
    c.editDeployment('web', (d) => ({ ...d, spec: { ...d.spec!, replicas: 0 } }))
    c.finishTerminating()
    expect(onlyRS(c).spec?.replicas).toBe(0)
    expect(c.pods()).toEqual([])
  })
})

describe('a ReplicaSet scaled behind the Deployment back', () => {
  it('is scaled back to the Deployment size', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 2))
    c.converge()
    const rs = onlyRS(c)
    c.api.update({ ...rs, spec: { ...rs.spec!, replicas: 5 } }, { actor: 'kubectl' })
    c.drain()
    expect(onlyRS(c).spec?.replicas).toBe(2)
    expect(c.eventsFor('Deployment', 'web').at(-1)).toBe(`ScalingReplicaSet: Scaled down replica set ${rs.metadata.name} from 5 to 2`)
  })
})

describe('deleting a pod', () => {
  it('is replaced at once by a pod with a new name', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 3))
    c.converge()
    const before = c.pods().map((p) => p.metadata.name!)
    c.deletePod(before[0])
    const live = c.pods().filter((p) => !p.metadata.deletionTimestamp)
    expect(live).toHaveLength(3)
    const added = live.map((p) => p.metadata.name!).filter((n) => !before.includes(n))
    expect(added).toHaveLength(1)
    expect(added[0]).not.toBe(before[0])
    // The old pod is still terminating beside it: the ReplicaSet does not wait for it.
    expect(c.pods().find((p) => p.metadata.name === before[0])?.metadata.deletionTimestamp).toBeDefined()
  })
})

describe('a failed pod', () => {
  it('is left in place and a replacement is created beside it', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 2))
    c.converge()
    const victim = c.pods()[0]
    c.fail(victim)
    const pods = c.pods()
    expect(pods).toHaveLength(3)
    expect(pods.find((p) => p.metadata.name === victim.metadata.name)?.status?.phase).toBe('Failed')
    expect(onlyRS(c).status?.replicas).toBe(2)
  })
})
