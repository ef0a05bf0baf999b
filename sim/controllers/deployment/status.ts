// Deployment status and conditions (pkg/controller/deployment/sync.go calculateStatus,
// progress.go syncRolloutStatus / requeueStuckDeployment, util/deployment_util.go conditions).
// Counts come from the ReplicaSets' status; zero counts are omitted as the apps/v1 JSON tags do.

import { parseRfc3339, rfc3339 } from '../../core/time'
import type { Deployment, ReplicaSet } from '../../api/types'
import {
  actualTotal,
  availableTotal,
  maxUnavailable,
  progressDeadlineSeconds,
  readyTotal,
  specReplicas,
  specTotal,
} from './util'

export type DStatus = NonNullable<Deployment['status']>
export type DCondition = NonNullable<DStatus['conditions']>[number]

export const REASON = {
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  FailedRSCreate: 'ReplicaSetCreateError',
  NewReplicaSet: 'NewReplicaSetCreated',
  FoundNewRS: 'FoundNewReplicaSet',
  NewRSAvailable: 'NewReplicaSetAvailable',
  TimedOut: 'ProgressDeadlineExceeded',
  Paused: 'DeploymentPaused',
  Resumed: 'DeploymentResumed',
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const

/** NewDeploymentCondition: both times are now. */
export function newCondition(type: string, status: 'True' | 'False' | 'Unknown', reason: string, message: string, now: number): DCondition {
  const t = rfc3339(now)
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message }
}

export function getCondition(status: DStatus | undefined, type: string): DCondition | undefined {
  return status?.conditions?.find((c) => c.type === type)
}

/**
 * SetDeploymentCondition: nothing changes when status and reason are the same; a condition whose
 * status is unchanged keeps its lastTransitionTime; the new condition goes to the end of the list.
 */
export function setCondition(status: DStatus, cond: DCondition): void {
  const cur = getCondition(status, cond.type)
  if (cur && cur.status === cond.status && cur.reason === cond.reason) return
  const next = cur && cur.status === cond.status ? { ...cond, lastTransitionTime: cur.lastTransitionTime } : cond
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== cond.type), next]
}

export function removeCondition(status: DStatus, type: string): void {
  const rest = (status.conditions ?? []).filter((c) => c.type !== type)
  if (rest.length) status.conditions = rest
  else delete status.conditions
}

/** calculateStatus: counts summed over every ReplicaSet, and the Available condition. */
export function calculateStatus(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment, now: number): DStatus {
  const available = availableTotal(allRSs)
  const unavailable = Math.max(0, specTotal(allRSs) - available)
  const status: DStatus = {}
  const put = (k: 'observedGeneration' | 'replicas' | 'updatedReplicas' | 'readyReplicas' | 'availableReplicas' | 'unavailableReplicas', v: number) => {
    if (v) status[k] = v
  }
  put('observedGeneration', d.metadata?.generation ?? 0)
  put('replicas', actualTotal(allRSs))
  put('updatedReplicas', actualTotal([newRS]))
  put('readyReplicas', readyTotal(allRSs))
  put('availableReplicas', available)
  put('unavailableReplicas', unavailable)
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount
  if (d.status?.conditions?.length) status.conditions = d.status.conditions.map((c) => ({ ...c }))
  if (available >= specReplicas(d) - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', REASON.MinimumReplicasAvailable, 'Deployment has minimum availability.', now))
  } else {
    setCondition(status, newCondition('Available', 'False', REASON.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', now))
  }
  return status
}

/** DeploymentComplete: every replica updated and available, and the latest spec observed. */
export function deploymentComplete(d: Deployment, s: DStatus | undefined): boolean {
  const n = specReplicas(d)
  return (
    (s?.updatedReplicas ?? 0) === n &&
    (s?.replicas ?? 0) === n &&
    (s?.availableReplicas ?? 0) === n &&
    (s?.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0)
  )
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available pods than before. */
export function deploymentProgressing(d: Deployment, s: DStatus): boolean {
  const old = d.status ?? {}
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0)
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0)
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  )
}

