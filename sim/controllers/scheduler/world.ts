// Reads the scheduler's snapshot from the API server: the nodes, the pods on them (and the pods
// assumed on a node while their WaitForFirstConsumer claims bind), volumes, classes, and the
// selector the system default spreading uses for a pod.

import type { ApiServer } from '../../api/server'
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from '../../api/types'
import type { SchedulerCache } from './cache'
import type { LabelSelector } from 'kubernetes-types/meta/v1'
import { isPodTerminal } from '../../api/pod-util'
import type { PlacedPod } from './pod-affinity'
import type { SchedulingInput } from './planner'
import { defaultSpreadSelector } from './score'
import { volumeFitsNode } from './node-affinity'
import { ANN_SELECTED_NODE, claimFullyBound } from './volumes'

export const SCHEDULER_NAME = 'default-scheduler'

/**
 * The pods this scheduler is responsible for: unbound, for default-scheduler, not being deleted, and
 * not held by scheduling gates (the SchedulingGates PreEnqueue plugin; the API server sets their
 * SchedulingGated condition).
 */
export function isPending(pod: Pod): boolean {
  const gated = ((pod.spec as { schedulingGates?: unknown[] } | undefined)?.schedulingGates?.length ?? 0) > 0
  return !pod.spec?.nodeName && (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && !pod.metadata?.deletionTimestamp && !gated
}

export function hasClaims(pod: Pod): boolean {
  return (pod.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim || v.ephemeral)
}

function claimNames(pod: Pod): string[] {
  return (pod.spec?.volumes ?? []).flatMap((v) =>
    v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : v.ephemeral ? [`${pod.metadata?.name}-${v.name}`] : [],
  )
}

/**
 * The node a pending pod is assumed on while its volumes bind (the scheduler cache's assumed pods):
 * every claim not yet bound carries the selected-node annotation for the same node.
 */
export function assumedNode(api: ApiServer, pod: Pod): string | undefined {
  if (!isPending(pod) || !hasClaims(pod)) return undefined
  let node: string | undefined
  for (const name of claimNames(pod)) {
    const pvc = api.get('PersistentVolumeClaim', pod.metadata?.namespace ?? 'default', name)
    if (!pvc) return undefined
    if (claimFullyBound(pvc)) continue
    const selected = pvc.metadata.annotations?.[ANN_SELECTED_NODE]
    if (selected === undefined || (node !== undefined && node !== selected)) return undefined
    node = selected
  }
  return node
}

/**
 * binder.go checkBindings for a pod whose PreBind waits on `node`: 'bound' when every claim is bound
 * to a volume that exists and fits the node, 'waiting' while the unbound ones are still being
 * provisioned for it (they keep the selected-node annotation), and undefined when the binding cycle
 * fails (a claim gone, being deleted, lost, given up on or bound to a volume that does not fit) and
 * the pod goes through a scheduling cycle again.
 */
export function bindingProgress(api: ApiServer, pod: Pod, node: Node): 'bound' | 'waiting' | undefined {
  const ns = pod.metadata?.namespace ?? 'default'
  let waiting = false
  for (const name of claimNames(pod)) {
    const pvc = api.get('PersistentVolumeClaim', ns, name)
    if (!pvc || pvc.metadata.deletionTimestamp || pvc.status?.phase === 'Lost') return undefined
    if (claimFullyBound(pvc)) {
      const pv = api.get('PersistentVolume', '', pvc.spec!.volumeName!)
      if (!pv || !volumeFitsNode(pv.spec?.nodeAffinity?.required, node)) return undefined
    } else if (pvc.metadata.annotations?.[ANN_SELECTED_NODE] === node.metadata?.name && !pvc.spec?.volumeName) waiting = true
    else return undefined
  }
  return waiting ? 'waiting' : 'bound'
}

/** The controller's label selector for the owners the default spreading looks at. */
function ownerSelector(api: ApiServer, pod: Pod): LabelSelector | undefined {
  const ref = pod.metadata?.ownerReferences?.find((r) => r.controller)
  if (!ref) return undefined
  const ns = pod.metadata?.namespace ?? 'default'
  switch (ref.kind) {
    case 'StatefulSet':
      return api.get('StatefulSet', ns, ref.name)?.spec?.selector
    case 'ReplicaSet':
      return api.get('ReplicaSet', ns, ref.name)?.spec?.selector
    default:
      return undefined
  }
}

export function readWorld(api: ApiServer, pod: Pod, cache?: SchedulerCache): SchedulingInput {
  const nodes = api.list('Node')
  const ns = pod.metadata?.namespace ?? 'default'
  const common = {
    pod,
    nodes,
    classes: api.list('StorageClass'),
    namespaces: api.list('Namespace'),
    spreadSelector: defaultSpreadSelector(pod, api.list('Service', { namespace: ns }), ownerSelector(api, pod)),
  }
  if (cache) {
    // The cache's node infos, and only the claims and volumes the pod's VolumeBinding can look at.
    let placed: PlacedPod[] | undefined
    return {
      ...common,
      get placed() {
        return (placed ??= cache.placed(nodes, pod))
      },
      infos: cache.infos(nodes, pod),
      placedWithAntiAffinity: cache.placedWithAntiAffinity(nodes, pod),
      ...volumeObjects(api, pod),
    }
  }
  const byName = new Map(nodes.map((n) => [n.metadata.name!, n]))
  const placed: PlacedPod[] = []
  const self = pod.metadata?.uid
  for (const p of api.list('Pod')) {
    if (p.metadata.uid === self) continue
    const nodeName = p.spec?.nodeName || assumedNode(api, p)
    const node = nodeName ? byName.get(nodeName) : undefined
    // Finished pods free their node's resources; pods of a node that is gone are not in the cache.
    if (node && !isPodTerminal(p)) placed.push({ pod: p, node })
  }
  return {
    ...common,
    placed,
    pvcs: api.list('PersistentVolumeClaim', { namespace: ns }),
    pvs: api.list('PersistentVolume'),
  }
}

/**
 * The pod's claims, and the volumes VolumeBinding may use for them: those the claims are bound to,
 * those whose claimRef names one of them, and the available ones (FindMatchingVolume takes nothing
 * else), in list order. The plugins find the same objects in these as in the full lists.
 */
function volumeObjects(api: ApiServer, pod: Pod): { pvcs: PersistentVolumeClaim[]; pvs: PersistentVolume[] } {
  const ns = pod.metadata?.namespace ?? 'default'
  const pvcs: PersistentVolumeClaim[] = []
  const pvs = new Map<string, PersistentVolume>()
  const addPv = (pv: PersistentVolume | undefined) => {
    if (pv) pvs.set(pv.metadata!.name!, pv)
  }
  const names = claimNames(pod)
  if (names.length === 0) return { pvcs, pvs: [] }
  for (const name of names) {
    const pvc = api.get('PersistentVolumeClaim', ns, name)
    if (pvc) pvcs.push(pvc)
    if (pvc?.spec?.volumeName) addPv(api.get('PersistentVolume', '', pvc.spec.volumeName))
    for (const pv of api.byIndex('PersistentVolume', 'spec.claimRef.name', name)) addPv(pv)
  }
  for (const pv of api.byIndex('PersistentVolume', 'status.phase', 'Available')) addPv(pv)
  for (const pv of api.byIndex('PersistentVolume', 'status.phase', '')) addPv(pv)
  return { pvcs, pvs: [...pvs.values()].sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1)) }
}
