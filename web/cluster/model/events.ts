// Events of a namespace in time order, as `kubectl events` orders them: by when each was last seen
// (a repeated event moves to the end), ties in the order they were recorded. The OBJECT, SOURCE,
// MESSAGE and COUNT texts are kubectl's own cells (printers.go printEvent).

import { KINDS, type Kind, type Obj } from '../../../sim'
import { parseRfc3339 } from '../../../sim/core/time'
import { eventRow } from '../../../sim/kubectl/printers/columns/cluster'
import type { ViewCache } from './memo'
import type { EventView, ObjectRef } from './types'

const KNOWN_KINDS = new Set<string>(KINDS.map((k) => k.kind))
const CLUSTER_SCOPED = new Set<string>(KINDS.filter((k) => !k.namespaced).map((k) => k.kind))

export function eventView(cache: ViewCache, ev: Obj<'Event'>): EventView {
  return cache.memo(`ev/${ev.metadata.uid}`, [ev], () => {
    const [, type, reason, object, fieldPath, source, message, , count] = eventRow(ev, 0)
    const first = parseRfc3339(ev.firstTimestamp) ?? parseRfc3339(ev.eventTime)
    const last = ev.series ? parseRfc3339(ev.series.lastObservedTime) : (parseRfc3339(ev.lastTimestamp) ?? first)
    const io = ev.involvedObject
    const kind = io.kind ?? ''
    const involved: ObjectRef | undefined =
      KNOWN_KINDS.has(kind) && io.name ? { kind: kind as Kind, namespace: CLUSTER_SCOPED.has(kind) ? '' : (io.namespace ?? ''), name: io.name } : undefined
    return {
      key: ev.metadata.uid ?? ev.metadata.name ?? '',
      type: String(type),
      reason: String(reason),
      object: String(object),
      involved,
      involvedUid: io.uid || undefined,
      fieldPath: String(fieldPath) || undefined,
      message: String(message),
      count: Number(count),
      lastSeen: last,
      firstSeen: first,
      source: String(source),
      order: recordedOrder(ev.metadata.name),
    }
  })
}

/** The hex UnixNano an event's name ends with (`web-0.17e2aa558b99d358`): the order of recording. */
function recordedOrder(name: string | undefined): string {
  const hex = (name ?? '').slice((name ?? '').lastIndexOf('.') + 1)
  return hex.padStart(20, '0')
}

export function eventTimeline(cache: ViewCache, all: readonly Obj<'Event'>[], namespace: string): EventView[] {
  const views: EventView[] = []
  for (const e of all) if (e.metadata.namespace === namespace) views.push(eventView(cache, e))
  return views.sort((a, b) => (a.lastSeen ?? 0) - (b.lastSeen ?? 0) || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
}

/** The events about one object: same kind, namespace and name, and the same uid when both know it. */
export function eventsFor(events: readonly EventView[], ref: ObjectRef, uid?: string): EventView[] {
  return events.filter(
    (e) =>
      e.involved !== undefined &&
      e.involved.kind === ref.kind &&
      e.involved.name === ref.name &&
      e.involved.namespace === ref.namespace &&
      (!uid || !e.involvedUid || e.involvedUid === uid),
  )
}
