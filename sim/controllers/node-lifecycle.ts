// The node lifecycle controller of kube-controller-manager (pkg/controller/nodelifecycle) together
// with the taint eviction controller (pkg/controller/tainteviction), both keyed by node:
//  - a node whose kubelet stopped reporting for nodeMonitorGracePeriod (40s) gets its Ready and
//    pressure conditions set to Unknown, a NodeNotReady event, and its pods marked not Ready;
//  - conditions and cordoning become NoSchedule taints (TaintNodesByCondition), an unready node
//    gets the NoExecute taint (not-ready / unreachable), which goes when it is Ready again;
//  - pods on a node with NoExecute taints are deleted once their tolerations run out. Their kubelet
//    cannot confirm, so they stay Terminating: a StatefulSet's pod is not replaced until it is
//    force-deleted, its node is deleted (PodGC), or the node comes back.
// The decisions are pure functions (node-lifecycle/plan.ts); this file reads, writes and re-arms timers.

import type { Controller, ControllerContext } from './runtime'
import type { ControllerDeps } from './deps'
import { keyOf, splitKey } from './runtime'
import type { Node, Obj, Pod, PodCondition } from '../api/types'
import { deepEqual } from '../core/json'
import { parseRfc3339, rfc3339 } from '../core/time'
import { EVENT_TTL_MS } from './events'
import { planEvictions, planNodeConditions, planTaints, NODE_CONTROLLER, TAINT_EVICTION_CONTROLLER } from './node-lifecycle/plan'

export const NODE_LIFECYCLE_CONTROLLER = 'node-lifecycle-controller'

