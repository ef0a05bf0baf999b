// Dynamic provisioning: the PV controller asks, an external provisioner answers.
// Strings and shapes: statefulset-controller.md §3 (event table) and §6.3, kubectl-output.md §11.7 and
// §11.10, web-world.json (PVC/PV of kind's local-path provisioner), rancher/local-path-provisioner
// provisioner.go, sig-storage-lib-external-provisioner controller.go.

import { describe, it, expect } from 'vitest'
import { testSim, createAs } from '../../testing/harness'
import { claim, eventsFor, getClaim, getVolume, selectNode, storageClass } from './test-fixtures'

const WAITING = 'waiting for first consumer to be created before binding'
const external = (p: string) =>
  `Waiting for a volume to be created either by the external provisioner '${p}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`
// e.g. rancher.io/local-path_local-path-provisioner-7dc846544d-lk9xz_0d3f8a2c-5b7e-4c1a-9e6d-2f8b4a0c7e13
const LOCAL_PATH_ID = expect.stringMatching(/^rancher\.io\/local-path_local-path-provisioner-/)
const LOCAL_PATH_COMPONENT = /^rancher\.io\/local-path_local-path-provisioner-[bcdfghjklmnpqrstvwxz2456789]{10}-[bcdfghjklmnpqrstvwxz2456789]{5}_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('WaitForFirstConsumer (the default class standard, rancher.io/local-path)', () => {
  it('keeps the claim Pending with WaitForFirstConsumer until a node is selected', () => {
    const sim = testSim()
    createAs(sim, claim('www-web-0', '1Gi', { cls: null }))
    sim.tick(60_000)
    expect(getClaim(sim, 'www-web-0')?.status?.phase).toBe('Pending')
    expect(sim.api.list('PersistentVolume')).toEqual([])
    const events = eventsFor(sim, 'PersistentVolumeClaim', 'www-web-0')
    expect(events.map((e) => e.slice(0, 4))).toEqual([['Normal', 'WaitForFirstConsumer', WAITING, 'persistentvolume-controller']])
  })

  it('provisions pvc-<claim uid> on the selected node once the scheduler writes it', () => {
    const sim = testSim()
    const [c] = createAs(sim, claim('www-web-0', '1Gi', { cls: null }))
    selectNode(sim, 'www-web-0', 'k8s-node1')
    sim.settle()
    const name = `pvc-${c.metadata.uid}`
    expect(getClaim(sim, 'www-web-0')?.spec?.volumeName).toBe(name)
    const pv = getVolume(sim, name)!
    expect(pv.spec?.hostPath).toEqual({ path: `/var/local-path-provisioner/${name}_default_www-web-0`, type: 'DirectoryOrCreate' })
    expect(pv.spec?.nodeAffinity).toEqual({
      required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['k8s-node1'] }] }] },
    })
  })

  it('makes the volume as web-world shows it: size, modes, class, policy, annotations, finalizer', () => {
    const sim = testSim()
    const [c] = createAs(sim, claim('www-web-0', '1Gi', { cls: null }))
    selectNode(sim, 'www-web-0', 'k8s-node2')
    sim.settle()
    const pv = getVolume(sim, `pvc-${c.metadata.uid}`)!
    expect(pv.metadata.annotations).toEqual({ 'local.path.provisioner/selected-node': 'k8s-node2', 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' })
    expect(pv.metadata.finalizers).toEqual(['kubernetes.io/pv-protection'])
    expect(pv.spec?.capacity).toEqual({ storage: '1Gi' })
    expect(pv.spec?.accessModes).toEqual(['ReadWriteOnce'])
    expect(pv.spec?.persistentVolumeReclaimPolicy).toBe('Delete')
    expect(pv.spec?.storageClassName).toBe('standard')
    expect(pv.spec?.volumeMode).toBe('Filesystem')
    expect(pv.status?.phase).toBe('Bound')
  })

  it('leaves the claim annotated exactly as web-world shows it', () => {
    const sim = testSim()
    createAs(sim, claim('www-web-0', '1Gi', { cls: null }))
    selectNode(sim, 'www-web-0', 'k8s-node1')
    sim.settle()
    const c = getClaim(sim, 'www-web-0')!
    expect(c.metadata.annotations).toEqual({
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      'volume.kubernetes.io/selected-node': 'k8s-node1',
      'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    })
    expect(c.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection'])
    expect(c.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } })
  })

  it('records the four events of kubectl-output §11.10, in order, from the right components', () => {
    const sim = testSim()
    const [c] = createAs(sim, claim('www-web-0', '1Gi', { cls: null }))
    selectNode(sim, 'www-web-0', 'k8s-node1')
    sim.settle()
    const events = eventsFor(sim, 'PersistentVolumeClaim', 'www-web-0')
    expect(events.map((e) => [e[0], e[1], e[2], e[4]])).toEqual([
      ['Normal', 'WaitForFirstConsumer', WAITING, 1],
      ['Normal', 'ExternalProvisioning', external('rancher.io/local-path'), 1],
      ['Normal', 'Provisioning', 'External provisioner is provisioning volume for claim "default/www-web-0"', 1],
      ['Normal', 'ProvisioningSucceeded', `Successfully provisioned volume pvc-${c.metadata.uid}`, 1],
    ])
    expect(events[1][3]).toBe('persistentvolume-controller')
    expect(events[2][3]).toMatch(LOCAL_PATH_COMPONENT)
    expect(events[3][3]).toBe(events[2][3])
  })

  it('takes about provisionMs to provision', () => {
    const sim = testSim({ timings: { provisionMs: 4000 } })
    createAs(sim, claim('www-web-0', '1Gi', { cls: null }))
    selectNode(sim, 'www-web-0', 'k8s-node1')
    sim.tick(1000)
    expect(sim.api.list('PersistentVolume')).toEqual([])
    sim.tick(5000)
    expect(sim.api.list('PersistentVolume')).toHaveLength(1)
  })

  it('names the provisioner the same way for the same seed, and differently for another', () => {
    const component = (seed: number) => {
      const sim = testSim({ seed })
      createAs(sim, claim('www-web-0', '1Gi', { cls: null }))
      selectNode(sim, 'www-web-0', 'k8s-node1')
      sim.settle()
      return eventsFor(sim, 'PersistentVolumeClaim', 'www-web-0').find((e) => e[1] === 'Provisioning')![3]
    }
    expect(component(5)).toBe(component(5))
    expect(component(5)).not.toBe(component(6))
  })
})

describe('Immediate classes', () => {
  const nfsCluster = () =>
    testSim({
      provisioners: [{ name: 'example.com/nfs', server: '192.168.56.20', path: '/srv/nfs' }],
      storageClasses: [{ name: 'nfs', provisioner: 'example.com/nfs', reclaimPolicy: 'Retain', volumeBindingMode: 'Immediate', isDefault: true }],
    })

  it('provisions at once, without waiting for a pod', () => {
    const sim = nfsCluster()
    createAs(sim, claim('shared', '2Gi', { cls: null, modes: ['ReadWriteMany'] }))
    sim.settle()
    const c = getClaim(sim, 'shared')!
    expect(c.status?.phase).toBe('Bound')
    expect(c.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBeUndefined()
  })

  it('makes an NFS volume with no node affinity and the class reclaim policy', () => {
    const sim = nfsCluster()
    const [c] = createAs(sim, claim('shared', '2Gi', { cls: null, modes: ['ReadWriteMany'] }))
    sim.settle()
    const name = `pvc-${c.metadata.uid}`
    const pv = getVolume(sim, name)!
    expect(pv.spec?.nfs).toEqual({ server: '192.168.56.20', path: `/srv/nfs/default-shared-${name}` })
    expect(pv.spec?.nodeAffinity).toBeUndefined()
    expect(pv.spec?.persistentVolumeReclaimPolicy).toBe('Retain')
    expect(pv.spec?.accessModes).toEqual(['ReadWriteMany'])
  })

  it('provisions with minikube’s hostpath provisioner under /tmp/hostpath-provisioner', () => {
    const sim = testSim({
      provisioners: [{ name: 'k8s.io/minikube-hostpath' }],
      storageClasses: [{ name: 'standard', provisioner: 'k8s.io/minikube-hostpath', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', isDefault: true }],
    })
    const [c] = createAs(sim, claim('dynamic-pvc', '1Gi', { cls: null }))
    sim.settle()
    const pv = getVolume(sim, `pvc-${c.metadata.uid}`)!
    expect(pv.spec?.hostPath?.path).toBe('/tmp/hostpath-provisioner/default/dynamic-pvc')
    expect(pv.metadata.annotations?.['pv.kubernetes.io/provisioned-by']).toBe('k8s.io/minikube-hostpath')
    const source = eventsFor(sim, 'PersistentVolumeClaim', 'dynamic-pvc').find((e) => e[1] === 'Provisioning')![3]
    expect(source).toMatch(/^k8s\.io\/minikube-hostpath_k8s-master_[0-9a-f-]{36}$/)
  })

  it('fails local-path provisioning without a selected node', () => {
    const sim = testSim()
    createAs(sim, storageClass('local-now', 'rancher.io/local-path', { mode: 'Immediate' }))
    createAs(sim, claim('data', '1Gi', { cls: 'local-now' }))
    sim.tick(5000)
    const failed = eventsFor(sim, 'PersistentVolumeClaim', 'data').filter((e) => e[1] === 'ProvisioningFailed')
    expect(failed).toEqual([
      ['Warning', 'ProvisioningFailed', 'failed to provision volume with StorageClass "local-now": configuration error, no node was specified', LOCAL_PATH_ID, 1],
    ])
    expect(getClaim(sim, 'data')?.status?.phase).toBe('Pending')
  })

  it('retries a failed provisioning after 15s, then 30s, 60s', () => {
    const sim = testSim()
    createAs(sim, storageClass('local-now', 'rancher.io/local-path', { mode: 'Immediate' }))
    createAs(sim, claim('data', '1Gi', { cls: 'local-now' }))
    const count = () => eventsFor(sim, 'PersistentVolumeClaim', 'data').find((e) => e[1] === 'ProvisioningFailed')?.[4]
    sim.tick(14_000)
    expect(count()).toBe(1)
    sim.tick(2_000)
    expect(count()).toBe(2)
    sim.tick(30_000)
    expect(count()).toBe(3)
    sim.tick(60_000)
    expect(count()).toBe(4)
  })

  it('refuses ReadWriteMany on local-path', () => {
    const sim = testSim()
    createAs(sim, claim('data', '1Gi', { cls: null, modes: ['ReadWriteMany'] }))
    selectNode(sim, 'data', 'k8s-node1')
    sim.settle()
    const failed = eventsFor(sim, 'PersistentVolumeClaim', 'data').find((e) => e[1] === 'ProvisioningFailed')
    expect(failed?.[2]).toBe('failed to provision volume with StorageClass "standard": NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes')
  })
})

describe('a class whose provisioner is not running', () => {
  it('keeps the claim Pending, annotated for that provisioner', () => {
    const sim = testSim()
    createAs(sim, storageClass('gp3', 'ebs.csi.aws.com', { mode: 'Immediate' }))
    createAs(sim, claim('data', '1Gi', { cls: 'gp3' }))
    sim.tick(60_000)
    const c = getClaim(sim, 'data')!
    expect(c.status?.phase).toBe('Pending')
    expect(c.metadata.annotations).toEqual({ 'volume.beta.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com', 'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com' })
    expect(sim.api.list('PersistentVolume')).toEqual([])
  })

  it('repeats ExternalProvisioning at every sync, as (x5 over 60s)', () => {
    const sim = testSim()
    createAs(sim, storageClass('gp3', 'ebs.csi.aws.com', { mode: 'Immediate' }))
    createAs(sim, claim('data', '1Gi', { cls: 'gp3' }))
    sim.tick(60_000)
    expect(eventsFor(sim, 'PersistentVolumeClaim', 'data')).toEqual([['Normal', 'ExternalProvisioning', external('ebs.csi.aws.com'), 'persistentvolume-controller', 5]])
  })

  it('reports a class that does not exist', () => {
    const sim = testSim()
    createAs(sim, claim('data', '1Gi', { cls: 'fast' }))
    expect(eventsFor(sim, 'PersistentVolumeClaim', 'data')).toEqual([['Warning', 'ProvisioningFailed', 'storageclass.storage.k8s.io "fast" not found', 'persistentvolume-controller', 1]])
  })
})
