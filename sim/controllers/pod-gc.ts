// The pod garbage collector's orphan pass (pkg/controller/podgc gcOrphaned): pods bound to a node
// that no longer exists are, after a 40s quarantine (in case the node comes back), marked Failed with
// a DisruptionTarget condition and force-deleted (grace 0). This is how deleting a dead node's Node
// object releases its StatefulSet pods for recreation elsewhere.

import type { Controller, ControllerContext } from './runtime'
import type { ControllerDeps } from './deps'
import type { Obj, Pod, PodCondition } from '../api/types'
import { rfc3339 } from '../core/time'

export const POD_GC = 'pod-garbage-collector'
/** quarantineTime: how long a node must stay missing before its pods are collected. */
export const QUARANTINE_MS = 40_000

export function podGcController(_deps: ControllerDeps): Controller {
  // When each missing node was first noticed (the delaying queue). After a restore, from then on.
  const missingSince = new Map<string, number>()
  const orphanKey = (pod: Pod) => (pod.spec?.nodeName ? [`node:${pod.spec.nodeName}`] : [])
  return {
    name: POD_GC,
    watches: ['Pod', 'Node'],
    keysFor(ev, ctx) {
      if (ev.kind === 'Node') return [`node:${ev.object.metadata.name}`]
      const pod = ev.object as Pod
      if (ev.type === 'DELETED' || !pod.spec?.nodeName || ctx.api.get('Node', '', pod.spec.nodeName)) return []
      return orphanKey(pod)
    },
    initialKeys(ctx) {
      const keys = new Set<string>()
      for (const p of ctx.api.each('Pod')) if (p.spec?.nodeName && !ctx.api.get('Node', '', p.spec.nodeName)) keys.add(`node:${p.spec.nodeName}`)
      return [...keys].sort()
    },
    reconcile(key, ctx) {
      const node = key.slice(5)
      const pods = ctx.api.list('Pod', { fields: { 'spec.nodeName': node } })
      if (ctx.api.get('Node', '', node) || pods.length === 0) {
        missingSince.delete(node)
        return
      }
      const since = missingSince.get(node) ?? ctx.now()
      missingSince.set(node, since)
      if (ctx.now() < since + QUARANTINE_MS) return ctx.requeueAfter(key, since + QUARANTINE_MS - ctx.now())
      for (const pod of pods) markFailedAndDelete(pod, ctx)
      missingSince.delete(node)
    },
  }
}

/** markFailedAndDeletePodWithCondition: a pod not yet finished becomes Failed first, then goes with grace 0. */
function markFailedAndDelete(pod: Obj<'Pod'>, ctx: ControllerContext): void {
  const ns = pod.metadata.namespace ?? 'default'
  const name = pod.metadata.name!
  if (pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed') {
    const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget')
    const cond: PodCondition = {
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'DeletionByPodGC',
      message: 'PodGC: node no longer exists',
      lastProbeTime: null as unknown as string,
      lastTransitionTime: rfc3339(ctx.now()),
    }
    ctx.api.updateStatus({ ...pod, status: { ...pod.status, phase: 'Failed', conditions: [...conditions, cond] } }, { actor: POD_GC })
  }
  ctx.api.delete('Pod', ns, name, { actor: POD_GC, gracePeriodSeconds: 0 })
}
