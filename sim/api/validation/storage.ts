// PersistentVolume, PersistentVolumeClaim and StorageClass validation (pkg/apis/core/validation and
// pkg/apis/storage/validation, v1.33). A claim's spec is immutable once created, except for its
// storage request and the binder's one-time volumeName.

import { clone, deepEqual } from '../../core/json'
import { fieldError, GoValue, type FieldError } from '../field-errors'
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../types'
import { canonicalQuantity, compareQuantities, parseQuantity } from '../defaults/quantity'
import { isQualifiedName, nameIsDNSSubdomain, isDNS1123Subdomain } from './names'
import { FIELD_IMMUTABLE, validateLabelSelector, validateObjectMeta, validateObjectMetaUpdate } from './meta'
import { hostPathSource, nfsSource, VOLUME_SOURCE_KEYS } from './volumes'
import { pvcSpecDiff } from './go-diff'
import { tooLong } from './go-value'

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod']
const VOLUME_MODES = ['Block', 'Filesystem']

function accessModes(modes: readonly string[] | undefined, field: string, requiredDetail: string): FieldError[] {
  return [...(modes?.length ? [] : [fieldError.required(field, requiredDetail)]), ...accessModeValues(modes, field)]
}

function accessModeValues(modes: readonly string[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = []
  let rwop = false
  let other = false
  for (const m of modes ?? []) {
    if (!ACCESS_MODES.includes(m)) errs.push(fieldError.notSupported(field, m, ACCESS_MODES))
    if (m === 'ReadWriteOncePod') rwop = true
    else if (ACCESS_MODES.includes(m)) other = true
  }
  if (rwop && other) errs.push(fieldError.forbidden(field, 'may not use ReadWriteOncePod with other access modes'))
  return errs
}

function className(name: string | undefined | null, field: string): FieldError[] {
  return name ? isDNS1123Subdomain(name).map((m) => fieldError.invalid(field, name, m)) : []
}

export function validatePVCSpec(spec: NonNullable<PersistentVolumeClaim['spec']> | undefined, field: string): FieldError[] {
  const s = spec ?? {}
  const errs: FieldError[] = []
  if (!s.accessModes?.length) errs.push(fieldError.required(`${field}.accessModes`, 'at least 1 access mode is required'))
  if (s.selector) errs.push(...validateLabelSelector(s.selector, `${field}.selector`))
  errs.push(...accessModeValues(s.accessModes, `${field}.accessModes`))
  const storage = (s.resources?.requests as Record<string, string> | undefined)?.storage
  const sp = `${field}.resources[storage]`
  if (storage === undefined) errs.push(fieldError.required(sp))
  else {
    const q = parseQuantity(storage)
    if (q && q.unscaled <= 0n) errs.push(fieldError.invalid(sp, canonicalQuantity(storage)!, 'must be greater than zero'))
  }
  errs.push(...className(s.storageClassName, `${field}.storageClassName`))
  if (s.volumeMode && !VOLUME_MODES.includes(s.volumeMode)) errs.push(fieldError.notSupported(`${field}.volumeMode`, s.volumeMode, VOLUME_MODES))
  if (s.dataSource) {
    const ds = s.dataSource
    if (!ds.name) errs.push(fieldError.required(`${field}.dataSource.name`))
    if (!ds.kind) errs.push(fieldError.required(`${field}.dataSource.kind`))
    if (!ds.apiGroup && ds.kind !== 'PersistentVolumeClaim') errs.push(fieldError.invalid(`${field}.dataSource`, ds.kind ?? '', "must be 'PersistentVolumeClaim' when referencing the default apiGroup"))
  }
  return errs
}

// A claim's spec is checked on every write of the claim (the binder and the StatefulSet controller
// write each claim several times); a stored spec, once found valid, stays valid: its checks read
// nothing else.
const validSpecs = new WeakSet<object>()

export function validatePVC(pvc: PersistentVolumeClaim): FieldError[] {
  const meta = validateObjectMeta(pvc.metadata!, true, nameIsDNSSubdomain)
  const spec = pvc.spec
  if (spec && validSpecs.has(spec)) return meta
  const specErrs = validatePVCSpec(spec, 'spec')
  if (spec && specErrs.length === 0 && Object.isFrozen(spec)) validSpecs.add(spec)
  return [...meta, ...specErrs]
}

export const PVC_SPEC_IMMUTABLE = 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'

export function validatePVCUpdate(pvc: PersistentVolumeClaim, old: PersistentVolumeClaim): FieldError[] {
  const errs = [...validateObjectMetaUpdate(pvc.metadata!, old.metadata!), ...validatePVC(pvc)]
  // The stored spec itself (the server shares what an update left unchanged): every check below
  // compares the spec with itself and passes. Most claim updates change only metadata (binding, retention refs).
  if (pvc.spec === old.spec) return errs
  const next = clone(pvc.spec ?? {}) as NonNullable<PersistentVolumeClaim['spec']>
  const before = clone(old.spec ?? {}) as NonNullable<PersistentVolumeClaim['spec']>
  // The binder may set volumeName once; the storage request may change on a bound claim (resize).
  if (!before.volumeName) before.volumeName = next.volumeName
  if (before.storageClassName === undefined && next.storageClassName !== undefined) before.storageClassName = next.storageClassName
  if (pvc.status?.phase === 'Bound' && next.resources?.requests) {
    next.resources = { ...next.resources, requests: { ...next.resources.requests, storage: (old.spec?.resources?.requests as Record<string, string> | undefined)?.storage } as never }
  }
  if (!deepEqual(next, before)) errs.push(fieldError.forbidden('spec', `${PVC_SPEC_IMMUTABLE}\n${pvcSpecDiff(before, next)}`))
  const newSize = parseQuantity((pvc.spec?.resources?.requests as Record<string, string> | undefined)?.storage ?? '0')
  const oldSize = parseQuantity((old.spec?.resources?.requests as Record<string, string> | undefined)?.storage ?? '0')
  if (newSize && oldSize && compareQuantities(newSize, oldSize) < 0) {
    // RecoverVolumeExpansionFailure is on in 1.33: shrinking down to the status capacity is forbidden.
    const cap = parseQuantity((old.status?.capacity as Record<string, string> | undefined)?.storage ?? '0')
    if (cap && compareQuantities(newSize, cap) <= 0) errs.push(fieldError.forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'))
  }
  if ((pvc.spec?.volumeMode ?? null) !== (old.spec?.volumeMode ?? null)) errs.push(fieldError.invalid('volumeMode', pvc.spec?.volumeMode ?? null, FIELD_IMMUTABLE))
  return errs
}

const RECLAIM = ['Delete', 'Recycle', 'Retain']

export function validatePVSpec(pv: PersistentVolume): FieldError[] {
  const s = (pv.spec ?? {}) as NonNullable<PersistentVolume['spec']> & Record<string, unknown>
  const errs = accessModes(s.accessModes, 'spec.accessModes', '')
  const cap = (s.capacity ?? {}) as Record<string, string>
  if (!Object.keys(cap).length) errs.push(fieldError.required('spec.capacity'))
  if (!('storage' in cap) || Object.keys(cap).length > 1) {
    const body = Object.keys(cap).sort().map((k) => `"${k}":resource.Quantity{...}`).join(', ')
    errs.push(fieldError.notSupported('spec.capacity', new GoValue(`core.ResourceList{${body}}`), ['storage']))
  }
  for (const [k, v] of Object.entries(cap)) {
    const q = parseQuantity(v)
    if (q && q.unscaled < 0n) errs.push(fieldError.invalid(`spec.capacity[${k}]`, Number(q.unscaled) * 10 ** q.exp, 'must be a valid resource quantity'))
    if (q && q.unscaled <= 0n) errs.push(fieldError.invalid(`spec.capacity[${k}]`, canonicalQuantity(v)!, 'must be greater than zero'))
  }
  const rp = s.persistentVolumeReclaimPolicy
  if (rp && !RECLAIM.includes(rp)) errs.push(fieldError.notSupported('spec.persistentVolumeReclaimPolicy', rp, RECLAIM))
  let n = 0
  for (const key of VOLUME_SOURCE_KEYS) {
    const v = s[key] as Record<string, unknown> | undefined
    if (!v || ['emptyDir', 'gitRepo', 'secret', 'persistentVolumeClaim', 'downwardAPI', 'configMap', 'projected', 'ephemeral', 'image'].includes(key)) continue
    if (n > 0) {
      errs.push(fieldError.forbidden(`spec.${key}`, 'may not specify more than 1 volume type'))
      continue
    }
    n++
    if (key === 'hostPath') errs.push(...hostPathSource(v, 'spec.hostPath'))
    if (key === 'nfs') errs.push(...nfsSource(v, 'spec.nfs'))
    if (key === 'csi' && !v.driver) errs.push(fieldError.required('spec.csi.driver'))
  }
  if (s.local) {
    if (n > 0) errs.push(fieldError.forbidden('spec.local', 'may not specify more than 1 volume type'))
    else {
      n++
      if (!(s.local as { path?: string }).path) errs.push(fieldError.required('spec.local.path'))
      if (!s.nodeAffinity) errs.push(fieldError.required('spec.nodeAffinity', 'Local volume requires node affinity'))
    }
  }
  if (n === 0) errs.push(fieldError.required('spec', 'must specify a volume type'))
  errs.push(...className(s.storageClassName, 'spec.storageClassName'))
  if (s.volumeMode && !VOLUME_MODES.includes(s.volumeMode)) errs.push(fieldError.notSupported('spec.volumeMode', s.volumeMode, VOLUME_MODES))
  return errs
}

export function validatePV(pv: PersistentVolume): FieldError[] {
  return [...validateObjectMeta(pv.metadata!, false, nameIsDNSSubdomain), ...validatePVSpec(pv)]
}

export function validatePVUpdate(pv: PersistentVolume, old: PersistentVolume): FieldError[] {
  const errs = [...validateObjectMetaUpdate(pv.metadata!, old.metadata!), ...validatePV(pv)]
  const source = (s: object | undefined) => Object.fromEntries(Object.entries(s ?? {}).filter(([k]) => VOLUME_SOURCE_KEYS.includes(k) || k === 'local'))
  if (!deepEqual(source(pv.spec), source(old.spec))) errs.push(fieldError.forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'))
  if ((pv.spec?.volumeMode ?? null) !== (old.spec?.volumeMode ?? null)) errs.push(fieldError.invalid('volumeMode', pv.spec?.volumeMode ?? null, FIELD_IMMUTABLE))
  if (old.spec?.nodeAffinity && !deepEqual(pv.spec?.nodeAffinity, old.spec.nodeAffinity)) {
    errs.push(fieldError.invalid('nodeAffinity', new GoValue('&core.VolumeNodeAffinity{...}'), `${FIELD_IMMUTABLE}, except for updating from beta label to GA`))
  }
  return errs
}

const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer']

export function validateStorageClass(sc: StorageClass): FieldError[] {
  const errs = validateObjectMeta(sc.metadata!, false, nameIsDNSSubdomain)
  if (!sc.provisioner) errs.push(fieldError.required('provisioner'))
  else for (const m of isQualifiedName(sc.provisioner.toLowerCase())) errs.push(fieldError.invalid('provisioner', sc.provisioner.toLowerCase(), m))
  const params = sc.parameters ?? {}
  if (Object.keys(params).length > 512) errs.push(tooLong('parameters', 512))
  let size = 0
  for (const [k, v] of Object.entries(params)) {
    if (!k) errs.push(fieldError.invalid('parameters', k, 'field can not be empty.'))
    size += k.length + String(v).length
  }
  if (size > 256 * 1024) errs.push(tooLong('parameters', 256 * 1024))
  if (sc.reclaimPolicy && !['Delete', 'Retain'].includes(sc.reclaimPolicy)) errs.push(fieldError.notSupported('reclaimPolicy', sc.reclaimPolicy, ['Delete', 'Retain']))
  if (!sc.volumeBindingMode) errs.push(fieldError.required('volumeBindingMode'))
  else if (!BINDING_MODES.includes(sc.volumeBindingMode)) errs.push(fieldError.notSupported('volumeBindingMode', sc.volumeBindingMode, BINDING_MODES))
  return errs
}

export function validateStorageClassUpdate(sc: StorageClass, old: StorageClass): FieldError[] {
  const errs = validateObjectMetaUpdate(sc.metadata!, old.metadata!)
  if (!deepEqual(sc.parameters ?? null, old.parameters ?? null)) errs.push(fieldError.forbidden('parameters', 'updates to parameters are forbidden.'))
  if (sc.provisioner !== old.provisioner) errs.push(fieldError.forbidden('provisioner', 'updates to provisioner are forbidden.'))
  if (sc.reclaimPolicy !== old.reclaimPolicy) errs.push(fieldError.forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'))
  if (sc.volumeBindingMode !== old.volumeBindingMode) errs.push(fieldError.invalid('volumeBindingMode', sc.volumeBindingMode ?? null, FIELD_IMMUTABLE))
  return errs
}

