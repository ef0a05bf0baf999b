// The EventList `kubectl events -o ...` prints: kubectl decodes the events into the typed core/v1
// structs and prints those, so `-o json` shows the members in the structs' field order, with Go's
// omitempty rules (time structs are never left out: an unset one is `null`; reportingComponent and
// reportingInstance have no omitempty; source is a struct, `{}` when empty). `-o yaml` sorts the keys
// anyway, and shows the same nulls.

import type { Event } from '../../api/types'
import { inStructOrder } from '../printers/json'

type Json = Record<string, unknown>

/** An object whose members are written in the order given, the empty ones (omitempty) left out. */
function struct(fields: [string, unknown, 'omitempty'?][]): Json {
  const out: Json = {}
  for (const [name, value, omit] of fields) {
    if (omit && isEmpty(value)) continue
    out[name] = value === undefined ? null : value
  }
  inStructOrder.add(out)
  return out
}

/** Go's empty value for omitempty: "", 0, false, nil, or an empty map or list (never a struct). */
function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === 0 || v === false) return true
  if (Array.isArray(v)) return v.length === 0
  return false
}

function objectMeta(m: Json | undefined): Json {
  const get = (k: string) => m?.[k]
  return struct([
    ['name', get('name'), 'omitempty'],
    ['generateName', get('generateName'), 'omitempty'],
    ['namespace', get('namespace'), 'omitempty'],
    ['selfLink', get('selfLink'), 'omitempty'],
    ['uid', get('uid'), 'omitempty'],
    ['resourceVersion', get('resourceVersion'), 'omitempty'],
    ['generation', get('generation'), 'omitempty'],
    ['creationTimestamp', get('creationTimestamp')],
    ['deletionTimestamp', get('deletionTimestamp') ?? undefined, 'omitempty'],
    ['deletionGracePeriodSeconds', get('deletionGracePeriodSeconds'), 'omitempty'],
    ['labels', nonEmptyMap(get('labels')), 'omitempty'],
    ['annotations', nonEmptyMap(get('annotations')), 'omitempty'],
    ['ownerReferences', get('ownerReferences'), 'omitempty'],
    ['finalizers', get('finalizers'), 'omitempty'],
    ['managedFields', get('managedFields'), 'omitempty'],
  ])
}

const nonEmptyMap = (v: unknown) => (v && typeof v === 'object' && Object.keys(v).length > 0 ? v : undefined)

function objectReference(r: Json | undefined): Json {
  const get = (k: string) => r?.[k]
  return struct([
    ['kind', get('kind'), 'omitempty'],
    ['namespace', get('namespace'), 'omitempty'],
    ['name', get('name'), 'omitempty'],
    ['uid', get('uid'), 'omitempty'],
    ['apiVersion', get('apiVersion'), 'omitempty'],
    ['resourceVersion', get('resourceVersion'), 'omitempty'],
    ['fieldPath', get('fieldPath'), 'omitempty'],
  ])
}

function typedEvent(e: Event): Json {
  const ev = e as unknown as Json
  const source = (ev.source ?? {}) as Json
  const series = ev.series as Json | undefined
  return struct([
    ['kind', 'Event'],
    ['apiVersion', 'v1'],
    ['metadata', objectMeta(ev.metadata as Json)],
    ['involvedObject', objectReference(ev.involvedObject as Json)],
    ['reason', ev.reason, 'omitempty'],
    ['message', ev.message, 'omitempty'],
    [
      'source',
      struct([
        ['component', source.component, 'omitempty'],
        ['host', source.host, 'omitempty'],
      ]),
    ],
    ['firstTimestamp', ev.firstTimestamp],
    ['lastTimestamp', ev.lastTimestamp],
    ['count', ev.count, 'omitempty'],
    ['type', ev.type, 'omitempty'],
    ['eventTime', ev.eventTime],
    [
      'series',
      series &&
        struct([
          ['count', series.count, 'omitempty'],
          ['lastObservedTime', series.lastObservedTime],
        ]),
      'omitempty',
    ],
    ['action', ev.action, 'omitempty'],
    ['related', ev.related && objectReference(ev.related as Json), 'omitempty'],
    ['reportingComponent', ev.reportingComponent ?? ''],
    ['reportingInstance', ev.reportingInstance ?? ''],
  ])
}

/**
 * The EventList of `kubectl events`, typed (no resourceVersion of its own); `ordered`: its members
 * in the structs' order for json.Marshal, else a plain copy (maps, printed with sorted keys).
 */
export function typedEventList(events: readonly Event[], ordered: boolean): Json {
  const list = struct([
    ['kind', 'EventList'],
    ['apiVersion', 'v1'],
    ['metadata', struct([])],
    ['items', events.map(typedEvent)],
  ])
  return ordered ? list : (JSON.parse(JSON.stringify(list)) as Json)
}
