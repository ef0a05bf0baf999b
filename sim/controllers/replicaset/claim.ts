// Ownership by label selector (k8s.io/kubernetes/pkg/controller/controller_ref_manager.go,
// BaseControllerRefManager.ClaimObject): a controller keeps what it owns and still selects,
// releases what it owns but no longer selects, and adopts orphans it selects. Shared by the
// ReplicaSet controller (claiming pods) and the Deployment controller (claiming ReplicaSets).

import { controllerOf } from '../../api/owners'
import { matches, type Selector } from '../../api/selectors'
import type { KubeObject, OwnerReference } from '../../api/types'

export interface ClaimPlan<T> {
  /** Objects the controller keeps (already owned and matching, or about to be adopted). */
  claimed: T[]
  adopt: T[]
  release: T[]
}

interface Claimant {
  metadata: { uid?: string; namespace?: string; deletionTimestamp?: string }
}

export function planClaim<T extends { metadata?: KubeObject['metadata'] }>(
  owner: Claimant,
  selector: Selector,
  objects: readonly T[],
): ClaimPlan<T> {
  const plan: ClaimPlan<T> = { claimed: [], adopt: [], release: [] }
  const ownerDeleting = !!owner.metadata.deletionTimestamp
  for (const o of objects) {
    const ref = controllerOf(o)
    const selected = matches(selector, o.metadata?.labels)
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue
      if (selected) plan.claimed.push(o)
      // An owner being deleted does not release anything: the garbage collector takes it all.
      else if (!ownerDeleting) plan.release.push(o)
      continue
    }
    // An orphan: adopted only by a live owner, only if selected, only if not itself being deleted.
    if (ownerDeleting || !selected) continue
    if (o.metadata?.deletionTimestamp) continue
    if (owner.metadata.namespace && owner.metadata.namespace !== o.metadata?.namespace) continue
    plan.adopt.push(o)
    plan.claimed.push(o)
  }
  return plan
}

/** The ownerReferences after adopting: the controller's reference appended. */
export function withControllerRef(refs: readonly OwnerReference[] | undefined, ref: OwnerReference): OwnerReference[] {
  return [...(refs ?? []), ref]
}

/** The ownerReferences after releasing: the owner's reference removed (by uid). */
export function withoutOwner(refs: readonly OwnerReference[] | undefined, ownerUid: string): OwnerReference[] {
  return (refs ?? []).filter((r) => r.uid !== ownerUid)
}
