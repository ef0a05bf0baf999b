// Pure decisions of the node lifecycle and taint eviction controllers: which conditions turn
// Unknown, which taints a node should carry, which pods to evict and when.

import type { Node, NodeCondition, Pod, Taint } from 'kubernetes-types/core/v1'
import { parseRfc3339, rfc3339 } from '../../core/time'
import {
  matchingTolerations,
  minTolerationMs,
  sameTaint,
  TAINT_DISK_PRESSURE,
  TAINT_MEMORY_PRESSURE,
  TAINT_NETWORK_UNAVAILABLE,
  TAINT_NOT_READY,
  TAINT_PID_PRESSURE,
  TAINT_UNREACHABLE,
  TAINT_UNSCHEDULABLE,
} from '../scheduler/taints'

/** The event source of the node lifecycle controller (NewNodeLifecycleController's recorder). */
export const NODE_CONTROLLER = 'node-controller'
export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller'

/** tryUpdateNodeHealth: the conditions a silent kubelet leaves Unknown (NetworkUnavailable is not touched). */
const MONITORED = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']

/**
 * Once the kubelet has been silent for the grace period: every monitored condition becomes Unknown
 * (keeping its last heartbeat). Written only when Ready changes; the NodeNotReady event only when
 * Ready was True. Undefined when there is nothing to write.
 */
export function planNodeConditions(node: Node, silent: boolean, now: number): { conditions: NodeCondition[]; notReadyEvent: boolean } | undefined {
  if (!silent) return undefined
  const observed = node.status?.conditions?.find((c) => c.type === 'Ready')
  const conditions = (node.status?.conditions ?? []).map((c) => ({ ...c }))
  for (const type of MONITORED) {
    const c = conditions.find((x) => x.type === type)
    if (!c) {
      conditions.push({
        type,
        status: 'Unknown',
        reason: 'NodeStatusNeverUpdated',
        message: 'Kubelet never posted node status.',
        lastHeartbeatTime: node.metadata?.creationTimestamp,
        lastTransitionTime: rfc3339(now),
      })
    } else if (c.status !== 'Unknown') {
      Object.assign(c, { status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: rfc3339(now) })
    }
  }
  const ready = conditions.find((c) => c.type === 'Ready')
  if (observed && observed.status === ready?.status) return undefined
  return { conditions, notReadyEvent: observed?.status === 'True' }
}

// nodeConditionToTaintKeyStatusMap: the NoSchedule taint each condition state maps to.
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: TAINT_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_DISK_PRESSURE },
  NetworkUnavailable: { True: TAINT_NETWORK_UNAVAILABLE },
  PIDPressure: { True: TAINT_PID_PRESSURE },
}
const NO_SCHEDULE_KEYS = new Set([TAINT_UNSCHEDULABLE, ...Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m))])
const NO_EXECUTE_KEYS = new Set([TAINT_NOT_READY, TAINT_UNREACHABLE])

/**
 * The node's taints after doNoScheduleTaintingPass (conditions and spec.unschedulable as NoSchedule
 * taints) and the NoExecute tainting (not-ready / unreachable by the Ready condition; none while the
 * whole cluster is down, as in full disruption). New taints get timeAdded and go at the end, the
 * NoSchedule ones first. Undefined when nothing changes.
 */
export function planTaints(node: Node, allNodesDown: boolean, now: number): Taint[] | undefined {
  const conds = node.status?.conditions ?? []
  const noSchedule: Taint[] = []
  for (const c of conds) {
    const key = CONDITION_TAINTS[c.type]?.[c.status]
    if (key) noSchedule.push({ key, effect: 'NoSchedule' })
  }
  if (node.spec?.unschedulable) noSchedule.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' })
  const ready = conds.find((c) => c.type === 'Ready')?.status
  const noExecute: Taint[] = allNodesDown ? [] : ready === 'False' ? [{ key: TAINT_NOT_READY, effect: 'NoExecute' }] : ready === 'Unknown' ? [{ key: TAINT_UNREACHABLE, effect: 'NoExecute' }] : []
  const desired = [...noSchedule, ...noExecute]
  const managed = (t: Taint) => (t.effect === 'NoSchedule' && NO_SCHEDULE_KEYS.has(t.key)) || (t.effect === 'NoExecute' && NO_EXECUTE_KEYS.has(t.key))
  const current = node.spec?.taints ?? []
  const kept = current.filter((t) => !managed(t) || desired.some((d) => sameTaint(d, t)))
  const added = desired.filter((d) => !current.some((t) => sameTaint(d, t))).map((t) => ({ ...t, timeAdded: rfc3339(now) }))
  if (added.length === 0 && kept.length === current.length) return undefined
  return [...kept, ...added]
}

export interface EvictionPlan {
  /** Delete now (DisruptionTarget condition, then a normal delete). */
  evict: Pod[]
  /** Scheduled for later. */
  wait: { pod: Pod; at: number }[]
  /** No longer to be evicted (the taints went, or a toleration without tolerationSeconds). */
  cancel: Pod[]
  nextAt?: number
}

/**
 * The taint eviction controller for one node (processPodOnNode): a pod not tolerating every NoExecute
 * taint goes now; otherwise after the shortest tolerationSeconds, counted from when the taint was
 * added (or the pod arrived later). Pods already being deleted are done.
 */
export function planEvictions(node: Node, pods: readonly Pod[], now: number): EvictionPlan {
  const taints = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute')
  const plan: EvictionPlan = { evict: [], wait: [], cancel: [] }
  const added = taints.map((t) => parseRfc3339(t.timeAdded) ?? now)
  const taintStart = added.length ? Math.min(...added) : now
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp) continue
    if (taints.length === 0) {
      plan.cancel.push(pod)
      continue
    }
    const { allTolerated, used } = matchingTolerations(taints, pod.spec?.tolerations)
    if (!allTolerated) {
      plan.evict.push(pod)
      continue
    }
    const ms = minTolerationMs(used)
    if (ms === undefined) {
      plan.cancel.push(pod)
      continue
    }
    const at = Math.max(taintStart, parseRfc3339(pod.metadata?.creationTimestamp) ?? taintStart) + ms
    if (now >= at) plan.evict.push(pod)
    else {
      plan.wait.push({ pod, at })
      plan.nextAt = Math.min(plan.nextAt ?? at, at)
    }
  }
  return plan
}
