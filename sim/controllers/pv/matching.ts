// Which PersistentVolume fits a claim: the PV controller's index (pkg/controller/volume/persistentvolume/
// index.go findByClaim) and FindMatchingVolume (component-helpers/storage/volume/pv_helpers.go).
// Pure functions over plain objects, shared by the binder and its tests.

import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api/types'
import { parseQuantity } from '../../api/quantity'
import { fromLabelSelector, matches } from '../../api/selectors'
import { ANN_BETA_STORAGE_CLASS, ANN_DEFAULT_STORAGE_CLASS } from './names'

type Claim = Pick<PersistentVolumeClaim, 'metadata' | 'spec'>
type Volume = Pick<PersistentVolume, 'metadata' | 'spec' | 'status'>

/** GetPersistentVolumeClaimClass: the beta annotation wins, then spec.storageClassName, else "". */
export function claimClass(claim: Claim): string {
  const ann = claim.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS]
  if (ann !== undefined) return ann
  return claim.spec?.storageClassName ?? ''
}

/** PersistentVolumeClaimHasClass: a class was asked for, even the empty one (""). */
export function claimHasClass(claim: Claim): boolean {
  return claim.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS] !== undefined || claim.spec?.storageClassName != null
}

/** GetPersistentVolumeClass */
export function volumeClass(volume: Volume): string {
  const ann = volume.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS]
  if (ann !== undefined) return ann
  return volume.spec?.storageClassName ?? ''
}

/**
 * util.GetDefaultClass: the classes annotated as default; with several, the newest wins, then the
 * first by name.
 */
export function defaultClass(classes: readonly StorageClass[]): StorageClass | undefined {
  const defaults = classes.filter((c) => c.metadata?.annotations?.[ANN_DEFAULT_STORAGE_CLASS] === 'true')
  defaults.sort((a, b) => {
    const ta = a.metadata?.creationTimestamp ?? ''
    const tb = b.metadata?.creationTimestamp ?? ''
    if (ta !== tb) return ta > tb ? -1 : 1
    const na = a.metadata?.name ?? ''
    const nb = b.metadata?.name ?? ''
    return na < nb ? -1 : na > nb ? 1 : 0
  })
  return defaults[0]
}

/** IsVolumeBoundToClaim: claimRef names the claim (and, when it has a uid, the same uid). */
export function isVolumeBoundToClaim(volume: Volume, claim: Claim): boolean {
  const ref = volume.spec?.claimRef
  if (!ref) return false
  if (ref.name !== claim.metadata?.name || ref.namespace !== claim.metadata?.namespace) return false
  return !ref.uid || ref.uid === claim.metadata?.uid
}

/** CheckAccessModes: the PV offers every mode the claim asks for. */
export function checkAccessModes(claim: Claim, volume: Volume): boolean {
  const offered = new Set(volume.spec?.accessModes ?? [])
  return (claim.spec?.accessModes ?? []).every((m) => offered.has(m))
}

/** CheckVolumeModeMismatches (an unset mode is Filesystem). */
export function volumeModeMismatch(claim: Claim, volume: Volume): boolean {
  return (claim.spec?.volumeMode ?? 'Filesystem') !== (volume.spec?.volumeMode ?? 'Filesystem')
}

export function requestedBytes(claim: Claim): number {
  return parseQuantity(claim.spec?.resources?.requests?.storage as string | undefined) ?? 0
}

export function capacityBytes(volume: Volume): number {
  return parseQuantity(volume.spec?.capacity?.storage as string | undefined) ?? 0
}

const MODE_ABBREV: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' }

