// The garbage collector (kube-controller-manager's garbagecollector): deletes objects whose owners are
// all gone (background cascade), deletes the dependents of an owner deleted in the foreground and then
// lets the owner go, and strips an orphaned owner's references from its dependents. The dependency
// graph upstream keeps in memory is the API server's owner index here (`api.dependents(uid)`), so
// nothing needs re-deriving after a restore. Decisions are in ./gc/plan.ts.

import { KINDS } from '../api/kinds'
import { isApiError } from '../api/errors'
import type { KubeObject } from '../api/types'
import type { Controller, ControllerContext } from './runtime'
import type { ControllerDeps } from './deps'
import { gcKeysFor, keyOfObject, ownerLocation, parseGcKey } from './gc/keys'
import {
  classifyReferences,
  isDeletingDependents,
  planDependent,
  planOwner,
  unblockedOwnerReferences,
  withoutOwnerReferences,
  type DependentAction,
  type OwnerLookup,
} from './gc/plan'

const ACTOR = 'garbage-collector'

export function garbageCollectorController(_deps: ControllerDeps): Controller {
  return {
    name: 'garbage-collector',
    // Events neither own nor are owned in practice, and they are the busiest kind.
    watches: KINDS.filter((k) => k.kind !== 'Event').map((k) => k.kind),
    keysFor: (ev, ctx) => gcKeysFor(ev, ctx.api),
    initialKeys(ctx) {
      const keys: string[] = []
      for (const k of KINDS) {
        if (k.kind === 'Event') continue
        for (const o of ctx.api.list(k.kind)) {
          const m = (o as KubeObject).metadata
          if (m.ownerReferences?.length || m.deletionTimestamp) keys.push(keyOfObject(o as KubeObject))
        }
      }
      return keys
    },
    reconcile(key, ctx) {
      const loc = parseGcKey(key)
      if (!loc) return
      const obj = ctx.api.get(loc.kind, loc.namespace, loc.name) as KubeObject | undefined
      if (!obj) return
      try {
        if (obj.metadata.deletionTimestamp) processOwner(obj, ctx)
        else processDependent(obj, ctx)
      } catch (e) {
        // The object changed or vanished under us; the watch event that says so re-queues the key.
        if (isApiError(e, 'NotFound') || isApiError(e, 'Conflict')) return
        throw e
      }
    },
  }
}

function lookupOwner(ctx: ControllerContext, dependent: KubeObject) {
  return (ref: { apiVersion: string; kind: string; name: string; uid: string }): OwnerLookup => {
    const loc = ownerLocation(ref as never, dependent.metadata.namespace)
    if (!loc) return { unresolvable: true }
    const owner = ctx.api.get(loc.kind, loc.namespace, ref.name) as KubeObject | undefined
    return owner ? { found: true, uid: owner.metadata.uid!, meta: owner.metadata } : { found: false }
  }
}

/** attemptToDeleteItem for a live object. */
function processDependent(obj: KubeObject, ctx: ControllerContext): void {
  const refs = obj.metadata.ownerReferences ?? []
  if (refs.length === 0) return
  const dependents = ctx.api.dependents(obj.metadata.uid!) as unknown as KubeObject[]
  const action = planDependent({
    meta: obj.metadata,
    classified: classifyReferences(refs, lookupOwner(ctx, obj)),
    hasDependents: dependents.length > 0,
    aDependentIsDeletingDependents: dependents.some((d) => isDeletingDependents(d.metadata)),
  })
  execDependent(obj, action, ctx)
}

function execDependent(obj: KubeObject, action: DependentAction, ctx: ControllerContext): void {
  const kind = obj.kind as never
  const ns = obj.metadata.namespace ?? ''
  const name = obj.metadata.name!
  switch (action.type) {
    case 'none':
      return
    case 'removeOwnerReferences':
      patchOwnerReferences(obj, withoutOwnerReferences(obj.metadata.ownerReferences ?? [], action.uids), ctx)
      return
    case 'delete':
      if (action.unblockOwnerReferences) patchOwnerReferences(obj, unblockedOwnerReferences(obj.metadata.ownerReferences ?? []), ctx)
      // The uid precondition keeps a same-named successor safe.
      ctx.api.delete(kind, ns, name, { actor: ACTOR, propagationPolicy: action.policy, uid: obj.metadata.uid })
      return
  }
}

function patchOwnerReferences(obj: KubeObject, refs: unknown[], ctx: ControllerContext): void {
  ctx.api.patch(
    obj.kind as never,
    obj.metadata.namespace ?? '',
    obj.metadata.name!,
    'merge',
    { metadata: { uid: obj.metadata.uid, ownerReferences: refs.length ? refs : null } },
    { actor: ACTOR },
  )
}

/** An object being deleted: orphan its dependents, or wait for them in the foreground. */
function processOwner(owner: KubeObject, ctx: ControllerContext): void {
  // Sorted: the owner index is rebuilt in another order after a restore, and writes should not depend on it.
  const dependents = (ctx.api.dependents(owner.metadata.uid!) as unknown as KubeObject[]).sort((a, b) => (keyOfObject(a) < keyOfObject(b) ? -1 : 1))
  const byKey = new Map(dependents.map((d) => [keyOfObject(d), d]))
  const action = planOwner(
    owner.metadata,
    dependents.map((d) => ({ key: keyOfObject(d), meta: d.metadata })),
  )
  switch (action.type) {
    case 'none':
      return
    case 'deleteDependents':
      for (const k of action.dependents) ctx.enqueue(k)
      return
    case 'orphan':
      for (const k of action.dependents) {
        const d = byKey.get(k)!
        try {
          patchOwnerReferences(d, withoutOwnerReferences(d.metadata.ownerReferences ?? [], [owner.metadata.uid!]), ctx)
        } catch (e) {
          if (!isApiError(e, 'NotFound')) throw e
        }
      }
      removeFinalizer(owner, 'orphan', ctx)
      return
    case 'removeFinalizer':
      removeFinalizer(owner, action.finalizer, ctx)
      return
  }
}

/** removeFinalizer: a merge patch of the remaining finalizers, guarded by resourceVersion. */
function removeFinalizer(owner: KubeObject, finalizer: string, ctx: ControllerContext): void {
  const latest = ctx.api.get(owner.kind as never, owner.metadata.namespace ?? '', owner.metadata.name!) as KubeObject | undefined
  if (!latest || latest.metadata.uid !== owner.metadata.uid) return
  const finalizers = latest.metadata.finalizers ?? []
  if (!finalizers.includes(finalizer)) return
  const rest = finalizers.filter((f) => f !== finalizer)
  ctx.api.patch(
    latest.kind as never,
    latest.metadata.namespace ?? '',
    latest.metadata.name!,
    'merge',
    { metadata: { resourceVersion: latest.metadata.resourceVersion, finalizers: rest.length ? rest : null } },
    { actor: ACTOR },
  )
}