/** DeploymentTimedOut: no progress reported for progressDeadlineSeconds (strictly after). */
export function deploymentTimedOut(d: Deployment, s: DStatus, now: number): boolean {
  const deadline = progressDeadlineSeconds(d)
  if (deadline === undefined) return false
  const cond = getCondition(s, 'Progressing')
  if (!cond) return false
  if (cond.reason === REASON.NewRSAvailable) return false
  if (cond.reason === REASON.TimedOut) return true
  const from = parseRfc3339(cond.lastUpdateTime)
  return from !== undefined && from + deadline * 1000 < now
}

/**
 * syncRolloutStatus's conditions: Progressing is dropped without a deadline; otherwise, unless the
 * last rollout already completed, it becomes NewReplicaSetAvailable, ReplicaSetUpdated (refreshed
 * on every sign of progress) or ProgressDeadlineExceeded. ReplicaFailure is copied from the
 * ReplicaSets, the new one first.
 */
export function rolloutStatus(d: Deployment, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, now: number): DStatus {
  const s = calculateStatus(allRSs, newRS, d, now)
  const deadline = progressDeadlineSeconds(d)
  if (deadline === undefined) removeCondition(s, 'Progressing')
  const cur = getCondition(d.status, 'Progressing')
  const completeBefore = (s.replicas ?? 0) === (s.updatedReplicas ?? 0) && cur?.reason === REASON.NewRSAvailable
  if (deadline !== undefined && !completeBefore) {
    const name = d.metadata?.name
    const subject = newRS ? `ReplicaSet "${newRS.metadata?.name}"` : `Deployment "${name}"`
    if (deploymentComplete(d, s)) {
      setCondition(s, newCondition('Progressing', 'True', REASON.NewRSAvailable, `${subject} has successfully progressed.`, now))
    } else if (deploymentProgressing(d, s)) {
      let c = newCondition('Progressing', 'True', REASON.ReplicaSetUpdated, `${subject} is progressing.`, now)
      // Same reason again: SetDeploymentCondition would ignore it, but lastUpdateTime must move.
      if (cur) {
        if (cur.status === 'True') c = { ...c, lastTransitionTime: cur.lastTransitionTime }
        removeCondition(s, 'Progressing')
      }
      setCondition(s, c)
    } else if (deploymentTimedOut(d, s, now)) {
      setCondition(s, newCondition('Progressing', 'False', REASON.TimedOut, `${subject} has timed out progressing.`, now))
    }
  }
  const failure = replicaFailure(allRSs, newRS, now)
  if (failure) setCondition(s, failure)
  else removeCondition(s, 'ReplicaFailure')
  return s
}

/** getReplicaFailures + ReplicaSetToDeploymentCondition. */
function replicaFailure(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, _now: number): DCondition | undefined {
  for (const rs of [newRS, ...allRSs]) {
    const c = rs?.status?.conditions?.find((x) => x.type === 'ReplicaFailure')
    if (c) {
      return { type: c.type, status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message }
    }
  }
  return undefined
}

/**
 * requeueStuckDeployment: when the next progress check is due (lastUpdateTime + deadline, plus the
 * second upstream adds), or undefined when none is needed. Derived from the condition, so a
 * restored session schedules it again.
 */
export function nextProgressCheck(d: Deployment, s: DStatus, now: number): number | undefined {
  const deadline = progressDeadlineSeconds(d)
  const cur = getCondition(d.status, 'Progressing')
  if (deadline === undefined || !cur) return undefined
  if (deploymentComplete(d, s) || cur.reason === REASON.TimedOut) return undefined
  // After a completed rollout the deadline is not checked at all (DeploymentTimedOut), so upstream's
  // rate-limited re-checks would only spin; none is scheduled.
  if (cur.reason === REASON.NewRSAvailable) return undefined
  const from = parseRfc3339(cur.lastUpdateTime)
  if (from === undefined) return undefined
  const after = from + deadline * 1000 - now
  // Less than a second left: check again almost at once (upstream: a rate-limited requeue).
  return after < 1000 ? now + 5 : now + after + 1000
}
