// Required inter-pod affinity and anti-affinity (interpodaffinity plugin: PreFilter counts pods per
// topology pair, Filter checks the candidate node's pairs). Also the preferred terms' score.

import type { Node, Pod, PodAffinityTerm } from 'kubernetes-types/core/v1'
import { fromLabelSelector, matches } from '../../api/selectors'

export const ERR_AFFINITY = "node(s) didn't match pod affinity rules"
export const ERR_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules"
export const ERR_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules"

/** A pod that is on (or assumed on) a node. */
export interface PlacedPod {
  pod: Pod
  node: Node
}

type NamespaceLabels = ReadonlyMap<string, Readonly<Record<string, string>> | undefined>

/**
 * AffinityTerm.Matches: the other pod is in one of the term's namespaces (the listed ones, the ones
 * namespaceSelector picks, or the owner's own namespace when both are empty) and its labels match.
 */
export function termMatchesPod(owner: Pod, term: PodAffinityTerm, other: Pod, nsLabels: NamespaceLabels): boolean {
  const ns = other.metadata?.namespace ?? 'default'
  const listed = term.namespaces ?? []
  let inNs: boolean
  if (listed.length === 0 && !term.namespaceSelector) {
    inNs = ns === (owner.metadata?.namespace ?? 'default')
  } else {
    inNs = listed.includes(ns) || (term.namespaceSelector !== undefined && matches(fromLabelSelector(term.namespaceSelector), nsLabels.get(ns)))
  }
  return inNs && matches(fromLabelSelector(term.labelSelector), other.metadata?.labels)
}

const pairKey = (key: string, value: string) => `${key}\u0000${value}`

function topologyPair(node: Node, key: string): string | undefined {
  const labels = node.metadata?.labels ?? {}
  return Object.prototype.hasOwnProperty.call(labels, key) ? pairKey(key, labels[key]) : undefined
}

function required(pod: Pod, kind: 'podAffinity' | 'podAntiAffinity'): PodAffinityTerm[] {
  return pod.spec?.affinity?.[kind]?.requiredDuringSchedulingIgnoredDuringExecution ?? []
}

export interface AffinityState {
  affinity: PodAffinityTerm[]
  antiAffinity: PodAffinityTerm[]
  affinityCounts: Map<string, number>
  antiAffinityCounts: Map<string, number>
  existingAntiAffinityCounts: Map<string, number>
  /** The pod matches all of its own affinity terms (the first pod of a group may go anywhere). */
  matchesOwnAffinity: boolean
}

const bump = (m: Map<string, number>, k: string | undefined) => {
  if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1)
}

/** PreFilter: counts, per topology pair, the existing pods the incoming pod's terms (and theirs) match. */
export function affinityPreFilter(pod: Pod, placed: readonly PlacedPod[], nsLabels: NamespaceLabels): AffinityState {
  const affinity = required(pod, 'podAffinity')
  const antiAffinity = required(pod, 'podAntiAffinity')
  const state: AffinityState = {
    affinity,
    antiAffinity,
    affinityCounts: new Map(),
    antiAffinityCounts: new Map(),
    existingAntiAffinityCounts: new Map(),
    matchesOwnAffinity: affinity.every((t) => termMatchesPod(pod, t, pod, nsLabels)),
  }
  for (const { pod: other, node } of placed) {
    // Existing pods whose required anti-affinity terms match the incoming pod.
    for (const t of required(other, 'podAntiAffinity')) {
      if (termMatchesPod(other, t, pod, nsLabels)) bump(state.existingAntiAffinityCounts, topologyPair(node, t.topologyKey))
    }
    // An existing pod counts for the incoming pod's affinity only if it matches every term.
    if (affinity.length > 0 && affinity.every((t) => termMatchesPod(pod, t, other, nsLabels))) {
      for (const t of affinity) bump(state.affinityCounts, topologyPair(node, t.topologyKey))
    }
    for (const t of antiAffinity) {
      if (termMatchesPod(pod, t, other, nsLabels)) bump(state.antiAffinityCounts, topologyPair(node, t.topologyKey))
    }
  }
  return state
}

/** Filter: undefined when the node satisfies the affinity rules, else the reason and whether it is unresolvable. */
export function affinityFilter(state: AffinityState, node: Node): { reason: string; unresolvable: boolean } | undefined {
  let podsExist = true
  for (const t of state.affinity) {
    const tp = topologyPair(node, t.topologyKey)
    if (tp === undefined) return { reason: ERR_AFFINITY, unresolvable: true }
    if ((state.affinityCounts.get(tp) ?? 0) <= 0) podsExist = false
  }
  // The first pod of a group with affinity to itself may go to any node that has the topology labels.
  if (!podsExist && !(state.affinityCounts.size === 0 && state.matchesOwnAffinity)) return { reason: ERR_AFFINITY, unresolvable: true }
  for (const t of state.antiAffinity) {
    const tp = topologyPair(node, t.topologyKey)
    if (tp !== undefined && (state.antiAffinityCounts.get(tp) ?? 0) > 0) return { reason: ERR_ANTI_AFFINITY, unresolvable: false }
  }
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if ((state.existingAntiAffinityCounts.get(pairKey(k, v)) ?? 0) > 0) return { reason: ERR_EXISTING_ANTI_AFFINITY, unresolvable: false }
  }
  return undefined
}

/** The preferred terms' raw score for a node: + weight per matching pod in the domain for affinity, - for anti-affinity. */
export function preferredAffinityScore(pod: Pod, node: Node, placed: readonly PlacedPod[], nsLabels: NamespaceLabels): number {
  const pref = pod.spec?.affinity
  const terms = [
    ...(pref?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => ({ w: w.weight, t: w.podAffinityTerm })),
    ...(pref?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => ({ w: -w.weight, t: w.podAffinityTerm })),
  ]
  let score = 0
  for (const { w, t } of terms) {
    const tp = topologyPair(node, t.topologyKey)
    if (tp === undefined) continue
    for (const p of placed) {
      if (topologyPair(p.node, t.topologyKey) === tp && termMatchesPod(pod, t, p.pod, nsLabels)) score += w
    }
  }
  return score
}
