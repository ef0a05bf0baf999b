// Which pods a ReplicaSet deletes first when it has too many: upstream's ActivePodsWithRanks
// ordering (k8s.io/kubernetes/pkg/controller/controller_utils.go, ActivePodsWithRanks.Less) with the
// v1.33 feature gates: PodDeletionCost (beta, on) and LogarithmicScaleDown (GA, on).

import { parseRfc3339 } from '../../core/time'
import { isPodActive, isPodReady, podCondition } from '../../api/pod-util'
import type { Pod } from '../../api/types'

/** The annotation a user sets to steer scale-down (controller.kubernetes.io/pod-deletion-cost). */
export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost'

// podPhaseToOrdinal: Pending < Unknown < Running; any other phase ranks with Pending (zero value).
const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 }

export interface RankedPod {
  pod: Pod
  /** How many active pods of the same owner share this pod's node ("doubled up"). */
  rank: number
}

/**
 * getPodsRankedByRelatedPodsOnSameNode: each pod's rank is the number of active related pods
 * (pods of every ReplicaSet with the same controller) on the same node. A ReplicaSet without a
 * controller has no related pods, so every rank is 0 (upstream getReplicaSetsWithSameController).
 */
export function rankByColocation(pods: readonly Pod[], related: readonly Pod[]): RankedPod[] {
  const onNode = new Map<string, number>()
  for (const p of related) {
    if (!isPodActive(p)) continue
    const n = p.spec?.nodeName ?? ''
    onNode.set(n, (onNode.get(n) ?? 0) + 1)
  }
  return pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }))
}

/** True when `a` should be deleted before `b` (ActivePodsWithRanks.Less). */
export function deleteBefore(a: RankedPod, b: RankedPod, now: number): boolean {
  const an = a.pod.spec?.nodeName ?? ''
  const bn = b.pod.spec?.nodeName ?? ''
  // 1. Unassigned < assigned.
  if (an !== bn && (an === '' || bn === '')) return an === ''
  // 2. Pending < Unknown < Running.
  const ap = PHASE_ORDINAL[a.pod.status?.phase ?? ''] ?? 0
  const bp = PHASE_ORDINAL[b.pod.status?.phase ?? ''] ?? 0
  if (ap !== bp) return ap < bp
  // 3. Not ready < ready.
  const ar = isPodReady(a.pod)
  const br = isPodReady(b.pod)
  if (ar !== br) return !ar
  // 4. Lower pod-deletion-cost < higher.
  const ac = deletionCost(a.pod)
  const bc = deletionCost(b.pod)
  if (ac !== bc) return ac < bc
  // 5. Doubled up < not doubled up.
  if (a.rank !== b.rank) return a.rank > b.rank
  // 6. Ready for a shorter time < longer (on a logarithmic scale).
  if (ar && br) {
    const at = readyTime(a.pod)
    const bt = readyTime(b.pod)
    if (at !== bt) return newerOnLogScale(a.pod, b.pod, at, bt, now)
  }
  // 7. More container restarts < fewer.
  const ak = maxRestarts(a.pod)
  const bk = maxRestarts(b.pod)
  if (ak !== bk) return ak > bk
  // 8. Newer < older (on a logarithmic scale).
  const at = parseRfc3339(a.pod.metadata?.creationTimestamp) ?? 0
  const bt = parseRfc3339(b.pod.metadata?.creationTimestamp) ?? 0
  if (at !== bt) return newerOnLogScale(a.pod, b.pod, at, bt, now)
  return false
}

/** Pods in the order they should be deleted (a stable sort by deleteBefore). */
export function sortForDeletion(ranked: readonly RankedPod[], now: number): Pod[] {
  return [...ranked]
    .sort((a, b) => (deleteBefore(a, b, now) ? -1 : deleteBefore(b, a, now) ? 1 : 0))
    .map((r) => r.pod)
}

/** helper.GetDeletionCostFromPodAnnotations: an int32; anything unparsable counts as 0. */
function deletionCost(pod: Pod): number {
  const v = pod.metadata?.annotations?.[POD_DELETION_COST]
  if (v === undefined || !/^[+-]?\d+$/.test(v.trim())) return 0
  const n = Number(v.trim())
  return n >= -2147483648 && n <= 2147483647 ? n : 0
}

/** podReadyTime: the Ready condition's lastTransitionTime (0 when missing: "zero time"). */
function readyTime(pod: Pod): number {
  return parseRfc3339(podCondition(pod, 'Ready')?.lastTransitionTime) ?? 0
}

function maxRestarts(pod: Pod): number {
  let max = 0
  for (const c of pod.status?.containerStatuses ?? []) max = Math.max(max, c.restartCount ?? 0)
  return max
}

/**
 * afterOrZero plus logarithmicRankDiff: a zero time sorts first; otherwise times are compared by
 * floor(log2(age in ns)), so pods of similar age tie and are ordered by UID (pseudo-random).
 */
function newerOnLogScale(a: Pod, b: Pod, at: number, bt: number, now: number): boolean {
  if (at === 0 || bt === 0) return at === 0
  const diff = logRank(now - at) - logRank(now - bt)
  if (diff === 0) return (a.metadata?.uid ?? '') < (b.metadata?.uid ?? '')
  return diff < 0
}

function logRank(ageMs: number): number {
  return ageMs > 0 ? Math.floor(Math.log2(ageMs * 1e6)) : -1
}
