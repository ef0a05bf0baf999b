// DescribePodTemplate (describe.go): the "Pod Template:" block of describe sts/deploy/rs, and what
// `kubectl rollout history --revision=N` prints for a revision. The rollout verb writes it with
// rawWriter() (no tabwriter, so the tabs stay tabs); describe writes it inside its tabwriter.

import type { PodTemplateSpec } from 'kubernetes-types/core/v1'
import { describeContainers } from './containers'
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './format'
import { describeTopologySpreadConstraints } from './topology'
import { describeVolumes } from './volumes'
import { type DescribeWriter, LEVEL_0, LEVEL_1 } from './writer'

export function describePodTemplate(template: PodTemplateSpec | undefined | null, w: DescribeWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n')
  if (!template) {
    w.write(LEVEL_1, '<unset>')
    return
  }
  const spec = template.spec ?? { containers: [] }
  printLabelsMultiline(w, '  Labels', template.metadata?.labels)
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations)
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`)
  if (spec.initContainers && spec.initContainers.length > 0) describeContainers('Init Containers', spec.initContainers, null, undefined, w, '  ')
  describeContainers('Containers', spec.containers, null, undefined, w, '  ')
  describeVolumes(spec.volumes, w, '  ')
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ')
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`)
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector)
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations)
}
