// A PodDisruptionBudget's status from its pods, as pure data (pkg/controller/disruption/disruption.go:
// trySync, getExpectedPodCount, getExpectedScale, buildDisruptedPodMap, countHealthyPods,
// updatePdbStatus, failSafe).

import { deepEqual } from '../../core/json'
import { parseRfc3339 } from '../../core/time'
import { controllerOf } from '../../api/owners'
import { isPodReady } from '../../api/pod-util'
import { conditionsAreUpToDate, disruptionAllowedCondition, setStatusCondition } from '../../api/eviction'
import type { LabelSelector, OwnerReference, Pod, PodDisruptionBudget } from '../../api/types'

/** How long an evicted pod may take to show its deletionTimestamp before it counts again. */
export const DELETION_TIMEOUT_MS = 2 * 60 * 1000

export type PdbStatus = NonNullable<PodDisruptionBudget['status']>

/** A pod's controller and its scale (spec.replicas), found as the finders do. */
export type ScaleLookup = { uid: string; scale: number } | undefined | { error: string }

export interface PdbEvent {
  /** The PDB itself, or the named pod. */
  pod?: string
  type: 'Normal' | 'Warning'
  reason: string
  message: string
}

export interface PdbSync {
  /** The status to write; undefined when the stored one is already right. */
  status: PdbStatus | undefined
  events: PdbEvent[]
  /** When to look again (an evicted pod that has not been deleted yet). */
  recheckAt?: number
}

/** intstr.GetScaledValueFromIntOrPercent. */
export function scaledValue(v: number | string, total: number, roundUp: boolean): number | { error: string } {
  if (typeof v === 'number') return v
  if (!v.endsWith('%')) return { error: 'invalid type: string is not a percentage' }
  const digits = v.slice(0, -1)
  if (!/^[+-]?\d+$/.test(digits)) return { error: `invalid value "${v}": strconv.Atoi: parsing "${digits}": invalid syntax` }
  const pct = Number(digits)
  return roundUp ? Math.ceil((pct * total) / 100) : Math.floor((pct * total) / 100)
}

