// PodTopologySpread's hard constraints (whenUnsatisfiable: DoNotSchedule): PreFilter counts the
// matching pods per topology domain over the eligible nodes (they have every topology key and pass
// the pod's node affinity, nodeAffinityPolicy Honor); Filter checks
// 'existing matching' + 'self-match' - 'global minimum' <= maxSkew (podtopologyspread/filtering.go).

import type { Node, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1'
import { fromLabelSelector, matches, type Selector } from '../../api/selectors'
import { podMatchesNode } from './node-affinity'
import type { PlacedPod } from './pod-affinity'

export const ERR_SPREAD = "node(s) didn't match pod topology spread constraints"
export const ERR_SPREAD_LABEL = `${ERR_SPREAD} (missing required label)`

interface Constraint {
  key: string
  maxSkew: number
  minDomains: number
  selector: Selector
  counts: Map<string, number>
}

export interface SpreadState {
  constraints: Constraint[]
}

/** The constraint's selector with matchLabelKeys turned into `key in (value)` from the pod's own labels. */
function selectorOf(pod: Pod, c: TopologySpreadConstraint): Selector {
  const base = fromLabelSelector(c.labelSelector)
  if (base === null) return null
  const labels = pod.metadata?.labels ?? {}
  const extra = (c.matchLabelKeys ?? []).filter((k) => k in labels).map((k) => ({ key: k, operator: 'In' as const, values: [labels[k]] }))
  return [...base, ...extra]
}

/** Whether the pod has DoNotSchedule constraints (without them PreFilter has nothing to count). */
export function hasHardSpreadConstraints(pod: Pod): boolean {
  return (pod.spec?.topologySpreadConstraints ?? []).some((c) => c.whenUnsatisfiable === 'DoNotSchedule')
}

export function spreadPreFilter(pod: Pod, nodes: readonly Node[], placed: readonly PlacedPod[]): SpreadState {
  const hard = (pod.spec?.topologySpreadConstraints ?? []).filter((c) => c.whenUnsatisfiable === 'DoNotSchedule')
  if (hard.length === 0) return { constraints: [] }
  const ns = pod.metadata?.namespace ?? 'default'
  const constraints: Constraint[] = hard.map((c) => ({ key: c.topologyKey, maxSkew: c.maxSkew, minDomains: c.minDomains ?? 1, selector: selectorOf(pod, c), counts: new Map() }))
  const eligible = nodes.filter((n) => constraints.every((c) => c.key in (n.metadata?.labels ?? {})) && podMatchesNode(pod, n))
  for (const node of eligible) {
    const onNode = placed.filter((p) => p.node.metadata?.name === node.metadata?.name && !p.pod.metadata?.deletionTimestamp && (p.pod.metadata?.namespace ?? 'default') === ns)
    for (const c of constraints) {
      const domain = node.metadata!.labels![c.key]
      const n = c.selector === null ? 0 : onNode.filter((p) => matches(c.selector, p.pod.metadata?.labels)).length
      c.counts.set(domain, (c.counts.get(domain) ?? 0) + n)
    }
  }
  return { constraints }
}

export function spreadFilter(state: SpreadState, pod: Pod, node: Node): { reason: string; unresolvable: boolean } | undefined {
  for (const c of state.constraints) {
    const labels = node.metadata?.labels ?? {}
    if (!(c.key in labels)) return { reason: ERR_SPREAD_LABEL, unresolvable: true }
    // With fewer domains than minDomains the global minimum is taken as 0.
    const min = c.counts.size < c.minDomains ? 0 : Math.min(...c.counts.values())
    const self = c.selector !== null && matches(c.selector, pod.metadata?.labels) ? 1 : 0
    if ((c.counts.get(labels[c.key]) ?? 0) + self - min > c.maxSkew) return { reason: ERR_SPREAD, unresolvable: false }
  }
  return undefined
}
