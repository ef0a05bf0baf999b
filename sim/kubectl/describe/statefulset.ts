// describe statefulset (describe.go StatefulSetDescriber, kubectl 1.30–1.36). Newer kubectl (1.37) adds
// Service Name, Pod Management Policy and the PVC retention policy; 1.33 prints none of them.

import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1'
import type { StatefulSet } from 'kubernetes-types/apps/v1'
import { claimClass } from './claim'
import type { DescribeContext } from './context'
import { podStatusForController, podsStatusLine } from './controller-pods'
import { describeEvents, eventsFor } from './events'
import { formatTime, goSlice, labelSelectorString, printAnnotationsMultiline, printLabelsMultiline } from './format'
import { describePodTemplate } from './pod-template'
import { canonical } from './quantity'
import { type DescribeWriter, LEVEL_0, LEVEL_1, tabbed } from './writer'

export function describeStatefulSet(ctx: DescribeContext, namespace: string, name: string): string {
  const sts = ctx.api.read('StatefulSet', namespace, name) as unknown as StatefulSet
  const meta = sts.metadata ?? {}
  const spec = sts.spec!
  const pods = podStatusForController(ctx, namespace, spec.selector, meta.uid)
  const events = eventsFor(ctx, sts as never)
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace}\n`)
    w.write(LEVEL_0, `CreationTimestamp:\t${formatTime(meta.creationTimestamp as unknown as string)}\n`)
    w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec.selector)}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${sts.status?.replicas ?? 0} total\n`)
    w.write(LEVEL_0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`)
    const ru = spec.updateStrategy?.rollingUpdate
    if (ru && ru.partition !== undefined && ru.partition !== null) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`)
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`)
    }
    w.write(LEVEL_0, `Pods Status:\t${podsStatusLine(pods)}\n`)
    describePodTemplate(spec.template, w)
    describeVolumeClaimTemplates(spec.volumeClaimTemplates, w)
    if (events) describeEvents(events, w, ctx.now)
  })
}

function describeVolumeClaimTemplates(templates: readonly PersistentVolumeClaim[] | undefined, w: DescribeWriter): void {
  if (!templates || templates.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n')
    return
  }
  w.write(LEVEL_0, 'Volume Claims:\n')
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`)
    w.write(LEVEL_1, `StorageClass:\t${claimClass(pvc)}\n`)
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ')
    printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ')
    const storage = pvc.spec?.resources?.requests?.storage
    w.write(LEVEL_1, `Capacity:\t${storage !== undefined ? canonical(storage as string) : '<default>'}\n`)
    w.write(LEVEL_1, `Access Modes:\t${goSlice(pvc.spec?.accessModes)}\n`)
  }
}
