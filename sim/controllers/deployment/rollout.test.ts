// Rollouts step by step, with invariants checked after every write (rolling.go, recreate.go,
// sync.go, progress.go). The test plays scheduler and kubelet, so each step is under its control.
import { describe, expect, it } from 'vitest'
import { controllerOf } from '../../api/owners'
import { isPodReady } from '../../api/pod-util'
import type { Obj, Pod } from '../../api/types'
import { TestCluster, deploymentManifest } from './test-cluster'
import { podTemplateHash } from './hash'

const image = (img: string) => (d: Obj<'Deployment'>) => ({
  ...d,
  spec: { ...d.spec!, template: { ...d.spec!.template, spec: { containers: [{ name: 'nginx', image: img }] } } },
})

/** The ReplicaSet whose pods run `img`. */
function rsFor(c: TestCluster, img: string): Obj<'ReplicaSet'> {
  const rs = c.replicaSets().find((r) => r.spec?.template?.spec?.containers[0].image === img)
  if (!rs) throw new Error(`no ReplicaSet for ${img}`)
  return rs
}

const scaling = (c: TestCluster) => c.eventsFor('Deployment', 'web').filter((e) => e.startsWith('ScalingReplicaSet')).map((e) => e.slice('ScalingReplicaSet: '.length))

describe('a RollingUpdate', () => {
  it('starts with maxSurge new pods and maxUnavailable fewer old ones (4 replicas, 25%/25%)', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 4))
    c.converge()
    c.editDeployment('web', image('nginx:1.28'))
    const oldRS = rsFor(c, 'nginx:1.27').metadata.name
    const newRS = rsFor(c, 'nginx:1.28').metadata.name
    // Up 1 (surge), down 1 (unavailable); then, the old ReplicaSet's spec being 3, up 1 more.
    expect(scaling(c).slice(1)).toEqual([
      `Scaled up replica set ${newRS} from 0 to 1`,
      `Scaled down replica set ${oldRS} from 4 to 3`,
      `Scaled up replica set ${newRS} from 1 to 2`,
    ])
    expect([rsFor(c, 'nginx:1.27').spec?.replicas, rsFor(c, 'nginx:1.28').spec?.replicas]).toEqual([3, 2])
  })

  it('never exceeds replicas + maxSurge nor drops below replicas - maxUnavailable ready pods', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 4))
    c.converge()
    const violations: string[] = []
    c.api.watch(() => {
      const total = c.replicaSets().reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0)
      if (total > 5) violations.push(`ReplicaSets sized ${total} > 5`)
      const ready = c.pods().filter((p) => !p.metadata.deletionTimestamp && isPodReady(p as Pod)).length
      if (ready < 3) violations.push(`${ready} ready pods < 3`)
    })
    c.editDeployment('web', image('nginx:1.28'))
    c.converge()
    expect(violations).toEqual([])
    expect(rsFor(c, 'nginx:1.27').spec?.replicas).toBe(0)
    expect(rsFor(c, 'nginx:1.28').spec?.replicas).toBe(4)
    expect(c.pods().map((p) => p.spec?.containers[0].image)).toEqual(['nginx:1.28', 'nginx:1.28', 'nginx:1.28', 'nginx:1.28'])
  })

  it('numbers the new ReplicaSet revision 2 and the Deployment with it', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 2))
    c.converge()
    c.editDeployment('web', image('nginx:1.28'))
    c.converge()
    expect(rsFor(c, 'nginx:1.27').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1')
    expect(rsFor(c, 'nginx:1.28').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2')
    expect(c.api.read('Deployment', 'default', 'web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2')
  })

  it('shares a scale-up mid-rollout in proportion (10 -> 20)', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 10))
    c.converge()
    c.editDeployment('web', image('nginx:1.28'))
    // New 3 then 5 (surge 3), old 8 (unavailable 2): nothing new is ready yet.
    expect([rsFor(c, 'nginx:1.27').spec?.replicas, rsFor(c, 'nginx:1.28').spec?.replicas]).toEqual([8, 5])
    c.editDeployment('web', (d) => ({ ...d, spec: { ...d.spec!, replicas: 20 } }))
    // 12 more up to 25 (20 + surge 5): old round(8*25/13)=15, new round(5*25/13)=10.
    expect([rsFor(c, 'nginx:1.27').spec?.replicas, rsFor(c, 'nginx:1.28').spec?.replicas]).toEqual([15, 10])
  })
})

