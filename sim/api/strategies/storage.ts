// Storage kinds at the API server: the defaults (pkg/apis/core/v1/defaults.go, pkg/apis/storage/v1/
// defaults.go), create-time status (pkg/registry/core/persistentvolume[claim]/strategy.go) and the
// two admission plugins every kubeadm cluster runs for them:
//  - DefaultStorageClass: a claim that names no class gets the default one;
//  - StorageObjectInUseProtection: claims and volumes get their protection finalizers.

import type { KindStrategy, StrategyContext } from '../strategy'
import type { KubeObject, PersistentVolume, PersistentVolumeClaim, StorageClass } from '../types'
import { rfc3339 } from '../../core/time'

const PVC_PROTECTION = 'kubernetes.io/pvc-protection'
const PV_PROTECTION = 'kubernetes.io/pv-protection'
const ANN_BETA_CLASS = 'volume.beta.kubernetes.io/storage-class'
const ANN_DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class'

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

function addFinalizer(obj: KubeObject, finalizer: string): void {
  const have = obj.metadata.finalizers ?? []
  if (!have.includes(finalizer)) obj.metadata.finalizers = [...have, finalizer]
}

export const persistentVolumeClaimStrategy: KindStrategy = {
  defaults(obj) {
    const pvc = obj as Mutable<PersistentVolumeClaim>
    if (!pvc.spec) return
    pvc.spec = ordered({ ...pvc.spec, volumeMode: pvc.spec.volumeMode || 'Filesystem' }, PVC_SPEC_ORDER, [])
  },
  prepareForCreate(obj, ctx) {
    const pvc = obj as Mutable<PersistentVolumeClaim>
    // A new claim starts Pending; status the client wrote is dropped.
    pvc.status = { phase: 'Pending' }
    // DefaultStorageClass admission: only when storageClassName is absent (nil), not when it is "".
    if (pvc.spec && pvc.spec.storageClassName == null && pvc.metadata?.annotations?.[ANN_BETA_CLASS] === undefined) {
      const def = newestDefaultClass(ctx)
      if (def) pvc.spec = ordered({ ...pvc.spec, storageClassName: def }, PVC_SPEC_ORDER, [])
    }
    addFinalizer(obj, PVC_PROTECTION)
  },
}

export const persistentVolumeStrategy: KindStrategy = {
  defaults(obj) {
    const pv = obj as Mutable<PersistentVolume>
    if (!pv.spec) return
    const spec = { ...pv.spec }
    // The default policy of a PV made by hand is Retain; provisioners copy the class's policy.
    if (!spec.persistentVolumeReclaimPolicy) spec.persistentVolumeReclaimPolicy = 'Retain'
    if (!spec.volumeMode) spec.volumeMode = 'Filesystem'
    pv.spec = ordered(spec, PV_SPEC_LEAD, PV_SPEC_TAIL)
  },
  prepareForCreate(obj, ctx) {
    const pv = obj as Mutable<PersistentVolume>
    pv.status = { phase: 'Pending', lastPhaseTransitionTime: rfc3339(ctx.now) }
    addFinalizer(obj, PV_PROTECTION)
  },
}

export const storageClassStrategy: KindStrategy = {
  defaults(obj) {
    const sc = obj as Mutable<StorageClass>
    if (!sc.reclaimPolicy) sc.reclaimPolicy = 'Delete'
    if (!sc.volumeBindingMode) sc.volumeBindingMode = 'Immediate'
  },
}

/** util.GetDefaultClass: of several default classes the newest wins, then the first by name. */
function newestDefaultClass(ctx: StrategyContext): string | undefined {
  const defaults = ctx.list('StorageClass').filter((c) => c.metadata.annotations?.[ANN_DEFAULT_CLASS] === 'true')
  defaults.sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? ''
    const tb = b.metadata.creationTimestamp ?? ''
    if (ta !== tb) return ta > tb ? -1 : 1
    return a.metadata.name! < b.metadata.name! ? -1 : 1
  })
  return defaults[0]?.metadata.name
}
