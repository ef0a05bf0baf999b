// Deployments → their ReplicaSets (newest revision first) → the pods each one controls. The pods get
// random names (<replicaset>-<5 chars>), unlike a StatefulSet's ordinals: the contrast is the lesson.

import type { Obj } from '../../../sim'
import type { ViewCache } from './memo'
import { podView } from './pods'
import type { NamespaceIndex } from './snapshot-index'
import type { DeploymentView, PodView, ReplicaSetView } from './types'

const REVISION = 'deployment.kubernetes.io/revision'

export function replicaSetView(cache: ViewCache, ix: NamespaceIndex, rs: Obj<'ReplicaSet'>): ReplicaSetView {
  const uid = rs.metadata.uid ?? rs.metadata.name ?? ''
  const pods: PodView[] = (ix.podsByController.get(uid) ?? []).map((p) => podView(cache, ix, p))
  return cache.memo(`rs/${uid}`, [rs, ...pods], () => ({
    key: uid,
    ref: { kind: 'ReplicaSet', namespace: rs.metadata.namespace ?? '', name: rs.metadata.name ?? '' },
    name: rs.metadata.name ?? '',
    revision: rs.metadata.annotations?.[REVISION],
    replicas: rs.spec?.replicas ?? 1,
    readyReplicas: rs.status?.readyReplicas ?? 0,
    pods,
  }))
}

const revisionOf = (rs: ReplicaSetView) => Number(rs.revision ?? 0) || 0

export function deploymentView(cache: ViewCache, ix: NamespaceIndex, d: Obj<'Deployment'>): DeploymentView {
  const uid = d.metadata.uid ?? d.metadata.name ?? ''
  const replicaSets = (ix.replicaSetsByOwner.get(uid) ?? []).map((rs) => replicaSetView(cache, ix, rs)).sort((a, b) => revisionOf(b) - revisionOf(a))
  return cache.memo(`deploy/${uid}`, [d, ...replicaSets], () => ({
    key: uid,
    ref: { kind: 'Deployment', namespace: d.metadata.namespace ?? '', name: d.metadata.name ?? '' },
    name: d.metadata.name ?? '',
    replicas: d.spec?.replicas ?? 1,
    readyReplicas: d.status?.readyReplicas ?? 0,
    updatedReplicas: d.status?.updatedReplicas ?? 0,
    availableReplicas: d.status?.availableReplicas ?? 0,
    replicaSets,
  }))
}
