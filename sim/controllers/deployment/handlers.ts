// Which Deployments a watch event concerns (pkg/controller/deployment/deployment_controller.go:
// addReplicaSet, updateReplicaSet, deleteReplicaSet, deletePod). Pods matter only when they are
// gone: a Recreate rollout waits for the last old pod to disappear.

import type { ApiServer } from '../../api/server'
import { controllerOf } from '../../api/owners'
import { fromLabelSelector, matches } from '../../api/selectors'
import { deepEqual } from '../../core/json'
import type { Deployment, OwnerReference, Pod, ReplicaSet, WatchEvent } from '../../api/types'
import { keyOf } from '../runtime'
import { resolveReplicaSet } from '../replicaset/handlers'

export function deploymentKeysFor(ev: WatchEvent, api: ApiServer): string[] {
  switch (ev.kind) {
    case 'Deployment':
      return [keyOf(ev.object.metadata.namespace, ev.object.metadata.name!)]
    case 'ReplicaSet':
      return replicaSetEvent(ev, api)
    case 'Pod': {
      if (ev.type !== 'DELETED') return []
      const pod = ev.object as Pod
      const ns = pod.metadata?.namespace ?? ''
      const rs = resolveReplicaSet(api, ns, controllerOf(pod))
      const d = rs && resolveDeployment(api, ns, controllerOf(rs))
      return d && d.spec?.strategy?.type === 'Recreate' ? [keyOf(ns, d.metadata!.name!)] : []
    }
    default:
      return []
  }
}

function replicaSetEvent(ev: WatchEvent, api: ApiServer): string[] {
  const cur = ev.object as ReplicaSet
  const old = ev.old as ReplicaSet | undefined
  const ns = cur.metadata?.namespace ?? ''
  const keys = new Set<string>()
  const owner = (rs: ReplicaSet) => {
    const d = resolveDeployment(api, ns, controllerOf(rs))
    if (d) keys.add(keyOf(ns, d.metadata!.name!))
  }
  if (ev.type === 'DELETED' || (ev.type === 'ADDED' && cur.metadata?.deletionTimestamp)) {
    owner(cur)
    return [...keys]
  }
  const curRef = controllerOf(cur)
  if (ev.type === 'ADDED') {
    if (curRef) owner(cur)
    else for (const k of orphanKeys(api, cur)) keys.add(k)
    return [...keys]
  }
  if (old && old.metadata?.resourceVersion === cur.metadata?.resourceVersion) return []
  const oldRef = old ? controllerOf(old) : undefined
  const refChanged = !deepEqual(curRef ?? null, oldRef ?? null)
  if (refChanged && old && oldRef) owner(old)
  if (curRef) owner(cur)
  else if (refChanged || !deepEqual(cur.metadata?.labels ?? {}, old?.metadata?.labels ?? {})) {
    for (const k of orphanKeys(api, cur)) keys.add(k)
  }
  return [...keys]
}

export function resolveDeployment(api: ApiServer, namespace: string, ref: OwnerReference | undefined): Deployment | undefined {
  if (!ref || ref.kind !== 'Deployment') return undefined
  const d = api.get('Deployment', namespace, ref.name)
  return d && d.metadata.uid === ref.uid ? (d as Deployment) : undefined
}

/** GetDeploymentsForReplicaSet: Deployments whose (non-empty) selector matches an orphan's labels. */
function orphanKeys(api: ApiServer, rs: ReplicaSet): string[] {
  const ns = rs.metadata?.namespace ?? ''
  if (Object.keys(rs.metadata?.labels ?? {}).length === 0) return []
  const out: string[] = []
  for (const d of api.list('Deployment', { namespace: ns })) {
    const sel = fromLabelSelector(d.spec?.selector)
    if (sel === null || sel.length === 0 || !matches(sel, rs.metadata?.labels)) continue
    out.push(keyOf(ns, d.metadata.name!))
  }
  return out
}
