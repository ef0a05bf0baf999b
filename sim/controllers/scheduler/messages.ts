// The FailedScheduling text: framework.FitError.Error() (pkg/scheduler/framework/types.go) and the
// DefaultPreemption PostFilter's own FitError (framework/preemption/preemption.go Preempt,
// nodesWherePreemptionMightHelp; defaultpreemption SelectVictimsOnNode, PodEligibleToPreemptOthers).

import type { NodeStatus } from './filters'

export const NO_NODE_AVAILABLE = (n: number) => `0/${n} nodes are available`
export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling'
export const NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod'
export const NOT_ELIGIBLE_NEVER = 'not eligible due to preemptionPolicy=Never.'
export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods'

/** A FitError's diagnosis: a PreFilter message, or one status per node (undefined for nodes that passed). */
export interface Diagnosis {
  numAllNodes: number
  preFilterMsg?: string
  statuses: readonly (NodeStatus | undefined)[]
}

/**
 * FitError.Error(): "0/N nodes are available:" then the PreFilter message, or else the reason
 * histogram ("<count> <reason>" sorted as strings, joined by ", "), each closed by "."; then the
 * PostFilter message after a space (it carries its own final period).
 */
export function fitErrorMessage(d: Diagnosis, postFilterMsg?: string): string {
  let msg = `${NO_NODE_AVAILABLE(d.numAllNodes)}:`
  if (d.preFilterMsg) {
    msg += ` ${d.preFilterMsg}.`
  } else {
    const counts = new Map<string, number>()
    for (const s of d.statuses) for (const r of s?.reasons ?? []) counts.set(r, (counts.get(r) ?? 0) + 1)
    const histogram = [...counts].map(([reason, n]) => `${n} ${reason}`).sort()
    if (histogram.length) msg += ` ${histogram.join(', ')}.`
  }
  if (postFilterMsg) msg += ` ${postFilterMsg}`
  return msg
}

/**
 * DefaultPreemption.PostFilter's message: "preemption: " + a FitError over what preemption found per
 * node. `victimsOutcome` answers for a node preemption might help on (the caller runs
 * SelectVictimsOnNode); nodes rejected as UnschedulableAndUnresolvable, and every node when PreFilter
 * rejected the pod, are "not helpful".
 */
export function preemptionMessage(
  d: Diagnosis,
  preemptionPolicy: string | undefined,
  victimsOutcome: (nodeIndex: number) => string[],
): string {
  if (preemptionPolicy === 'Never') return `preemption: ${NOT_ELIGIBLE_NEVER}`
  const statuses: NodeStatus[] = d.statuses.map((s, i) => {
    if (d.preFilterMsg || !s || s.code === 'UnschedulableAndUnresolvable') {
      return { plugin: 'DefaultPreemption', code: 'UnschedulableAndUnresolvable', reasons: [PREEMPTION_NOT_HELPFUL] }
    }
    return { plugin: 'DefaultPreemption', code: 'Unschedulable', reasons: victimsOutcome(i) }
  })
  return `preemption: ${fitErrorMessage({ numAllNodes: d.numAllNodes, statuses })}`
}
