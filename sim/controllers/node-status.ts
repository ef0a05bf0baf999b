// The kubelet's node status reporting, for every node whose kubelet is reachable
// (pkg/kubelet/kubelet_node_status.go updateNodeStatus, nodestatus/setters.go): the MemoryPressure,
// DiskPressure, PIDPressure and Ready conditions, re-posted when they change and otherwise every
// nodeStatusReportFrequency (5 minutes) as a heartbeat. A node whose cable is pulled posts nothing;
// the node lifecycle controller notices. Only status.conditions is touched (the kubelet proper keeps
// status.images), always on a fresh read.

import type { Controller, ControllerContext } from './runtime'
import type { ControllerDeps } from './deps'
import type { Node, NodeCondition } from 'kubernetes-types/core/v1'
import { parseRfc3339, rfc3339 } from '../core/time'
import { EVENT_TTL_MS } from './events'

export const NODE_STATUS_CONTROLLER = 'kubelet-node-status'
/** nodeStatusReportFrequency: an unchanged status is posted again this often. */
export const NODE_STATUS_REPORT_MS = 5 * 60 * 1000

interface KubeletCondition {
  type: string
  status: 'True' | 'False'
  reason: string
  message: string
  /** The event the setter records when the condition changes (recordNodeStatusEvent). */
  event: string
}

/** What a healthy kubelet reports, in the order its setters run. */
export const HEALTHY_CONDITIONS: readonly KubeletCondition[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', event: 'NodeHasSufficientMemory' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', event: 'NodeHasNoDiskPressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', event: 'NodeHasSufficientPID' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', event: 'NodeReady' },
]

export interface NodeStatusPlan {
  /** The conditions to post, or undefined when nothing is due. */
  conditions?: NodeCondition[]
  /** Events for conditions whose status changed, in setter order. */
  events: string[]
  /** When the next heartbeat is due (virtual ms). */
  nextAt: number
}

/**
 * The setters plus the "post only if changed or due" rule. Before the student arrives (`epoch`) the
 * heartbeats nobody can see are skipped: the next one is the last one in phase before the epoch.
 * A condition posted for the first time dates from `registeredAt` (the kubelet posts its first status
 * when it registers the node, which may be long before this controller first runs).
 */
export function planNodeStatus(current: readonly NodeCondition[] | undefined, now: number, epoch: number, registeredAt = now): NodeStatusPlan {
  const existing = current ?? []
  const stamp = rfc3339(now)
  const registered = rfc3339(Math.min(registeredAt, now))
  const events: string[] = []
  let changed = false
  const next: NodeCondition[] = existing.map((c) => ({ ...c }))
  for (const want of HEALTHY_CONDITIONS) {
    const i = next.findIndex((c) => c.type === want.type)
    const prev = i >= 0 ? next[i] : undefined
    const flips = prev?.status !== want.status
    if (flips) events.push(want.event)
    if (flips || prev?.reason !== want.reason || prev?.message !== want.message) changed = true
    const cond: NodeCondition = {
      lastHeartbeatTime: stamp,
      lastTransitionTime: !prev ? registered : !flips && prev.lastTransitionTime ? prev.lastTransitionTime : stamp,
      message: want.message,
      reason: want.reason,
      status: want.status,
      type: want.type,
    }
    if (i >= 0) next[i] = cond
    else next.push(cond)
  }
  const last = parseRfc3339(existing.find((c) => c.type === 'Ready')?.lastHeartbeatTime)
  if (changed || last === undefined || now >= last + NODE_STATUS_REPORT_MS) {
    return { conditions: next, events, nextAt: nextHeartbeat(now, now, epoch) }
  }
  return { events: [], nextAt: nextHeartbeat(last, now, epoch) }
}

function nextHeartbeat(last: number, now: number, epoch: number): number {
  const next = last + NODE_STATUS_REPORT_MS
  if (next >= epoch - NODE_STATUS_REPORT_MS || now >= epoch) return next
  return epoch - ((epoch - last) % NODE_STATUS_REPORT_MS)
}

export function nodeStatusController(deps: ControllerDeps): Controller {
  let wake: ((node: string) => void) | undefined
  // The cable coming back (or going) is not an API event: wake the node's reporter directly.
  deps.nodeHealth.onChange((node) => wake?.(node))
  return {
    name: NODE_STATUS_CONTROLLER,
    watches: ['Node'],
    keysFor: (ev) => (ev.type === 'DELETED' ? [] : [ev.object.metadata.name!]),
    initialKeys(ctx) {
      wake = (node) => ctx.enqueue(node)
      return ctx.api.list('Node').map((n) => n.metadata.name!)
    },
    reconcile(name, ctx) {
      const node = ctx.api.get('Node', '', name)
      if (!node || !deps.nodeHealth.isUp(name)) return
      const registeredAt = parseRfc3339(node.metadata.creationTimestamp) ?? ctx.now()
      const plan = planNodeStatus(node.status?.conditions, ctx.now(), ctx.config.epoch, registeredAt)
      // Events of a first post that happened at registration would have expired by now.
      const firstPost = !node.status?.conditions?.length
      const events = firstPost && registeredAt + EVENT_TTL_MS <= ctx.now() ? [] : plan.events
      if (plan.conditions) post(node, plan.conditions, events, ctx)
      ctx.requeueAfter(name, plan.nextAt - ctx.now(), { background: true })
    },
  }
}

function post(node: Node, conditions: NodeCondition[], events: readonly string[], ctx: ControllerContext): void {
  const name = node.metadata!.name!
  ctx.api.updateStatus({ ...node, status: { ...node.status, conditions } }, { actor: 'kubelet' })
  // The kubelet's nodeRef carries the node name as its uid.
  const ref = { kind: 'Node', name, uid: name }
  for (const reason of events) {
    ctx.events.record(ref, 'Normal', reason, `Node ${name} status is now: ${reason}`, { component: 'kubelet', host: name })
  }
}