describe('a Recreate rollout', () => {
  it('scales the old ReplicaSet to 0 and starts nothing while old pods exist', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 3, 'nginx:1.27', { strategy: { type: 'Recreate' } }))
    c.converge()
    c.editDeployment('web', image('nginx:1.28'))
    expect(c.replicaSets()).toHaveLength(1)
    expect(rsFor(c, 'nginx:1.27').spec?.replicas).toBe(0)
    expect(c.pods().every((p) => p.metadata.deletionTimestamp)).toBe(true)
    expect(scaling(c).at(-1)).toBe(`Scaled down replica set ${rsFor(c, 'nginx:1.27').metadata.name} from 3 to 0`)
  })

  it('starts every new pod once the last old one is gone', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 3, 'nginx:1.27', { strategy: { type: 'Recreate' } }))
    c.converge()
    const overlap: string[] = []
    c.api.watch(() => {
      const images = new Set(c.pods().map((p) => p.spec?.containers[0].image))
      if (images.size > 1) overlap.push([...images].join('+'))
    })
    c.editDeployment('web', image('nginx:1.28'))
    c.finishTerminating()
    expect(overlap).toEqual([])
    expect(c.pods()).toHaveLength(3)
    expect(scaling(c).at(-1)).toBe(`Scaled up replica set ${rsFor(c, 'nginx:1.28').metadata.name} from 0 to 3`)
  })
})

describe('rolling back (kubectl rollout undo copies the old template back)', () => {
  it('re-uses the old ReplicaSet with the next revision and records its old one', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 2))
    c.converge()
    const first = rsFor(c, 'nginx:1.27').metadata.name
    c.editDeployment('web', image('nginx:1.28'))
    c.converge()
    c.editDeployment('web', image('nginx:1.27'))
    c.converge()
    expect(c.replicaSets()).toHaveLength(2)
    const back = rsFor(c, 'nginx:1.27')
    expect(back.metadata.name).toBe(first)
    expect(back.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3')
    expect(back.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1')
    expect(back.spec?.replicas).toBe(2)
    expect(c.api.read('Deployment', 'default', 'web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3')
  })

  it('gets there without a rejected write', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 2))
    c.converge()
    c.editDeployment('web', image('nginx:1.28'))
    c.converge()
    c.editDeployment('web', image('nginx:1.27'))
    c.converge()
    expect(c.api.audit.filter((a) => a.error)).toEqual([])
  })
})

describe('revisionHistoryLimit', () => {
  it('deletes the oldest ReplicaSets scaled to 0 beyond the limit', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 1, 'nginx:1', { revisionHistoryLimit: 1 }))
    c.converge()
    for (const img of ['nginx:2', 'nginx:3', 'nginx:4']) {
      c.editDeployment('web', image(img))
      c.converge()
    }
    expect(c.replicaSets().map((r) => r.spec?.template?.spec?.containers[0].image).sort()).toEqual(['nginx:3', 'nginx:4'])
  })
})

