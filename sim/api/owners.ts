// Owner references (metav1.GetControllerOf and friends).

import type { KubeObject, OwnerReference } from './types'

export function controllerOf(obj: { metadata?: { ownerReferences?: OwnerReference[] } }): OwnerReference | undefined {
  const refs = obj.metadata?.ownerReferences
  if (refs) for (let i = 0; i < refs.length; i++) if (refs[i].controller === true) return refs[i]
  return undefined
}

export function isControlledBy(obj: { metadata?: { ownerReferences?: OwnerReference[] } }, ownerUid: string | undefined): boolean {
  return ownerUid !== undefined && controllerOf(obj)?.uid === ownerUid
}

/** metav1.NewControllerRef: the reference a controller puts on what it creates. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  }
}
