// The StatefulSet sync as a pure function: given the set, its revisions and the pods and claims as
// observed, which pod operations happen in this sync, in which order, and the status to write
// (upstream stateful_set_control.go updateStatefulSet / processReplica / processCondemned, v1.33:
// the MaxUnavailableStatefulSet gate is alpha and off unless configured).
//
// OrderedReady ("monotonic"): the steps stop at the first pod that blocks, so at most one pod is
// created or deleted per sync and ordinal N+1 never starts before 0..N are Running, Ready and
// available. Parallel ("burst"): every pod is handled in the same sync.

import { isPodAvailable } from '../../api/pod-util'
import type { PersistentVolumeClaim, Pod, StatefulSetStatus } from '../../api/types'
import { claimNamesFor, newVersionedPod, ordinalOf, replicasOf, startOrdinal, type Set } from './identity'
import { PlainRow, type PodRow } from './pod-facts'
import { hasStaleOwnerRef, podOwner, retentionPolicy } from './retention'

export interface SyncInput {
  set: Set
  currentSet: Set
  updateSet: Set
  currentRevision: string
  updateRevision: string
  collisionCount: number
  /** Pods the set owns (after adoption and release). */
  pods: readonly Pod[]
  /** The same pods as rows with cached answers (the controller's pod table); made from `pods` when absent. */
  rows?: readonly PodRow[]
  /** Claims in the set's namespace, by name (a Map, or a lookup into the API server). */
  claims: { get(name: string): PersistentVolumeClaim | undefined }
  now: number
  maxUnavailableGate: boolean
}

/** What a plan reads besides the pods. */
export type PlanContext = Omit<SyncInput, 'pods' | 'rows'>

export type Step =
  | { type: 'create'; pod: Pod }
  | { type: 'createMissingClaims'; pod: Pod; row: PodRow }
  | { type: 'delete'; pod: Pod; why: 'failed' | 'scale-down' | 'update' }
  | { type: 'repair'; pod: Pod }
  | { type: 'fixClaims'; pod: Pod }

export interface SyncPlan {
  steps: Step[]
  status: StatefulSetStatus
  /** Why the sync stopped early, for diagnostics and tests (upstream's V(4) log lines). */
  blockedOn?: string
}

// Predicates (stateful_set_utils.go), read from the pod's row.
const isRunningAndAvailable = (r: PodRow, minReady: number, now: number) => (minReady <= 0 ? r.facts.ready : isPodAvailable(r.pod, minReady, now))
const healthy = (r: PodRow) => r.facts.runningAndReady && !r.facts.terminating

/** computeReplicaStatus over pod rows (gaps skipped; local not-yet-created pods have no phase and count for nothing). */
export function countStatus(status: StatefulSetStatus, minReady: number, now: number, ...lists: (readonly (PodRow | undefined)[])[]): StatefulSetStatus {
  let replicas = 0
  let ready = 0
  let available = 0
  let current = 0
  let updated = 0
  for (const list of lists) {
    for (const row of list) {
      if (row === undefined) continue
      const f = row.facts
      if (f.created) replicas++
      if (f.runningAndReady) {
        ready++
        if (isRunningAndAvailable(row, minReady, now)) available++
      }
      if (f.created && !f.terminating) {
        if (f.revision === status.currentRevision) current++
        if (f.revision === status.updateRevision) updated++
      }
    }
  }
  return { ...status, replicas, readyReplicas: ready, availableReplicas: available, currentReplicas: current, updatedReplicas: updated }
}

/** completeRollingUpdate: the current revision rolls over only when every replica is updated and ready. */
export function completeRollingUpdate(set: Set, status: StatefulSetStatus): StatefulSetStatus {
  const n = replicasOf(set)
  if (set.spec?.updateStrategy?.type === 'RollingUpdate' && status.updatedReplicas === n && status.readyReplicas === n && status.replicas === n) {
    return { ...status, currentReplicas: status.updatedReplicas, currentRevision: status.updateRevision }
  }
  return status
}