/** GetAccessModesAsString: the index key of a PV, always in RWO,ROX,RWX,RWOP order. */
export function accessModesKey(modes: readonly string[] | undefined): string {
  if (modes === undefined) return ''
  let k = modesKeys.get(modes)
  if (k === undefined) {
    const set = new Set(modes)
    k = Object.keys(MODE_ABBREV)
      .filter((m) => set.has(m))
      .map((m) => MODE_ABBREV[m])
      .join(',')
    // A stored volume's modes never change under it: a claim's sync groups every volume by them.
    if (Object.isFrozen(modes)) modesKeys.set(modes, k)
  }
  return k
}

const modesKeys = new WeakMap<readonly string[], string>()

/**
 * FindMatchingVolume, PV-controller path (no node): a volume pre-bound to the claim wins; otherwise the
 * smallest Available volume of the claim's class whose labels match its selector. With delayBinding
 * (WaitForFirstConsumer) only pre-bound volumes are returned: the scheduler binds the rest.
 */
export function findMatchingVolume(claim: Claim, volumes: readonly Volume[], delayBinding: boolean): Volume | undefined {
  const requested = requestedBytes(claim)
  const wantClass = claimClass(claim)
  const selector = claim.spec?.selector ? fromLabelSelector(claim.spec.selector) : undefined
  let smallest: Volume | undefined
  let smallestSize = 0
  for (const volume of volumes) {
    if (volume.spec?.claimRef && !isVolumeBoundToClaim(volume, claim)) continue
    const size = capacityBytes(volume)
    if (size < requested) continue
    if (volumeModeMismatch(claim, volume)) continue
    if (volume.metadata?.deletionTimestamp) continue
    if (isVolumeBoundToClaim(volume, claim)) return volume
    if (delayBinding) continue
    if (volume.status?.phase !== 'Available') continue
    if (selector !== undefined && !matches(selector, volume.metadata?.labels)) continue
    if (volumeClass(volume) !== wantClass) continue
    if (smallest === undefined || size < smallestSize) {
      smallest = volume
      smallestSize = size
    }
  }
  return smallest
}

/**
 * findByClaim: volumes are grouped by their access-mode set; the groups that offer every mode the claim
 * asks for are searched with the fewest modes first, so a RWO claim takes a RWO volume before a
 * RWO,RWX one even when the latter is smaller. Ties between groups go by key (upstream's map order is
 * random; ours is fixed).
 */
export function findBestMatchForClaim(claim: Claim, volumes: readonly Volume[], delayBinding: boolean): Volume | undefined {
  const groups = new Map<string, Volume[]>()
  for (const v of volumes) {
    const k = accessModesKey(v.spec?.accessModes)
    let g = groups.get(k)
    if (!g) groups.set(k, (g = []))
    g.push(v)
  }
  const wanted = claim.spec?.accessModes ?? []
  const candidates = [...groups.keys()]
    .filter((k) => {
      const offered = new Set(k ? k.split(',') : [])
      return wanted.every((m) => offered.has(MODE_ABBREV[m] ?? m))
    })
    .sort((a, b) => {
      const na = a ? a.split(',').length : 0
      const nb = b ? b.split(',').length : 0
      return na !== nb ? na - nb : a < b ? -1 : a > b ? 1 : 0
    })
  for (const k of candidates) {
    const found = findMatchingVolume(claim, groups.get(k)!, delayBinding)
    if (found) return found
  }
  return undefined
}

/**
 * checkVolumeSatisfyClaim (pv_controller.go): why a volume the claim names in spec.volumeName cannot
 * be bound, or undefined when it can.
 */
export function volumeUnsatisfiedReason(volume: Volume, claim: Claim): string | undefined {
  if (volume.metadata?.deletionTimestamp) return `the volume is marked for deletion "${volume.metadata.name}"`
  if (capacityBytes(volume) < requestedBytes(claim)) return 'requested PV is too small'
  if (volumeClass(volume) !== claimClass(claim)) return 'storageClassName does not match'
  if (volumeModeMismatch(claim, volume)) return 'incompatible volumeMode'
  if (!checkAccessModes(claim, volume)) return 'incompatible accessMode'
  return undefined
}