export function nodeLifecycleController(deps: ControllerDeps): Controller {
  let wake: ((node: string) => void) | undefined
  deps.nodeHealth.onChange((node) => wake?.(node))
  // Pods whose eviction is scheduled (the taint eviction queue), to say "Cancelling deletion" when the
  // taint goes first. Re-derived from the taints after a restore.
  const scheduled = new Set<string>()

  return {
    name: NODE_LIFECYCLE_CONTROLLER,
    watches: ['Node', 'Pod'],
    keysFor(ev) {
      if (ev.kind === 'Node') {
        const name = ev.object.metadata.name!
        if (ev.type === 'ADDED') return [name, `registered:${name}`]
        return ev.type === 'DELETED' ? [`removed:${name}@${ev.object.metadata.uid}`] : [name]
      }
      const pod = ev.object as Pod
      const old = ev.old as Pod | undefined
      if (ev.type === 'DELETED') return [`gone:${keyOf(pod.metadata?.namespace, pod.metadata?.name ?? '')}`]
      const node = pod.spec?.nodeName
      if (!node) return []
      // A pod newly on a node, or with new tolerations, is looked at again (podUpdated, PodUpdated).
      const moved = old?.spec?.nodeName !== node || !deepEqual(old?.spec?.tolerations, pod.spec?.tolerations)
      const becameReady = podReady(pod) && !(old && podReady(old))
      return moved || becameReady ? [node] : []
    },
    initialKeys(ctx) {
      wake = (node) => ctx.enqueue(node)
      return ctx.api.list('Node').map((n) => n.metadata.name!)
    },
    reconcile(key, ctx) {
      if (key.startsWith('registered:') || key.startsWith('removed:')) return recordMembership(key, ctx)
      if (key.startsWith('gone:')) {
        const podKey = key.slice(5)
        if (scheduled.delete(podKey)) cancelEvent(podKey, ctx)
        return
      }
      syncNode(key, ctx)
    },
  }

  function syncNode(name: string, ctx: ControllerContext): void {
    const found = ctx.api.get('Node', '', name)
    if (!found) return
    let node: Node = found
    const now = ctx.now()
    const downSince = deps.nodeHealth.isUp(name) ? undefined : deps.nodeHealth.downSince(name)
    const grace = ctx.config.timings.nodeMonitorGraceMs

    // monitorNodeHealth / tryUpdateNodeHealth.
    if (downSince !== undefined && now < downSince + grace) ctx.requeueAfter(name, downSince + grace - now)
    const conds = planNodeConditions(node, downSince !== undefined && now >= downSince + grace, now)
    if (conds) {
      node = ctx.api.updateStatus({ ...node, status: { ...node.status, conditions: conds.conditions } }, { actor: NODE_CONTROLLER })
      if (conds.notReadyEvent) {
        const ref = { apiVersion: 'v1', kind: 'Node', name, uid: node.metadata!.uid }
        ctx.events.record(ref, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, { component: NODE_CONTROLLER })
      }
    }
    // Only a node that is not Ready has pods to mark (nodelifecycle's podUpdated does nothing else).
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status
    if (ready === 'Unknown' || ready === 'False') markPodsNotReady(ctx.api.list('Pod', { fields: { 'spec.nodeName': name } }), ctx)

    // doNoScheduleTaintingPass + doNoExecuteTaintingPass (the latter paused while every node is down).
    const allDown = ctx.api.list('Node').every((n) => n.metadata.labels?.['node.kubernetes.io/exclude-disruption'] !== undefined || n.status?.conditions?.find((c) => c.type === 'Ready')?.status !== 'True')
    const taints = planTaints(node, allDown, now)
    if (taints) node = ctx.api.update({ ...node, spec: { ...node.spec, taints: taints.length ? taints : undefined } }, { actor: NODE_CONTROLLER })

    // The taint eviction controller. Without NoExecute taints its only work is cancelling evictions it
    // scheduled; with none of those on this node, every pod event would list the node's pods for nothing.
    if (!node.spec?.taints?.some((t) => t.effect === 'NoExecute') && !scheduledOn(name, ctx)) return
    const plan = planEvictions(node, ctx.api.list('Pod', { fields: { 'spec.nodeName': name } }), now)
    for (const p of plan.cancel) {
      const k = keyOf(p.metadata?.namespace, p.metadata!.name!)
      if (scheduled.delete(k)) cancelEvent(k, ctx)
    }
    for (const { pod } of plan.wait) scheduled.add(keyOf(pod.metadata?.namespace, pod.metadata!.name!))
    for (const p of plan.evict) evict(p, ctx)
    if (plan.nextAt !== undefined) ctx.requeueAfter(name, plan.nextAt - now)
  }

  /** Whether a pod with an eviction scheduled is on `node` now and not being deleted (one planEvictions would cancel). */
  function scheduledOn(node: string, ctx: ControllerContext): boolean {
    for (const k of scheduled) {
      const [ns, name] = splitKey(k)
      const p = ctx.api.get('Pod', ns, name)
      if (p?.spec?.nodeName === node && !p.metadata?.deletionTimestamp) return true
    }
    return false
  }

  function evict(pod: Pod, ctx: ControllerContext): void {
    const ns = pod.metadata?.namespace ?? 'default'
    const name = pod.metadata!.name!
    scheduled.delete(keyOf(ns, name))
    // emitPodDeletionEvent names the pod by namespace/name only.
    const ref = { apiVersion: 'v1', kind: 'Pod', name, namespace: ns }
    ctx.events.record(ref, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${ns}/${name}`, { component: TAINT_EVICTION_CONTROLLER })
    const fresh = ctx.api.get('Pod', ns, name)
    if (!fresh) return
    ctx.api.updateStatus(
      withCondition(fresh, { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' }, ctx.now()),
      { actor: TAINT_EVICTION_CONTROLLER },
    )
    // A normal delete with the pod's grace period: only its kubelet can finish it.
    ctx.api.delete('Pod', ns, name, { actor: TAINT_EVICTION_CONTROLLER })
  }
}

function podReady(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
}

/** MarkPodsNotReady: only the Ready condition turns False (its reason and message stay), with a NodeNotReady event. */
function markPodsNotReady(pods: readonly Obj<'Pod'>[], ctx: ControllerContext): void {
  for (const p of pods) {
    const ready = p.status?.conditions?.find((c) => c.type === 'Ready')
    if (!ready || ready.status === 'False') continue
    const conditions = (p.status?.conditions ?? []).map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: rfc3339(ctx.now()) } : c))
    ctx.api.updateStatus({ ...p, status: { ...p.status, conditions } }, { actor: NODE_CONTROLLER })
    ctx.events.record(p, 'Warning', 'NodeNotReady', 'Node is not ready', { component: NODE_CONTROLLER })
  }
}

function withCondition(pod: Pod, c: Pick<PodCondition, 'type' | 'status' | 'reason' | 'message'>, now: number): Pod {
  const conditions = [...(pod.status?.conditions ?? [])]
  const i = conditions.findIndex((x) => x.type === c.type)
  const prev = i >= 0 ? conditions[i] : undefined
  if (prev && prev.status === c.status && prev.reason === c.reason && prev.message === c.message) return pod
  const next: PodCondition = { ...c, lastProbeTime: null as unknown as string, lastTransitionTime: prev?.status === c.status && prev.lastTransitionTime ? prev.lastTransitionTime : rfc3339(now) }
  if (i >= 0) conditions[i] = next
  else conditions.push(next)
  return { ...pod, status: { ...pod.status, conditions } }
}

function cancelEvent(podKey: string, ctx: ControllerContext): void {
  const [ns, name] = splitKey(podKey)
  const ref = { apiVersion: 'v1', kind: 'Pod', name, namespace: ns }
  ctx.events.record(ref, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${ns}/${name}`, { component: TAINT_EVICTION_CONTROLLER })
}

/** RecordNodeEvent for nodes the controller starts or stops watching (classifyNodes). */
function recordMembership(key: string, ctx: ControllerContext): void {
  const registered = key.startsWith('registered:')
  const [name, uid] = key.slice(key.indexOf(':') + 1).split('@')
  const node = ctx.api.get('Node', '', name)
  if (registered !== !!node) return
  // A node registered long ago (the cluster's own nodes at boot): that event would have expired.
  if (node && (parseRfc3339(node.metadata.creationTimestamp) ?? ctx.now()) + EVENT_TTL_MS <= ctx.now()) return
  const ref = { apiVersion: 'v1', kind: 'Node', name, uid: node?.metadata.uid ?? uid }
  const [reason, what] = registered ? ['RegisteredNode', `Registered Node ${name} in Controller`] : ['RemovingNode', `Removing Node ${name} from Controller`]
  ctx.events.record(ref, 'Normal', reason, `Node ${name} event: ${what}`, { component: NODE_CONTROLLER })
}
