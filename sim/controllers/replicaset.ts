// The ReplicaSet controller (pkg/controller/replicaset/replica_set.go, syncReplicaSet): keeps
// spec.replicas active pods with random-suffix names, adopts matching orphans, releases pods that
// stop matching, and reports counts. Pods that Failed or Succeeded are inactive: they are not
// counted and not deleted (the pod GC's job); a replacement is created next to them.
// Expectations are not needed: every reconcile reads the API server's current state.

import { ApiError, isApiError } from '../api/errors'
import { controllerOf, newControllerRef } from '../api/owners'
import { isPodActive } from '../api/pod-util'
import { fromLabelSelector, matches } from '../api/selectors'
import type { KubeObject, Obj, OwnerReference, Pod } from '../api/types'
import type { ControllerDeps } from './deps'
import { keyOf, splitKey, type Controller, type ControllerContext } from './runtime'
import { planClaim, withControllerRef, withoutOwner } from './replicaset/claim'
import { replicaSetKeysFor } from './replicaset/handlers'
import { planReplicaSetSync } from './replicaset/plan'
import { hasLabels, podFromTemplate } from './replicaset/pod-template'
import {
  calculateReplicaSetStatus,
  nextAvailabilityCheck,
  replicaSetStatusUpToDate,
  withObservedGeneration,
  type ManageFailure,
} from './replicaset/status'

export const REPLICASET_CONTROLLER = 'replicaset-controller'

type RS = Obj<'ReplicaSet'>

export function replicaSetController(_deps: ControllerDeps): Controller {
  return {
    name: REPLICASET_CONTROLLER,
    watches: ['ReplicaSet', 'Pod'],
    keysFor: (ev, ctx) => replicaSetKeysFor(ev, ctx.api),
    initialKeys: (ctx) => ctx.api.list('ReplicaSet').map((rs) => keyOf(rs.metadata.namespace, rs.metadata.name!)),
    reconcile: (key, ctx) => syncReplicaSet(key, ctx),
  }
}

function syncReplicaSet(key: string, ctx: ControllerContext): void {
  const [ns, name] = splitKey(key)
  const rs = ctx.api.get('ReplicaSet', ns, name)
  if (!rs) return
  const selector = fromLabelSelector(rs.spec?.selector)
  // Every active pod of the namespace, so that owned pods which stopped matching are released too.
  const active = ctx.api.list('Pod', { namespace: ns }).filter(isPodActive)
  const pods = claimPods(rs, active, selector, ctx)

  let failure: (ManageFailure & { error: ApiError }) | undefined
  if (!rs.metadata.deletionTimestamp) failure = manageReplicas(rs, pods, ctx)

  const now = ctx.now()
  const fresh = ctx.api.get('ReplicaSet', ns, name)
  if (fresh && fresh.metadata.uid === rs.metadata.uid) {
    const status = calculateReplicaSetStatus(fresh, pods, failure, now)
    if (!replicaSetStatusUpToDate(fresh, status)) {
      ctx.api.updateStatus({ ...fresh, status: withObservedGeneration(fresh, status) }, { actor: REPLICASET_CONTROLLER })
    }
    const at = nextAvailabilityCheck(fresh, pods, now)
    if (at !== undefined) ctx.requeueAfter(key, at - now)
  }
  // A failed sync is retried with back-off, as upstream requeues it rate-limited.
  if (failure) throw failure.error
}

/** claimPods: adopt matching orphans, release owned pods that no longer match. */
function claimPods(rs: RS, active: Pod[], selector: ReturnType<typeof fromLabelSelector>, ctx: ControllerContext): Pod[] {
  const plan = planClaim(rs, selector, active)
  const ns = rs.metadata.namespace!
  const claimed: Pod[] = []
  const adopted = new Set(plan.adopt)
  for (const pod of plan.claimed) {
    if (!adopted.has(pod)) {
      claimed.push(pod)
      continue
    }
    const next = patchOwners(ctx, ns, pod, withControllerRef(pod.metadata?.ownerReferences, newControllerRef(rs)))
    if (next) claimed.push(next)
  }
  for (const pod of plan.release) patchOwners(ctx, ns, pod, withoutOwner(pod.metadata?.ownerReferences, rs.metadata.uid!))
  return claimed
}

