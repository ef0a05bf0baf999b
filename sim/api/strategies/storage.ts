// Storage kinds at the API server: the defaults (pkg/apis/core/v1/defaults.go, pkg/apis/storage/v1/
// defaults.go), create-time status (pkg/registry/core/persistentvolume[claim]/strategy.go),
// validation, and the admission plugins every kubeadm cluster runs for them:
//  - DefaultStorageClass: a claim that names no class gets the default one;
//  - StorageObjectInUseProtection: claims and volumes get their protection finalizers;
//  - PersistentVolumeClaimResize: a claim may only grow if bound and its class allows expansion.

import type { KindStrategy } from '../strategy'
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../types'
import { rfc3339 } from '../../core/time'
import { defaultPV, defaultPVC, defaultStorageClass } from '../defaults/core'
import { validatePV, validatePVC, validatePVCUpdate, validatePVUpdate, validateStorageClass, validateStorageClassUpdate } from '../validation/storage'
import { validateObjectMetaUpdate } from '../validation/meta'
import { addFinalizer, admitClaimResize, admitDefaultStorageClass, PV_PROTECTION, PVC_PROTECTION } from './admission/storage'
import { decoding, isUpdate } from './common'

type Mutable<T> = { -readonly [P in keyof T]: T[P] }

/**
 * Go marshals struct fields in declaration order, so `kubectl get -o json` shows spec fields in that
 * order whatever order they were written in. Fields not listed (a PV's volume source) go after `lead`.
 */
function ordered<T extends object>(obj: T, lead: readonly string[], tail: readonly string[]): T {
  const src = obj as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const k of lead) if (k in src) out[k] = src[k]
  for (const k of Object.keys(src)) if (!lead.includes(k) && !tail.includes(k)) out[k] = src[k]
  for (const k of tail) if (k in src) out[k] = src[k]
  return out as T
}

const PVC_SPEC_ORDER = ['accessModes', 'selector', 'resources', 'volumeName', 'storageClassName', 'volumeMode', 'dataSource', 'dataSourceRef', 'volumeAttributesClassName']
const PV_SPEC_LEAD = ['capacity']
const PV_SPEC_TAIL = ['accessModes', 'claimRef', 'persistentVolumeReclaimPolicy', 'storageClassName', 'mountOptions', 'volumeMode', 'nodeAffinity', 'volumeAttributesClassName']

export const persistentVolumeClaimStrategy: KindStrategy = {
  defaults(obj) {
    const pvc = obj as Mutable<PersistentVolumeClaim>
    if (!pvc.spec) return
    decoding('PersistentVolumeClaim', () => defaultPVC(pvc))
    pvc.spec = ordered(pvc.spec, PVC_SPEC_ORDER, [])
  },
  prepareForCreate(obj, ctx) {
    const pvc = obj as Mutable<PersistentVolumeClaim>
    admitDefaultStorageClass(pvc, ctx)
    if (pvc.spec) pvc.spec = ordered(pvc.spec, PVC_SPEC_ORDER, [])
    addFinalizer(obj.metadata, PVC_PROTECTION)
    // A new claim starts Pending; status the client wrote is dropped.
    pvc.status = { phase: 'Pending' }
  },
  validate(obj, ctx) {
    return isUpdate('PersistentVolumeClaim', obj, ctx) ? [] : validatePVC(obj as PersistentVolumeClaim)
  },
  validateUpdate(obj, old, ctx) {
    const errs = validatePVCUpdate(obj as PersistentVolumeClaim, old as PersistentVolumeClaim)
    // Validating admission runs only once the object itself is valid.
    if (!errs.length) admitClaimResize(obj as PersistentVolumeClaim, old as PersistentVolumeClaim, ctx)
    return errs
  },
  validateStatusUpdate(obj, old) {
    return validateObjectMetaUpdate(obj.metadata, old.metadata)
  },
  defaultPropagation: 'Background',
}

export const persistentVolumeStrategy: KindStrategy = {
  defaults(obj) {
    const pv = obj as Mutable<PersistentVolume>
    if (!pv.spec) return
    // The default policy of a PV made by hand is Retain; provisioners copy the class's policy.
    decoding('PersistentVolume', () => defaultPV(pv))
    pv.spec = ordered(pv.spec, PV_SPEC_LEAD, PV_SPEC_TAIL)
  },
  prepareForCreate(obj, ctx) {
    const pv = obj as Mutable<PersistentVolume>
    pv.status = { phase: 'Pending', lastPhaseTransitionTime: rfc3339(ctx.now) }
    addFinalizer(obj.metadata, PV_PROTECTION)
  },
  validate(obj, ctx) {
    return isUpdate('PersistentVolume', obj, ctx) ? [] : validatePV(obj as PersistentVolume)
  },
  validateUpdate(obj, old) {
    return validatePVUpdate(obj as PersistentVolume, old as PersistentVolume)
  },
  validateStatusUpdate(obj, old) {
    return validateObjectMetaUpdate(obj.metadata, old.metadata)
  },
  // WarningsOnCreate/WarningsOnUpdate → GetWarningsForPersistentVolume (pkg/api/persistentvolume/util.go;
  // the Recycle warning since 1.30, kubernetes#122339).
  warnings(obj) {
    const pv = obj as PersistentVolume
    return pv.spec?.persistentVolumeReclaimPolicy === 'Recycle'
      ? ['spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning.']
      : []
  },
  defaultPropagation: 'Background',
}

export const storageClassStrategy: KindStrategy = {
  defaults(obj) {
    defaultStorageClass(obj as StorageClass)
  },
  validate(obj, ctx) {
    return isUpdate('StorageClass', obj, ctx) ? [] : validateStorageClass(obj as StorageClass)
  },
  validateUpdate(obj, old) {
    return validateStorageClassUpdate(obj as StorageClass, old as StorageClass)
  },
  defaultPropagation: 'Background',
}
