// The scheduler's cache (pkg/scheduler/backend/cache): which pods count on which node (bound there,
// or assumed there while their claims are provisioned for it), and per node the sums a scheduling
// cycle needs. Kept from watch events, so a cycle costs what the nodes cost rather than what every
// pod in the cluster costs; built from the API server on first use, so nothing here needs saving.
// The node infos it hands out are the ones nodeInfos() would build from the same pods.

import type { ApiServer } from '../../api/server'
import type { Node, Pod } from '../../api/types'
import { isPodTerminal } from '../../api/pod-util'
import type { NodeInfo } from './filters'
import type { PlacedPod } from './pod-affinity'
import { emptyResources } from './resources'
import { NodePods } from './node-pods'
import { assumedNode } from './world'
import { podKey } from './queue'

function hasRequiredAntiAffinity(pod: Pod): boolean {
  return (pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0
}

export class SchedulerCache {
  private built = false
  private where = new Map<string, string>() // pod key -> node it counts on
  private nodes = new Map<string, NodePods>()
  /** Counted pods with required anti-affinity terms (every pod's PreFilter looks at these). */
  private antiAffinity = new Set<string>()

  constructor(private readonly api: ApiServer) {}

  /** Re-reads where the pod `key` counts (a pod event, or one of its claims changed). */
  refresh(key: string): void {
    if (!this.built) return
    const slash = key.indexOf('/')
    const pod = this.api.get('Pod', key.slice(0, slash), key.slice(slash + 1))
    // readWorld's rule: on its node, or assumed on one; finished pods free their node.
    const node = pod && !isPodTerminal(pod) ? pod.spec?.nodeName || assumedNode(this.api, pod) : undefined
    const before = this.where.get(key)
    if (before !== undefined && before !== node) {
      this.nodes.get(before)!.delete(key)
      this.where.delete(key)
    }
    if (pod && node) {
      this.entry(node).set(key, pod)
      this.where.set(key, node)
    }
    if (pod && node && hasRequiredAntiAffinity(pod)) this.antiAffinity.add(key)
    else this.antiAffinity.delete(key)
  }

  /** A claim changed: the pods that use it may be assumed elsewhere now. */
  refreshClaim(namespace: string, name: string): void {
    if (!this.built) return
    for (const p of this.api.byIndex('Pod', 'claimName', name)) if (p.metadata.namespace === namespace) this.refresh(podKey(p))
  }

  /** The node infos of `nodes` with `self` left out, as nodeInfos() would build them from readWorld's pods. */
  infos(nodes: readonly Node[], self: Pod): NodeInfo[] {
    this.build()
    const selfKey = podKey(self)
    const selfNode = this.where.get(selfKey)
    return nodes.map((node) => {
      const name = node.metadata?.name ?? ''
      const e = this.nodes.get(name)
      if (!e) return { node, pods: [], podCount: 0, requested: emptyResources(), nonZeroRequested: emptyResources(), countMatching: () => 0 }
      const counted = selfNode === name && e.get(selfKey)?.metadata?.uid === self.metadata?.uid
      return e.info(node, counted ? selfKey : undefined)
    })
  }

  /** Every counted pod on one of `nodes` but `self`, in list order (for the plugins that look at all of them). */
  placed(nodes: readonly Node[], self: Pod): PlacedPod[] {
    this.build()
    const out: { key: string; p: PlacedPod }[] = []
    for (const node of nodes) {
      for (const [key, pod] of this.nodes.get(node.metadata?.name ?? '')?.entries() ?? []) {
        if (pod.metadata?.uid !== self.metadata?.uid) out.push({ key, p: { pod, node } })
      }
    }
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((x) => x.p)
  }

  /** The counted pods with required anti-affinity terms on one of `nodes`, but `self`. */
  placedWithAntiAffinity(nodes: readonly Node[], self: Pod): PlacedPod[] {
    this.build()
    if (this.antiAffinity.size === 0) return []
    const byName = new Map(nodes.map((n) => [n.metadata?.name ?? '', n]))
    const out: PlacedPod[] = []
    for (const key of [...this.antiAffinity].sort()) {
      const node = byName.get(this.where.get(key) ?? '')
      const pod = this.nodes.get(this.where.get(key) ?? '')?.get(key)
      if (node && pod && pod.metadata?.uid !== self.metadata?.uid) out.push({ pod, node })
    }
    return out
  }

  private build(): void {
    if (this.built) return
    this.built = true
    for (const p of this.api.list('Pod')) this.refresh(podKey(p))
  }

  private entry(node: string): NodePods {
    let e = this.nodes.get(node)
    if (!e) this.nodes.set(node, (e = new NodePods()))
    return e
  }
}
