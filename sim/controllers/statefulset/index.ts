// The StatefulSet controller (upstream pkg/controller/statefulset): watch handlers map pods to their
// set; a sync adopts orphans, settles the revisions, plans the pod work (planner.ts), carries it out
// (pod-control.ts), writes the status and trims the revision history.

import { isApiError } from '../../api/errors'
import { controllerOf } from '../../api/owners'
import { isPodReady, podCondition } from '../../api/pod-util'
import { fromLabelSelector, matches } from '../../api/selectors'
import type { KubeObject, Obj, Pod, StatefulSetStatus, WatchEvent } from '../../api/types'
import { parseRfc3339 } from '../../core/time'
import { deepEqual } from '../../core/json'
import type { ControllerDeps } from '../deps'
import { keyOf, splitKey, type Controller, type ControllerContext } from '../runtime'
import { claimPods, claimRevisions } from './claim'
import type { Set } from './identity'
import { ClaimLookup, PlainRow, type PodRow } from './pod-facts'
import { completeRollingUpdate, planSync } from './planner'
import { planFromGroup } from './fast-plan'
import { PodTable } from './pod-table'
import { checkTableSync } from './pod-table-check'
import { StatefulPodControl, COMPONENT } from './pod-control'
import { applyRevision, equalRevision, newRevision, nextRevision, planTruncateHistory, sortRevisions, type Revision } from './revisions'

export function statefulSetController(deps: ControllerDeps): Controller {
  const quiet = new QuietStatusWrites()
  const table = new PodTable()
  return {
    name: COMPONENT,
    // Claims only keep the pod table's answers current: upstream queues nothing for a claim event.
    watches: ['StatefulSet', 'Pod', 'PersistentVolumeClaim'],
    keysFor(ev, ctx) {
      if (ev.kind === 'StatefulSet') {
        if (quiet.isOwn(ev)) return []
        return [keyOf(ev.object.metadata.namespace, ev.object.metadata.name!)]
      }
      if (ev.kind === 'PersistentVolumeClaim') {
        table.observeClaim(ev)
        return []
      }
      table.observePod(ev)
      if (ev.type === 'MODIFIED' && ev.old && !podChangeMatters(ev.old as unknown as Pod, ev.object as unknown as Pod)) return []
      return setsForPod(ev.object as unknown as Pod, ev.old as unknown as Pod | undefined, ctx)
    },
    initialKeys(ctx) {
      return ctx.api.list('StatefulSet').map((s) => keyOf(s.metadata.namespace, s.metadata.name!))
    },
    reconcile(key, ctx) {
      const [ns, name] = splitKey(key)
      const set = ctx.api.get('StatefulSet', ns, name)
      if (!set) return
      sync(set as Set, ctx, deps, quiet, table)
    },
  }
}

/**
 * What a sync reads of a pod: its identity, labels and owners, deletion, phase, whether it is Ready
 * (and, when it is, since when) and volumes. An update that changes none of these (the scheduler's
 * condition, the kubelet's container statuses, the node it is bound to, a Ready condition that
 * appears as False) leaves every sync as it was, so it queues nothing.
 */
function podChangeMatters(old: Pod, cur: Pod): boolean {
  const a = podCondition(old, 'Ready')
  const b = podCondition(cur, 'Ready')
  const readyA = a?.status === 'True'
  const readyB = b?.status === 'True'
  return (
    old.metadata?.uid !== cur.metadata?.uid ||
    old.metadata?.deletionTimestamp !== cur.metadata?.deletionTimestamp ||
    old.status?.phase !== cur.status?.phase ||
    readyA !== readyB ||
    (readyB && a?.lastTransitionTime !== b?.lastTransitionTime) ||
    !deepEqual(old.metadata?.labels, cur.metadata?.labels) ||
    !deepEqual(old.metadata?.ownerReferences, cur.metadata?.ownerReferences) ||
    !deepEqual(old.spec?.volumes, cur.spec?.volumes)
  )
}

/** addPod / updatePod / deletePod: the owning set, or for an orphan every set whose selector matches. */
function setsForPod(pod: Pod, old: Pod | undefined, ctx: ControllerContext): string[] {
  const keys: string[] = []
  const ns = pod.metadata?.namespace
  for (const p of old ? [pod, old] : [pod]) {
    const ref = controllerOf(p)
    if (ref) {
      if (ref.kind === 'StatefulSet') keys.push(keyOf(ns, ref.name))
      continue
    }
    for (const set of ctx.api.each('StatefulSet', ns)) {
      if (matches(fromLabelSelector(set.spec?.selector), p.metadata?.labels)) keys.push(keyOf(ns, set.metadata.name!))
    }
  }
  return [...new Set(keys)]
}

