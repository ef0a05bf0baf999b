// Storage admission plugins: DefaultStorageClass and StorageObjectInUseProtection (mutating, on
// create) and PersistentVolumeClaimResize (validating, on update).

import { parseRfc3339 } from '../../../core/time'
import { parseQuantity, compareQuantities } from '../../defaults/quantity'
import type { StrategyContext } from '../../strategy'
import type { PersistentVolumeClaim, StorageClass } from '../../types'
import { admissionForbidden } from '../common'

const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class'
const BETA_DEFAULT_CLASS = 'storageclass.beta.kubernetes.io/is-default-class'
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class'

export const PVC_PROTECTION = 'kubernetes.io/pvc-protection'
export const PV_PROTECTION = 'kubernetes.io/pv-protection'

/** GetDefaultClass: the classes marked default; with several, the newest wins (1.28+). */
export function defaultStorageClassName(ctx: StrategyContext): string | undefined {
  const defaults = (ctx.list('StorageClass') as StorageClass[]).filter(
    (sc) => sc.metadata?.annotations?.[DEFAULT_CLASS] === 'true' || sc.metadata?.annotations?.[BETA_DEFAULT_CLASS] === 'true',
  )
  defaults.sort((a, b) => {
    const ta = parseRfc3339(a.metadata?.creationTimestamp) ?? 0
    const tb = parseRfc3339(b.metadata?.creationTimestamp) ?? 0
    return tb - ta || (a.metadata!.name! < b.metadata!.name! ? -1 : 1)
  })
  return defaults[0]?.metadata?.name
}

/** DefaultStorageClass: a claim with no class at all (nil, not "") gets the default one. */
export function admitDefaultStorageClass(pvc: PersistentVolumeClaim, ctx: StrategyContext): void {
  if (pvc.metadata?.annotations?.[BETA_CLASS_ANNOTATION] !== undefined) return
  if (pvc.spec?.storageClassName !== undefined && pvc.spec.storageClassName !== null) return
  const name = defaultStorageClassName(ctx)
  if (name) pvc.spec = { ...(pvc.spec ?? {}), storageClassName: name }
}

/** StorageObjectInUseProtection: claims and volumes get their protection finalizer on create. */
export function addFinalizer(meta: { finalizers?: string[] }, finalizer: string): void {
  if (!(meta.finalizers ?? []).includes(finalizer)) meta.finalizers = [...(meta.finalizers ?? []), finalizer]
}

function claimClass(pvc: PersistentVolumeClaim): string {
  return pvc.metadata?.annotations?.[BETA_CLASS_ANNOTATION] ?? pvc.spec?.storageClassName ?? ''
}

/** PersistentVolumeClaimResize: growing a claim needs a bound claim and a class that allows expansion. */
export function admitClaimResize(pvc: PersistentVolumeClaim, old: PersistentVolumeClaim, ctx: StrategyContext): void {
  const size = parseQuantity((pvc.spec?.resources?.requests as Record<string, string> | undefined)?.storage ?? '0')
  const oldSize = parseQuantity((old.spec?.resources?.requests as Record<string, string> | undefined)?.storage ?? '0')
  if (!size || !oldSize || compareQuantities(size, oldSize) <= 0) return
  if (old.status?.phase !== 'Bound') throw admissionForbidden('PersistentVolumeClaim', pvc.metadata!, 'Only bound persistent volume claims can be resized')
  const cls = claimClass(pvc)
  const sc = cls && cls === claimClass(old) ? (ctx.get('StorageClass', '', cls) as StorageClass | undefined) : undefined
  if (!sc?.allowVolumeExpansion) {
    throw admissionForbidden(
      'PersistentVolumeClaim',
      pvc.metadata!,
      'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    )
  }
}
