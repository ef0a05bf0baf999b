// getPodStatusForController (describe.go): the "Pods Status" counts of a StatefulSet or ReplicaSet.
// kubectl lists the pods its selector matches and counts, by phase, only those this object controls.

import type { Pod } from 'kubernetes-types/core/v1'
import { fromLabelSelector } from '../../api/selectors'
import type { LabelSelector } from '../../api/types'
import { controllerOf } from '../../api/owners'
import type { DescribeContext } from './context'

export interface PodPhaseCounts {
  running: number
  waiting: number
  succeeded: number
  failed: number
}

export function podStatusForController(ctx: DescribeContext, namespace: string, selector: LabelSelector | undefined, uid: string | undefined): PodPhaseCounts {
  const counts = { running: 0, waiting: 0, succeeded: 0, failed: 0 }
  const sel = fromLabelSelector(selector)
  // A nil selector selects nothing (labels.Nothing()).
  if (sel === null) return counts
  for (const o of ctx.api.list('Pod', { namespace, selector: sel })) {
    const pod = o as unknown as Pod
    const ref = controllerOf(pod as never)
    if (!ref || ref.uid !== uid) continue
    const phase = pod.status?.phase
    if (phase === 'Running') counts.running++
    else if (phase === 'Pending') counts.waiting++
    else if (phase === 'Succeeded') counts.succeeded++
    else if (phase === 'Failed') counts.failed++
  }
  return counts
}

export function podsStatusLine(c: PodPhaseCounts): string {
  return `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`
}