/**
 * Upstream's update handler queues the set again after every update, its own status writes included;
 * the sync that follows finds what the one before found and does nothing. When a sync wrote nothing
 * but the status, and the status write changed only the replica counts (not the revisions, the
 * collision count or the observed generation, which the next sync reads), that echo is not queued:
 * its sync would see the same pods, claims, revisions and spec. Anything else the sync wrote queues it
 * again as upstream would, so the next sync still sees those writes.
 */
class QuietStatusWrites {
  private pending: Obj<'StatefulSet'>['status'] | undefined

  /** Runs `write` (the status update) marking its watch event as this controller's own echo. */
  during<T>(status: Obj<'StatefulSet'>['status'], write: () => T): T {
    this.pending = status
    try {
      return write()
    } finally {
      this.pending = undefined
    }
  }

  isOwn(ev: WatchEvent): boolean {
    if (this.pending === undefined || ev.type !== 'MODIFIED' || !ev.old) return false
    const cur = ev.object as Obj<'StatefulSet'>
    const old = ev.old as Obj<'StatefulSet'>
    const a: Partial<StatefulSetStatus> = old.status ?? {}
    const b: Partial<StatefulSetStatus> = cur.status ?? {}
    return (
      cur.spec === old.spec &&
      cur.metadata.generation === old.metadata.generation &&
      cur.metadata.deletionTimestamp === old.metadata.deletionTimestamp &&
      deepEqual({ ...cur.metadata, resourceVersion: '' }, { ...old.metadata, resourceVersion: '' }) &&
      deepEqual(b, this.pending) &&
      a.observedGeneration === b.observedGeneration &&
      a.currentRevision === b.currentRevision &&
      a.updateRevision === b.updateRevision &&
      a.collisionCount === b.collisionCount &&
      deepEqual(a.conditions, b.conditions)
    )
  }
}

function sync(set: Set, ctx: ControllerContext, deps: ControllerDeps, quiet: QuietStatusWrites, table: PodTable): void {
  const rvAtStart = ctx.api.resourceVersionCounter()
  // The pod table's group when it can vouch for it; otherwise the store, with adoption and release.
  const group = table.groupFor(set, ctx.api)
  const claimed = group ? undefined : claimPods(set, ctx)
  const revisions = sortRevisions(claimRevisions(set, ctx)) as Revision[]
  const { current, update, collisionCount } = settleRevisions(set, revisions, ctx)
  const claims = new ClaimLookup(ctx.api, set.metadata.namespace!)

  const context = {
    set,
    currentSet: applyRevision(set, current),
    updateSet: applyRevision(set, update),
    currentRevision: current.metadata.name!,
    updateRevision: update.metadata.name!,
    collisionCount,
    claims,
    now: ctx.now(),
    maxUnavailableGate: deps.config.featureGates.MaxUnavailableStatefulSet,
  }
  // From the pods that need looking at when the group allows it; from every pod otherwise.
  let plan = group && planFromGroup(context, group)
  const rows: readonly PodRow[] = plan ? [] : (group?.list() ?? claimed!.map((p) => new PlainRow(p)))
  plan ??= planSync({ ...context, pods: rows.map((r) => r.pod), rows })
  if (group && deps.strict) checkTableSync(set, ctx, context, plan, group.list().map((r) => r.pod))
  // The revisions the pods carry as this sync found them (the steps below change the table).
  const podRevisions = group ? [...group.revisions.keys()] : rows.map((r) => r.facts.revision)

  const control = new StatefulPodControl(ctx)
  let failure: unknown
  const monotonic = set.spec?.podManagementPolicy !== 'Parallel'
  for (const step of plan.steps) {
    try {
      control.run(step, set, context.updateSet)
    } catch (e) {
      if (!isApiError(e)) throw e
      failure ??= e
      if (monotonic) break
    }
  }

  // The status is written even when a step failed (performUpdate).
  const status = completeRollingUpdate(set, plan.status)
  const wroteBefore = ctx.api.resourceVersionCounter() !== rvAtStart
  const rvBeforeStatus = ctx.api.resourceVersionCounter()
  if (wroteBefore || failure) writeStatus(set, status, ctx)
  else quiet.during(status, () => writeStatus(set, status, ctx))
  const statusWritten = ctx.api.resourceVersionCounter() !== rvBeforeStatus
  const rvBeforeHistory = ctx.api.resourceVersionCounter()
  truncateHistory(set, podRevisions, revisions, current, update, ctx)
  // The history trim wrote after a quiet status write: queue the set as the status write would have.
  if (!wroteBefore && !failure && statusWritten && ctx.api.resourceVersionCounter() !== rvBeforeHistory) ctx.enqueue(keyOf(set.metadata.namespace, set.metadata.name!))
  // (With minReadySeconds the plan is always the full one, so `rows` holds every pod.)
  requeueForAvailability(set, rows, ctx)
  if (failure) throw failure
}

