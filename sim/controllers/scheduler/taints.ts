// Taints and tolerations, as the scheduler and the taint eviction controller read them
// (k8s.io/api core/v1 toleration.go ToleratesTaint, pkg/apis/core/v1/helper FindMatchingUntoleratedTaint
// and GetMatchingTolerations). Pure functions over API objects.

import type { Taint, Toleration } from '../../api/types'

export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable'
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready'
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable'
export const TAINT_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure'
export const TAINT_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure'
export const TAINT_PID_PRESSURE = 'node.kubernetes.io/pid-pressure'
export const TAINT_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable'

/**
 * Toleration.ToleratesTaint: an empty effect or key in the toleration matches any; operator Exists
 * matches any value, Equal (or empty) needs the same value.
 */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (t.key && t.key !== taint.key) return false
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '')
    case 'Exists':
      return true
    default:
      return false
  }
}

export function tolerationsTolerateTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint))
}

/** The first taint (in node order) that passes `filter` and that no toleration tolerates. */
export function findUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  filter: (t: Taint) => boolean,
): Taint | undefined {
  return (taints ?? []).find((taint) => filter(taint) && !tolerationsTolerateTaint(tolerations, taint))
}

/** helper.DoNotScheduleTaintsFilterFunc: the scheduler's Filter looks at NoSchedule and NoExecute taints. */
export const doNotScheduleTaint = (t: Taint): boolean => t.effect === 'NoSchedule' || t.effect === 'NoExecute'

/**
 * GetMatchingTolerations: whether every taint is tolerated, and for each taint the first toleration
 * that tolerates it.
 */
export function matchingTolerations(
  taints: readonly Taint[],
  tolerations: readonly Toleration[] | undefined,
): { allTolerated: boolean; used: Toleration[] } {
  const used: Toleration[] = []
  for (const taint of taints) {
    const t = (tolerations ?? []).find((tol) => toleratesTaint(tol, taint))
    if (!t) return { allTolerated: false, used: [] }
    used.push(t)
  }
  return { allTolerated: true, used }
}

/**
 * getMinTolerationTime (tainteviction): the shortest tolerationSeconds among the tolerations used, in
 * ms; 0 when one is zero or negative; undefined when every one tolerates forever.
 */
export function minTolerationMs(used: readonly Toleration[]): number | undefined {
  if (used.length === 0) return 0
  let min: number | undefined
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue
    if (t.tolerationSeconds <= 0) return 0
    min = min === undefined ? t.tolerationSeconds : Math.min(min, t.tolerationSeconds)
  }
  return min === undefined ? undefined : min * 1000
}

/** taints.MatchTaint: taints are the same taint when key and effect agree. */
export function sameTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect
}
