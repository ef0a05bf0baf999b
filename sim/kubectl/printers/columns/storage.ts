// Tables of PersistentVolumeClaims, PersistentVolumes and StorageClasses (printers.go
// printPersistentVolumeClaim, printPersistentVolume, printStorageClass).

import type { Obj } from '../../../api/types'
import { timestampSince } from '../duration'
import type { Cell, Column } from '../table'

const NAME: Column = { name: 'Name', format: 'name' }
const AGE: Column = { name: 'Age' }

const MODE_SHORT: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
]

/** helper.GetAccessModesAsString: the short forms in a fixed order, comma-joined. */
export function accessModesString(modes: readonly string[] | undefined): string {
  const m = modes ?? []
  return MODE_SHORT.filter(([long]) => m.includes(long))
    .map(([, short]) => short)
    .join(',')
}

export const pvcColumns: Column[] = [
  NAME,
  { name: 'Status' },
  { name: 'Volume' },
  { name: 'Capacity' },
  { name: 'Access Modes' },
  { name: 'StorageClass' },
  { name: 'VolumeAttributesClass' },
  AGE,
  { name: 'VolumeMode', priority: 1 },
]

/** helper.GetPersistentVolumeClaimClass: the beta annotation wins over spec.storageClassName. */
function claimClass(pvc: Obj<'PersistentVolumeClaim'>): string {
  const beta = pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class']
  if (beta !== undefined) return beta
  return pvc.spec?.storageClassName ?? ''
}

export function pvcRow(pvc: Obj<'PersistentVolumeClaim'>, now: number): Cell[] {
  const phase = pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? '')
  const bound = !!pvc.spec?.volumeName
  return [
    pvc.metadata.name ?? '',
    phase,
    pvc.spec?.volumeName ?? '',
    // A missing quantity prints as the zero Quantity, "0".
    bound ? (pvc.status?.capacity?.storage ?? '0') : '',
    bound ? accessModesString(pvc.status?.accessModes) : '',
    claimClass(pvc),
    pvc.spec?.volumeAttributesClassName ?? '<unset>',
    timestampSince(pvc.metadata.creationTimestamp, now),
    pvc.spec?.volumeMode ?? '<unset>',
  ]
}

export const pvColumns: Column[] = [
  NAME,
  { name: 'Capacity' },
  { name: 'Access Modes' },
  { name: 'Reclaim Policy' },
  { name: 'Status' },
  { name: 'Claim' },
  { name: 'StorageClass' },
  { name: 'VolumeAttributesClass' },
  { name: 'Reason' },
  AGE,
  { name: 'VolumeMode', priority: 1 },
]

/** helper.GetPersistentVolumeClass: the beta annotation wins over spec.storageClassName. */
function volumeClass(pv: Obj<'PersistentVolume'>): string {
  const beta = pv.metadata.annotations?.['volume.beta.kubernetes.io/storage-class']
  if (beta !== undefined) return beta
  return pv.spec?.storageClassName ?? ''
}

export function pvRow(pv: Obj<'PersistentVolume'>, now: number): Cell[] {
  const ref = pv.spec?.claimRef
  return [
    pv.metadata.name ?? '',
    pv.spec?.capacity?.storage ?? '0',
    accessModesString(pv.spec?.accessModes),
    pv.spec?.persistentVolumeReclaimPolicy ?? '',
    pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
    ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '',
    volumeClass(pv),
    pv.spec?.volumeAttributesClassName ?? '<unset>',
    pv.status?.reason ?? '',
    timestampSince(pv.metadata.creationTimestamp, now),
    pv.spec?.volumeMode ?? '<unset>',
  ]
}

export const storageClassColumns: Column[] = [
  NAME,
  { name: 'Provisioner' },
  { name: 'ReclaimPolicy' },
  { name: 'VolumeBindingMode' },
  { name: 'AllowVolumeExpansion' },
  AGE,
]

/** storageutil.IsDefaultAnnotation: the GA annotation, or the beta one, set to "true". */
function isDefaultClass(sc: Obj<'StorageClass'>): boolean {
  const a = sc.metadata.annotations ?? {}
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
}

export function storageClassRow(sc: Obj<'StorageClass'>, now: number): Cell[] {
  return [
    isDefaultClass(sc) ? `${sc.metadata.name} (default)` : (sc.metadata.name ?? ''),
    sc.provisioner,
    sc.reclaimPolicy ?? 'Delete',
    sc.volumeBindingMode ?? 'Immediate',
    sc.allowVolumeExpansion ?? false,
    timestampSince(sc.metadata.creationTimestamp, now),
  ]
}
