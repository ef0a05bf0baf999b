// The Deployment controller (pkg/controller/deployment: deployment_controller.go syncDeployment,
// sync.go, rolling.go, recreate.go, progress.go). A Deployment owns ReplicaSets named
// <deployment>-<pod-template-hash>; a template change creates a new one and moves replicas over,
// RollingUpdate within maxSurge/maxUnavailable, Recreate only once every old pod is gone.
// Rollback is kubectl's business (it copies an old template back); here it only re-numbers the
// old ReplicaSet's revision.

import { isApiError } from '../api/errors'
import { controllerOf, newControllerRef } from '../api/owners'
import { fromLabelSelector, matches } from '../api/selectors'
import { deepEqual } from '../core/json'
import type { KubeObject, Pod } from '../api/types'
import type { ControllerDeps } from './deps'
import { keyOf, splitKey, type Controller, type ControllerContext } from './runtime'
import { planClaim, withControllerRef, withoutOwner } from './replicaset/claim'
import { deploymentKeysFor } from './deployment/handlers'
import { planRollingUpdate } from './deployment/rolling'
import { planScale, isScalingEvent } from './deployment/scale'
import { planRecreate } from './deployment/recreate'
import { REASON, calculateStatus, getCondition, newCondition, nextProgressCheck, rolloutStatus, setCondition } from './deployment/status'
import { progressDeadlineSeconds } from './deployment/util'
import {
  DEPLOYMENT_CONTROLLER,
  applyScale,
  cloneStatus,
  cleanupDeployment,
  getAllReplicaSets,
  type D,
  type RS,
} from './deployment/replica-sets'

export { DEPLOYMENT_CONTROLLER }

const actor = { actor: DEPLOYMENT_CONTROLLER }

export function deploymentController(_deps: ControllerDeps): Controller {
  return {
    name: DEPLOYMENT_CONTROLLER,
    watches: ['Deployment', 'ReplicaSet', 'Pod'],
    keysFor: (ev, ctx) => deploymentKeysFor(ev, ctx.api),
    initialKeys: (ctx) => ctx.api.list('Deployment').map((d) => keyOf(d.metadata.namespace, d.metadata.name!)),
    reconcile: (key, ctx) => syncDeployment(key, ctx),
  }
}

function syncDeployment(key: string, ctx: ControllerContext): void {
  const [ns, name] = splitKey(key)
  let d = ctx.api.get('Deployment', ns, name)
  if (!d) return
  const sel = d.spec?.selector
  if (sel && sel.matchLabels === undefined && sel.matchExpressions === undefined) {
    ctx.events.record(d as KubeObject, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.', { component: DEPLOYMENT_CONTROLLER })
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      ctx.api.updateStatus({ ...d, status: { ...(d.status ?? {}), observedGeneration: d.metadata.generation } }, actor)
    }
    return
  }
  const rsList = claimReplicaSets(ctx, d)
  if (d.metadata.deletionTimestamp) return syncStatusOnly(ctx, d, rsList)
  d = checkPausedConditions(ctx, d)
  if (d.spec?.paused) return sync(ctx, d, rsList)
  const all = getAllReplicaSets(ctx, d, rsList, false)
  d = all.d
  if (isScalingEvent(d, [...all.oldRSs, all.newRS])) return sync(ctx, d, rsList)
  if (d.spec?.strategy?.type === 'Recreate') return rolloutRecreate(ctx, d, rsList)
  return rolloutRolling(ctx, d, rsList)
}

/** getReplicaSetsForDeployment: claim ReplicaSets by selector (adopt orphans, release strays). */
function claimReplicaSets(ctx: ControllerContext, d: D): RS[] {
  const ns = d.metadata.namespace!
  const plan = planClaim(d, fromLabelSelector(d.spec?.selector), ctx.api.list('ReplicaSet', { namespace: ns }))
  const adopted = new Set(plan.adopt)
  const out: RS[] = []
  for (const rs of plan.claimed) {
    if (!adopted.has(rs)) out.push(rs)
    else {
      const next = patchOwners(ctx, rs, withControllerRef(rs.metadata.ownerReferences, newControllerRef(d as KubeObject)))
      if (next) out.push(next)
    }
  }
  for (const rs of plan.release) patchOwners(ctx, rs, withoutOwner(rs.metadata.ownerReferences, d.metadata.uid!))
  return out
}

function patchOwners(ctx: ControllerContext, rs: RS, ownerReferences: NonNullable<RS['metadata']['ownerReferences']>): RS | undefined {
  try {
    return ctx.api.patch('ReplicaSet', rs.metadata.namespace!, rs.metadata.name!, 'merge', { metadata: { ownerReferences, uid: rs.metadata.uid } }, actor)
  } catch (e) {
    if (isApiError(e, 'NotFound') || isApiError(e, 'Conflict')) return undefined
    throw e
  }
}

