// buildClusterView(snapshot): everything the cluster view draws for one namespace, from the same
// snapshot kubectl reads. Pure: the same snapshot gives the same view. With a ViewCache kept between
// snapshots, pieces whose objects did not change come back as the same objects (memo.ts), so a
// 100-pod StatefulSet where one pod changed re-renders one pod.

import type { ClusterSnapshot } from '../../../sim'
import { controllerOf } from '../../../sim/api/owners'
import { deploymentView, replicaSetView } from './deployments'
import { stableArray, ViewCache } from './memo'
import { nodeView } from './nodes'
import { claimView, podView } from './pods'
import { compareNatural, serviceView } from './services'
import { indexNamespace, kindList } from './snapshot-index'
import { statefulSetView } from './statefulsets'
import type { ClaimView, ClusterView, PodView, ReplicaSetView, ServiceView, StatefulSetView } from './types'

export interface ClusterViewOptions {
  /** The namespace shown (default: `default`). */
  namespace?: string
  /** The cluster's DNS zone (ClusterConfig.clusterDomain). */
  zone?: string
}

/** The namespace names: `default` first, then the others in API (name) order. */
export function namespaceNames(snapshot: ClusterSnapshot): string[] {
  const names = kindList(snapshot, 'Namespace').map((n) => n.metadata.name ?? '')
  return [...names.filter((n) => n === 'default'), ...names.filter((n) => n !== 'default')]
}

export function buildClusterView(snapshot: ClusterSnapshot, opts: ClusterViewOptions = {}, cache: ViewCache = new ViewCache(), prev?: ClusterView): ClusterView {
  const namespace = opts.namespace ?? 'default'
  const zone = opts.zone ?? 'cluster.local'
  cache.begin()
  const ix = indexNamespace(snapshot, namespace)
  const inNs = <T extends { metadata: { namespace?: string } }>(list: readonly T[]) => list.filter((o) => o.metadata.namespace === namespace)

  const nodes = kindList(snapshot, 'Node').map((n, i) => nodeView(cache, ix, n, i))

  const shownClaims = new Set<string>()
  const shownPods = new Set<string>()
  const statefulSets: StatefulSetView[] = []
  for (const set of inNs(kindList(snapshot, 'StatefulSet'))) {
    const { view, claims } = statefulSetView(cache, ix, set)
    statefulSets.push(view)
    for (const c of claims) shownClaims.add(c)
    for (const s of view.slots) if (s.type === 'pod') shownPods.add(s.pod.key)
  }

  const deploymentUids = new Set<string>()
  const deployments = inNs(kindList(snapshot, 'Deployment')).map((d) => {
    deploymentUids.add(d.metadata.uid ?? '')
    return deploymentView(cache, ix, d)
  })
  for (const d of deployments) for (const rs of d.replicaSets) for (const p of rs.pods) shownPods.add(p.key)

  const replicaSets: ReplicaSetView[] = []
  for (const rs of inNs(kindList(snapshot, 'ReplicaSet'))) {
    const owner = controllerOf(rs)
    if (owner && deploymentUids.has(owner.uid)) continue
    const view = replicaSetView(cache, ix, rs)
    replicaSets.push(view)
    for (const p of view.pods) shownPods.add(p.key)
  }

  const pods: PodView[] = []
  for (const p of ix.pods) {
    if (shownPods.has(p.metadata.uid ?? '')) continue
    const view = podView(cache, ix, p)
    pods.push(view)
    for (const c of view.claims) shownClaims.add(c.name)
  }
  pods.sort((a, b) => compareNatural(a.name, b.name))

  const claims: ClaimView[] = []
  for (const [name, pvc] of ix.claims) if (!shownClaims.has(name)) claims.push(claimView(cache, ix, pvc))

  const services: ServiceView[] = inNs(kindList(snapshot, 'Service')).map((s) => serviceView(cache, ix, s, zone))
  cache.end()

  const same = prev?.namespace === namespace ? prev : undefined
  const view: ClusterView = {
    namespace,
    namespaces: stableArray(same?.namespaces, namespaceNames(snapshot)),
    nodes: stableArray(same?.nodes, nodes),
    statefulSets: stableArray(same?.statefulSets, statefulSets),
    services: stableArray(same?.services, services),
    deployments: stableArray(same?.deployments, deployments),
    replicaSets: stableArray(same?.replicaSets, replicaSets),
    pods: stableArray(same?.pods, pods),
    claims: stableArray(same?.claims, claims),
  }
  // A snapshot that changed nothing shown here (an event, another namespace) gives the same view back.
  if (same && (Object.keys(view) as (keyof ClusterView)[]).every((k) => view[k] === same[k])) return same
  return view
}
