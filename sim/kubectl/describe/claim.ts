// printPersistentVolumeClaim (describe.go), shared by describe pvc (a full claim) and ephemeral volumes
// (a claim template: no name, namespace, status or finalizers). Capacity and access modes come from
// the status, and only once the claim is bound to a volume.

import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1'
import { timestampSince } from '../printers/duration'
import { goSlice, printAnnotationsMultiline, printLabelsMultiline } from './format'
import { canonical } from './quantity'
import { type DescribeWriter, LEVEL_0, LEVEL_1 } from './writer'

const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class'

/** storageutil.GetPersistentVolumeClaimClass: the beta annotation first, then spec.storageClassName. */
export function claimClass(pvc: PersistentVolumeClaim): string {
  const ann = pvc.metadata?.annotations ?? {}
  if (BETA_CLASS_ANNOTATION in ann) return ann[BETA_CLASS_ANNOTATION]
  return pvc.spec?.storageClassName ?? ''
}

/** GetAccessModesAsString: RWO,ROX,RWX,RWOP in that order, duplicates removed. */
export function accessModesString(modes: readonly string[] | undefined): string {
  const have = new Set(modes ?? [])
  return [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ]
    .filter(([m]) => have.has(m))
    .map(([, s]) => s)
    .join(',')
}

export function printPersistentVolumeClaim(w: DescribeWriter, pvc: PersistentVolumeClaim, full: boolean, now = 0): void {
  const meta = pvc.metadata ?? {}
  const spec = pvc.spec ?? {}
  if (full) {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
  }
  w.write(LEVEL_0, `StorageClass:\t${claimClass(pvc)}\n`)
  if (full) {
    if (meta.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${timestampSince(meta.deletionTimestamp as unknown as string, now)})\n`)
    else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`)
  }
  w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', meta.labels)
  printAnnotationsMultiline(w, 'Annotations', meta.annotations)
  if (full) w.write(LEVEL_0, `Finalizers:\t${goSlice(meta.finalizers)}\n`)
  let capacity = ''
  let accessModes = ''
  if (spec.volumeName) {
    accessModes = accessModesString(pvc.status?.accessModes)
    capacity = canonical(pvc.status?.capacity?.storage as string | undefined)
  }
  w.write(LEVEL_0, `Capacity:\t${capacity}\n`)
  w.write(LEVEL_0, `Access Modes:\t${accessModes}\n`)
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`)
  if (spec.dataSource) {
    w.write(LEVEL_0, 'DataSource:\n')
    if (spec.dataSource.apiGroup !== undefined && spec.dataSource.apiGroup !== null) w.write(LEVEL_1, `APIGroup:\t${spec.dataSource.apiGroup}\n`)
    w.write(LEVEL_1, `Kind:\t${spec.dataSource.kind}\n`)
    w.write(LEVEL_1, `Name:\t${spec.dataSource.name}\n`)
  }
}
