// planSync for the common case, from the pod table's group instead of every pod: the set has exactly
// its in-range pods (none missing, none to scale down), every one at the update revision, no
// minReadySeconds and no maxUnavailable gate. Then a sync's steps come only from the pods that are
// not quiet (pod-group.ts), visited in ordinal order with the planner's own processReplica, and its
// counts are the group's. Anything else answers undefined and the full planner runs.
//
// The one difference from planSync: a Parallel set's pod that is still starting and whose claims are
// known to be in place gets no createMissingClaims step, which would have found nothing to do.

import type { StatefulSetStatus } from '../../api/types'
import { replicasOf, startOrdinal } from './identity'
import type { Group } from './pod-group'
import { processReplica, type PlanContext, type Step, type SyncPlan } from './planner'

export function planFromGroup(input: PlanContext, group: Group): SyncPlan | undefined {
  const { set } = input
  const minReady = set.spec?.minReadySeconds ?? 0
  if (minReady > 0 || input.maxUnavailableGate) return undefined
  const start = startOrdinal(set)
  const count = replicasOf(set)
  const ords = group.ordinals
  // Sorted and one row per ordinal: exactly start..start+count-1.
  if (ords.length !== count || (count > 0 && (ords[0] !== start || ords[count - 1] !== start + count - 1))) return undefined
  const strategy = set.spec?.updateStrategy
  const rolling = strategy?.type !== 'OnDelete'
  if (rolling && (group.live.get(input.updateRevision) ?? 0) !== count) return undefined

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
  if (!rolling) return { steps, status }

  // Every pod is at the update revision: the rolling update only waits for the highest unhealthy pod
  // at or above the partition.
  const updateMin = strategy?.rollingUpdate?.partition ?? 0
  const top = group.unhealthy[group.unhealthy.length - 1]
  if (top !== undefined && top >= start + updateMin) {
    return { steps, status, blockedOn: `waiting for Pod ${group.rowAt(top)!.pod.metadata.name} to update` }
  }
  return { steps, status }
}