describe('a paused Deployment', () => {
  it('shows Progressing Unknown DeploymentPaused and does not roll out a template change', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 2))
    c.converge()
    c.editDeployment('web', (d) => ({ ...d, spec: { ...d.spec!, paused: true } }))
    c.editDeployment('web', image('nginx:1.28'))
    expect(c.replicaSets()).toHaveLength(1)
    const p = c.api.read('Deployment', 'default', 'web').status?.conditions?.find((x) => x.type === 'Progressing')
    expect([p?.status, p?.reason, p?.message]).toEqual(['Unknown', 'DeploymentPaused', 'Deployment is paused'])
  })

  it('still scales', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 2))
    c.converge()
    c.editDeployment('web', (d) => ({ ...d, spec: { ...d.spec!, paused: true, replicas: 4 } }))
    expect(c.replicaSets()[0].spec?.replicas).toBe(4)
  })

  it('rolls out once resumed', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 2))
    c.converge()
    c.editDeployment('web', (d) => ({ ...d, spec: { ...d.spec!, paused: true } }))
    c.editDeployment('web', image('nginx:1.28'))
    c.editDeployment('web', (d) => ({ ...d, spec: { ...d.spec!, paused: false } }))
    c.converge()
    expect(rsFor(c, 'nginx:1.28').spec?.replicas).toBe(2)
  })
})

describe('progressDeadlineSeconds', () => {
  it('marks a stuck rollout ProgressDeadlineExceeded once the deadline has passed', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 2, 'nginx:1.27', { progressDeadlineSeconds: 60 }))
    const rs = c.replicaSets()[0].metadata.name
    const progressing = () => c.api.read('Deployment', 'default', 'web').status?.conditions?.find((x) => x.type === 'Progressing')
    c.tick(60_000)
    expect(progressing()?.reason).toBe('ReplicaSetUpdated')
    c.tick(1_000)
    expect([progressing()?.status, progressing()?.reason, progressing()?.message]).toEqual(['False', 'ProgressDeadlineExceeded', `ReplicaSet "${rs}" has timed out progressing.`])
  })
})

describe('minReadySeconds', () => {
  it('counts a pod available one check after it has been ready that long', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 2, 'nginx:1.27', { minReadySeconds: 10 }))
    c.readyAll()
    const rs = () => c.replicaSets()[0]
    expect(rs().spec?.minReadySeconds).toBe(10)
    expect(rs().status?.readyReplicas).toBe(2)
    c.tick(10_000)
    expect(rs().status?.availableReplicas).toBeUndefined()
    c.tick(1_000)
    expect(rs().status?.availableReplicas).toBe(2)
    expect(c.api.read('Deployment', 'default', 'web').status?.availableReplicas).toBe(2)
  })
})

describe('ownership', () => {
  it('gives every pod exactly one controller: its ReplicaSet', () => {
    const c = new TestCluster()
    c.create(deploymentManifest('web', 3))
    c.converge()
    c.editDeployment('web', image('nginx:1.28'))
    c.converge()
    const uids = new Set(c.replicaSets().map((r) => r.metadata.uid))
    for (const p of c.pods()) expect(uids.has(controllerOf(p)?.uid)).toBe(true)
  })
})

describe('a pod-template-hash collision', () => {
  it('bumps collisionCount and names the new ReplicaSet with the next hash', () => {
    const c = new TestCluster()
    // Paused, the Deployment creates nothing yet: its name slot can be taken first.
    c.create(deploymentManifest('web', 1, 'nginx:1.27', { paused: true }))
    const template = c.api.read('Deployment', 'default', 'web').spec?.template
    c.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: `web-${podTemplateHash(template)}`, namespace: 'default', labels: { other: 'x' } },
      spec: { replicas: 0, selector: { matchLabels: { other: 'x' } }, template: { metadata: { labels: { other: 'x' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
    } as Obj<'ReplicaSet'>)
    c.editDeployment('web', (d) => ({ ...d, spec: { ...d.spec!, paused: false } }))
    expect(c.api.read('Deployment', 'default', 'web').status?.collisionCount).toBe(1)
    const owned = c.replicaSets().filter((r) => controllerOf(r)?.name === 'web')
    expect(owned.map((r) => r.metadata.name)).toEqual([`web-${podTemplateHash(template, 1)}`])
  })
})
