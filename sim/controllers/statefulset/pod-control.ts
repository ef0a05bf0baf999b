// Carries out a sync plan's pod and claim operations and records the StatefulSet's events
// (upstream stateful_pod_control.go). Events go on the StatefulSet, from statefulset-controller.

import { ApiError, isApiError } from '../../api/errors'
import type { KubeObject, PersistentVolumeClaim, Pod } from '../../api/types'
import { deepEqual } from '../../core/json'
import type { ControllerContext } from '../runtime'
import { claimNamesFor, claimsFor, identityMatches, ordinalOf, storageMatches, withIdentity, withStorage, type Set } from './identity'
import { desiredClaimRefs, hasUnexpectedController, isClaimOwnerUpToDate, retentionPolicy } from './retention'
import type { Step } from './planner'
import { ClaimLookup, podClaimsUpToDate, podFacts } from './pod-facts'

export const COMPONENT = 'statefulset-controller'
const ACTOR = COMPONENT

/** utilerrors.NewAggregate(...).Error(): one message, or `[a, b]`. */
function aggregate(errs: string[]): string {
  return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`
}

/** An error that already has its final text (the API's message, or a controller's own wording). */
export class SyncError extends ApiError {
  constructor(message: string) {
    super('InternalError', message)
  }
}

export class StatefulPodControl {
  /** The live claims, for the sync's checks (one lookup object per sync, not per pending pod). */
  private claims: ClaimLookup | undefined
  constructor(private readonly ctx: ControllerContext) {}

  run(step: Step, set: Set, updateSet: Set): void {
    switch (step.type) {
      case 'create':
        return this.createPod(set, step.pod)
      case 'createMissingClaims':
        // Every sync of a pending pod comes here; usually its claims are all in place already.
        if (step.row.claimsInPlace(set, (this.claims ??= new ClaimLookup(this.ctx.api, set.metadata.namespace!)))) return
        this.createClaims(set, step.pod)
        return this.updateClaimsForRetention(set, step.pod, 'update')
      case 'delete':
        return this.deletePod(set, step.pod, step.why === 'update')
      case 'repair':
        return this.updatePod(updateSet, step.pod)
      case 'fixClaims':
        return this.updateClaimsForRetention(updateSet, step.pod)
    }
  }

  /** CreateStatefulPod: claims first, then the pod, then the claims' retention refs. */
  private createPod(set: Set, pod: Pod): void {
    try {
      this.createClaims(set, pod)
    } catch (e) {
      this.podEvent('create', set, pod, (e as Error).message)
      throw e
    }
    let err: ApiError | undefined
    try {
      this.ctx.api.create(pod as unknown as KubeObject, { actor: ACTOR })
    } catch (e) {
      if (!isApiError(e)) throw e
      // AlreadyExists is sunk without an event: the informer will show us the pod next sync.
      if (e.reason === 'AlreadyExists') throw e
      err = e
    }
    try {
      this.updateClaimsForRetention(set, pod)
    } catch (e) {
      this.podEvent('update', set, pod, (e as Error).message)
      throw e
    }
    this.podEvent('create', set, pod, err?.message)
    if (err) throw err
  }

  /** createPersistentVolumeClaims: create what is missing; a claim being deleted blocks the pod. */
  createClaims(set: Set, pod: Pod): void {
    const errs: string[] = []
    // Names first: the claims (template copies) are only built when one is missing.
    const names = claimNamesFor(set, podFacts(pod).ordinal)
    for (let i = 0; i < names.length; i++) {
      const name = names[i]
      const live = this.ctx.api.get('PersistentVolumeClaim', set.metadata.namespace!, name)
      if (!live) {
        try {
          this.ctx.api.create(claimsFor(set, ordinalOf(pod))[i] as unknown as KubeObject, { actor: ACTOR })
          this.claimEvent(set, pod, name)
        } catch (e) {
          if (!isApiError(e)) throw e
          errs.push(`failed to create PVC ${name}: ${e.message}`)
          if (e.reason !== 'AlreadyExists') this.claimEvent(set, pod, name, e.message)
        }
      } else if (live.metadata.deletionTimestamp) {
        errs.push(`pvc ${name} is being deleted`)
      }
    }
    if (errs.length) throw new SyncError(aggregate(errs))
  }

  /** UpdatePodClaimForRetentionPolicy: make the claims' owner refs match the retention policy. */
  private updateClaimsForRetention(set: Set, pod: Pod, verbOnError?: 'update'): void {
    // Nothing to do when every claim is as the policy wants it (the common case, on every sync of a pending pod).
    if (podClaimsUpToDate(set, pod, new ClaimLookup(this.ctx.api, set.metadata.namespace!))) return
    try {
      for (const name of claimNamesFor(set, podFacts(pod).ordinal)) {
        const live = this.ctx.api.get('PersistentVolumeClaim', set.metadata.namespace!, name) as PersistentVolumeClaim | undefined
        if (!live || isClaimOwnerUpToDate(live, set, pod)) continue
        const p = retentionPolicy(set)
        if (hasUnexpectedController(live, set, pod) && !(p.whenDeleted === 'Retain' && p.whenScaled === 'Retain')) {
          this.ctx.events.record(set as unknown as KubeObject, 'Warning', 'ConflictingController',
            `PersistentVolumeClaim ${live.metadata!.name} has a conflicting OwnerReference that acts as a manging controller, the retention policy is ignored for this claim`,
            { component: COMPONENT })
        }
        const refs = desiredClaimRefs(live, set, pod)
        if (deepEqual(refs, live.metadata?.ownerReferences ?? [])) continue
        try {
          this.ctx.api.update({ ...live, metadata: { ...live.metadata, ownerReferences: refs.length ? refs : undefined } }, { actor: ACTOR })
        } catch (e) {
          if (!isApiError(e)) throw e
          throw new SyncError(`Could not update claim ${live.metadata!.name} for delete policy ownerRefs: ${e.message}`)
        }
      }
    } catch (e) {
      if (verbOnError && e instanceof SyncError) this.podEvent(verbOnError, set, pod, e.message)
      throw e
    }
  }

  /** UpdateStatefulPod: restore identity and storage (never the containers), then the claims' refs. */
  private updatePod(set: Set, pod: Pod): void {
    let next = pod
    let consistent = true
    if (!identityMatches(set, next)) {
      next = withIdentity(set, next)
      consistent = false
    }
    if (!storageMatches(set, next)) {
      next = withStorage(set, next)
      consistent = false
      try {
        this.createClaims(set, next)
      } catch (e) {
        this.podEvent('update', set, next, (e as Error).message)
        throw e
      }
    }
    const claimsOk = claimNamesFor(set, ordinalOf(next)).every((name) => {
      const live = this.ctx.api.get('PersistentVolumeClaim', set.metadata.namespace!, name)
      return !live || isClaimOwnerUpToDate(live, set, next)
    })
    if (!claimsOk) {
      this.updateClaimsForRetention(set, next, 'update')
      consistent = false
    }
    if (consistent) return
    try {
      this.ctx.api.update(next as unknown as KubeObject, { actor: ACTOR })
      this.podEvent('update', set, next)
    } catch (e) {
      if (!isApiError(e)) throw e
      this.podEvent('update', set, next, e.message)
      throw e
    }
  }

  private deletePod(set: Set, pod: Pod, ignoreNotFound: boolean): void {
    try {
      this.ctx.api.delete('Pod', pod.metadata!.namespace!, pod.metadata!.name!, { actor: ACTOR })
      this.podEvent('delete', set, pod)
    } catch (e) {
      if (!isApiError(e)) throw e
      this.podEvent('delete', set, pod, e.message)
      if (ignoreNotFound && e.reason === 'NotFound') return
      throw e
    }
  }

  /** recordPodEvent: SuccessfulCreate "create Pod web-0 in StatefulSet web successful" / Failed*. */
  private podEvent(verb: 'create' | 'update' | 'delete', set: Set, pod: Pod, error?: string): void {
    const title = verb[0].toUpperCase() + verb.slice(1)
    const name = pod.metadata?.name
    if (error === undefined) {
      this.ctx.events.record(set as unknown as KubeObject, 'Normal', `Successful${title}`, `${verb} Pod ${name} in StatefulSet ${set.metadata.name} successful`, { component: COMPONENT })
    } else {
      this.ctx.events.record(set as unknown as KubeObject, 'Warning', `Failed${title}`, `${verb} Pod ${name} in StatefulSet ${set.metadata.name} failed error: ${error}`, { component: COMPONENT })
    }
  }

  /** recordClaimEvent: "create Claim www-web-0 Pod web-0 in StatefulSet web success" / failed. */
  private claimEvent(set: Set, pod: Pod, claim: string, error?: string): void {
    const s = set.metadata.name
    if (error === undefined) {
      this.ctx.events.record(set as unknown as KubeObject, 'Normal', 'SuccessfulCreate', `create Claim ${claim} Pod ${pod.metadata?.name} in StatefulSet ${s} success`, { component: COMPONENT })
    } else {
      this.ctx.events.record(set as unknown as KubeObject, 'Warning', 'FailedCreate', `create Claim ${claim} for Pod ${pod.metadata?.name} in StatefulSet ${s} failed error: ${error}`, { component: COMPONENT })
    }
  }
}
