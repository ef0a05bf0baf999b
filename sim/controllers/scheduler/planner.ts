// One scheduling cycle as a pure function: PreFilter, Filter on every node, then either Score and
// select a host, or the FitError with what preemption would have found (schedule_one.go
// schedulePod / findNodesThatFitPod / handleSchedulingFailure). The controller executes the result.

import type { Pod } from 'kubernetes-types/core/v1'
import type { Selector } from '../../api/selectors'
import { filterNode, nodeInfos, preFilter, type NodeStatus, type SchedulingWorld } from './filters'
import { fitErrorMessage, NO_NODES_AVAILABLE, NO_PREEMPTION_VICTIMS, preemptionMessage, type Diagnosis } from './messages'
import { scoreNodes, selectHost } from './score'
import type { VolumeAction } from './volumes'

export interface SchedulingInput extends SchedulingWorld {
  pod: Pod
  /** The system default spreading selector (defaultSpreadSelector). */
  spreadSelector: Selector
}

export type SchedulingDecision =
  /** Bind to `node`; first make `volumeActions`, and wait while some claim of the pod is not yet bound. */
  | { kind: 'bind'; node: string; volumeActions: VolumeAction[]; waitForVolumes: boolean }
  /** PodScheduled=False with this reason and message, and a FailedScheduling event. */
  | { kind: 'unschedulable'; reason: 'Unschedulable' | 'SchedulerError'; message: string }

const priority = (p: Pod) => p.spec?.priority ?? 0

export function planScheduling(input: SchedulingInput, pick: (n: number) => number): SchedulingDecision {
  const { pod } = input
  if (input.nodes.length === 0) return { kind: 'unschedulable', reason: 'SchedulerError', message: NO_NODES_AVAILABLE }
  const pre = preFilter(pod, input)
  if (pre.kind === 'rejected') {
    const d: Diagnosis = { numAllNodes: input.nodes.length, preFilterMsg: pre.message, statuses: input.nodes.map(() => undefined) }
    return unschedulable(input, d)
  }
  const infos = nodeInfos(input)
  const results = infos.map((info) => filterNode(pod, info, pre, input))
  const feasible = infos.filter((_, i) => !results[i].status)
  if (feasible.length === 0) {
    return unschedulable(input, { numAllNodes: input.nodes.length, statuses: results.map((r) => r.status) })
  }
  const namespaceLabels = new Map(input.namespaces.map((n) => [n.metadata?.name ?? '', n.metadata?.labels]))
  const scores = scoreNodes({
    pod,
    feasible,
    // Looked at only by the preferred inter-pod affinity terms.
    get placed() {
      return input.placed
    },
    spreadSelector: input.spreadSelector,
    namespaceLabels,
  })
  const names = feasible.map((i) => i.node.metadata?.name ?? '')
  const node = selectHost(names, scores, pick)
  const volumeActions = results[infos.findIndex((i) => i.node.metadata?.name === node)].volumeActions
  const waitForVolumes = pre.volumes.kind === 'ok' && pre.volumes.delayed.length > 0
  return { kind: 'bind', node, volumeActions, waitForVolumes }
}

function unschedulable(input: SchedulingInput, d: Diagnosis): SchedulingDecision {
  const post = preemptionMessage(d, input.pod.spec?.preemptionPolicy, (i) => victimsOutcome(input, i))
  return { kind: 'unschedulable', reason: 'Unschedulable', message: fitErrorMessage(d, post) }
}

/**
 * SelectVictimsOnNode, as far as this cluster needs it: with no lower-priority pod on the node there is
 * nothing to preempt; otherwise the filters run again without those pods and their reasons stand.
 * Actual preemption (evicting victims, nominatedNodeName) is not simulated.
 */
function victimsOutcome(input: SchedulingInput, nodeIndex: number): string[] {
  const nodeName = input.nodes[nodeIndex].metadata?.name
  // The node's own pods answer the common case (no lower priority) without every placed pod.
  const onNode = input.infos?.[nodeIndex]?.pods
  if (onNode && !onNode.some((p) => priority(p) < priority(input.pod))) return [NO_PREEMPTION_VICTIMS]
  const victims = input.placed.filter((p) => p.node.metadata?.name === nodeName && priority(p.pod) < priority(input.pod))
  if (victims.length === 0) return [NO_PREEMPTION_VICTIMS]
  const world = { ...input, infos: undefined, placedWithAntiAffinity: undefined, placed: input.placed.filter((p) => !victims.includes(p)) }
  const pre = preFilter(input.pod, world)
  if (pre.kind === 'rejected') return [pre.message]
  const status: NodeStatus | undefined = filterNode(input.pod, nodeInfos(world)[nodeIndex], pre, world).status
  return status ? status.reasons : [NO_PREEMPTION_VICTIMS]
}
