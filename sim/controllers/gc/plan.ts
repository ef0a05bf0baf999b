// What the garbage collector decides about one object, as pure functions over data the controller
// reads from the API server (upstream: pkg/controller/garbagecollector/garbagecollector.go,
// attemptToDeleteItem, classifyReferences, processDeletingDependentsItem, attemptToOrphanWorker).

import type { OwnerReference } from '../../api/types'
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN, type PropagationPolicy } from '../../api/server'

export { FINALIZER_FOREGROUND, FINALIZER_ORPHAN }

/** The parts of an object's metadata the collector looks at. */
export interface GcMeta {
  uid?: string
  deletionTimestamp?: string
  finalizers?: readonly string[]
  ownerReferences?: readonly OwnerReference[]
}

/** What the API server says about the object an owner reference names. */
export type OwnerLookup =
  | { found: false }
  | { found: true; uid: string; meta: GcMeta }
  /** The reference cannot be resolved (unknown kind, a namespaced owner of a cluster-scoped object). */
  | { unresolvable: true }

export interface Classified {
  solid: OwnerReference[]
  dangling: OwnerReference[]
  waitingForDependentsDeletion: OwnerReference[]
}

export function hasFinalizer(meta: GcMeta, finalizer: string): boolean {
  return meta.finalizers?.includes(finalizer) ?? false
}

/** isDeletingDependents: being deleted in the foreground (the owner waits for its dependents). */
export function isDeletingDependents(meta: GcMeta): boolean {
  return !!meta.deletionTimestamp && hasFinalizer(meta, FINALIZER_FOREGROUND)
}

/** isOrphaning: being deleted with propagationPolicy Orphan. */
export function isOrphaning(meta: GcMeta): boolean {
  return !!meta.deletionTimestamp && hasFinalizer(meta, FINALIZER_ORPHAN)
}

/**
 * classifyReferences: an owner that is gone, or exists with another uid (re-created under the same
 * name), is dangling; one being deleted in the foreground is waiting for its dependents; any other is
 * solid. Returns undefined when a reference cannot be resolved: upstream then leaves the object alone.
 */
export function classifyReferences(refs: readonly OwnerReference[], lookup: (ref: OwnerReference) => OwnerLookup): Classified | undefined {
  const out: Classified = { solid: [], dangling: [], waitingForDependentsDeletion: [] }
  for (const ref of refs) {
    const owner = lookup(ref)
    if ('unresolvable' in owner) return undefined
    if (!owner.found || owner.uid !== ref.uid) out.dangling.push(ref)
    else if (isDeletingDependents(owner.meta)) out.waitingForDependentsDeletion.push(ref)
    else out.solid.push(ref)
  }
  return out
}

export type DependentAction =
  | { type: 'none' }
  /** Patch the named references out; the object keeps living for its solid owners. */
  | { type: 'removeOwnerReferences'; uids: string[] }
  /**
   * Delete the object. `unblockOwnerReferences` first turns its blockOwnerDeletion refs off (upstream's
   * cycle breaker when an owner and a dependent both delete in the foreground).
   */
  | { type: 'delete'; policy: PropagationPolicy; unblockOwnerReferences: boolean }

export interface DependentFacts {
  meta: GcMeta
  classified: Classified | undefined
  /** The object itself owns something (the server's owner index has entries for its uid). */
  hasDependents: boolean
  /** One of its own dependents is being deleted in the foreground. */
  aDependentIsDeletingDependents: boolean
}

/** attemptToDeleteItem for an object that is not itself being deleted. */
export function planDependent(f: DependentFacts): DependentAction {
  const refs = f.meta.ownerReferences ?? []
  // "being deleted" is a one-way trip: wait for the final deletion.
  if (f.meta.deletionTimestamp) return { type: 'none' }
  if (refs.length === 0 || !f.classified) return { type: 'none' }
  const { solid, dangling, waitingForDependentsDeletion: waiting } = f.classified
  if (solid.length > 0) {
    if (dangling.length === 0 && waiting.length === 0) return { type: 'none' }
    // Waiting references go too, or their owners would keep the foregroundDeletion finalizer forever.
    return { type: 'removeOwnerReferences', uids: [...dangling, ...waiting].map((r) => r.uid) }
  }
  if (waiting.length > 0 && f.hasDependents) {
    return { type: 'delete', policy: 'Foreground', unblockOwnerReferences: f.aDependentIsDeletingDependents }
  }
  // No solid owner: collect it, honouring a GC finalizer it already carries.
  const policy: PropagationPolicy = hasFinalizer(f.meta, FINALIZER_ORPHAN)
    ? 'Orphan'
    : hasFinalizer(f.meta, FINALIZER_FOREGROUND)
      ? 'Foreground'
      : 'Background'
  return { type: 'delete', policy, unblockOwnerReferences: false }
}

export interface DependentRef {
  key: string
  meta: GcMeta
}

export type OwnerAction =
  | { type: 'none' }
  /** Remove the owner's reference from every dependent, then its `orphan` finalizer. */
  | { type: 'orphan'; dependents: string[] }
  /** Dependents still block the owner: make sure each is being collected. */
  | { type: 'deleteDependents'; dependents: string[] }
  | { type: 'removeFinalizer'; finalizer: string }

/**
 * What to do for an owner that is being deleted (processDeletingDependentsItem and
 * attemptToOrphanWorker). `dependents` are the objects whose ownerReferences name its uid.
 */
export function planOwner(meta: GcMeta, dependents: readonly DependentRef[]): OwnerAction {
  if (!meta.deletionTimestamp || !meta.uid) return { type: 'none' }
  if (hasFinalizer(meta, FINALIZER_ORPHAN)) {
    const stillOwned = dependents.filter((d) => refTo(d.meta, meta.uid!) !== undefined).map((d) => d.key)
    return stillOwned.length ? { type: 'orphan', dependents: stillOwned } : { type: 'removeFinalizer', finalizer: FINALIZER_ORPHAN }
  }
  if (hasFinalizer(meta, FINALIZER_FOREGROUND)) {
    // Only dependents whose reference has blockOwnerDeletion hold the owner back (blockingDependents).
    const blocking = dependents.filter((d) => refTo(d.meta, meta.uid!)?.blockOwnerDeletion === true)
    if (blocking.length === 0) return { type: 'removeFinalizer', finalizer: FINALIZER_FOREGROUND }
    // Every dependent is sent to attemptToDelete when the owner starts deleting in the foreground;
    // dependents already being deleted are left to finish.
    const toDelete = dependents.filter((d) => !d.meta.deletionTimestamp).map((d) => d.key)
    return { type: 'deleteDependents', dependents: toDelete }
  }
  return { type: 'none' }
}

export function refTo(meta: GcMeta, uid: string): OwnerReference | undefined {
  return meta.ownerReferences?.find((r) => r.uid === uid)
}

/** The references left after removing `uids` (GenerateDeleteOwnerRefStrategicMergeBytes). */
export function withoutOwnerReferences(refs: readonly OwnerReference[], uids: readonly string[]): OwnerReference[] {
  return refs.filter((r) => !uids.includes(r.uid))
}

/** unblockOwnerReferencesStrategicMergePatch: blockOwnerDeletion true becomes false. */
export function unblockedOwnerReferences(refs: readonly OwnerReference[]): OwnerReference[] {
  return refs.map((r) => (r.blockOwnerDeletion === true ? { ...r, blockOwnerDeletion: false } : r))
}
