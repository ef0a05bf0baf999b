// The disruption controller (pkg/controller/disruption): keeps each PodDisruptionBudget's status —
// expected, healthy and desired pod counts, how many disruptions are allowed, the DisruptionAllowed
// condition — so the eviction subresource (sim/api/eviction.ts) can say yes or no. The numbers come
// from ./disruption-budget/status.ts.

import { fromLabelSelector, matches } from '../api/selectors'
import { controllerOf } from '../api/owners'
import { isApiError } from '../api/errors'
import { isKind, kindInfo } from '../api/kinds'
import { pdbsForPod } from '../api/eviction'
import type { OwnerReference, PodDisruptionBudget } from '../api/types'
import type { Controller, ControllerContext } from './runtime'
import type { ControllerDeps } from './deps'
import { splitKey } from './runtime'
import { syncPdb, type ScaleLookup } from './disruption-budget/status'

const ACTOR = 'disruption-controller'
const COMPONENT = 'controllermanager'

export function disruptionController(_deps: ControllerDeps): Controller {
  return {
    name: 'disruption-controller',
    watches: ['PodDisruptionBudget', 'Pod'],
    keysFor(ev, ctx) {
      const o = ev.object
      const ns = o.metadata.namespace ?? ''
      if (ev.kind === 'PodDisruptionBudget') return [`${ns}/${o.metadata.name}`]
      // A pod change re-syncs the budgets that select it (before or after the change).
      const keys = new Set<string>()
      for (const pdb of ctx.api.list('PodDisruptionBudget', { namespace: ns })) {
        const sel = fromLabelSelector(pdb.spec?.selector)
        if (sel === null) continue
        if (matches(sel, o.metadata.labels) || (ev.old && matches(sel, ev.old.metadata.labels))) keys.add(`${ns}/${pdb.metadata.name}`)
      }
      return keys
    },
    initialKeys(ctx) {
      return ctx.api.list('PodDisruptionBudget').map((p) => `${p.metadata.namespace}/${p.metadata.name}`)
    },
    reconcile(key, ctx) {
      const [ns, name] = splitKey(key)
      const pdb = ctx.api.get('PodDisruptionBudget', ns, name)
      if (!pdb) return
      const sel = fromLabelSelector(pdb.spec?.selector)
      const pods = sel === null ? [] : ctx.api.list('Pod', { namespace: ns, selector: sel })
      const now = ctx.now()
      const result = syncPdb(pdb, pods, (ref) => findControllerScale(ctx, ref, ns), now)
      // getPdbForPod warns on a pod that several budgets select (upstream does it on each pod event).
      for (const pod of pods) {
        const all = pdbsForPod(ctx.api, pod)
        if (all.length > 1 && all[0].metadata?.name === name) {
          const message = `Pod "${ns}"/"${pod.metadata!.name}" matches multiple PodDisruptionBudgets.  Chose "${name}" arbitrarily.`
          ctx.events.record(pod as never, 'Warning', 'MultiplePodDisruptionBudgets', message, { component: COMPONENT })
        }
      }
      for (const ev of result.events) {
        const target = ev.pod ? ctx.api.get('Pod', ns, ev.pod) : pdb
        if (target) ctx.events.record(target as never, ev.type, ev.reason, ev.message, { component: COMPONENT })
      }
      if (result.status) {
        try {
          ctx.api.updateStatus({ ...pdb, status: result.status } as PodDisruptionBudget, { actor: ACTOR })
        } catch (e) {
          // A conflict means someone (an eviction) wrote first: the event it caused re-syncs.
          if (!isApiError(e, 'Conflict')) throw e
        }
      }
      if (result.recheckAt !== undefined) ctx.requeueAfter(key, Math.max(0, result.recheckAt - now))
    },
  }
}

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '')

/**
 * The finders (getPodReplicationController, getPodDeployment, getPodReplicaSet, getPodStatefulSet,
 * getScaleController): a ReplicaSet managed by a Deployment counts with the Deployment's scale.
 */
function findControllerScale(ctx: ControllerContext, ref: OwnerReference, ns: string): ScaleLookup {
  const group = groupOf(ref.apiVersion)
  const appsGroup = group === 'apps' || group === 'extensions'
  if (ref.kind === 'ReplicaSet' && appsGroup) {
    const rs = ctx.api.get('ReplicaSet', ns, ref.name)
    if (rs && rs.metadata.uid === ref.uid) {
      const owner = controllerOf(rs)
      if (owner?.kind === 'Deployment' && (groupOf(owner.apiVersion) === 'apps' || groupOf(owner.apiVersion) === 'extensions')) {
        const d = ctx.api.get('Deployment', ns, owner.name)
        if (d && d.metadata.uid === owner.uid) return { uid: d.metadata.uid!, scale: d.spec?.replicas ?? 1 }
        // No Deployment: the scale subresource of the ReplicaSet itself answers.
      }
      return { uid: rs.metadata.uid!, scale: rs.spec?.replicas ?? 1 }
    }
    return undefined
  }
  if (ref.kind === 'StatefulSet' && group === 'apps') {
    const sts = ctx.api.get('StatefulSet', ns, ref.name)
    return sts && sts.metadata.uid === ref.uid ? { uid: sts.metadata.uid!, scale: sts.spec?.replicas ?? 1 } : undefined
  }
  if (ref.kind === 'Deployment' && appsGroup) {
    const d = ctx.api.get('Deployment', ns, ref.name)
    return d && d.metadata.uid === ref.uid ? { uid: d.metadata.uid!, scale: d.spec?.replicas ?? 1 } : undefined
  }
  // Anything else would need a scale subresource; none of the other kinds served here has one.
  if (isKind(ref.kind) && kindInfo(ref.kind).group === group) return { error: `${kindInfo(ref.kind).qualifiedResource} does not implement the scale subresource` }
  return { error: `no matches for kind "${ref.kind}" in version "${ref.apiVersion}"` }
}
