import { describe, expect, it } from 'vitest'
import { testSim } from '../../testing/harness'
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../types'
import { apiError } from './fixtures'

const as = { actor: 'kubectl' }
const sim = () => testSim({ systemPods: false })

function pvc(spec: Record<string, any>, name = 'data'): Record<string, any> {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec }
}
const claim = () => pvc({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } })

describe('PersistentVolumeClaims', () => {
  it('get the default StorageClass, Filesystem mode, the protection finalizer and phase Pending', () => {
    const s = sim()
    const got = s.api.create(claim(), as) as PersistentVolumeClaim
    expect(got.spec).toEqual({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', volumeMode: 'Filesystem' })
    expect(got.metadata!.finalizers).toEqual(['kubernetes.io/pvc-protection'])
    expect(got.status).toEqual({ phase: 'Pending' })
  })

  it('keep an explicit empty storageClassName (no class, not the default)', () => {
    const s = sim()
    const input = claim()
    input.spec.storageClassName = ''
    expect((s.api.create(input, as) as PersistentVolumeClaim).spec!.storageClassName).toBe('')
  })

  it('need access modes and a storage request', () => {
    const s = sim()
    expect(apiError(() => s.api.create(pvc({}), as)).message).toBe(
      'PersistentVolumeClaim "data" is invalid: [spec.accessModes: Required value: at least 1 access mode is required, spec.resources[storage]: Required value]',
    )
  })

  it('reject an unknown access mode', () => {
    const s = sim()
    const e = apiError(() => s.api.create(pvc({ accessModes: ['ReadWriteAll'], resources: { requests: { storage: '1Gi' } } }), as))
    expect(e.message).toBe(
      'PersistentVolumeClaim "data" is invalid: spec.accessModes: Unsupported value: "ReadWriteAll": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
    )
  })

  it('are immutable after creation, with a go-cmp diff of the spec', () => {
    const s = sim()
    const got = s.api.create(claim(), as) as PersistentVolumeClaim
    const e = apiError(() => s.api.update({ ...got, spec: { ...got.spec!, accessModes: ['ReadWriteMany'] } }, as))
    expect(e.message).toBe(
      'PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n' +
        '  core.PersistentVolumeClaimSpec{\n' +
        '- \tAccessModes: []core.PersistentVolumeAccessMode{"ReadWriteOnce"},\n' +
        '+ \tAccessModes: []core.PersistentVolumeAccessMode{"ReadWriteMany"},\n' +
        '  \tSelector:    nil,\n' +
        '  \tResources:   {Requests: {s"storage": {i: {...}, s: "1Gi", Format: "BinarySI"}}},\n' +
        '  \t... // 6 identical fields\n' +
        '  }\n',
    )
  })

  it('let the binder set volumeName once', () => {
    const s = sim()
    const got = s.api.create(claim(), as) as PersistentVolumeClaim
    const bound = s.api.update({ ...got, spec: { ...got.spec!, volumeName: 'pv-1' } }, { actor: 'persistentvolume-controller' }) as PersistentVolumeClaim
    expect(bound.spec!.volumeName).toBe('pv-1')
  })

  it('may only grow when bound and the class allows expansion', () => {
    const s = sim()
    const got = s.api.create(claim(), as) as PersistentVolumeClaim
    const bound = s.api.updateStatus({ ...got, status: { phase: 'Bound', capacity: { storage: '1Gi' } } }, { actor: 'persistentvolume-controller' }) as PersistentVolumeClaim
    const e = apiError(() => s.api.update({ ...bound, spec: { ...bound.spec!, resources: { requests: { storage: '2Gi' } } } }, as))
    expect(e.reason).toBe('Forbidden')
    expect(e.message).toBe(
      'persistentvolumeclaims "data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    )
  })
})

describe('PersistentVolumes', () => {
  const pv = (spec: Record<string, any>) => ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-1' }, spec })

  it('default to Retain and Filesystem, and start Pending with their finalizer', () => {
    const s = sim()
    const got = s.api.create(pv({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } }), as) as PersistentVolume
    expect(got.spec!.persistentVolumeReclaimPolicy).toBe('Retain')
    expect(got.spec!.volumeMode).toBe('Filesystem')
    expect(got.status!.phase).toBe('Pending')
    expect(got.metadata!.finalizers).toEqual(['kubernetes.io/pv-protection'])
  })

  it('need a capacity, access modes and a volume source', () => {
    const s = sim()
    expect(apiError(() => s.api.create(pv({ capacity: { storage: '1Gi' } }), as)).message).toBe(
      'PersistentVolume "pv-1" is invalid: [spec.accessModes: Required value, spec: Required value: must specify a volume type]',
    )
  })
})

describe('StorageClasses', () => {
  const sc = (extra: Record<string, any>) => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, ...extra })

  it('default to Delete and Immediate', () => {
    const s = sim()
    const got = s.api.create(sc({ provisioner: 'rancher.io/local-path' }), as) as StorageClass
    expect([got.reclaimPolicy, got.volumeBindingMode]).toEqual(['Delete', 'Immediate'])
  })

  it('need a provisioner', () => {
    const s = sim()
    expect(apiError(() => s.api.create(sc({}), as)).message).toBe('StorageClass.storage.k8s.io "fast" is invalid: provisioner: Required value')
  })

  it('refuse changes to provisioner, parameters and reclaimPolicy', () => {
    const s = sim()
    const got = s.api.create(sc({ provisioner: 'rancher.io/local-path' }), as) as StorageClass
    const e = apiError(() => s.api.update({ ...got, provisioner: 'x.io/y', parameters: { a: 'b' }, reclaimPolicy: 'Retain' }, as))
    expect(e.message).toBe(
      'StorageClass.storage.k8s.io "fast" is invalid: [parameters: Forbidden: updates to parameters are forbidden., provisioner: Forbidden: updates to provisioner are forbidden., reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.]',
    )
  })
})