/** getPodMapForDeployment: the Deployment's pods, by the uid of the ReplicaSet controlling them. */
function podMap(ctx: ControllerContext, d: D, rsList: readonly RS[]): Map<string, Pod[]> {
  const map = new Map<string, Pod[]>(rsList.map((rs) => [rs.metadata.uid!, []]))
  const sel = fromLabelSelector(d.spec?.selector)
  for (const pod of ctx.api.list('Pod', { namespace: d.metadata.namespace })) {
    if (!matches(sel, pod.metadata.labels)) continue
    map.get(controllerOf(pod)?.uid ?? '')?.push(pod as Pod)
  }
  return map
}

/** syncStatusOnly: a Deployment being deleted only has its status kept current. */
function syncStatusOnly(ctx: ControllerContext, d: D, rsList: RS[]): void {
  const { d: cur, newRS, oldRSs } = getAllReplicaSets(ctx, d, rsList, false)
  syncDeploymentStatus(ctx, cur, [...oldRSs, newRS], newRS)
}

/** sync: scaling (proportional while several ReplicaSets are active) and paused Deployments. */
function sync(ctx: ControllerContext, d: D, rsList: RS[]): void {
  const { d: cur, newRS, oldRSs } = getAllReplicaSets(ctx, d, rsList, false)
  for (const a of planScale(cur, newRS, oldRSs)) applyScale(ctx, cur, a)
  if (cur.spec?.paused) cleanupDeployment(ctx, cur, oldRSs)
  syncDeploymentStatus(ctx, cur, [...oldRSs, newRS], newRS)
}

/** checkPausedConditions: Progressing Unknown while paused, so the pause does not count against the deadline. */
function checkPausedConditions(ctx: ControllerContext, d: D): D {
  if (progressDeadlineSeconds(d) === undefined) return d
  const cond = getCondition(d.status, 'Progressing')
  if (cond?.reason === REASON.TimedOut) return d
  const pausedShown = cond?.reason === REASON.Paused
  const status = cloneStatus(d)
  if (d.spec?.paused && !pausedShown) {
    setCondition(status, newCondition('Progressing', 'Unknown', REASON.Paused, 'Deployment is paused', ctx.now()))
  } else if (!d.spec?.paused && pausedShown) {
    setCondition(status, newCondition('Progressing', 'Unknown', REASON.Resumed, 'Deployment is resumed', ctx.now()))
  } else return d
  return ctx.api.updateStatus({ ...d, status }, actor)
}

function rolloutRolling(ctx: ControllerContext, d: D, rsList: RS[]): void {
  const { d: cur, newRS, oldRSs } = getAllReplicaSets(ctx, d, rsList, true)
  if (!newRS) return
  const step = planRollingUpdate(cur, newRS, oldRSs)
  for (const a of step.actions) applyScale(ctx, cur, a)
  if (step.cleanup) cleanupDeployment(ctx, cur, oldRSs)
  syncRolloutStatus(ctx, cur, [...oldRSs, newRS], newRS)
}

/** rolloutRecreate: scale every old ReplicaSet to 0, wait for their pods to be gone, then roll out. */
function rolloutRecreate(ctx: ControllerContext, d: D, rsList: RS[]): void {
  const pods = podMap(ctx, d, rsList)
  let { d: cur, newRS, oldRSs } = getAllReplicaSets(ctx, d, rsList, false)
  const first = planRecreate(cur, newRS, oldRSs, pods)
  if (first.phase !== 'rollOut') {
    for (const a of first.actions) applyScale(ctx, cur, a)
    return syncRolloutStatus(ctx, cur, [...oldRSs, newRS], newRS)
  }
  // The new ReplicaSet is created only now, so nothing new ever runs beside an old pod.
  if (!newRS) ({ d: cur, newRS, oldRSs } = getAllReplicaSets(ctx, cur, rsList, true))
  if (!newRS) return
  const step = planRecreate(cur, newRS, oldRSs, pods)
  for (const a of step.actions) applyScale(ctx, cur, a)
  if (step.cleanup) cleanupDeployment(ctx, cur, oldRSs)
  syncRolloutStatus(ctx, cur, [...oldRSs, newRS], newRS)
}

/** syncDeploymentStatus: counts and the Available condition only. */
function syncDeploymentStatus(ctx: ControllerContext, d: D, allRSs: (RS | undefined)[], newRS: RS | undefined): void {
  const status = calculateStatus(allRSs, newRS, d, ctx.now())
  if (!deepEqual(status, d.status ?? {})) ctx.api.updateStatus({ ...d, status }, actor)
}

/** syncRolloutStatus: counts, Available, Progressing, ReplicaFailure; a deadline check when stuck. */
function syncRolloutStatus(ctx: ControllerContext, d: D, allRSs: (RS | undefined)[], newRS: RS | undefined): void {
  const now = ctx.now()
  const status = rolloutStatus(d, allRSs, newRS, now)
  if (!deepEqual(status, d.status ?? {})) {
    ctx.api.updateStatus({ ...d, status }, actor)
    return
  }
  const at = nextProgressCheck(d, status, now)
  if (at !== undefined) ctx.requeueAfter(keyOf(d.metadata.namespace, d.metadata.name!), at - now)
}