/** The generated String() of *metav1.LabelSelector, which `%v` prints. */
export function labelSelectorString(sel: LabelSelector | undefined): string {
  if (!sel) return 'nil'
  const labels = Object.keys(sel.matchLabels ?? {})
    .sort()
    .map((k) => `${k}: ${sel.matchLabels![k]},`)
    .join('')
  const exprs = (sel.matchExpressions ?? []).map((e) => `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],},`).join('')
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`
}

interface Expected {
  expected: number
  desired: number
  unmanaged: string[]
}

/** getExpectedScale: the sum of the scales of the pods' controllers. */
function expectedScale(pods: readonly Pod[], find: (ref: OwnerReference) => ScaleLookup): { expected: number; unmanaged: string[] } | { error: string } {
  const scales = new Map<string, number>()
  const unmanaged: string[] = []
  for (const pod of pods) {
    const ref = controllerOf(pod)
    if (!ref) {
      unmanaged.push(pod.metadata!.name!)
      continue
    }
    if (scales.has(ref.uid)) continue
    const found = find(ref)
    if (found && 'error' in found) return found
    if (!found) return { error: `found no controllers for pod "${pod.metadata!.name}"` }
    scales.set(found.uid, found.scale)
  }
  let expected = 0
  for (const s of scales.values()) expected += s
  return { expected, unmanaged }
}

/** getExpectedPodCount. */
export function expectedPodCount(pdb: PodDisruptionBudget, pods: readonly Pod[], find: (ref: OwnerReference) => ScaleLookup): Expected | { error: string } {
  const spec = pdb.spec ?? {}
  if (spec.maxUnavailable !== undefined) {
    const s = expectedScale(pods, find)
    if ('error' in s) return s
    const max = scaledValue(spec.maxUnavailable, s.expected, true)
    if (typeof max !== 'number') return max
    return { expected: s.expected, desired: Math.max(0, s.expected - max), unmanaged: s.unmanaged }
  }
  if (spec.minAvailable !== undefined) {
    if (typeof spec.minAvailable === 'number') return { expected: pods.length, desired: spec.minAvailable, unmanaged: [] }
    const s = expectedScale(pods, find)
    if ('error' in s) return s
    const min = scaledValue(spec.minAvailable, s.expected, true)
    if (typeof min !== 'number') return min
    return { expected: s.expected, desired: min, unmanaged: s.unmanaged }
  }
  return { expected: 0, desired: 0, unmanaged: [] }
}

/** trySync (and failSafe when the expected count cannot be computed). */
export function syncPdb(pdb: PodDisruptionBudget, pods: readonly Pod[], find: (ref: OwnerReference) => ScaleLookup, now: number): PdbSync {
  const events: PdbEvent[] = []
  if (pods.length === 0) events.push({ type: 'Normal', reason: 'NoPods', message: 'No matching pods found' })

  const exp = expectedPodCount(pdb, pods, find)
  if ('error' in exp) {
    events.push({ type: 'Warning', reason: 'CalculateExpectedPodCountFailed', message: `Failed to calculate the number of expected pods: ${exp.error}` })
    return { status: failSafe(pdb, exp.error, now), events }
  }
  if (exp.unmanaged.length > 0) {
    events.push({
      type: 'Warning',
      reason: 'UnmanagedPods',
      message:
        `Pods selected by this PodDisruptionBudget (selector: ${labelSelectorString(pdb.spec?.selector)}) were found ` +
        'to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. ' +
        'To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.',
    })
  }

  // buildDisruptedPodMap: evicted pods stay out of the healthy count until deleted, for at most 2 minutes.
  const disrupted: Record<string, string> = {}
  let recheckAt: number | undefined
  const recorded = pdb.status?.disruptedPods ?? {}
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp) continue
    const at = recorded[pod.metadata!.name!]
    if (at === undefined) continue
    const expectedDeletion = (parseRfc3339(at) ?? 0) + DELETION_TIMEOUT_MS
    if (expectedDeletion < now) {
      // Upstream prints the PDB's namespace twice here.
      events.push({ pod: pod.metadata!.name!, type: 'Warning', reason: 'NotDeleted', message: `Pod was expected by PDB ${pdb.metadata!.namespace}/${pdb.metadata!.namespace} to be deleted but it wasn't` })
    } else {
      recheckAt = recheckAt === undefined ? expectedDeletion : Math.min(recheckAt, expectedDeletion)
      disrupted[pod.metadata!.name!] = at
    }
  }

  let currentHealthy = 0
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp) continue
    const at = disrupted[pod.metadata!.name!]
    if (at !== undefined && (parseRfc3339(at) ?? 0) + DELETION_TIMEOUT_MS > now) continue
    if (isPodReady(pod)) currentHealthy++
  }

  // updatePdbStatus: no disruption while nothing is expected (a race with the first pods).
  let disruptionsAllowed = currentHealthy - exp.desired
  if (exp.expected <= 0 || disruptionsAllowed <= 0) disruptionsAllowed = 0
  const old = pdb.status
  const generation = pdb.metadata?.generation ?? 0
  const disruptedPods = Object.keys(disrupted).length ? disrupted : undefined
  if (
    old &&
    old.currentHealthy === currentHealthy &&
    old.desiredHealthy === exp.desired &&
    old.expectedPods === exp.expected &&
    old.disruptionsAllowed === disruptionsAllowed &&
    deepEqual(old.disruptedPods ?? {}, disruptedPods ?? {}) &&
    old.observedGeneration === generation &&
    conditionsAreUpToDate(pdb)
  ) {
    return { status: undefined, events, recheckAt }
  }
  const status: PdbStatus = {
    observedGeneration: generation,
    disruptedPods,
    disruptionsAllowed,
    currentHealthy,
    desiredHealthy: exp.desired,
    expectedPods: exp.expected,
    conditions: old?.conditions ?? [],
  }
  return { status: { ...status, conditions: disruptionAllowedCondition(status, now) }, events, recheckAt }
}

/** failSafe: at least make sure no eviction is approved while the status cannot be computed. */
function failSafe(pdb: PodDisruptionBudget, message: string, now: number): PdbStatus {
  const old = pdb.status ?? { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 }
  const conditions = setStatusCondition(
    old.conditions,
    { type: 'DisruptionAllowed', status: 'False', reason: 'SyncFailed', message, observedGeneration: old.observedGeneration },
    now,
  )
  return { ...old, disruptionsAllowed: 0, conditions }
}
