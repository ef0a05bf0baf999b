// The Events section (describe.go searchEvents + DescribeEvents, kubectl 1.33). kubectl lists core/v1
// Events with a field selector on involvedObject (name, namespace, and kind and uid when the
// reference has them), sorts them by lastTimestamp with Go's unstable sort, and prints Age as
// HumanDuration since the first occurrence, `<last> (x<count> over <first>)` for repeats, From as
// source.component (else reportingComponent), and the message trimmed. kubectl 1.35 adds a
// `spec.containers{c}: ` prefix to the message; 1.33 does not.

import type { Event } from 'kubernetes-types/core/v1'
import { parseRfc3339 } from '../../core/time'
import { timestampSince } from '../printers/duration'
import { goSortBy } from '../go-sort'
import type { DescribeContext } from './context'
import { type DescribeWriter, LEVEL_0, LEVEL_1 } from './writer'

/** What describe searches events for (reference.GetReference of the described object). */
export interface EventQuery {
  name: string
  /** '' for cluster-scoped objects: their events carry no involvedObject.namespace. */
  namespace: string
  /** Omitted for pods (the pod describer clears the reference's kind). */
  kind?: string
  uid?: string
}

/** searchEvents: GET events in the object's namespace (all namespaces for cluster-scoped ones), filtered. */
export function searchEvents(ctx: DescribeContext, q: EventQuery): Event[] {
  const events = ctx.api.list('Event', q.namespace ? { namespace: q.namespace } : {}) as unknown as Event[]
  return events.filter((e) => {
    const io = e.involvedObject ?? {}
    if ((io.name ?? '') !== q.name) return false
    if ((io.namespace ?? '') !== q.namespace) return false
    if (q.kind && (io.kind ?? '') !== q.kind) return false
    if (q.uid && (io.uid ?? '') !== q.uid) return false
    return true
  })
}

/** Events about `obj`, or undefined when --show-events=false (then no Events section is printed). */
export function eventsFor(
  ctx: DescribeContext,
  obj: { kind?: string; metadata: { name?: string; namespace?: string; uid?: string } },
  opts: { omitKind?: boolean } = {},
): Event[] | undefined {
  if (!ctx.showEvents) return undefined
  return searchEvents(ctx, {
    name: obj.metadata.name ?? '',
    namespace: obj.metadata.namespace ?? '',
    kind: opts.omitKind ? undefined : obj.kind,
    uid: obj.metadata.uid,
  })
}

/** Zero times (unset lastTimestamp) sort first, as Go's zero time.Time does. */
function lastTimestampMs(e: Event): number {
  return parseRfc3339(e.lastTimestamp as unknown as string) ?? -Infinity
}

function since(ts: string | null | undefined, now: number): string {
  return timestampSince(ts ?? undefined, now)
}

/** The Age cell: time since the first occurrence, with the repeat count and the last occurrence. */
export function interval(e: Event, now: number): string {
  const eventTime = e.eventTime as unknown as string | null | undefined
  const first = parseRfc3339(eventTime) !== undefined ? since(eventTime, now) : since(e.firstTimestamp as unknown as string, now)
  if (e.series) return `${since(e.series.lastObservedTime as unknown as string, now)} (x${e.series.count ?? 0} over ${first})`
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp as unknown as string, now)} (x${e.count} over ${first})`
  return first
}

/** DescribeEvents: `Events:\t<none>` (aligned with the block above), else its own aligned table. */
export function describeEvents(events: readonly Event[], w: DescribeWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n')
    return
  }
  w.flush()
  const sorted = goSortBy(events, (a, b) => lastTimestampMs(a) < lastTimestampMs(b))
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n')
  for (const e of sorted) {
    const source = e.source?.component || e.reportingComponent || ''
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval(e, now)}\t${source}\t${(e.message ?? '').trim()}\n`)
  }
}
