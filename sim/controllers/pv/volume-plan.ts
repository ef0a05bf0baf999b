// What the PV controller does with one volume: syncVolume and reclaimVolume of
// pkg/controller/volume/persistentvolume/pv_controller.go, as pure decisions. The in-tree plugins
// that matter here are hostPath (deletes only under /tmp, recycles) and NFS (recycles); everything
// else either belongs to an external provisioner or has no deleter/recycler.

import type { PersistentVolume, PersistentVolumeClaim } from '../../api/types'
import { ANN_BOUND_BY_CONTROLLER, ANN_DYNAMICALLY_PROVISIONED, ANN_MIGRATED_TO } from './names'
import { volumeModeMismatch } from './matching'
import type { PlannedEvent } from './claim-plan'

export type VolumePlan =
  | { kind: 'none' }
  /** Nobody claims it (or it is only reserved by name): Available. */
  | { kind: 'available' }
  /** Both sides agree: Bound. */
  | { kind: 'bound' }
  /** The claim has not caught up yet (e.g. a freshly provisioned volume): sync the claim now. */
  | { kind: 'syncClaim'; namespace: string; name: string }
  /** The claim names no volume but cannot use this one: tell both. */
  | { kind: 'mismatch'; volumeEvent: PlannedEvent; claimEvent: PlannedEvent; namespace: string; name: string }
  /** The claim is gone (or bound elsewhere): Released, then the reclaim policy. */
  | { kind: 'release'; reclaim: ReclaimPlan }
  /** The controller bound it to a claim that took another volume: roll back. */
  | { kind: 'unbind' }

export type ReclaimPlan =
  | { kind: 'retain' }
  /** An external provisioner deletes it (or nobody, if it is not running). */
  | { kind: 'external' }
  /** The in-tree deleter removes the data, then the PV object goes. */
  | { kind: 'delete' }
  | { kind: 'recycle' }
  /** Mark Failed with this event and status.message (sent once, when the phase changes). */
  | { kind: 'fail'; event: PlannedEvent }

/**
 * syncVolume. `claim` is the claim the volume's claimRef names, looked up by namespace/name
 * (undefined if there is none).
 */
export function planVolumeSync(volume: PersistentVolume, claim: PersistentVolumeClaim | undefined): VolumePlan {
  const ref = volume.spec?.claimRef
  if (!ref) return { kind: 'available' }
  // Pre-bound by its author to a claim that has not been bound yet: the claim's sync will do it.
  if (!ref.uid) return { kind: 'available' }
  // A claim with the same name but another uid is a new claim: the old one is gone.
  const live = claim && claim.metadata?.uid === ref.uid ? claim : undefined
  if (!live) return { kind: 'release', reclaim: planReclaim(volume) }
  const claimVolume = live.spec?.volumeName ?? ''
  if (claimVolume === '') {
    if (volumeModeMismatch(live, volume)) {
      return {
        kind: 'mismatch',
        namespace: ref.namespace ?? '',
        name: ref.name ?? '',
        volumeEvent: {
          type: 'Warning',
          reason: 'VolumeMismatch',
          message: `Cannot bind PersistentVolume to requested PersistentVolumeClaim "${live.metadata!.name}" due to incompatible volumeMode.`,
        },
        claimEvent: {
          type: 'Warning',
          reason: 'VolumeMismatch',
          message: `Cannot bind PersistentVolume "${volume.metadata!.name}" to requested PersistentVolumeClaim due to incompatible volumeMode.`,
        },
      }
    }
    return { kind: 'syncClaim', namespace: ref.namespace ?? '', name: ref.name ?? '' }
  }
  if (claimVolume === volume.metadata?.name) return { kind: 'bound' }
  // The claim is bound to another volume.
  const provisioned = volume.metadata?.annotations?.[ANN_DYNAMICALLY_PROVISIONED] !== undefined
  if (provisioned && volume.spec?.persistentVolumeReclaimPolicy === 'Delete') {
    return { kind: 'release', reclaim: planReclaim(volume) }
  }
  return { kind: 'unbind' }
}

