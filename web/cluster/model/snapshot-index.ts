// One pass over a snapshot's objects of the namespace shown, grouped the way the view looks them up:
// pods by their controller, claims and volumes by name, revisions and ReplicaSets by their owner,
// EndpointSlices by Service. Built per snapshot (linear in the objects), so the pieces of the view
// never search lists.

import type { ClusterSnapshot, KubeObject, Obj } from '../../../sim'
import { controllerOf } from '../../../sim/api/owners'

export interface NamespaceIndex {
  namespace: string
  /** The namespace's pods in API order. */
  pods: readonly Obj<'Pod'>[]
  podsByController: ReadonlyMap<string, readonly Obj<'Pod'>[]>
  claims: ReadonlyMap<string, Obj<'PersistentVolumeClaim'>>
  /** All PersistentVolumes (cluster-scoped). */
  volumes: ReadonlyMap<string, Obj<'PersistentVolume'>>
  revisionsByOwner: ReadonlyMap<string, readonly Obj<'ControllerRevision'>[]>
  replicaSetsByOwner: ReadonlyMap<string, readonly Obj<'ReplicaSet'>[]>
  slicesByService: ReadonlyMap<string, readonly Obj<'EndpointSlice'>[]>
  /** Pods per node name, in this namespace and in all. */
  podsOnNode: ReadonlyMap<string, number>
  allPodsOnNode: ReadonlyMap<string, number>
}

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'

function of<K extends Parameters<typeof kindList>[1]>(snapshot: ClusterSnapshot, kind: K, namespace: string) {
  return kindList(snapshot, kind).filter((o) => o.metadata.namespace === namespace)
}

export function kindList<K extends keyof ClusterSnapshot['objects']>(snapshot: ClusterSnapshot, kind: K): readonly Obj<K>[] {
  return (snapshot.objects[kind] ?? []) as unknown as readonly Obj<K>[]
}

function push<T>(map: Map<string, T[]>, key: string | undefined, value: T): void {
  if (key === undefined) return
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function byOwner<T extends KubeObject>(objects: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const o of objects) push(out, controllerOf(o)?.uid, o)
  return out
}

export function indexNamespace(snapshot: ClusterSnapshot, namespace: string): NamespaceIndex {
  const podsByController = new Map<string, Obj<'Pod'>[]>()
  const podsOnNode = new Map<string, number>()
  const allPodsOnNode = new Map<string, number>()
  const pods: Obj<'Pod'>[] = []
  for (const p of kindList(snapshot, 'Pod')) {
    const node = p.spec?.nodeName
    if (node) allPodsOnNode.set(node, (allPodsOnNode.get(node) ?? 0) + 1)
    if (p.metadata.namespace !== namespace) continue
    pods.push(p)
    if (node) podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + 1)
    push(podsByController, controllerOf(p)?.uid, p)
  }
  const slicesByService = new Map<string, Obj<'EndpointSlice'>[]>()
  for (const s of of(snapshot, 'EndpointSlice', namespace)) push(slicesByService, s.metadata.labels?.[SERVICE_NAME_LABEL], s)
  return {
    namespace,
    pods,
    podsByController,
    claims: new Map(of(snapshot, 'PersistentVolumeClaim', namespace).map((c) => [c.metadata.name ?? '', c])),
    volumes: new Map(kindList(snapshot, 'PersistentVolume').map((v) => [v.metadata.name ?? '', v])),
    revisionsByOwner: byOwner(of(snapshot, 'ControllerRevision', namespace)),
    replicaSetsByOwner: byOwner(of(snapshot, 'ReplicaSet', namespace)),
    slicesByService,
    podsOnNode,
    allPodsOnNode,
  }
}
