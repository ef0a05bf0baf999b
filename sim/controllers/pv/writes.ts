// The PV controller's writes, in upstream's order and with its "only if something changed" checks
// (pv_controller.go bind, bindVolumeToClaim, bindClaimToVolume, updateClaimStatus, updateVolumePhase).
// Each write reads back what the server stored, so the next step works on the current object.

import type { ControllerContext } from '../runtime'
import type { ObjectReference } from 'kubernetes-types/core/v1'
import type { Obj } from '../../api/types'
import { deepEqual } from '../../core/json'
import { rfc3339 } from '../../core/time'
import { parseQuantity } from '../../api/quantity'
import { ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, PV_CONTROLLER } from './names'
import { isVolumeBoundToClaim } from './matching'

type PersistentVolume = Obj<'PersistentVolume'>
type PersistentVolumeClaim = Obj<'PersistentVolumeClaim'>

const ACTOR = { actor: PV_CONTROLLER }

/** reference.GetReference(claim), fields in ObjectReference's order. */
export function claimReference(claim: PersistentVolumeClaim): ObjectReference {
  return {
    kind: 'PersistentVolumeClaim',
    namespace: claim.metadata!.namespace,
    name: claim.metadata!.name,
    uid: claim.metadata!.uid,
    apiVersion: 'v1',
    resourceVersion: claim.metadata!.resourceVersion,
  }
}

/**
 * updateVolumePhase: a status write only when the phase changes. The API server's status strategy
 * stamps lastPhaseTransitionTime on every phase change (PersistentVolumeLastPhaseTransitionTime, GA in
 * 1.31); our server has no status hooks, so the writer does it.
 */
export function setVolumePhase(ctx: ControllerContext, volume: PersistentVolume, phase: string, message?: string): PersistentVolume {
  if (volume.status?.phase === phase) return volume
  const status = { ...volume.status, phase, message: message || undefined, lastPhaseTransitionTime: rfc3339(ctx.now()) }
  return ctx.api.updateStatus({ ...volume, status }, ACTOR)
}

/**
 * updateClaimStatus: phase, and the access modes and capacity of the bound volume (capacity only when
 * the claim becomes Bound: a later difference may be a resize in progress).
 */
export function setClaimStatus(ctx: ControllerContext, claim: PersistentVolumeClaim, phase: string, volume?: PersistentVolume): PersistentVolumeClaim {
  const status: NonNullable<PersistentVolumeClaim['status']> = { ...claim.status }
  let dirty = false
  if (status.phase !== phase) {
    status.phase = phase
    dirty = true
  }
  if (!volume) {
    if (status.accessModes !== undefined || status.capacity !== undefined) {
      delete status.accessModes
      delete status.capacity
      dirty = true
    }
  } else {
    if (!deepEqual(status.accessModes, volume.spec?.accessModes)) {
      status.accessModes = volume.spec?.accessModes
      dirty = true
    }
    if (claim.status?.phase !== phase) {
      const have = parseQuantity(claim.status?.capacity?.storage as string | undefined)
      const want = parseQuantity(volume.spec?.capacity?.storage as string | undefined)
      if (have === undefined || have !== want) {
        status.capacity = volume.spec?.capacity
        dirty = true
      }
    }
  }
  if (!dirty) return claim
  // Keep the fields in PersistentVolumeClaimStatus order: phase, accessModes, capacity, then the rest.
  const { phase: p, accessModes, capacity, ...rest } = status
  return ctx.api.updateStatus({ ...claim, status: { phase: p, accessModes, capacity, ...rest } }, ACTOR)
}

/**
 * bind: the volume first (claimRef, then phase Bound), then the claim (volumeName and annotations,
 * then status). An interrupted bind is finished by the next sync of either side.
 */
export function bind(ctx: ControllerContext, volumeName: string, claimIn: PersistentVolumeClaim): void {
  let volume = ctx.api.read('PersistentVolume', '', volumeName)
  let claim = claimIn

  // bindVolumeToClaim (GetBindVolumeToClaim)
  const ref = volume.spec?.claimRef
  const needsRef = !ref || ref.name !== claim.metadata!.name || ref.namespace !== claim.metadata!.namespace || ref.uid !== claim.metadata!.uid
  const setBoundBy = !isVolumeBoundToClaim(volume, claim) && volume.metadata?.annotations?.[ANN_BOUND_BY_CONTROLLER] === undefined
  if (needsRef || setBoundBy) {
    const annotations = setBoundBy ? { ...volume.metadata!.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' } : volume.metadata!.annotations
    const spec = needsRef ? { ...volume.spec, claimRef: claimReference(claim) } : volume.spec
    volume = ctx.api.update({ ...volume, metadata: { ...volume.metadata, annotations }, spec }, ACTOR)
  }
  volume = setVolumePhase(ctx, volume, 'Bound')

  // bindClaimToVolume
  const ann = { ...claim.metadata!.annotations }
  let claimDirty = false
  let spec = claim.spec
  if (claim.spec?.volumeName !== volume.metadata!.name) {
    spec = { ...claim.spec, volumeName: volume.metadata!.name }
    if (ann[ANN_BOUND_BY_CONTROLLER] === undefined) ann[ANN_BOUND_BY_CONTROLLER] = 'yes'
    claimDirty = true
  }
  if (ann[ANN_BIND_COMPLETED] === undefined) {
    ann[ANN_BIND_COMPLETED] = 'yes'
    claimDirty = true
  }
  if (claimDirty) {
    claim = ctx.api.update({ ...claim, metadata: { ...claim.metadata, annotations: sortKeys(ann) }, spec }, ACTOR)
  }
  setClaimStatus(ctx, claim, 'Bound', volume)
}

/** Annotations are a map: the API returns them in key order. */
export function sortKeys(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const k of Object.keys(m).sort()) out[k] = m[k]
  return out
}
