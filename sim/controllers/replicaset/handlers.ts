// Which ReplicaSets a watch event concerns (pkg/controller/replicaset/replica_set.go: addPod,
// updatePod, deletePod, addRS, updateRS, deleteRS). Handlers only name keys; the sync decides.

import type { ApiServer } from '../../api/server'
import { controllerOf } from '../../api/owners'
import { fromLabelSelector, matches } from '../../api/selectors'
import { deepEqual } from '../../core/json'
import type { OwnerReference, Pod, ReplicaSet, WatchEvent } from '../../api/types'
import { keyOf } from '../runtime'

export function replicaSetKeysFor(ev: WatchEvent, api: ApiServer): string[] {
  if (ev.kind === 'ReplicaSet') return [keyOf(ev.object.metadata.namespace, ev.object.metadata.name!)]
  if (ev.kind !== 'Pod') return []
  const cur = ev.object as Pod
  const old = ev.old as Pod | undefined
  const keys = new Set<string>()
  const owner = (p: Pod) => {
    const k = ownerKey(api, p)
    if (k) keys.add(k)
  }
  if (ev.type === 'DELETED' || (ev.type === 'ADDED' && cur.metadata?.deletionTimestamp)) {
    owner(cur)
    return [...keys]
  }
  if (ev.type === 'ADDED') {
    if (controllerOf(cur)) owner(cur)
    else for (const k of orphanKeys(api, cur)) keys.add(k)
    return [...keys]
  }
  // MODIFIED
  if (old && old.metadata?.resourceVersion === cur.metadata?.resourceVersion) return []
  const labelsChanged = !deepEqual(old?.metadata?.labels ?? {}, cur.metadata?.labels ?? {})
  if (cur.metadata?.deletionTimestamp) {
    // A pod being deleted is replaced at once, not when the kubelet finally removes it.
    owner(cur)
    if (labelsChanged && old) owner(old)
    return [...keys]
  }
  const curRef = controllerOf(cur)
  const oldRef = old ? controllerOf(old) : undefined
  const refChanged = !deepEqual(curRef ?? null, oldRef ?? null)
  if (refChanged && old && oldRef) owner(old)
  if (curRef) owner(cur)
  else if (labelsChanged || refChanged) for (const k of orphanKeys(api, cur)) keys.add(k)
  return [...keys]
}

/** resolveControllerRef: the ReplicaSet a controller reference names, if it is still that object. */
export function resolveReplicaSet(api: ApiServer, namespace: string, ref: OwnerReference | undefined): ReplicaSet | undefined {
  if (!ref || ref.kind !== 'ReplicaSet') return undefined
  const rs = api.get('ReplicaSet', namespace, ref.name)
  return rs && rs.metadata.uid === ref.uid ? (rs as ReplicaSet) : undefined
}

function ownerKey(api: ApiServer, pod: Pod): string | undefined {
  const ns = pod.metadata?.namespace ?? ''
  const rs = resolveReplicaSet(api, ns, controllerOf(pod))
  return rs ? keyOf(ns, rs.metadata!.name!) : undefined
}

/** getPodReplicaSets: ReplicaSets whose (non-empty) selector matches an orphan's labels. */
function orphanKeys(api: ApiServer, pod: Pod): string[] {
  const ns = pod.metadata?.namespace ?? ''
  if (Object.keys(pod.metadata?.labels ?? {}).length === 0) return []
  const out: string[] = []
  for (const rs of api.list('ReplicaSet', { namespace: ns })) {
    const sel = fromLabelSelector(rs.spec?.selector)
    if (sel === null || sel.length === 0) continue
    if (matches(sel, pod.metadata?.labels)) out.push(keyOf(ns, rs.metadata.name!))
  }
  return out
}
