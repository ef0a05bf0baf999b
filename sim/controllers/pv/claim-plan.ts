// What the PV controller does with one claim: syncClaim / syncUnboundClaim / syncBoundClaim of
// pkg/controller/volume/persistentvolume/pv_controller.go, as a pure decision over the claim, the
// volumes, the classes and the pods. The controller executes the plan (pv-binder.ts).

import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../api/types'
import { ANN_BIND_COMPLETED, ANN_SELECTED_NODE, MSG_NO_CLASS, MSG_WAIT_FOR_FIRST_CONSUMER, NO_PROVISIONER, msgWaitForPodScheduled } from './names'
import { claimClass, claimHasClass, defaultClass, findBestMatchForClaim, isVolumeBoundToClaim, volumeUnsatisfiedReason } from './matching'

export interface PlannedEvent {
  type: 'Normal' | 'Warning'
  reason: string
  message: string
}

export type ClaimPlan =
  /** Nothing to write. */
  | { kind: 'none' }
  /** Bind both sides (PV.spec.claimRef, PV phase, PVC.spec.volumeName + annotations, PVC status). */
  | { kind: 'bind'; volume: string }
  /** Retroactive default StorageClass assignment (GA in 1.28): set spec.storageClassName. */
  | { kind: 'assignDefaultClass'; className: string }
  /** Stay (or become) Pending, with a "why" event that repeats on every resync. */
  | { kind: 'pending'; event?: PlannedEvent }
  /** Annotate the claim for an external provisioner and say so (ExternalProvisioning). */
  | { kind: 'provisionExternal'; provisioner: string }
  /** A bound claim whose volume went away or belongs to another claim: phase Lost, event once. */
  | { kind: 'lost'; event: PlannedEvent }

export interface ClaimWorld {
  volumes: readonly PersistentVolume[]
  classes: readonly StorageClass[]
  /** Pods in the claim's namespace (for "waiting for pod web-0 to be scheduled"). */
  pods: readonly Pod[]
}

/** syncClaim: claims that never completed binding take the unbound path. */
export function planClaimSync(claim: PersistentVolumeClaim, world: ClaimWorld): ClaimPlan {
  const bound = claim.metadata?.annotations?.[ANN_BIND_COMPLETED] !== undefined
  return bound ? planBoundClaim(claim, world) : planUnboundClaim(claim, world)
}

function planUnboundClaim(claim: PersistentVolumeClaim, world: ClaimWorld): ClaimPlan {
  const volumeName = claim.spec?.volumeName ?? ''
  if (volumeName) return planPreboundClaim(claim, volumeName, world)

  const className = claimClass(claim)
  const cls = className ? world.classes.find((c) => c.metadata?.name === className) : undefined
  // IsDelayBindingMode: a class that does not exist is not delayed.
  const delayBinding = cls?.volumeBindingMode === 'WaitForFirstConsumer'
  const volume = findBestMatchForClaim(claim, world.volumes, delayBinding)
  if (volume) return { kind: 'bind', volume: volume.metadata!.name! }

  if (!claimHasClass(claim)) {
    const def = defaultClass(world.classes)
    if (def) return { kind: 'assignDefaultClass', className: def.metadata!.name! }
  }
  if (delayBinding && !(ANN_SELECTED_NODE in (claim.metadata?.annotations ?? {}))) {
    const waiting = unscheduledPodsUsing(claim, world.pods)
    return {
      kind: 'pending',
      event: waiting.length
        ? { type: 'Normal', reason: 'WaitForPodScheduled', message: msgWaitForPodScheduled(waiting) }
        : { type: 'Normal', reason: 'WaitForFirstConsumer', message: MSG_WAIT_FOR_FIRST_CONSUMER },
    }
  }
  if (className !== '') return planProvision(className, cls)
  return { kind: 'pending', event: { type: 'Normal', reason: 'FailedBinding', message: MSG_NO_CLASS } }
}

/**
 * provisionClaim + findProvisionablePlugin: a missing class or an in-tree provisioner name this
 * cluster has no plugin for is a ProvisioningFailed warning; any other name is an external provisioner
 * the controller only waits for (it does not know whether one is running).
 */
