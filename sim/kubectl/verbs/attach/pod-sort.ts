// The orders kubectl picks "the first pod" of a workload in (kubectl pkg/util/podutils): exec, attach
// and port-forward take the most active pod (sort.Reverse(ActivePods)), logs the best one to read
// (ByLogging). Both are sort.Sort, not stable, so ties come out as Go's pdqsort leaves them.

import { isPodReady, podCondition } from '../../../api/pod-util'
import type { Obj } from '../../../api/types'
import { parseRfc3339 } from '../../../core/time'
import { goSortBy } from '../../go-sort'

type Pod = Obj<'Pod'>

const PHASE_ACTIVE: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 }
const PHASE_LOGGING: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 }

/** A time in ms, or undefined for Go's zero time. */
function time(t: string | null | undefined): number | undefined {
  return parseRfc3339(t ?? undefined)
}

/** afterOrZero: is t1 after t2, the zero time counting as after everything. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined
  return t1 > t2
}

function readyTime(p: Pod): number | undefined {
  const c = podCondition(p, 'Ready')
  return c?.status === 'True' ? time(c.lastTransitionTime) : undefined
}

function maxRestarts(p: Pod): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0))
}

function assigned(p: Pod): boolean {
  return !!p.spec?.nodeName
}

/** podutils.ActivePods.Less: unassigned < assigned, Pending < Unknown < Running, not ready < ready, ... */
export function activePodsLess(a: Pod, b: Pod): boolean {
  if ((a.spec?.nodeName ?? '') !== (b.spec?.nodeName ?? '') && (!assigned(a) || !assigned(b))) return !assigned(a)
  const pa = PHASE_ACTIVE[a.status?.phase ?? ''] ?? 0
  const pb = PHASE_ACTIVE[b.status?.phase ?? ''] ?? 0
  if (pa !== pb) return pa < pb
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a)
  const da = !!a.metadata.deletionTimestamp
  const db = !!b.metadata.deletionTimestamp
  if (da !== db) return da
  if (da && db && a.metadata.deletionTimestamp !== b.metadata.deletionTimestamp) return (time(a.metadata.deletionTimestamp) ?? 0) < (time(b.metadata.deletionTimestamp) ?? 0)
  if (isPodReady(a) && isPodReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(a), readyTime(b))
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b)
  const ca = time(a.metadata.creationTimestamp)
  const cb = time(b.metadata.creationTimestamp)
  if (ca !== cb) return afterOrZero(ca, cb)
  return false
}

/** podutils.ByLogging.Less: assigned < unassigned, Running < Unknown < Pending, ready < not ready, ... */
export function byLoggingLess(a: Pod, b: Pod): boolean {
  if ((a.spec?.nodeName ?? '') !== (b.spec?.nodeName ?? '') && (!assigned(a) || !assigned(b))) return assigned(a)
  const pa = PHASE_LOGGING[a.status?.phase ?? ''] ?? 0
  const pb = PHASE_LOGGING[b.status?.phase ?? ''] ?? 0
  if (pa !== pb) return pa < pb
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a)
  if (isPodReady(a) && isPodReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(b), readyTime(a))
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b)
  const ca = time(a.metadata.creationTimestamp)
  const cb = time(b.metadata.creationTimestamp)
  if (ca !== cb) return afterOrZero(cb, ca)
  return false
}

export type PodOrder = 'active' | 'logging'

export function sortPods(pods: readonly Pod[], order: PodOrder): Pod[] {
  return order === 'logging' ? goSortBy(pods, byLoggingLess) : goSortBy(pods, (a, b) => activePodsLess(b, a))
}
