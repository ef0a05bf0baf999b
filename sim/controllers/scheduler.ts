// kube-scheduler (default-scheduler): takes pods without a node, runs one scheduling cycle each (the
// pure planner in scheduler/), and binds them, or records why not. Pods that do not fit wait in the
// "unschedulable" set until something that could help changes (a node, a pod leaving, a claim or
// volume, a StorageClass) or podMaxInUnschedulablePodsDuration (5 minutes) passes
// (internal/queue/scheduling_queue.go); each retry that fails again adds to the event's series.

import type { Controller, ControllerContext } from './runtime'
import type { ControllerDeps } from './deps'
import { keyOf, splitKey } from './runtime'
import type { KubeObject, Node, Obj, Pod, PodCondition, WatchEvent } from '../api/types'
import { podCondition } from '../api/pod-util'
import { deepEqual } from '../core/json'
import { rfc3339 } from '../core/time'
import { planScheduling } from './scheduler/planner'
import type { VolumeAction } from './scheduler/volumes'
import { ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE } from './scheduler/volumes'
import { bindingProgress, isPending, readWorld, SCHEDULER_NAME } from './scheduler/world'
import { podKey, SchedulingQueue } from './scheduler/queue'
import { SchedulerCache } from './scheduler/cache'

/** podMaxInUnschedulablePodsDuration: an unschedulable pod is tried again at least this often. */
export const UNSCHEDULABLE_RETRY_MS = 5 * 60 * 1000
/** BindPodVolumes' interval between two looks at the pod's claims (wait.PollUntilContextTimeout). */
export const BIND_POLL_MS = 1000

/** The first poll of a PreBind wait that began at `since`, at or after `now` (the first is a second in). */
function nextPollAt(since: number, now: number): number {
  return since + BIND_POLL_MS * Math.max(1, Math.ceil((now - since) / BIND_POLL_MS))
}

/** VolumeBindingArgs.bindTimeoutSeconds: how long PreBind waits for the claims to be bound. */
export const BIND_TIMEOUT_MS = 600 * 1000
export const MSG_BIND_TIMEOUT = 'running PreBind plugin "VolumeBinding": binding volumes: context deadline exceeded'

const ACTOR = { actor: SCHEDULER_NAME }