/** PodClaimIsStale: with whenScaled=Delete, a claim still owned by an earlier pod blocks creation. */
function claimIsStale(input: PlanContext, pod: Pod): boolean {
  if (retentionPolicy(input.set).whenScaled === 'Retain') return false
  return claimNamesFor(input.set, ordinalOf(pod)).some((name) => {
    const live = input.claims.get(name)
    return live !== undefined && hasStaleOwnerRef(live, podOwner(pod))
  })
}

export function planSync(input: SyncInput): SyncPlan {
  const { set, now } = input
  const minReady = set.spec?.minReadySeconds ?? 0
  const steps: Step[] = []
  const base: StatefulSetStatus = {
    observedGeneration: set.metadata.generation,
    currentRevision: input.currentRevision,
    updateRevision: input.updateRevision,
    collisionCount: input.collisionCount,
    replicas: 0,
  }
  const rows = input.rows ?? input.pods.map((p) => new PlainRow(p))

  // Partition: in-range pods by ordinal, the rest (valid ordinals only) are condemned. Missing
  // ordinals get their local "not yet created" pod only when a step needs it: building one per
  // missing ordinal on every sync would make a large scale-up quadratic.
  const start = startOrdinal(set)
  const count = replicasOf(set)
  const observed: (PodRow | undefined)[] = new Array(count)
  const condemned: PodRow[] = []
  for (const row of rows) {
    const o = row.facts.ordinal
    if (o >= start && o < start + count) observed[o - start] = row
    else if (o >= 0) condemned.push(row)
  }
  const replica = (i: number): PodRow =>
    (observed[i] ??= new PlainRow(newVersionedPod(input.currentSet, input.updateSet, input.currentRevision, input.updateRevision, start + i)))
  condemned.sort((a, b) => b.facts.ordinal - a.facts.ordinal)
  // The counts over the in-range pods and the condemned ones. Pods the plan makes locally have no
  // phase and count for nothing, so one count serves every way out of the plan.
  let counted: StatefulSetStatus | undefined
  const counts = () => (counted ??= countStatus(base, minReady, now, observed, condemned))

  // The first unhealthy pod: a missing replica counts (and is never one of the condemned pods).
  let firstUnhealthy: PodRow | 'missing' | undefined
  for (let i = 0; i < count && !firstUnhealthy; i++) {
    const r = observed[i]
    if (!r) firstUnhealthy = 'missing'
    else if (!healthy(r)) firstUnhealthy = r
  }
  if (!firstUnhealthy) for (let i = condemned.length - 1; i >= 0 && !firstUnhealthy; i--) if (!healthy(condemned[i])) firstUnhealthy = condemned[i]
  const unhealthyName = () => (firstUnhealthy === 'missing' ? 'a missing replica' : (firstUnhealthy?.pod.metadata?.name ?? ''))

  const finish = (blockedOn?: string): SyncPlan => ({ steps, status: counts(), blockedOn })

  // A set being deleted only gets its status updated.
  if (set.metadata.deletionTimestamp) return { steps, status: countStatus(base, minReady, now, rows) }

  const monotonic = set.spec?.podManagementPolicy !== 'Parallel'

  // processReplica for every in-range ordinal.
  for (let i = 0; i < count; i++) {
    const stop = processReplica(input, replica(i), steps, monotonic, minReady)
    if (stop !== undefined) return finish(stop)
  }

  // Condemned pods' claims get their retention-policy refs before the pods go.
  for (const row of condemned) if (!row.claimsUpToDate(input.updateSet, input.claims)) steps.push({ type: 'fixClaims', pod: row.pod })

  // processCondemned, highest ordinal first. Scaling takes precedence over updates.
  for (const row of condemned) {
    const pod = row.pod
    if (row.facts.terminating) {
      if (monotonic) return finish(`waiting for Pod ${name(pod)} to Terminate prior to scale down`)
      continue
    }
    if (monotonic && row !== firstUnhealthy) {
      if (!row.facts.runningAndReady) return finish(`waiting for Pod ${unhealthyName()} to be Running and Ready prior to scale down`)
      if (!isRunningAndAvailable(row, minReady, now)) return finish(`waiting for Pod ${unhealthyName()} to be Available prior to scale down`)
    }
    steps.push({ type: 'delete', pod, why: 'scale-down' })
    if (monotonic) return finish(`terminating Pod ${name(pod)} for scale down`)
  }

  const status = counts()
  const strategy = set.spec?.updateStrategy
  if (strategy?.type === 'OnDelete') return { steps, status }

  const updateMin = strategy?.rollingUpdate?.partition ?? 0
  // Every in-range ordinal has its row by now (the loop above went through them all).
  const replicas = observed as PodRow[]
  if (input.maxUnavailableGate) return rollWithMaxUnavailable(input, replicas, updateMin, steps, status)

  // Legacy rolling update: delete the highest-ordinal pod not at the update revision, one per sync,
  // and wait for each updated pod to be healthy before touching the next lower ordinal.
  for (let target = replicas.length - 1; target >= updateMin; target--) {
    const row = replicas[target]
    if (row.facts.revision !== input.updateRevision && !row.facts.terminating) {
      steps.push({ type: 'delete', pod: row.pod, why: 'update' })
      return { steps, status: { ...status, currentReplicas: (status.currentReplicas ?? 0) - 1 }, blockedOn: `terminating Pod ${name(row.pod)} for update` }
    }
    if (!healthy(row)) return { steps, status, blockedOn: `waiting for Pod ${name(row.pod)} to update` }
  }
  return { steps, status }
}

