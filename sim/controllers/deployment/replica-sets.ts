// The Deployment controller's writes to ReplicaSets (pkg/controller/deployment/sync.go:
// getNewReplicaSet, scaleReplicaSet, cleanupDeployment) and to the Deployment itself. The
// arithmetic lives in the pure modules beside this one; here it is carried out.

import { ApiError, isApiError } from '../../api/errors'
import { controllerOf } from '../../api/owners'
import { deepEqual } from '../../core/json'
import type { Deployment, KubeObject, Obj } from '../../api/types'
import type { ControllerContext } from '../runtime'
import { podTemplateHash } from './hash'
import {
  newRSNewReplicas,
  newReplicaSetAnnotations,
  newReplicaSetObject,
  replicasAnnotationsNeedUpdate,
  setReplicasAnnotations,
} from './new-rs'
import type { ScaleAction } from './rolling'
import { REASON, getCondition, newCondition, setCondition, type DStatus } from './status'
import {
  REVISION,
  byRevision,
  equalIgnoreHash,
  findNewReplicaSet,
  findOldReplicaSets,
  maxRevision,
  maxSurge,
  progressDeadlineSeconds,
  revisionHistoryLimit,
  rsReplicas,
  specReplicas,
} from './util'

export const DEPLOYMENT_CONTROLLER = 'deployment-controller'
const actor = { actor: DEPLOYMENT_CONTROLLER }

export type D = Obj<'Deployment'>
export type RS = Obj<'ReplicaSet'>

export interface ReplicaSets {
  d: D
  newRS: RS | undefined
  oldRSs: RS[]
}

/** getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created if asked) and all old ones. */
export function getAllReplicaSets(ctx: ControllerContext, d: D, rsList: readonly RS[], create: boolean): ReplicaSets {
  // Re-read the claimed ReplicaSets: an earlier step of this sync may have written one, and a stale
  // copy would only earn a Conflict.
  const current = rsList.flatMap((rs) => {
    const cur = ctx.api.get('ReplicaSet', rs.metadata.namespace!, rs.metadata.name!)
    return cur && cur.metadata.uid === rs.metadata.uid ? [cur] : []
  })
  const oldRSs = findOldReplicaSets(d, current)
  const { d: next, newRS } = getNewReplicaSet(ctx, d, current, oldRSs, create)
  return { d: next, newRS, oldRSs }
}