function planProvision(className: string, cls: StorageClass | undefined): ClaimPlan {
  if (!cls) {
    return { kind: 'pending', event: { type: 'Warning', reason: 'ProvisioningFailed', message: `storageclass.storage.k8s.io "${className}" not found` } }
  }
  const provisioner = cls.provisioner ?? ''
  if (provisioner === 'kubernetes.io/host-path') {
    // The in-tree hostPath plugin exists but provisions only with --enable-hostpath-provisioner.
    return {
      kind: 'pending',
      event: { type: 'Warning', reason: 'ProvisioningFailed', message: `Failed to create provisioner: provisioning in volume plugin "${provisioner}" is disabled` },
    }
  }
  if (provisioner.startsWith('kubernetes.io/') || provisioner === NO_PROVISIONER) {
    return { kind: 'pending', event: { type: 'Warning', reason: 'ProvisioningFailed', message: `no volume plugin matched name: ${provisioner}` } }
  }
  return { kind: 'provisionExternal', provisioner }
}

/** The claim names its volume (spec.volumeName): bind to it if it is free or reserved for the claim. */
function planPreboundClaim(claim: PersistentVolumeClaim, volumeName: string, world: ClaimWorld): ClaimPlan {
  const volume = world.volumes.find((v) => v.metadata?.name === volumeName)
  // A volume that does not exist (yet): wait.
  if (!volume) return { kind: 'pending' }
  if (!volume.spec?.claimRef) {
    const why = volumeUnsatisfiedReason(volume, claim)
    if (why) {
      return { kind: 'pending', event: { type: 'Warning', reason: 'VolumeMismatch', message: `Cannot bind to requested volume "${volumeName}": ${why}` } }
    }
    return { kind: 'bind', volume: volumeName }
  }
  if (isVolumeBoundToClaim(volume, claim)) return { kind: 'bind', volume: volumeName }
  // Claimed by someone else. (With bound-by-controller set this "should never happen" upstream; it
  // emits the same event and retries.)
  return { kind: 'pending', event: { type: 'Warning', reason: 'FailedBinding', message: `volume "${volumeName}" already bound to a different claim.` } }
}

function planBoundClaim(claim: PersistentVolumeClaim, world: ClaimWorld): ClaimPlan {
  const volumeName = claim.spec?.volumeName ?? ''
  if (!volumeName) {
    return lost(claim, 'ClaimLost', 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!')
  }
  const volume = world.volumes.find((v) => v.metadata?.name === volumeName)
  if (!volume) return lost(claim, 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!')
  const ref = volume.spec?.claimRef
  // Unbound volume: bind it again. Same uid: all is well, bind() only repairs what is missing.
  if (!ref || ref.uid === claim.metadata?.uid) return { kind: 'bind', volume: volumeName }
  return lost(claim, 'ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly')
}

/** updateClaimStatusWithEvent: the event goes out only when the phase changes. */
function lost(claim: PersistentVolumeClaim, reason: string, message: string): ClaimPlan {
  if (claim.status?.phase === 'Lost') return { kind: 'none' }
  return { kind: 'lost', event: { type: 'Warning', reason, message } }
}

/**
 * findNonScheduledPodsByPVC: active pods (not terminated) that use the claim and have no node yet, in
 * the order the pod informer lists them.
 */
export function unscheduledPodsUsing(claim: PersistentVolumeClaim, pods: readonly Pod[]): string[] {
  const out: string[] = []
  for (const pod of pods) {
    if (pod.metadata?.namespace !== claim.metadata?.namespace) continue
    if (isPodTerminated(pod) || pod.spec?.nodeName) continue
    if (podClaimNames(pod).includes(claim.metadata!.name!)) out.push(pod.metadata!.name!)
  }
  return out
}

/** The claims a pod's volumes name: persistentVolumeClaim volumes and generic ephemeral volumes. */
export function podClaimNames(pod: Pod): string[] {
  const out: string[] = []
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim?.claimName) out.push(v.persistentVolumeClaim.claimName)
    else if (v.ephemeral) out.push(`${pod.metadata?.name}-${v.name}`)
  }
  return out
}

/** util.IsPodTerminated: the pod finished, or is being deleted and none of its containers runs. */
export function isPodTerminated(pod: Pod): boolean {
  const phase = pod.status?.phase
  if (phase === 'Failed' || phase === 'Succeeded') return true
  if (!pod.metadata?.deletionTimestamp) return false
  return !(pod.status?.containerStatuses ?? []).some((s) => s.state?.running)
}