/** Adoption and release are patches carrying the pod's uid, so they never touch a same-named successor. */
function patchOwners(ctx: ControllerContext, ns: string, pod: Pod, refs: OwnerReference[]): Pod | undefined {
  try {
    return ctx.api.patch('Pod', ns, pod.metadata!.name!, 'merge', { metadata: { ownerReferences: refs, uid: pod.metadata!.uid } }, { actor: REPLICASET_CONTROLLER }) as Pod
  } catch (e) {
    // Gone, or replaced by a pod with the same name: nothing to claim.
    if (isApiError(e, 'NotFound') || isApiError(e, 'Conflict')) return undefined
    throw e
  }
}

/** manageReplicas: create the missing pods (slow start) or delete the surplus (ranked). */
function manageReplicas(rs: RS, pods: Pod[], ctx: ControllerContext): (ManageFailure & { error: ApiError }) | undefined {
  const desired = rs.spec?.replicas ?? 1
  const diff = pods.length - desired
  const related = diff > 0 ? relatedPods(rs, ctx) : []
  const plan = planReplicaSetSync(desired, pods, related, ctx.now())
  for (const size of plan.createBatches) {
    // Each batch runs to the end; a failure in it skips the batches after it.
    let first: ApiError | undefined
    for (let i = 0; i < size; i++) {
      const err = createPod(rs, ctx)
      if (err && !first) first = err
    }
    if (first) return { reason: 'FailedCreate', message: first.message, error: first }
  }
  let firstDelete: ApiError | undefined
  for (const pod of plan.deletes) {
    const podName = pod.metadata!.name!
    try {
      ctx.api.delete('Pod', rs.metadata.namespace!, podName, { actor: REPLICASET_CONTROLLER })
      ctx.events.record(rs as KubeObject, 'Normal', 'SuccessfulDelete', `Deleted pod: ${podName}`, { component: REPLICASET_CONTROLLER })
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      if (e.reason === 'NotFound') continue
      ctx.events.record(rs as KubeObject, 'Warning', 'FailedDelete', `Error deleting: ${e.message}`, { component: REPLICASET_CONTROLLER })
      firstDelete ??= e
    }
  }
  return firstDelete ? { reason: 'FailedDelete', message: firstDelete.message, error: firstDelete } : undefined
}

/** RealPodControl.CreatePods: one pod from the template, with its event. Returns the error, if any. */
function createPod(rs: RS, ctx: ControllerContext): ApiError | undefined {
  const pod = podFromTemplate(rs as RS & KubeObject)
  if (!hasLabels(pod)) return new ApiError('InternalError', 'unable to create pods, no labels')
  try {
    const created = ctx.api.create(pod, { actor: REPLICASET_CONTROLLER })
    ctx.events.record(rs as KubeObject, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata!.name}`, { component: REPLICASET_CONTROLLER })
    return undefined
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    // A namespace being terminated refuses every create; upstream treats that as nothing to do.
    if (e.reason === 'Forbidden' && e.message.includes('because it is being terminated')) return undefined
    ctx.events.record(rs as KubeObject, 'Warning', 'FailedCreate', `Error creating: ${e.message}`, { component: REPLICASET_CONTROLLER })
    return e
  }
}

/**
 * getIndirectlyRelatedPods: the pods selected by every ReplicaSet with the same controller (the
 * Deployment's old and new ReplicaSets), used to spread scale-down across nodes.
 */
function relatedPods(rs: RS, ctx: ControllerContext): Pod[] {
  const ref = controllerOf(rs)
  if (!ref) return []
  const ns = rs.metadata.namespace!
  const seen = new Set<string>()
  const out: Pod[] = []
  const all = ctx.api.list('Pod', { namespace: ns })
  for (const other of ctx.api.list('ReplicaSet', { namespace: ns })) {
    if (controllerOf(other)?.uid !== ref.uid) continue
    const sel = fromLabelSelector(other.spec?.selector)
    for (const p of all) {
      if (!matches(sel, p.metadata.labels) || seen.has(p.metadata.uid!)) continue
      seen.add(p.metadata.uid!)
      out.push(p as Pod)
    }
  }
  return out
}
