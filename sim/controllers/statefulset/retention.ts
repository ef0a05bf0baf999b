// PVC owner references for persistentVolumeClaimRetentionPolicy (upstream stateful_set_utils.go
// isClaimOwnerUpToDate / updateClaimOwnerRefForSetAndPod, v1.32+). The garbage collector does the
// deleting: whenDeleted=Delete gives claims a controller ref to the set, whenScaled=Delete gives a
// scaled-down pod's claims a controller ref to that pod.

import type { OwnerReference, PersistentVolumeClaim, Pod, StatefulSet } from '../../api/types'
import { inOrdinalRange } from './identity'

type Policy = 'Retain' | 'Delete'

export function retentionPolicy(set: StatefulSet): { whenDeleted: Policy; whenScaled: Policy } {
  const p = set.spec?.persistentVolumeClaimRetentionPolicy
  return { whenDeleted: (p?.whenDeleted as Policy) ?? 'Retain', whenScaled: (p?.whenScaled as Policy) ?? 'Retain' }
}

interface Owner {
  apiVersion: string
  kind: string
  name: string
  uid: string
}

export function setOwner(set: StatefulSet): Owner {
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata!.name!, uid: set.metadata!.uid ?? '' }
}

/** A pod not yet created has no uid (upstream passes its local object). */
export function podOwner(pod: Pod): Owner {
  return { apiVersion: 'v1', kind: 'Pod', name: pod.metadata!.name!, uid: pod.metadata?.uid ?? '' }
}

const refs = (claim: PersistentVolumeClaim): OwnerReference[] => claim.metadata?.ownerReferences ?? []

/** matchesRef: same group/version, kind and name (the uid is not compared). */
function matchesRef(ref: OwnerReference, o: Owner): boolean {
  return ref.apiVersion === o.apiVersion && ref.kind === o.kind && ref.name === o.name
}

function hasOwnerRef(claim: PersistentVolumeClaim, o: Owner): boolean {
  return refs(claim).some((r) => r.uid === o.uid)
}

/** A ref that names the object but carries another uid: left by a previous incarnation. */
export function hasStaleOwnerRef(claim: PersistentVolumeClaim, o: Owner): boolean {
  const r = refs(claim).find((x) => matchesRef(x, o))
  return r !== undefined && r.uid !== o.uid
}

export function hasUnexpectedController(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  const p = retentionPolicy(set)
  if (p.whenScaled === 'Retain' && p.whenDeleted === 'Retain') return false
  const s = setOwner(set)
  const po = podOwner(pod)
  for (const r of refs(claim)) {
    if (matchesRef(r, s)) {
      if (r.uid !== s.uid) return true
      continue
    }
    if (matchesRef(r, po)) {
      if (r.uid !== po.uid) return true
      continue
    }
    if (r.controller) return true
  }
  return false
}

function hasNonControllerOwner(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  const s = setOwner(set).uid
  const p = podOwner(pod).uid
  return refs(claim).some((r) => (r.uid === s || r.uid === p) && !r.controller)
}

export function isClaimOwnerUpToDate(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  const s = setOwner(set)
  const po = podOwner(pod)
  if (hasStaleOwnerRef(claim, s) || hasStaleOwnerRef(claim, po)) return true
  if (hasUnexpectedController(claim, set, pod)) return !(hasOwnerRef(claim, s) || hasOwnerRef(claim, po))
  if (hasNonControllerOwner(claim, set, pod)) return false
  const p = retentionPolicy(set)
  const scaledDown = !inOrdinalRange(pod, set)
  if (p.whenScaled === 'Retain' && p.whenDeleted === 'Retain') return !hasOwnerRef(claim, s) && !hasOwnerRef(claim, po)
  if (p.whenScaled === 'Retain' && p.whenDeleted === 'Delete') return hasOwnerRef(claim, s) && !hasOwnerRef(claim, po)
  if (p.whenScaled === 'Delete' && p.whenDeleted === 'Retain') return !hasOwnerRef(claim, s) && scaledDown === hasOwnerRef(claim, po)
  // Delete / Delete: a scaled-down pod's claim has only the pod ref, an in-range one only the set ref.
  return scaledDown !== hasOwnerRef(claim, s) && scaledDown === hasOwnerRef(claim, po)
}

function controllerRef(o: Owner): OwnerReference {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.name, uid: o.uid, controller: true, blockOwnerDeletion: true }
}

/** The claim's owner references as the policy wants them (our refs scrubbed, then re-added). */
export function desiredClaimRefs(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): OwnerReference[] {
  const s = setOwner(set)
  const po = podOwner(pod)
  const unexpected = hasUnexpectedController(claim, set, pod)
  let out = refs(claim).filter((r) => !matchesRef(r, s) && !matchesRef(r, po))
  if (unexpected) return out
  const add = (o: Owner) => {
    if (!out.some((r) => r.uid === o.uid)) out = [...out, controllerRef(o)]
  }
  const p = retentionPolicy(set)
  const scaledDown = !inOrdinalRange(pod, set)
  if (p.whenScaled === 'Retain' && p.whenDeleted === 'Delete') add(s)
  else if (p.whenScaled === 'Delete' && p.whenDeleted === 'Retain') {
    if (scaledDown) add(po)
  } else if (p.whenScaled === 'Delete' && p.whenDeleted === 'Delete') add(scaledDown ? po : s)
  return out
}
