// Scoring the feasible nodes with the default profile's score plugins and weights: TaintToleration 3,
// NodeAffinity 2, PodTopologySpread 2 (the system default constraints: spread pods of the same
// Services / controller across hostnames), InterPodAffinity 2, NodeResourcesFit (LeastAllocated) 1,
// NodeResourcesBalancedAllocation 1. ImageLocality is left out (the same on every node here).
// Each plugin's scores are normalized to 0..100 across the nodes, as NormalizeScore does.

import type { NodeSelectorTerm, Pod, Service } from 'kubernetes-types/core/v1'
import type { LabelSelector } from 'kubernetes-types/meta/v1'
import { fromLabelSelector, fromMap, matches, type Requirement, type Selector } from '../../api/selectors'
import { termMatches } from './node-affinity'
import { preferredAffinityScore, type PlacedPod } from './pod-affinity'
import { add, emptyResources, nodeAllocatable, podRequests, type Resources } from './resources'
import { tolerationsTolerateTaint } from './taints'
import type { NodeInfo } from './filters'

const MAX = 100

/**
 * helper.DefaultSelector: the selectors of the Services that select the pod merged with its
 * controller's selector. null when empty (the system default constraints then do nothing).
 */
export function defaultSpreadSelector(pod: Pod, services: readonly Service[], ownerSelector: LabelSelector | undefined): Selector {
  const ns = pod.metadata?.namespace ?? 'default'
  const selecting = services.filter((svc) => {
    if ((svc.metadata?.namespace ?? 'default') !== ns) return false
    const sel = fromMap(svc.spec?.selector)
    return sel !== null && matches(sel, pod.metadata?.labels)
  })
  // Stored objects: the same owner selector and Services give the same selector object back.
  if ((ownerSelector !== undefined && !Object.isFrozen(ownerSelector)) || !selecting.every((s) => Object.isFrozen(s))) return mergedSelector(selecting, ownerSelector)
  let seen = spreadSelectors.get(ownerSelector ?? NO_OWNER)
  if (!seen) spreadSelectors.set(ownerSelector ?? NO_OWNER, (seen = []))
  const hit = seen.find((e) => e.services.length === selecting.length && e.services.every((s, i) => s === selecting[i]))
  if (hit) return hit.selector
  const selector = mergedSelector(selecting, ownerSelector)
  seen.push({ services: selecting, selector })
  if (seen.length > 8) seen.shift()
  return selector
}

// The pods of one workload all get the same spreading selector, and the scheduler cache keeps its
// counts per selector object: one object per owner selector and set of selecting Services.
const NO_OWNER = {}
const spreadSelectors = new WeakMap<object, { services: readonly Service[]; selector: Selector }[]>()

function mergedSelector(selecting: readonly Service[], ownerSelector: LabelSelector | undefined): Selector {
  const merged: Record<string, string> = {}
  for (const svc of selecting) Object.assign(merged, svc.spec?.selector)
  const reqs: Requirement[] = [...(fromMap(merged) ?? [])]
  const owner = ownerSelector ? fromLabelSelector(ownerSelector) : null
  if (owner) reqs.push(...owner)
  return reqs.length ? reqs : null
}

function nonZeroRequested(info: NodeInfo): Resources {
  return info.nonZeroRequested ?? info.pods.reduce((sum, p) => add(sum, podRequests(p, true)), emptyResources())
}

/** resourceAllocationScorer fractions for cpu and memory, with the incoming pod added. */
function fractions(pod: Pod, info: NodeInfo, nonZero: boolean): [number, number] {
  const alloc = nodeAllocatable(info.node)
  const used = add(nonZero ? nonZeroRequested(info) : info.requested, podRequests(pod, nonZero))
  const f = (req: number, cap: number) => (cap <= 0 ? 1 : Math.min(1, req / cap))
  return [f(used.milliCPU, alloc.milliCPU), f(used.memory, alloc.memory)]
}

function leastAllocated(pod: Pod, info: NodeInfo): number {
  const [c, m] = fractions(pod, info, true)
  return Math.floor(((1 - c) * MAX + (1 - m) * MAX) / 2)
}

function balancedAllocation(pod: Pod, info: NodeInfo): number {
  const [c, m] = fractions(pod, info, false)
  return Math.floor((1 - Math.abs(c - m) / 2) * MAX)
}

function preferNoScheduleIntolerable(pod: Pod, info: NodeInfo): number {
  const tolerations = (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule')
  return (info.node.spec?.taints ?? []).filter((t) => t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tolerations, t)).length
}

function preferredNodeAffinity(pod: Pod, info: NodeInfo): number {
  let sum = 0
  for (const p of pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (termMatches(p.preference as NodeSelectorTerm, info.node.metadata?.name ?? '', info.node.metadata?.labels)) sum += p.weight
  }
  return sum
}

/** helper.DefaultNormalizeScore. */
function normalize(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores)
  if (max === 0) return scores.map(() => (reverse ? MAX : 0))
  return scores.map((s) => {
    const v = Math.floor((MAX * s) / max)
    return reverse ? MAX - v : v
  })
}

export interface ScoreInput {
  pod: Pod
  feasible: readonly NodeInfo[]
  placed: readonly PlacedPod[]
  spreadSelector: Selector
  namespaceLabels: ReadonlyMap<string, Readonly<Record<string, string>> | undefined>
}

/** The weighted total per feasible node, in the order given. */
export function scoreNodes(input: ScoreInput): number[] {
  const { pod, feasible } = input
  const ns = pod.metadata?.namespace ?? 'default'
  const taint = normalize(feasible.map((i) => preferNoScheduleIntolerable(pod, i)), true)
  const nodeAff = normalize(feasible.map((i) => preferredNodeAffinity(pod, i)), false)
  // PodTopologySpread with the system defaults: pods matching the default selector on each hostname.
  const spreadCounts = feasible.map((i) =>
    input.spreadSelector === null
      ? 0
      : (i.countMatching?.(ns, input.spreadSelector) ?? i.pods.filter((p) => (p.metadata?.namespace ?? 'default') === ns && matches(input.spreadSelector, p.metadata?.labels)).length),
  )
  const maxC = Math.max(0, ...spreadCounts)
  const minC = Math.min(...spreadCounts)
  const spread = spreadCounts.map((s) => (maxC === 0 ? MAX : Math.floor((MAX * (maxC + minC - s)) / maxC)))
  // Without preferred terms every node scores 0 here (and the placed pods need not be looked at).
  const prefers = !!(pod.spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length || pod.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length)
  const affRaw = feasible.map((i) => (prefers ? preferredAffinityScore(pod, i.node, input.placed, input.namespaceLabels) : 0))
  const affMax = Math.max(...affRaw)
  const affMin = Math.min(...affRaw)
  const podAff = affRaw.map((s) => (affMax - affMin > 0 ? Math.floor((MAX * (s - affMin)) / (affMax - affMin)) : 0))
  return feasible.map((info, i) => 3 * taint[i] + 2 * nodeAff[i] + 2 * spread[i] + 2 * podAff[i] + leastAllocated(pod, info) + balancedAllocation(pod, info))
}

/** selectHost: the highest total; ties go to `pick` (the scheduler samples among them at random). */
export function selectHost(names: readonly string[], scores: readonly number[], pick: (n: number) => number): string {
  const best = Math.max(...scores)
  const top = names.filter((_, i) => scores[i] === best)
  return top[top.length === 1 ? 0 : pick(top.length)]
}
