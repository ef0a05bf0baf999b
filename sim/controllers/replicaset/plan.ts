// What one ReplicaSet sync does about its pod count (pkg/controller/replicaset/replica_set.go,
// manageReplicas): create the missing pods in slow-start batches, or delete the surplus, at most
// `burstReplicas` (500) either way, choosing victims by the upstream deletion ranking.

import type { Pod } from '../../api/types'
import { rankByColocation, sortForDeletion } from './rank'

/** The controller manager's --replicaset-burst default (BurstReplicas). */
export const BURST_REPLICAS = 500
/** controller.SlowStartInitialBatchSize. */
export const SLOW_START_INITIAL_BATCH = 1

export interface ReplicaSetSyncPlan {
  /** Pods to create, grouped in slow-start batches: [1, 2, 4, ...]. Empty when none. */
  createBatches: number[]
  /** Pods to delete, in the order chosen. */
  deletes: Pod[]
}

/**
 * Plans one manageReplicas pass.
 * @param desired spec.replicas
 * @param pods    the ReplicaSet's active pods (claimed, not terminating, not finished)
 * @param related active and inactive pods of every ReplicaSet sharing this one's controller
 */
export function planReplicaSetSync(
  desired: number,
  pods: readonly Pod[],
  related: readonly Pod[],
  now: number,
  burst = BURST_REPLICAS,
): ReplicaSetSyncPlan {
  const diff = pods.length - desired
  if (diff < 0) return { createBatches: slowStartBatches(Math.min(-diff, burst)), deletes: [] }
  if (diff > 0) return { createBatches: [], deletes: podsToDelete(pods, related, Math.min(diff, burst), now) }
  return { createBatches: [], deletes: [] }
}

/**
 * slowStartBatch: batches start at SlowStartInitialBatchSize and double while they succeed, so a
 * template that cannot be created (quota, invalid spec) costs one failed request, not hundreds.
 */
export function slowStartBatches(count: number, initial = SLOW_START_INITIAL_BATCH): number[] {
  const out: number[] = []
  let remaining = count
  for (let size = Math.min(remaining, initial); size > 0; size = Math.min(2 * size, remaining)) {
    out.push(size)
    remaining -= size
  }
  return out
}

/** getPodsToDelete: no need to rank when every pod goes. */
export function podsToDelete(pods: readonly Pod[], related: readonly Pod[], n: number, now: number): Pod[] {
  if (n >= pods.length) return pods.slice(0, n)
  return sortForDeletion(rankByColocation(pods, related), now).slice(0, n)
}
