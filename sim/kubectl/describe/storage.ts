// describe pvc, pv and storageclass (describe.go PersistentVolumeClaimDescriber, PersistentVolumeDescriber,
// StorageClassDescriber). "Used By" lists the namespace's pods that mount the claim (once per volume
// that names it) and pods that own it.

import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1'
import type { StorageClass } from 'kubernetes-types/storage/v1'
import { timestampSince } from '../printers/duration'
import { accessModesString, printPersistentVolumeClaim } from './claim'
import type { DescribeContext } from './context'
import { describeEvents, eventsFor } from './events'
import { formatLabels, formatTime, goSlice, printAnnotationsMultiline, printBoolPtr, printLabelsMultiline, printPodsMultiline } from './format'
import { canonical } from './quantity'
import { printVolumeSource } from './volumes'
import { type DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, tabbed } from './writer'

/** getPodsForPVC. */
function podsForClaim(ctx: DescribeContext, pvc: PersistentVolumeClaim): Pod[] {
  const nsPods = ctx.api.list('Pod', { namespace: pvc.metadata?.namespace }) as unknown as Pod[]
  const pods: Pod[] = []
  for (const pod of nsPods) {
    for (const v of pod.spec?.volumes ?? []) if (v.persistentVolumeClaim?.claimName === pvc.metadata?.name) pods.push(pod)
  }
  for (const ref of pvc.metadata?.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue
    const owner = nsPods.find((p) => p.metadata?.uid === ref.uid)
    if (owner && !pods.some((p) => p.metadata?.uid === owner.metadata?.uid)) pods.push(owner)
  }
  return pods
}

export function describePersistentVolumeClaim(ctx: DescribeContext, namespace: string, name: string): string {
  const pvc = ctx.api.read('PersistentVolumeClaim', namespace, name) as unknown as PersistentVolumeClaim
  const pods = podsForClaim(ctx, pvc)
  const events = eventsFor(ctx, pvc as never)
  return tabbed((w) => {
    printPersistentVolumeClaim(w, pvc, true, ctx.now)
    printPodsMultiline(
      w,
      'Used By',
      pods.map((p) => p.metadata?.name ?? ''),
    )
    const conditions = pvc.status?.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n')
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${formatTime(c.lastProbeTime as unknown as string)} \t${formatTime(c.lastTransitionTime as unknown as string)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        )
      }
    }
    if (events) describeEvents(events, w, ctx.now)
  })
}

/** printVolumeNodeAffinity: the required node selector terms, one expression a line. */
function printVolumeNodeAffinity(w: DescribeWriter, pv: PersistentVolume): void {
  w.write(LEVEL_0, 'Node Affinity:\t')
  const required = pv.spec?.nodeAffinity?.required
  if (!required) {
    w.line('<none>')
    return
  }
  w.line('')
  w.write(LEVEL_1, 'Required Terms:\t')
  const terms = required.nodeSelectorTerms ?? []
  if (terms.length === 0) {
    w.line('<none>')
    return
  }
  w.line('')
  terms.forEach((term, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`)
    const reqs = term.matchExpressions ?? []
    if (reqs.length === 0) {
      w.line('<none>')
      return
    }
    reqs.forEach((r, j) => {
      if (j !== 0) w.write(LEVEL_2, '\t')
      const values = r.values && r.values.length > 0 ? ` [${r.values.join(', ')}]` : ''
      w.write(LEVEL_0, `${r.key} ${r.operator.toLowerCase()}${values}\n`)
    })
  })
}

export function describePersistentVolume(ctx: DescribeContext, _namespace: string, name: string): string {
  const pv = ctx.api.read('PersistentVolume', '', name) as unknown as PersistentVolume
  const events = eventsFor(ctx, pv as never)
  const meta = pv.metadata ?? {}
  const spec = pv.spec ?? {}
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Finalizers:\t${goSlice(meta.finalizers)}\n`)
    const beta = meta.annotations?.['volume.beta.kubernetes.io/storage-class']
    w.write(LEVEL_0, `StorageClass:\t${beta ?? spec.storageClassName ?? ''}\n`)
    if (meta.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${timestampSince(meta.deletionTimestamp as unknown as string, ctx.now)})\n`)
    else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`)
    w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''}\n`)
    w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`)
    w.write(LEVEL_0, `Access Modes:\t${accessModesString(spec.accessModes)}\n`)
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`)
    w.write(LEVEL_0, `Capacity:\t${canonical(spec.capacity?.storage as string | undefined)}\n`)
    printVolumeNodeAffinity(w, pv)
    w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`)
    w.write(LEVEL_0, 'Source:\n')
    if (!printVolumeSource(spec as never, w)) w.write(LEVEL_1, '<unknown>\n')
    if (events) describeEvents(events, w, ctx.now)
  })
}

function isDefaultClass(sc: StorageClass): string {
  const a = sc.metadata?.annotations ?? {}
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true' ? 'Yes' : 'No'
}

export function describeStorageClass(ctx: DescribeContext, _namespace: string, name: string): string {
  const sc = ctx.api.read('StorageClass', '', name) as unknown as StorageClass
  const events = eventsFor(ctx, sc as never)
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${sc.metadata?.name}\n`)
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultClass(sc)}\n`)
    w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata?.annotations)}\n`)
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`)
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`)
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${printBoolPtr(sc.allowVolumeExpansion)}\n`)
    const opts = sc.mountOptions ?? []
    if (opts.length === 0) w.write(LEVEL_0, 'MountOptions:\t<none>\n')
    else {
      w.write(LEVEL_0, 'MountOptions:\n')
      for (const o of opts) w.write(LEVEL_1, `${o}\n`)
    }
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`)
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`)
    if (sc.allowedTopologies) {
      w.write(LEVEL_0, 'AllowedTopologies:\t')
      if (sc.allowedTopologies.length === 0) w.line('<none>')
      else {
        w.line('')
        sc.allowedTopologies.forEach((term, i) => {
          w.write(LEVEL_1, `Term ${i}:\t`)
          const reqs = term.matchLabelExpressions ?? []
          if (reqs.length === 0) w.line('<none>')
          reqs.forEach((r, j) => {
            if (j !== 0) w.write(LEVEL_1, '\t')
            w.write(LEVEL_0, `${r.key} in${r.values.length > 0 ? ` [${r.values.join(', ')}]` : ''}\n`)
          })
        })
      }
    }
    if (events) describeEvents(events, w, ctx.now)
  })
}
