// Storage object in-use protection (pkg/controller/volume/pvcprotection, pkg/controller/volume/
// pvprotection). The admission plugin puts kubernetes.io/pvc-protection on every claim and
// kubernetes.io/pv-protection on every volume; these controllers add them to objects that lack them
// and lift them from objects being deleted once nothing uses them:
//  - a claim is in use while a pod that is scheduled to a node names it (until that pod object is gone),
//  - a volume is in use while it is Bound.
// So `kubectl delete pvc www-web-0` under a running web-0 leaves the claim Terminating.

import type { Controller, ControllerContext } from '../runtime'
import type { KubeObject, Obj } from '../../api/types'
import { PV_PROTECTION_FINALIZER, PVC_PROTECTION_FINALIZER } from './names'
import { podClaimNames } from './claim-plan'

type Pod = Obj<'Pod'>

/** protectionutil.IsDeletionCandidate */
export function isDeletionCandidate(obj: KubeObject, finalizer: string): boolean {
  return !!obj.metadata.deletionTimestamp && (obj.metadata.finalizers ?? []).includes(finalizer)
}

/** protectionutil.NeedToAddFinalizer */
export function needsFinalizer(obj: KubeObject, finalizer: string): boolean {
  return !obj.metadata.deletionTimestamp && !(obj.metadata.finalizers ?? []).includes(finalizer)
}

/** podIsShutDown: the kubelet is done with it (or it was force-deleted). */
function podIsShutDown(pod: Pod): boolean {
  return !!pod.metadata.deletionTimestamp && pod.metadata.deletionGracePeriodSeconds === 0
}

/**
 * podUsesPVC: only pods bound to a node count (the kubelet refuses to start a pod whose claim is being
 * deleted); a persistentVolumeClaim volume counts until the pod object is gone, a generic ephemeral
 * volume until the pod is shut down.
 */
export function podUsesClaim(pod: Pod, claimName: string): boolean {
  if (!pod.spec?.nodeName) return false
  for (const v of pod.spec.volumes ?? []) {
    if (v.persistentVolumeClaim?.claimName === claimName) return true
    if (v.ephemeral && `${pod.metadata.name}-${v.name}` === claimName && !podIsShutDown(pod)) return true
  }
  return false
}

export function pvcProtectionController(): Controller {
  const name = 'pvc-protection-controller'
  return {
    name,
    watches: ['PersistentVolumeClaim', 'Pod'],
    keysFor(ev) {
      if (ev.kind === 'PersistentVolumeClaim') {
        if (ev.type === 'DELETED') return []
        const o = ev.object
        const wanted = needsFinalizer(o, PVC_PROTECTION_FINALIZER) || isDeletionCandidate(o, PVC_PROTECTION_FINALIZER)
        return wanted ? [`${o.metadata.namespace}/${o.metadata.name}`] : []
      }
      // Only pods that may have stopped blocking a claim: gone, finished, or never scheduled.
      const pod = ev.object as Pod
      const phase = pod.status?.phase
      const mayRelease = ev.type === 'DELETED' || phase === 'Succeeded' || phase === 'Failed' || !pod.spec?.nodeName || !!pod.metadata.deletionTimestamp
      if (!mayRelease) return []
      return podClaimNames(pod).map((c) => `${pod.metadata.namespace}/${c}`)
    },
    initialKeys(ctx) {
      return ctx.api.list('PersistentVolumeClaim').map((c) => `${c.metadata.namespace}/${c.metadata.name}`)
    },
    reconcile(key, ctx) {
      const slash = key.indexOf('/')
      const ns = key.slice(0, slash)
      const claim = ctx.api.get('PersistentVolumeClaim', ns, key.slice(slash + 1))
      if (!claim) return
      const finalizers = claim.metadata.finalizers ?? []
      if (isDeletionCandidate(claim, PVC_PROTECTION_FINALIZER)) {
        if (claimInUse(ctx, ns, claim.metadata.name!)) return
        const rest = finalizers.filter((f) => f !== PVC_PROTECTION_FINALIZER)
        ctx.api.update({ ...claim, metadata: { ...claim.metadata, finalizers: rest.length ? rest : undefined } }, { actor: name })
        return
      }
      if (needsFinalizer(claim, PVC_PROTECTION_FINALIZER)) {
        ctx.api.update({ ...claim, metadata: { ...claim.metadata, finalizers: [...finalizers, PVC_PROTECTION_FINALIZER] } }, { actor: name })
      }
    },
  }
}

function claimInUse(ctx: ControllerContext, namespace: string, claimName: string): boolean {
  for (const pod of ctx.api.byIndex('Pod', 'claimName', claimName)) if (pod.metadata.namespace === namespace && podUsesClaim(pod, claimName)) return true
  return false
}

export function pvProtectionController(): Controller {
  const name = 'pv-protection-controller'
  return {
    name,
    watches: ['PersistentVolume'],
    keysFor(ev) {
      if (ev.type === 'DELETED') return []
      const o = ev.object
      const wanted = needsFinalizer(o, PV_PROTECTION_FINALIZER) || isDeletionCandidate(o, PV_PROTECTION_FINALIZER)
      return wanted ? [o.metadata.name!] : []
    },
    initialKeys(ctx) {
      return ctx.api.list('PersistentVolume').map((v) => v.metadata.name!)
    },
    reconcile(key, ctx) {
      const volume = ctx.api.get('PersistentVolume', '', key)
      if (!volume) return
      const finalizers = volume.metadata.finalizers ?? []
      if (isDeletionCandidate(volume, PV_PROTECTION_FINALIZER)) {
        // isBeingUsed: the PV controller's Bound phase is the only signal.
        if (volume.status?.phase === 'Bound') return
        const rest = finalizers.filter((f) => f !== PV_PROTECTION_FINALIZER)
        ctx.api.update({ ...volume, metadata: { ...volume.metadata, finalizers: rest.length ? rest : undefined } }, { actor: name })
        return
      }
      if (needsFinalizer(volume, PV_PROTECTION_FINALIZER)) {
        ctx.api.update({ ...volume, metadata: { ...volume.metadata, finalizers: [...finalizers, PV_PROTECTION_FINALIZER] } }, { actor: name })
      }
    },
  }
}
