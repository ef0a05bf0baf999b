// Adoption and release (upstream ControllerRefManager.ClaimPods / ClaimControllerRevisions as the
// StatefulSet controller uses them): orphans that match the selector, and for pods are named
// `<set>-<n>`, get the set as controller; owned objects that stop matching lose it.

import { fromLabelSelector } from '../../api/selectors'
import { controllerOf, newControllerRef } from '../../api/owners'
import type { ControllerRevision, KubeObject, Pod } from '../../api/types'
import type { ControllerContext } from '../runtime'
import type { Set } from './identity'
import { isWanted } from './pod-facts'
import { COMPONENT } from './pod-control'

/** What claimPods does with one pod of the set's namespace (ClaimPods: match, adopt or release). */
export type PodClaim = 'own' | 'release' | 'adopt' | 'skip'

export function podClaim(set: Set, pod: Pod): PodClaim {
  const ref = controllerOf(pod)
  // Pods another controller owns are not this set's business.
  if (ref && ref.uid !== set.metadata.uid) return 'skip'
  const wanted = isWanted(set, pod)
  const deleting = !!set.metadata.deletionTimestamp
  if (ref) return wanted || deleting ? 'own' : 'release'
  return !wanted || deleting || pod.metadata?.deletionTimestamp ? 'skip' : 'adopt'
}

/** The set's pods after adopting orphans and releasing pods that no longer belong. */
export function claimPods(set: Set, ctx: ControllerContext): Pod[] {
  const owned: Pod[] = []
  // The pods this set controls and the orphans, in store order.
  for (const pod of ctx.api.claimable('Pod', set.metadata.namespace!, set.metadata.uid!)) {
    const claim = podClaim(set, pod)
    if (claim === 'own') owned.push(pod)
    else if (claim === 'release') release(pod as unknown as KubeObject, set.metadata.uid!, ctx)
    else if (claim === 'adopt') {
      const adopted = adopt(pod as unknown as KubeObject, set, ctx)
      if (adopted) owned.push(adopted as unknown as Pod)
    }
  }
  return owned
}

/** ListRevisions: revisions matching the selector that the set controls or nobody controls (adopted). */
export function claimRevisions(set: Set, ctx: ControllerContext): ControllerRevision[] {
  const selector = fromLabelSelector(set.spec?.selector)
  const out: ControllerRevision[] = []
  for (const r of ctx.api.list('ControllerRevision', { namespace: set.metadata.namespace, selector })) {
    const ref = controllerOf(r)
    if (ref && ref.uid !== set.metadata.uid) continue
    if (!ref) {
      if (set.metadata.deletionTimestamp) continue
      const adopted = adopt(r as unknown as KubeObject, set, ctx)
      if (adopted) out.push(adopted as unknown as ControllerRevision)
      continue
    }
    out.push(r as unknown as ControllerRevision)
  }
  return out
}

function adopt(obj: KubeObject, set: Set, ctx: ControllerContext): KubeObject | undefined {
  // CanAdopt: re-read the set; a set that was deleted and re-created under the same name must not adopt.
  const fresh = ctx.api.get('StatefulSet', set.metadata.namespace!, set.metadata.name!)
  if (!fresh || fresh.metadata.uid !== set.metadata.uid || fresh.metadata.deletionTimestamp) return undefined
  const refs = [...(obj.metadata.ownerReferences ?? []), newControllerRef(set as unknown as KubeObject)]
  return ctx.api.update({ ...obj, metadata: { ...obj.metadata, ownerReferences: refs } }, { actor: COMPONENT })
}

function release(obj: KubeObject, ownerUid: string, ctx: ControllerContext): void {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid)
  ctx.api.update({ ...obj, metadata: { ...obj.metadata, ownerReferences: refs.length ? refs : undefined } }, { actor: COMPONENT })
}
