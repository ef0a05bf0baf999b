// Queue keys of the garbage collector: `Kind/namespace/name` (namespace empty for cluster-scoped
// kinds). A key names a place, not an incarnation: the reconcile reads whatever object lives there now
// and compares uids, so an owner re-created under the same name is judged by its new uid.

import { deepEqual } from '../../core/json'
import { isKind, kindInfo, type Kind } from '../../api/kinds'
import type { ApiServer } from '../../api/server'
import type { KubeObject, OwnerReference, WatchEvent } from '../../api/types'
import { isDeletingDependents } from './plan'

export function gcKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`
}

export function keyOfObject(o: KubeObject): string {
  return gcKey(o.kind, o.metadata.namespace, o.metadata.name!)
}

export function parseGcKey(key: string): { kind: Kind; namespace: string; name: string } | undefined {
  const a = key.indexOf('/')
  const b = key.indexOf('/', a + 1)
  if (a < 0 || b < 0) return undefined
  const kind = key.slice(0, a)
  if (!isKind(kind)) return undefined
  return { kind, namespace: key.slice(a + 1, b), name: key.slice(b + 1) }
}

/**
 * Where the owner a reference names lives. Owner references carry no namespace: a namespaced owner
 * is in the dependent's namespace. Undefined when the kind is not served (with its API group) or a
 * cluster-scoped object names a namespaced owner (upstream: namespacedOwnerOfClusterScopedObjectErr).
 */
export function ownerLocation(ref: OwnerReference, dependentNamespace: string | undefined): { kind: Kind; namespace: string } | undefined {
  if (!isKind(ref.kind)) return undefined
  const info = kindInfo(ref.kind)
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.slice(0, ref.apiVersion.indexOf('/')) : ''
  if (group !== info.group) return undefined
  if (!info.namespaced) return { kind: ref.kind, namespace: '' }
  if (!dependentNamespace) return undefined
  return { kind: ref.kind, namespace: dependentNamespace }
}

function ownerKeys(refs: readonly OwnerReference[], namespace: string | undefined): string[] {
  const out: string[] = []
  for (const r of refs) {
    const loc = ownerLocation(r, namespace)
    if (loc) out.push(gcKey(loc.kind, loc.namespace, r.name))
  }
  return out
}

/** The keys of an owner's dependents, sorted so the order does not depend on how the index was built. */
export function dependentKeys(api: ApiServer, uid: string | undefined): string[] {
  return uid ? api.dependents(uid).map((d) => keyOfObject(d as unknown as KubeObject)).sort() : []
}

/** Watch events mapped to the keys whose state they may change (the graph builder's job upstream). */
export function gcKeysFor(ev: WatchEvent, api: ApiServer): string[] {
  const o = ev.object
  // Most writes are of objects without owners or keep them and their deletion state (the same
  // stored members): nothing to judge, and no key string or set to build.
  const m = o.metadata
  if (ev.type === 'ADDED' && !m.ownerReferences?.length && !m.deletionTimestamp) return []
  const was = ev.old?.metadata
  if (ev.type === 'MODIFIED' && was && was.ownerReferences === m.ownerReferences && was.deletionTimestamp === m.deletionTimestamp && was.finalizers === m.finalizers) return []
  const self = keyOfObject(o)
  const refs = o.metadata.ownerReferences ?? []
  const out = new Set<string>()
  switch (ev.type) {
    case 'ADDED':
      // A new dependent may already point at a dead owner; a restored owner may be mid-deletion.
      if (refs.length || o.metadata.deletionTimestamp) out.add(self)
      if (isDeletingDependents(o.metadata)) for (const k of dependentKeys(api, o.metadata.uid)) out.add(k)
      break
    case 'MODIFIED': {
      const old = ev.old?.metadata
      const oldRefs = old?.ownerReferences ?? []
      if (!deepEqual(refs, oldRefs)) {
        out.add(self)
        // An owner waiting in the foreground re-checks whether this dependent still blocks it.
        for (const k of [...ownerKeys(oldRefs, o.metadata.namespace), ...ownerKeys(refs, o.metadata.namespace)]) out.add(k)
      }
      const deletionChanged = old?.deletionTimestamp !== o.metadata.deletionTimestamp || !deepEqual(old?.finalizers, o.metadata.finalizers)
      if (deletionChanged && o.metadata.deletionTimestamp) {
        out.add(self)
        // startsWaitingForDependentsDeleted: every dependent goes to attemptToDelete.
        if (isDeletingDependents(o.metadata)) for (const k of dependentKeys(api, o.metadata.uid)) out.add(k)
      }
      break
    }
    case 'DELETED':
      // The dependents of a vanished owner are judged again; owners waiting for this object re-check.
      for (const k of dependentKeys(api, o.metadata.uid)) out.add(k)
      for (const k of ownerKeys(refs, o.metadata.namespace)) out.add(k)
      break
  }
  return [...out]
}