export function schedulerController(deps: ControllerDeps): Controller {
  // When each pod last failed a scheduling attempt (the unschedulable queue's timestamps). Not saved:
  // after a restore a pod whose condition already says why it waits is retried 5 minutes later.
  const lastFailure = new Map<string, { uid: string; at: number }>()
  const controlPlane = deps.config.nodes.find((n) => n.controlPlane)?.name ?? 'k8s-master'
  const source = (action: string) => ({ component: SCHEDULER_NAME, action, reportingInstance: `${SCHEDULER_NAME}-${controlPlane}` })

  // Which pods wait for the scheduler, and since when each PreBind waits for its claims (from watch
  // events and reconciles; rebuilt from the API after a restore, the waits restarting from then).
  let queue: SchedulingQueue | undefined
  const queueOf = (ctx: ControllerContext) => (queue ??= new SchedulingQueue(ctx.api))
  // Where pods count, per node (the scheduler cache), from the same events.
  let cache: SchedulerCache | undefined
  const cacheOf = (ctx: ControllerContext) => (cache ??= new SchedulerCache(ctx.api))

  /** The Bind extension point, after PreBind: the binding, then the condition and the event. */
  function bind(ns: string, name: string, node: string, ctx: ControllerContext): void {
    queueOf(ctx).stopWaiting(keyOf(ns, name))
    ctx.api.bind(ns, name, node, ACTOR)
    const bound = ctx.api.read('Pod', ns, name)
    ctx.api.updateStatus(withCondition(bound, { type: 'PodScheduled', status: 'True' }, ctx.now()), ACTOR)
    ctx.events.record(bound, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${node}`, source('Binding'))
  }

  return {
    name: SCHEDULER_NAME,
    watches: ['Pod', 'Node', 'PersistentVolumeClaim', 'PersistentVolume', 'StorageClass'],
    // The keys are those of pods not in the work queue already (the others it would ignore).
    keysFor(ev, ctx) {
      const q = queueOf(ctx)
      return q.handedOut(podKeysFor(ev, q, cacheOf(ctx)))
    },
    initialKeys: (ctx) => queueOf(ctx).handedOut(queueOf(ctx).queuedKeys()),
    reconcile(key, ctx) {
      const q = queueOf(ctx)
      q.reconciling(key)
      const [ns, name] = splitKey(key)
      const pod = ctx.api.get('Pod', ns, name)
      if (!pod || !isPending(pod)) {
        lastFailure.delete(key)
        q.stopWaiting(key)
        return
      }
      const uid = pod.metadata.uid!
      // A binding cycle in progress does not schedule the pod again: PreBind checks its claims and,
      // once they are bound, binds it to the node it was assumed on (a failed check, or the timeout,
      // sends it through a scheduling cycle again).
      const waiting = q.binding.get(key)
      if (waiting?.uid === uid && ctx.now() < waiting.at + BIND_TIMEOUT_MS) {
        const node = ctx.api.get('Node', '', waiting.node)
        const progress = node && bindingProgress(ctx.api, pod, node)
        if (progress === 'waiting') {
          ctx.requeueAfter(key, waiting.at + BIND_TIMEOUT_MS - ctx.now(), { background: true })
          return
        }
        if (progress === 'bound') {
          // BindPodVolumes polls checkBindings once a second from the start of the wait (not at
          // once): the pod binds at the first poll that finds its claims bound.
          const poll = nextPollAt(waiting.at, ctx.now())
          if (poll > ctx.now()) {
            ctx.requeueAfter(key, poll - ctx.now())
            return
          }
          lastFailure.delete(key)
          bind(ns, name, waiting.node, ctx)
          return
        }
      }
      const decision = planScheduling(readWorld(ctx.api, pod, cacheOf(ctx)), (n) => ctx.rngFor('sched/' + uid).int(n))
      if (decision.kind === 'bind') {
        lastFailure.delete(key)
        applyVolumeActions(decision.volumeActions, pod, ctx)
        // VolumeBinding PreBind: the pod waits (no event) until its claims are bound; claim events wake
        // it. After bindTimeoutSeconds the binding cycle fails and the pod goes round again.
        if (decision.waitForVolumes) {
          const prev = q.binding.get(key)
          let since = prev?.uid === uid ? prev.at : ctx.now()
          if (ctx.now() >= since + BIND_TIMEOUT_MS) {
            ctx.events.record(pod, 'Warning', 'FailedScheduling', MSG_BIND_TIMEOUT, source('Scheduling'))
            ctx.api.updateStatus(withCondition(pod, { type: 'PodScheduled', status: 'False', reason: 'SchedulerError', message: MSG_BIND_TIMEOUT }, ctx.now()), ACTOR)
            since = ctx.now()
          }
          q.startWaiting(key, uid, since, decision.node)
          ctx.requeueAfter(key, since + BIND_TIMEOUT_MS - ctx.now(), { background: true })
          return
        }
        bind(ns, name, decision.node, ctx)
        return
      }
      q.stopWaiting(key)
      const cond = podCondition(pod, 'PodScheduled')
      const unchanged = cond?.status === 'False' && cond.reason === decision.reason && cond.message === decision.message
      const prev = lastFailure.get(key)
      const last = prev?.uid === uid ? prev.at : undefined
      if (unchanged && (last === undefined || ctx.now() < last + UNSCHEDULABLE_RETRY_MS)) {
        // Nothing new to say until the periodic flush moves the pod back to the active queue.
        const at = last ?? ctx.now()
        lastFailure.set(key, { uid, at })
        ctx.requeueAfter(key, at + UNSCHEDULABLE_RETRY_MS - ctx.now(), { background: true })
        return
      }
      // handleSchedulingFailure: the event first, then the condition (updatePod).
      ctx.events.record(pod, 'Warning', 'FailedScheduling', decision.message, source('Scheduling'))
      if (!unchanged) {
        ctx.api.updateStatus(withCondition(pod, { type: 'PodScheduled', status: 'False', reason: decision.reason, message: decision.message }, ctx.now()), ACTOR)
      }
      lastFailure.set(key, { uid, at: ctx.now() })
      ctx.requeueAfter(key, UNSCHEDULABLE_RETRY_MS, { background: true })
    },
  }
}

/** The pods an event may make schedulable (the queueing hints), kept up to date in the queue and cache. */
function podKeysFor(ev: WatchEvent, q: SchedulingQueue, cache: SchedulerCache): readonly string[] {
  switch (ev.kind) {
    case 'Pod': {
      const pod = ev.object as Pod
      const old = ev.old as Pod | undefined
      const key = podKey(pod)
      q.observe(key, ev.type === 'DELETED' ? undefined : pod)
      cache.refresh(key)
      if (ev.type !== 'DELETED' && isPending(pod)) return q.inWorkQueue(key) ? [] : [key]
      return assignedPodChangeMatters(ev.type, pod, old) ? q.queuedKeys() : []
    }
    case 'Node':
      return ev.type !== 'MODIFIED' || nodeChangeMatters(ev.old as Node, ev.object as Node) ? q.queuedKeys() : []
    case 'PersistentVolumeClaim': {
      const ns = ev.object.metadata.namespace ?? ''
      cache.refreshClaim(ns, ev.object.metadata.name ?? '')
      const own = q.podsOfClaim(ns, ev.object.metadata.name ?? '')
      return union(q.queuedKeysWithClaims(ns), own)
    }
    case 'PersistentVolume': {
      const ref = (ev.object as Obj<'PersistentVolume'>).spec?.claimRef
      return union(q.queuedKeysWithClaims(), ref?.name ? q.podsOfClaim(ref.namespace ?? '', ref.name) : [])
    }
    default:
      return q.queuedKeysWithClaims()
  }
}

/** Both lists' keys, once each, sorted. */
function union(a: readonly string[], b: readonly string[]): string[] {
  return b.length === 0 ? [...a] : [...new Set([...a, ...b])].sort()
}

/** Changes to bound pods that can make room or satisfy affinity (the queueing hints of the plugins). */
function assignedPodChangeMatters(type: string, pod: Pod, old: Pod | undefined): boolean {
  if (!pod.spec?.nodeName && !old?.spec?.nodeName) return false
  if (type !== 'MODIFIED' || !old) return true
  const terminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed'
  return old.spec?.nodeName !== pod.spec?.nodeName || !deepEqual(old.metadata?.labels, pod.metadata?.labels) || terminal(old) !== terminal(pod)
}

/** A node update the scheduler cares about (nodeSchedulingPropertiesChange); heartbeats alone are not. */
function nodeChangeMatters(old: Node | undefined, cur: Node): boolean {
  if (!old) return true
  const conds = (n: Node) => (n.status?.conditions ?? []).map((c) => [c.type, c.status, c.reason])
  return (
    old.spec?.unschedulable !== cur.spec?.unschedulable ||
    !deepEqual(old.spec?.taints, cur.spec?.taints) ||
    !deepEqual(old.metadata?.labels, cur.metadata?.labels) ||
    !deepEqual(old.status?.allocatable, cur.status?.allocatable) ||
    !deepEqual(conds(old), conds(cur))
  )
}

/**
 * podutil.UpdatePodCondition on a fresh copy: lastTransitionTime moves only when the status changes;
 * lastProbeTime is null as the scheduler writes it.
 */
function withCondition(pod: Pod, c: Pick<PodCondition, 'type' | 'status' | 'reason' | 'message'>, now: number): Pod {
  const conditions = [...(pod.status?.conditions ?? [])]
  const i = conditions.findIndex((x) => x.type === c.type)
  const prev = i >= 0 ? conditions[i] : undefined
  const next: PodCondition = {
    type: c.type,
    status: c.status,
    lastProbeTime: null as unknown as string,
    lastTransitionTime: prev && prev.status === c.status && prev.lastTransitionTime ? prev.lastTransitionTime : rfc3339(now),
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.message ? { message: c.message } : {}),
  }
  if (i >= 0) conditions[i] = next
  else conditions.push(next)
  return { ...pod, status: { ...pod.status, conditions } }
}

/** AssumePodVolumes + BindPodVolumes: pre-bind chosen static volumes, mark claims to provision with the node. */
function applyVolumeActions(actions: readonly VolumeAction[], pod: Pod, ctx: ControllerContext): void {
  const ns = pod.metadata?.namespace ?? 'default'
  for (const a of actions) {
    if (a.kind === 'select-node') {
      const pvc = ctx.api.get('PersistentVolumeClaim', ns, a.claim.metadata!.name!)
      if (!pvc || pvc.metadata.annotations?.[ANN_SELECTED_NODE] === a.node) continue
      ctx.api.update({ ...pvc, metadata: { ...pvc.metadata, annotations: { ...pvc.metadata.annotations, [ANN_SELECTED_NODE]: a.node } } }, ACTOR)
    } else {
      const pv = ctx.api.get('PersistentVolume', '', a.volume.metadata!.name!)
      const pvc = ctx.api.get('PersistentVolumeClaim', ns, a.claim.metadata!.name!)
      if (!pv || !pvc) continue
      const ref = pv.spec?.claimRef
      if (ref?.name === pvc.metadata.name && ref?.namespace === ns && ref?.uid === pvc.metadata.uid) continue
      const claimRef = { kind: 'PersistentVolumeClaim', namespace: ns, name: pvc.metadata.name!, uid: pvc.metadata.uid!, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion! }
      const annotations = ref ? pv.metadata.annotations : { ...pv.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' }
      ctx.api.update({ ...pv, metadata: { ...pv.metadata, annotations }, spec: { ...pv.spec, claimRef } } as KubeObject, ACTOR)
    }
  }
}