const name = (p: Pod) => p.metadata?.name ?? ''

/**
 * processReplica for one in-range pod: pushes its steps, and says why an OrderedReady sync stops at
 * it (undefined: go on to the next ordinal).
 */
export function processReplica(input: PlanContext, row: PodRow, steps: Step[], monotonic: boolean, minReady: number): string | undefined {
  const pod = row.pod
  const f = row.facts
  if (f.failed || f.succeeded) {
    // Deleted now, created again on a later sync once it is gone (≥1.31: no Recreating* events).
    if (!f.terminating) steps.push({ type: 'delete', pod, why: 'failed' })
    return monotonic ? `Pod ${name(pod)} is ${pod.status?.phase}` : undefined
  }
  if (!f.created) {
    if (claimIsStale(input, pod)) return monotonic ? `Pod ${name(pod)} has a stale PVC` : undefined
    steps.push({ type: 'create', pod })
    return monotonic ? `created Pod ${name(pod)}` : undefined
  }
  if (f.pending) steps.push({ type: 'createMissingClaims', pod, row })
  if (f.terminating && monotonic) return `waiting for Pod ${name(pod)} to Terminate`
  if (!f.runningAndReady && monotonic) return `waiting for Pod ${name(pod)} to be Running and Ready`
  if (monotonic && !isRunningAndAvailable(row, minReady, input.now)) return `waiting for Pod ${name(pod)} to be Available`
  if (!row.settled(input.set, input.updateSet, input.claims)) steps.push({ type: 'repair', pod })
  return undefined
}

/** updateStatefulSetAfterInvariantEstablished: delete up to maxUnavailable - unavailable old pods. */
function rollWithMaxUnavailable(input: SyncInput, replicas: PodRow[], updateMin: number, steps: Step[], status: StatefulSetStatus): SyncPlan {
  const maxUnavailable = scaledMaxUnavailable(input.set.spec?.updateStrategy?.rollingUpdate?.maxUnavailable, replicas.length)
  const unavailable = replicas.filter((r) => !healthy(r)).length
  if (unavailable >= maxUnavailable) return { steps, status, blockedOn: `${unavailable} unavailable Pods, maxUnavailable ${maxUnavailable}` }
  let budget = maxUnavailable - unavailable
  let current = status.currentReplicas ?? 0
  for (let target = replicas.length - 1; target >= updateMin && budget > 0; target--) {
    const row = replicas[target]
    if (row.facts.revision !== input.updateRevision && !row.facts.terminating) {
      steps.push({ type: 'delete', pod: row.pod, why: 'update' })
      budget--
      current--
    }
  }
  return { steps, status: { ...status, currentReplicas: current } }
}

/** getStatefulSetMaxUnavailable: an int, or a percentage rounded down, at least 1. */
export function scaledMaxUnavailable(value: number | string | undefined, replicas: number): number {
  let n = 1
  if (typeof value === 'number') n = value
  else if (typeof value === 'string' && /^\d+%$/.test(value)) n = Math.floor((Number(value.slice(0, -1)) * replicas) / 100)
  return Math.max(1, n)
}
