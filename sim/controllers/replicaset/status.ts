// ReplicaSet status (pkg/controller/replicaset/replica_set_utils.go: calculateStatus,
// updateReplicaSetStatus). Zero counts are left out as the apps/v1 JSON tags do (omitempty), except
// `replicas`, which is always written.

import { deepEqual } from '../../core/json'
import { parseRfc3339, rfc3339 } from '../../core/time'
import { isPodAvailable, isPodReady, podCondition } from '../../api/pod-util'
import type { Pod, ReplicaSet } from '../../api/types'

type RSStatus = NonNullable<ReplicaSet['status']>
type RSCondition = NonNullable<RSStatus['conditions']>[number]

/** What a failed manageReplicas left behind, for the ReplicaFailure condition. */
export interface ManageFailure {
  /** FailedCreate when pods were missing, FailedDelete when there were too many. */
  reason: 'FailedCreate' | 'FailedDelete'
  message: string
}

/**
 * calculateStatus: counts over the ReplicaSet's active pods; ReplicaFailure is added when a sync
 * failed (and kept, with its first message, while failures go on) and removed after a clean sync.
 */
export function calculateReplicaSetStatus(rs: ReplicaSet, pods: readonly Pod[], failure: ManageFailure | undefined, now: number): RSStatus {
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {}
  const minReady = rs.spec?.minReadySeconds ?? 0
  let fullyLabeled = 0
  let ready = 0
  let available = 0
  for (const pod of pods) {
    const labels = pod.metadata?.labels ?? {}
    if (Object.entries(templateLabels).every(([k, v]) => labels[k] === v)) fullyLabeled++
    if (isPodReady(pod)) {
      ready++
      if (isPodAvailable(pod, minReady, now)) available++
    }
  }
  let conditions: RSCondition[] = [...(rs.status?.conditions ?? [])]
  const hasFailure = conditions.some((c) => c.type === 'ReplicaFailure')
  if (failure && !hasFailure) {
    conditions.push({ type: 'ReplicaFailure', status: 'True', lastTransitionTime: rfc3339(now), reason: failure.reason, message: failure.message })
  } else if (!failure && hasFailure) {
    conditions = conditions.filter((c) => c.type !== 'ReplicaFailure')
  }
  const status: RSStatus = { replicas: pods.length }
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled
  if (ready) status.readyReplicas = ready
  if (available) status.availableReplicas = available
  if (rs.status?.observedGeneration) status.observedGeneration = rs.status.observedGeneration
  if (conditions.length) status.conditions = conditions
  return status
}

/** updateReplicaSetStatus: nothing to write when the counts, generation and conditions all match. */
export function replicaSetStatusUpToDate(rs: ReplicaSet, next: RSStatus): boolean {
  const cur: RSStatus = rs.status ?? { replicas: 0 }
  return (
    (cur.replicas ?? 0) === (next.replicas ?? 0) &&
    (cur.fullyLabeledReplicas ?? 0) === (next.fullyLabeledReplicas ?? 0) &&
    (cur.readyReplicas ?? 0) === (next.readyReplicas ?? 0) &&
    (cur.availableReplicas ?? 0) === (next.availableReplicas ?? 0) &&
    (rs.metadata?.generation ?? 0) === (cur.observedGeneration ?? 0) &&
    deepEqual(cur.conditions ?? [], next.conditions ?? [])
  )
}

/** The status to write: the new counts with observedGeneration set to the generation acted on. */
export function withObservedGeneration(rs: ReplicaSet, next: RSStatus): RSStatus {
  const gen = rs.metadata?.generation ?? 0
  const out: RSStatus = { ...next }
  if (gen) out.observedGeneration = gen
  else delete out.observedGeneration
  return out
}

/**
 * When a Ready pod that is not yet available will become available (minReadySeconds after it turned
 * Ready), plus the second upstream adds against clock skew (updatePod's enqueueRSAfter). Undefined
 * when nothing is waiting. Derived from pod conditions, so a restored session finds it again.
 */
export function nextAvailabilityCheck(rs: ReplicaSet, pods: readonly Pod[], now: number): number | undefined {
  const minReady = rs.spec?.minReadySeconds ?? 0
  if (minReady <= 0) return undefined
  let next: number | undefined
  for (const pod of pods) {
    if (!isPodReady(pod) || isPodAvailable(pod, minReady, now)) continue
    const since = parseRfc3339(podCondition(pod, 'Ready')?.lastTransitionTime)
    if (since === undefined) continue
    const at = since + minReady * 1000 + 1000
    if (next === undefined || at < next) next = at
  }
  return next
}