function getNewReplicaSet(ctx: ControllerContext, d: D, rsList: readonly RS[], oldRSs: RS[], create: boolean): { d: D; newRS?: RS } {
  const existing = findNewReplicaSet(d, rsList)
  const newRevision = maxRevision(oldRSs) + 1
  if (existing) {
    // Bring the ReplicaSet's annotations (a rollback raises its revision) and minReadySeconds up to date first.
    const ann = newReplicaSetAnnotations(d, existing.metadata.annotations, newRevision, true)
    const minReady = d.spec?.minReadySeconds ?? 0
    if (ann.changed || (existing.spec?.minReadySeconds ?? 0) !== minReady) {
      const spec = { ...existing.spec!, minReadySeconds: minReady || undefined }
      const rs = ctx.api.update({ ...existing, metadata: { ...existing.metadata, annotations: ann.annotations }, spec }, actor)
      return { d, newRS: rs }
    }
    const status = cloneStatus(d)
    if (progressDeadlineSeconds(d) !== undefined && !getCondition(d.status, 'Progressing')) {
      setCondition(status, newCondition('Progressing', 'True', REASON.FoundNewRS, `Found new replica set "${existing.metadata.name}"`, ctx.now()))
    }
    return { d: writeDeployment(ctx, d, existing.metadata.annotations?.[REVISION], status), newRS: existing }
  }
  if (!create) return { d }

  const hash = podTemplateHash(d.spec?.template, d.status?.collisionCount)
  const rs = newReplicaSetObject(d as D & KubeObject, hash)
  rs.spec!.replicas = newRSNewReplicas(d, [...oldRSs, rs], rs)
  rs.metadata!.annotations = newReplicaSetAnnotations(d, undefined, newRevision, false).annotations
  const name = rs.metadata!.name!
  let created: RS
  let alreadyExists = false
  try {
    created = ctx.api.create(rs as RS, actor)
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    if (e.reason === 'AlreadyExists') {
      const found = ctx.api.get('ReplicaSet', d.metadata.namespace!, name)
      if (found && controllerOf(found)?.uid === d.metadata.uid && equalIgnoreHash(d.spec?.template, found.spec?.template)) {
        created = found
        alreadyExists = true
      } else {
        // A hash collision: a different template already has this name. Bump collisionCount, retry.
        const status = { ...cloneStatus(d), collisionCount: (d.status?.collisionCount ?? 0) + 1 }
        ctx.api.updateStatus({ ...d, status }, actor)
        throw e
      }
    } else {
      if (e.reason === 'Forbidden' && e.message.includes('because it is being terminated')) throw e
      const msg = `Failed to create new replica set "${name}": ${e.message}`
      if (progressDeadlineSeconds(d) !== undefined) {
        const status = cloneStatus(d)
        setCondition(status, newCondition('Progressing', 'False', REASON.FailedRSCreate, msg, ctx.now()))
        ctx.api.updateStatus({ ...d, status }, actor)
      }
      ctx.events.record(d as KubeObject, 'Warning', REASON.FailedRSCreate, msg, { component: DEPLOYMENT_CONTROLLER })
      throw e
    }
  }
  const replicas = rsReplicas(created)
  if (!alreadyExists && replicas > 0) {
    ctx.events.record(d as KubeObject, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${replicas}`, { component: DEPLOYMENT_CONTROLLER })
  }
  const status = cloneStatus(d)
  if (!alreadyExists && progressDeadlineSeconds(d) !== undefined) {
    setCondition(status, newCondition('Progressing', 'True', REASON.NewReplicaSet, `Created new replica set "${name}"`, ctx.now()))
  }
  return { d: writeDeployment(ctx, d, String(newRevision), status), newRS: created }
}

/**
 * scaleReplicaSet: set the size and the desired/max-replicas annotations; the ScalingReplicaSet
 * event only when the size changed. Returns true when it did.
 */
export function applyScale(ctx: ControllerContext, d: D, a: ScaleAction): boolean {
  const rs = ctx.api.get('ReplicaSet', d.metadata.namespace!, a.name)
  if (!rs) throw new ApiError('NotFound', `replicasets.apps "${a.name}" not found`)
  const replicas = specReplicas(d)
  const max = replicas + maxSurge(d)
  const size = rsReplicas(rs)
  const sizeChanges = size !== a.to
  if (!sizeChanges && !replicasAnnotationsNeedUpdate(rs, replicas, max)) return false
  const annotations = { ...(rs.metadata.annotations ?? {}) }
  setReplicasAnnotations(annotations, replicas, max)
  ctx.api.update({ ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...rs.spec!, replicas: a.to } }, actor)
  if (sizeChanges) {
    const op = a.operation ?? (size < a.to ? 'up' : 'down')
    ctx.events.record(d as KubeObject, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${a.name} from ${size} to ${a.to}`, { component: DEPLOYMENT_CONTROLLER })
  }
  return sizeChanges
}

/**
 * cleanupDeployment: keep revisionHistoryLimit old ReplicaSets; delete the oldest revisions beyond
 * it, but only those scaled to 0 with no pods left and their latest spec observed.
 */
export function cleanupDeployment(ctx: ControllerContext, d: D, oldRSs: readonly RS[]): void {
  const limit = revisionHistoryLimit(d)
  if (limit === 2147483647) return
  const alive = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp).sort(byRevision)
  const diff = alive.length - limit
  for (let i = 0; i < diff; i++) {
    const rs = alive[i]
    if ((rs.status?.replicas ?? 0) !== 0 || rsReplicas(rs) !== 0) continue
    if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue
    try {
      ctx.api.delete('ReplicaSet', rs.metadata.namespace!, rs.metadata.name!, actor)
    } catch (e) {
      if (!isApiError(e, 'NotFound')) throw e
    }
  }
}

/**
 * Writes the revision annotation and the status when they changed. Upstream carries both in one
 * status update (the Deployment status strategy keeps annotations); this API server's status
 * subresource writes status only, so the annotation goes through the main resource.
 */
export function writeDeployment(ctx: ControllerContext, d: D, revision: string | undefined, status: DStatus | undefined): D {
  let cur = d
  if (revision !== undefined && cur.metadata.annotations?.[REVISION] !== revision) {
    cur = ctx.api.update({ ...cur, metadata: { ...cur.metadata, annotations: { ...(cur.metadata.annotations ?? {}), [REVISION]: revision } } }, actor)
  }
  if (status && !deepEqual(status, cur.status ?? {})) cur = ctx.api.updateStatus({ ...cur, status }, actor)
  return cur
}

export function cloneStatus(d: Deployment): DStatus {
  const s = { ...(d.status ?? {}) }
  if (s.conditions) s.conditions = s.conditions.map((c) => ({ ...c }))
  return s
}
