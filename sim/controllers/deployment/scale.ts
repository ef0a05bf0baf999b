// Scaling a Deployment, paused or mid-rollout (pkg/controller/deployment/sync.go scale,
// isScalingEvent; util/deployment_util.go FindActiveOrLatest, IsSaturated, GetProportion): with
// one active ReplicaSet it simply takes the new size; with several, the change is shared out in
// proportion to their sizes, so a scale event neither speeds up nor undoes a rollout.

import type { Deployment, ReplicaSet } from '../../api/types'
import type { ScaleAction } from './rolling'
import {
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  byCreation,
  bySizeNewer,
  bySizeOlder,
  filterActive,
  intAnnotation,
  isRollingUpdate,
  maxSurge,
  rsReplicas,
  specReplicas,
} from './util'

/** isScalingEvent: some active ReplicaSet was sized for a different spec.replicas. */
export function isScalingEvent(d: Deployment, allRSs: readonly (ReplicaSet | undefined)[]): boolean {
  for (const rs of filterActive(allRSs)) {
    const desired = intAnnotation(rs, DESIRED_REPLICAS)
    if (desired !== undefined && desired !== specReplicas(d)) return true
  }
  return false
}

/** FindActiveOrLatest: the only active ReplicaSet, the newest one if none is, else undefined. */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a))
  const active = filterActive([...newestFirst, newRS])
  if (active.length === 0) return newRS ?? newestFirst[0]
  return active.length === 1 ? active[0] : undefined
}

/** IsSaturated: the new ReplicaSet is at full size, sized for it, and fully available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false
  const desired = intAnnotation(rs, DESIRED_REPLICAS)
  const n = specReplicas(d)
  return desired !== undefined && rsReplicas(rs) === n && desired === n && (rs.status?.availableReplicas ?? 0) === n
}

/** scale: the actions one sync takes to bring the ReplicaSets to the Deployment's size. */
export function planScale(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ScaleAction[] {
  const replicas = specReplicas(d)
  const single = findActiveOrLatest(newRS, oldRSs)
  if (single) {
    return rsReplicas(single) === replicas ? [] : [{ name: single.metadata!.name!, from: rsReplicas(single), to: replicas }]
  }
  if (isSaturated(d, newRS)) {
    return filterActive(oldRSs).map((rs) => ({ name: rs.metadata!.name!, from: rsReplicas(rs), to: 0 }))
  }
  if (!isRollingUpdate(d)) return []
  const active = filterActive([...oldRSs, newRS])
  const current = active.reduce((n, rs) => n + rsReplicas(rs), 0)
  const allowed = replicas > 0 ? replicas + maxSurge(d) : 0
  const toAdd = allowed - current
  // Growing favours the new (larger, newer) ReplicaSets; shrinking takes from the old first.
  let operation = ''
  if (toAdd > 0) {
    active.sort(bySizeNewer)
    operation = 'up'
  } else if (toAdd < 0) {
    active.sort(bySizeOlder)
    operation = 'down'
  }
  let added = 0
  const sizes = active.map((rs) => {
    if (toAdd === 0) return rsReplicas(rs)
    const p = proportion(rs, d, toAdd, added)
    added += p
    return rsReplicas(rs) + p
  })
  // Whatever rounding left over goes to the first (largest) ReplicaSet.
  if (active.length && toAdd !== 0) sizes[0] = Math.max(0, sizes[0] + toAdd - added)
  // scaleReplicaSet runs for each one: annotations are refreshed even where the size stays.
  return active.map((rs, i) => ({ name: rs.metadata!.name!, from: rsReplicas(rs), to: sizes[i], operation }))
}

/** GetProportion: this ReplicaSet's share of the change, never past what is left to add. */
export function proportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (rsReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0
  const fraction = replicaSetFraction(rs, d)
  const allowed = toAdd - added
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed)
}

/**
 * getReplicaSetFraction: the size this ReplicaSet would have at the new deployment size, given the
 * size it was annotated for (max-replicas), minus its current size.
 */
function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  const replicas = specReplicas(d)
  if (replicas === 0) return -rsReplicas(rs)
  const deploymentReplicas = replicas + maxSurge(d)
  const annotated = intAnnotation(rs, MAX_REPLICAS) ?? d.status?.replicas ?? 0
  if (annotated === 0) return 0
  // integer.RoundToInt32 is math.Round: halves away from zero (sizes here are never negative).
  return Math.round((rsReplicas(rs) * deploymentReplicas) / annotated) - rsReplicas(rs)
}
