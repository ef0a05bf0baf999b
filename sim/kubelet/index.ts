// The kubelet of every node, as one controller keyed by pod (namespace/name). It only acts for pods
// bound to a node whose kubelet is reachable (NodeHealth); when a node comes back it catches up with
// everything that became due meanwhile. Per pod it runs the stage table (stages.ts) and sleeps on one
// keyed timer. It also owns Node.status.images (what it pulled).

import type { Controller, ControllerContext } from '../controllers/runtime'
import { splitKey } from '../controllers/runtime'
import type { ControllerDeps } from '../controllers/deps'
import type { Kind } from '../api/kinds'
import type { Pod, WatchEvent } from '../api/types'
import { adoptRecord, newRecord } from './adopt'
import { NodePullQueues } from './image-pull'
import { refreshKubeletVolumes } from './pod-setup'
import { KUBELET_STAGES } from './stages'
import { forgetPod, isTerminal } from './stop'
import { PodSync, syncPod, type KubeletState } from './sync'
import { ApiPodIPs, PodRecords } from './records'
import { kubeletVolumeSources } from './volumes'
import type { PodObj } from './spec'

const WATCHES: readonly Kind[] = ['Pod', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'PersistentVolume']

export function kubeletController(deps: ControllerDeps): Controller {
  const k: KubeletState = { deps, records: new PodRecords(), podIPs: new ApiPodIPs(), pulls: new NodePullQueues() }
  let attached: ControllerContext | undefined

  // Outside events wake pods up: a node's kubelet reachable again, or something a probe could see changed.
  const attach = (ctx: ControllerContext) => {
    if (attached) return
    attached = ctx
    deps.nodeHealth.onChange((node) => {
      if (!deps.nodeHealth.isUp(node)) return
      for (const p of ctx.api.list('Pod', { fields: { 'spec.nodeName': node } })) ctx.enqueue(`${p.metadata.namespace}/${p.metadata.name}`)
    })
    deps.runtime.onChange((uid) => {
      const key = k.records.keyOf(uid)
      if (key !== undefined) ctx.enqueue(key)
    })
  }

  const keysFor = (ev: WatchEvent, ctx: ControllerContext): string[] => {
    attach(ctx)
    const o = ev.object
    if (ev.kind === 'Pod') {
      k.podIPs.observe(ev)
      const pod = o as unknown as Pod
      const key = `${o.metadata.namespace}/${o.metadata.name}`
      // The kubelet's own status report (the only write while `reporting` names the pod: it goes
      // through the status subresource, and watch handlers never write) is no news to the pod's
      // worker; upstream's pod config passes on only updates that differ in spec or metadata. Anyone
      // else's status write still wakes it, so the next sync reports the status it sees again.
      if (ev.type === 'MODIFIED' && k.reporting === key) return []
      return ev.type === 'DELETED' || pod.spec?.nodeName || k.records.has(key) ? [key] : []
    }
    if (ev.kind === 'PersistentVolume') {
      // A volume matters to the pods still setting up their volumes whose claims name it.
      const out: string[] = []
      for (const pvc of ctx.api.byIndex('PersistentVolumeClaim', 'spec.volumeName', o.metadata.name ?? '')) {
        for (const p of ctx.api.byIndex('Pod', 'claimName', pvc.metadata.name ?? '')) {
          const key = `${p.metadata.namespace}/${p.metadata.name}`
          const rec = k.records.get(key)
          if (p.metadata.namespace === pvc.metadata.namespace && rec && rec.volumesReadyAt === undefined && !out.includes(key)) out.push(key)
        }
      }
      return out
    }
    // Claims, ConfigMaps and Secrets: the pods that use them (indexes; names are per namespace).
    const ns = o.metadata.namespace ?? ''
    const index = ev.kind === 'PersistentVolumeClaim' ? 'claimName' : ev.kind === 'ConfigMap' ? 'configMapName' : 'secretName'
    const out: string[] = []
    for (const p of ctx.api.byIndex('Pod', index, o.metadata.name ?? '')) {
      if (p.metadata.namespace === ns && p.spec?.nodeName) out.push(`${ns}/${p.metadata.name}`)
    }
    return out
  }

  const reconcile = (key: string, ctx: ControllerContext): void => {
    attach(ctx)
    const [ns, name] = splitKey(key)
    const pod = ctx.api.get('Pod', ns, name) as PodObj | undefined
    let rec = k.records.get(key)
    if (!pod) {
      // Gone from the API (removed by us, or force-deleted): the node forgets it.
      if (rec) forgetPod(k, key, undefined)
      return
    }
    if (rec && rec.uid !== pod.metadata.uid) {
      forgetPod(k, key, undefined)
      rec = undefined
    }
    const node = pod.spec?.nodeName
    if (!node || !ctx.api.get('Node', '', node)) return
    // A kubelet without its network cable does nothing; it catches up when it is back.
    if (!deps.nodeHealth.isUp(node)) return
    if (!rec) {
      if (isTerminal(pod) && !pod.metadata.deletionTimestamp) return
      const t = ctx.config.timings
      rec = pod.status?.startTime
        ? adoptRecord(ctx, pod, (r) => new PodSync(k, ctx, pod, r))
        : newRecord(pod, ctx.now() + ctx.rngFor(`${pod.metadata.uid}/notice`).jitter(t.kubeletSyncMs, t.kubeletSyncMs * t.jitter))
      k.records.set(key, rec)
    }
    const s = new PodSync(k, ctx, pod, rec)
    if (rec.volumesReadyAt !== undefined && !s.deleting && rec.volumeSources !== kubeletVolumeSources(ctx.api, pod)) refreshKubeletVolumes(s)
    syncPod(s, KUBELET_STAGES)
  }

  return {
    name: 'kubelet',
    watches: WATCHES,
    keysFor,
    reconcile,
    initialKeys(ctx) {
      attach(ctx)
      return ctx.api
        .list('Pod')
        .filter((p) => p.spec?.nodeName)
        .map((p) => `${p.metadata.namespace}/${p.metadata.name}`)
    },
  }
}