/** getStatefulSetRevisions: find or make the update revision; a known template is a rollback. */
function settleRevisions(set: Set, sorted: Revision[], ctx: ControllerContext): { current: Revision; update: Revision; collisionCount: number } {
  let collisionCount = set.status?.collisionCount ?? 0
  const candidate = newRevision(set, nextRevision(sorted), collisionCount)
  const equal = sorted.filter((r) => equalRevision(r, candidate))
  let update: Revision
  if (equal.length > 0 && sorted[sorted.length - 1] === equal[equal.length - 1]) {
    update = sorted[sorted.length - 1]
  } else if (equal.length > 0) {
    // Rolling back to a template we had before re-numbers that revision instead of creating one.
    const old = equal[equal.length - 1]
    update = ctx.api.update({ ...old, revision: candidate.revision }, { actor: COMPONENT }) as Revision
  } else {
    update = createRevision(set, candidate, ctx, (n) => (collisionCount = n), collisionCount)
  }
  const current = sorted.find((r) => r.metadata.name === set.status?.currentRevision) ?? update
  return { current, update, collisionCount }
}

/** CreateControllerRevision: on a name clash with different data, bump collisionCount and retry. */
function createRevision(set: Set, candidate: Revision | ReturnType<typeof newRevision>, ctx: ControllerContext, setCount: (n: number) => void, count: number): Revision {
  for (let n = count; ; n++) {
    const rev = newRevision(set, candidate.revision, n)
    const existing = ctx.api.get('ControllerRevision', set.metadata.namespace!, rev.metadata!.name!)
    if (existing) {
      if (equalRevision(existing as unknown as Revision, rev)) return existing as Revision
      setCount(n + 1)
      continue
    }
    return ctx.api.create(rev as unknown as KubeObject, { actor: COMPONENT }) as unknown as Revision
  }
}

function writeStatus(set: Set, status: StatefulSetStatus, ctx: ControllerContext): void {
  const old: StatefulSetStatus = set.status ?? { replicas: 0 }
  const changed =
    (status.observedGeneration ?? 0) > (old.observedGeneration ?? 0) ||
    status.replicas !== (old.replicas ?? 0) ||
    (status.currentReplicas ?? 0) !== (old.currentReplicas ?? 0) ||
    (status.readyReplicas ?? 0) !== (old.readyReplicas ?? 0) ||
    (status.updatedReplicas ?? 0) !== (old.updatedReplicas ?? 0) ||
    status.currentRevision !== old.currentRevision ||
    (status.availableReplicas ?? 0) !== (old.availableReplicas ?? 0) ||
    status.updateRevision !== old.updateRevision
  if (!changed) return
  const fresh = ctx.api.get('StatefulSet', set.metadata.namespace!, set.metadata.name!)
  if (!fresh || fresh.metadata.uid !== set.metadata.uid) return
  ctx.api.updateStatus({ ...fresh, status: { ...status } } as Obj<'StatefulSet'>, { actor: COMPONENT })
}

function truncateHistory(set: Set, podRevisions: Iterable<string>, sorted: Revision[], current: Revision, update: Revision, ctx: ControllerContext): void {
  const live = new Set<string>([current.metadata.name!, update.metadata.name!])
  for (const r of podRevisions) live.add(r)
  const limit = set.spec?.revisionHistoryLimit ?? 10
  for (const name of planTruncateHistory(sorted, live, limit)) {
    if (ctx.api.get('ControllerRevision', set.metadata.namespace!, name)) {
      ctx.api.delete('ControllerRevision', set.metadata.namespace!, name, { actor: COMPONENT })
    }
  }
}

/** With minReadySeconds, sync again when the next ready pod becomes available (enqueueSSAfter). */
function requeueForAvailability(set: Set, rows: readonly PodRow[], ctx: ControllerContext): void {
  const minReady = set.spec?.minReadySeconds ?? 0
  if (minReady <= 0) return
  let next = Infinity
  for (const { pod } of rows) {
    if (!isPodReady(pod)) continue
    const since = parseRfc3339(pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime)
    if (since === undefined) continue
    const at = since + minReady * 1000
    if (at > ctx.now()) next = Math.min(next, at)
  }
  if (next !== Infinity) ctx.requeueAfter(keyOf(set.metadata.namespace, set.metadata.name!), next - ctx.now())
}