/** reclaimVolume: what the reclaim policy asks for, given the plugins a kubeadm cluster has. */
export function planReclaim(volume: PersistentVolume): ReclaimPlan {
  // Migrated to CSI: the external provisioner owns it.
  if (volume.metadata?.annotations?.[ANN_MIGRATED_TO]) return { kind: 'external' }
  switch (volume.spec?.persistentVolumeReclaimPolicy ?? 'Retain') {
    case 'Retain':
      return { kind: 'retain' }
    case 'Recycle':
      return { kind: 'recycle' }
    case 'Delete':
      return planDelete(volume)
    default:
      return {
        kind: 'fail',
        event: { type: 'Warning', reason: 'VolumeUnknownReclaimPolicy', message: 'Volume has unrecognized PersistentVolumeReclaimPolicy' },
      }
  }
}

/** findDeletablePlugin + the hostPath deleter (pkg/volume/hostpath/host_path.go). */
function planDelete(volume: PersistentVolume): ReclaimPlan {
  const name = volume.metadata?.name ?? ''
  const provisionedBy = volume.metadata?.annotations?.[ANN_DYNAMICALLY_PROVISIONED]
  const hostPath = volume.spec?.hostPath?.path
  if (provisionedBy) {
    // A name outside kubernetes.io/ is an external provisioner: it deletes, the controller waits.
    if (!provisionedBy.startsWith('kubernetes.io/')) return { kind: 'external' }
    if (provisionedBy !== 'kubernetes.io/host-path') return failDelete(`no volume plugin matched name: ${provisionedBy}`)
  } else if (volume.spec?.csi) {
    return { kind: 'external' }
  } else if (!volume.spec?.hostPath) {
    return failDelete(`error getting deleter volume plugin for volume "${name}": no deletable volume plugin matched`)
  }
  // The deleter's check is an unanchored regexp: any path containing "/tmp/<something>".
  if (hostPath === undefined || !/\/tmp\/.+/.test(hostPath)) {
    return failDelete(`host_path deleter only supports /tmp/.+ but received provided ${hostPath ?? ''}`)
  }
  return { kind: 'delete' }
}

function failDelete(message: string): ReclaimPlan {
  return { kind: 'fail', event: { type: 'Warning', reason: 'VolumeFailedDelete', message } }
}

export type RecyclePlan =
  /** Pods (namespace/name) still use the old claim's name: try again later. */
  | { kind: 'inUse'; event: PlannedEvent }
  | { kind: 'fail'; event: PlannedEvent }
  | { kind: 'recycle' }

/**
 * recycleVolumeOperation: refuse while pods use the released claim (unless a new claim of that name
 * exists), then find a recycler: only hostPath and NFS have one.
 */
export function planRecycle(volume: PersistentVolume, podsUsing: readonly string[], newClaimExists: boolean): RecyclePlan {
  if (podsUsing.length > 0 && !newClaimExists) {
    return { kind: 'inUse', event: { type: 'Normal', reason: 'VolumeFailedRecycle', message: `Volume is used by pods: ${[...podsUsing].sort().join(',')}` } }
  }
  if (!volume.spec?.hostPath && !volume.spec?.nfs) {
    return { kind: 'fail', event: { type: 'Warning', reason: 'VolumeFailedRecycle', message: 'No recycler plugin found for the volume!' } }
  }
  return { kind: 'recycle' }
}

/**
 * unbindVolume: a binding the controller made is removed entirely; one the author made (claimRef in
 * the PV as created) keeps its name and loses only the uid, so the volume stays reserved.
 */
export function unboundVolume<T extends PersistentVolume>(volume: T): T {
  const meta = { ...volume.metadata }
  const spec = { ...volume.spec }
  if (meta.annotations?.[ANN_BOUND_BY_CONTROLLER] !== undefined) {
    delete spec.claimRef
    const ann = { ...meta.annotations }
    delete ann[ANN_BOUND_BY_CONTROLLER]
    meta.annotations = Object.keys(ann).length ? ann : undefined
  } else if (spec.claimRef) {
    const ref = { ...spec.claimRef }
    delete ref.uid
    spec.claimRef = ref
  }
  return { ...volume, metadata: meta, spec }
}
