// One RollingUpdate step (pkg/controller/deployment/rolling.go rolloutRolling): grow the new
// ReplicaSet into the room maxSurge leaves, else shrink old ReplicaSets as far as maxUnavailable
// allows (unhealthy replicas first), else, once complete, clean up history. Pure: it returns the
// scale actions in the order upstream performs them, simulating each on local sizes.

import type { Deployment, ReplicaSet } from '../../api/types'
import { newRSNewReplicas } from './new-rs'
import { deploymentComplete } from './status'
import { availableTotal, byCreation, filterActive, maxUnavailable, rsReplicas, specReplicas } from './util'

export interface ScaleAction {
  name: string
  from: number
  to: number
  /** "up"/"down" as the proportional scaler names it; otherwise taken from the direction. */
  operation?: string
}

export interface RolloutStep {
  actions: ScaleAction[]
  /** Old ReplicaSets may be cleaned up (the rollout is complete and nothing was scaled). */
  cleanup: boolean
}

export function planRollingUpdate(d: Deployment, newRS: ReplicaSet, oldRSs: readonly ReplicaSet[]): RolloutStep {
  const allRSs = [...oldRSs, newRS]
  const up = reconcileNewReplicaSet(d, allRSs, newRS)
  if (up) return { actions: [up], cleanup: false }
  const down = reconcileOldReplicaSets(d, allRSs, filterActive(oldRSs), newRS)
  if (down.length) return { actions: down, cleanup: false }
  return { actions: [], cleanup: deploymentComplete(d, d.status) }
}

/** reconcileNewReplicaSet: the new ReplicaSet's next size, when it changes. */
export function reconcileNewReplicaSet(d: Deployment, allRSs: readonly ReplicaSet[], newRS: ReplicaSet): ScaleAction | undefined {
  const replicas = specReplicas(d)
  const cur = rsReplicas(newRS)
  if (cur === replicas) return undefined
  const to = cur > replicas ? replicas : newRSNewReplicas(d, allRSs, newRS)
  return to === cur ? undefined : { name: newRS.metadata!.name!, from: cur, to }
}

interface Sized {
  rs: ReplicaSet
  size: number
}

/**
 * reconcileOldReplicaSets: how far old ReplicaSets may shrink is
 *   maxScaledDown = allPods - minAvailable - newRSUnavailable
 * so unavailable pods of the new ReplicaSet never let old, available ones go.
 */
export function reconcileOldReplicaSets(d: Deployment, allRSs: readonly ReplicaSet[], activeOld: readonly ReplicaSet[], newRS: ReplicaSet): ScaleAction[] {
  const old: Sized[] = activeOld.map((rs) => ({ rs, size: rsReplicas(rs) }))
  if (old.reduce((n, o) => n + o.size, 0) === 0) return []
  const allPods = allRSs.reduce((n, rs) => n + rsReplicas(rs), 0)
  const minAvailable = specReplicas(d) - maxUnavailable(d)
  const newUnavailable = rsReplicas(newRS) - (newRS.status?.availableReplicas ?? 0)
  const maxScaledDown = allPods - minAvailable - newUnavailable
  if (maxScaledDown <= 0) return []
  old.sort((a, b) => byCreation(a.rs, b.rs))
  const actions = cleanupUnhealthyReplicas(old, maxScaledDown)
  actions.push(...scaleDownOldReplicaSets(d, [...old.map((o) => o.rs), newRS], old))
  return actions
}

/** cleanupUnhealthyReplicas: first drop replicas of old ReplicaSets that are not available anyway. */
function cleanupUnhealthyReplicas(old: Sized[], maxCleanup: number): ScaleAction[] {
  const actions: ScaleAction[] = []
  let total = 0
  for (const o of old) {
    if (total >= maxCleanup) break
    const available = o.rs.status?.availableReplicas ?? 0
    if (o.size === 0 || o.size === available) continue
    const n = Math.min(maxCleanup - total, o.size - available)
    actions.push({ name: o.rs.metadata!.name!, from: o.size, to: o.size - n })
    o.size -= n
    total += n
  }
  return actions
}

/** scaleDownOldReplicaSetsForRollingUpdate: oldest first, while availability stays above the floor. */
function scaleDownOldReplicaSets(d: Deployment, allRSs: readonly ReplicaSet[], old: Sized[]): ScaleAction[] {
  const minAvailable = specReplicas(d) - maxUnavailable(d)
  const available = availableTotal(allRSs)
  if (available <= minAvailable) return []
  const actions: ScaleAction[] = []
  const total = available - minAvailable
  let done = 0
  for (const o of old) {
    if (done >= total) break
    if (o.size === 0) continue
    const n = Math.min(o.size, total - done)
    actions.push({ name: o.rs.metadata!.name!, from: o.size, to: o.size - n })
    o.size -= n
    done += n
  }
  return actions
}
