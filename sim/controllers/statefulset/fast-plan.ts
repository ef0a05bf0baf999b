// planSync for the common case, from the pod table's group instead of every pod: the set has its
// in-range pods from the first ordinal on (none to scale down; the missing ones, if any, all above
// them and the set at one revision), every one at the update revision, no minReadySeconds and no
// maxUnavailable gate. Then a sync's steps come only from the pods that are not quiet (pod-group.ts)
// and the missing ordinals, visited in ordinal order with the planner's own processReplica, and its
// counts are the group's. Anything else answers undefined and the full planner runs.
//
// The one difference from planSync: a Parallel set's pod that is still starting and whose claims are
// known to be in place gets no createMissingClaims step, which would have found nothing to do.

import type { StatefulSetStatus } from '../../api/types'
import { newVersionedPod, replicasOf, startOrdinal } from './identity'
import type { Group } from './pod-group'
import { PlainRow, type PodRow } from './pod-facts'
import { processReplica, type PlanContext, type Step, type SyncPlan } from './planner'

export function planFromGroup(input: PlanContext, group: Group): SyncPlan | undefined {
  const { set } = input
  const minReady = set.spec?.minReadySeconds ?? 0
  if (minReady > 0 || input.maxUnavailableGate) return undefined
  const start = startOrdinal(set)
  const count = replicasOf(set)
  const ords = group.ordinals
  // Sorted, one row per ordinal: exactly start..start+k-1, the first k of the set's ordinals. The
  // others are missing (a set coming up or scaled up), and only while there is one revision, so the
  // pods the plan makes for them are all at it.
  const k = ords.length
  if (k > count || (k > 0 && (ords[0] !== start || ords[k - 1] !== start + k - 1))) return undefined
  if (k < count && input.currentRevision !== input.updateRevision) return undefined
  const strategy = set.spec?.updateStrategy
  const rolling = strategy?.type !== 'OnDelete'
  if (rolling && (group.live.get(input.updateRevision) ?? 0) !== k) return undefined

  const status: StatefulSetStatus = {
    observedGeneration: set.metadata.generation,
    currentRevision: input.currentRevision,
    updateRevision: input.updateRevision,
    collisionCount: input.collisionCount,
    replicas: group.created,
    readyReplicas: group.ready,
    availableReplicas: group.ready,
    currentReplicas: group.live.get(input.currentRevision) ?? 0,
    updatedReplicas: group.live.get(input.updateRevision) ?? 0,
  }
  const steps: Step[] = []
  const monotonic = set.spec?.podManagementPolicy !== 'Parallel'
  // A copy: the answers worked out on the way take rows off the list.
  for (const ordinal of group.attention.slice()) {
    const stop = processReplica(input, group.rowAt(ordinal)!, steps, monotonic, minReady)
    if (stop !== undefined) return { steps, status, blockedOn: stop }
  }
  // The missing ordinals, after every pod there is, as the planner reaches them (OrderedReady stops
  // at the first: it is created, or waits for a stale claim).
  let highest: PodRow | undefined
  for (let ordinal = start + k; ordinal < start + count; ordinal++) {
    highest = new PlainRow(newVersionedPod(input.currentSet, input.updateSet, input.currentRevision, input.updateRevision, ordinal))
    const stop = processReplica(input, highest, steps, monotonic, minReady)
    if (stop !== undefined) return { steps, status, blockedOn: stop }
  }
  if (!rolling) return { steps, status }

  // Every pod is at the update revision: the rolling update only waits for the highest unhealthy pod
  // at or above the partition (a pod just made for a missing ordinal is the highest, and unhealthy).
  const updateMin = strategy?.rollingUpdate?.partition ?? 0
  const top = highest ? start + count - 1 : group.unhealthy[group.unhealthy.length - 1]
  if (top !== undefined && top >= start + updateMin) {
    const name = highest ? highest.pod.metadata?.name : group.rowAt(top)!.pod.metadata.name
    return { steps, status, blockedOn: `waiting for Pod ${name} to update` }
  }
  return { steps, status }
}
