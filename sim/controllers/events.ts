// The event recorder every component uses. Two upstream flavours:
//  - the core/v1 recorder (client-go tools/record) most controllers and the kubelet use: source
//    {component, host}, firstTimestamp/lastTimestamp/count, repeats aggregated into one Event whose
//    count grows (EventCorrelator);
//  - the events.k8s.io recorder the scheduler uses: eventTime, action, reportingInstance, empty
//    source, repeats recorded as a series.
// Event names are `<involvedObject.name>.<UnixNano in hex>`, so `kubectl get events` (etcd order)
// groups them by object. Events expire an hour after their last write (the API server's default
// --event-ttl, an etcd lease renewed by each write); a restored session takes up the hours it left.

import type { Clock } from '../core/clock'
import { parseRfc3339, rfc3339, rfc3339Micro } from '../core/time'
import type { ApiServer } from '../api/server'
import type { Event, KubeObject, ObjectReference } from './event-types'

export const EVENT_TTL_MS = 60 * 60 * 1000

export type EventType = 'Normal' | 'Warning'

export interface EventSource {
  component: string
  host?: string
  /** Use the events.k8s.io style (eventTime, action, series) as the scheduler does. */
  action?: string
  reportingInstance?: string
}

interface Aggregate {
  name: string
  namespace: string
  /** Cancels the pending expiry (a repeat renews it; an Event deleted by hand has none to wait for). */
  cancelExpiry: () => void
}

const NOTHING = (): void => {}

function aggregateKey(component: string, host: string, ref: ObjectReference, type: string, reason: string, message: string): string {
  return [component, host, ref.kind, ref.namespace ?? '', ref.name, ref.uid ?? '', ref.fieldPath ?? '', type, reason, message].join('\u0000')
}

export class EventRecorder {
  private seen = new Map<string, Aggregate>()
  private nanoSeq = 0
  private lastMs = -1

  constructor(
    private readonly api: ApiServer,
    private readonly clock: Clock,
  ) {}

  /** Records an event about `obj` (an object, or a reference with fieldPath for a container). */
  record(obj: KubeObject | ObjectReference, type: EventType, reason: string, message: string, source: EventSource): void {
    const ref = toReference(obj)
    const namespace = ref.namespace || 'default'
    const now = this.clock.now()
    const aggKey = aggregateKey(source.component, source.host ?? '', ref, type, reason, message)
    const prior = this.seen.get(aggKey)
    if (prior) {
      const existing = this.api.get('Event', prior.namespace, prior.name) as Event | undefined
      if (existing) {
        this.bump(existing, now, source, aggKey, prior)
        return
      }
      prior.cancelExpiry()
      this.seen.delete(aggKey)
    }
    const name = `${ref.name}.${this.nanoHex(now)}`
    const ev: Event = source.action
      ? {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name, namespace },
          involvedObject: ref,
          reason,
          message,
          type,
          action: source.action,
          eventTime: rfc3339Micro(now) as unknown as Event['eventTime'],
          firstTimestamp: null as unknown as undefined,
          lastTimestamp: null as unknown as undefined,
          reportingComponent: source.component,
          reportingInstance: source.reportingInstance ?? '',
          source: {},
        }
      : {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name, namespace },
          involvedObject: ref,
          reason,
          message,
          type,
          count: 1,
          eventTime: null as unknown as undefined,
          firstTimestamp: rfc3339(now),
          lastTimestamp: rfc3339(now),
          reportingComponent: source.component,
          reportingInstance: source.host ?? '',
          source: source.host ? { component: source.component, host: source.host } : { component: source.component },
        }
    try {
      this.api.create(ev as unknown as KubeObject, { actor: source.component })
    } catch {
      // Events are best effort, as upstream: a failed write (e.g. a namespace being deleted) is dropped.
      return
    }
    const agg: Aggregate = { name, namespace, cancelExpiry: NOTHING }
    this.seen.set(aggKey, agg)
    this.expireAt(now + EVENT_TTL_MS, aggKey, agg)
  }

  /**
   * Takes up the Events of a restored session: each expires an hour after its last write, and a
   * repeat still counts on the latest Event of its kind.
   */
  restore(): void {
    const latest = new Map<string, number>()
    for (const ev of this.api.list('Event') as unknown as Event[]) {
      const written = ev.lastTimestamp || ev.series?.lastObservedTime || ev.eventTime || ev.firstTimestamp || ev.metadata?.creationTimestamp
      const last = parseRfc3339(written) ?? this.clock.now()
      const aggKey = aggregateKey(ev.source?.component || ev.reportingComponent || '', ev.source?.host ?? '', ev.involvedObject, ev.type ?? '', ev.reason ?? '', ev.message ?? '')
      const agg: Aggregate = { name: ev.metadata!.name!, namespace: ev.metadata!.namespace!, cancelExpiry: NOTHING }
      if ((latest.get(aggKey) ?? -Infinity) <= last) {
        latest.set(aggKey, last)
        this.seen.set(aggKey, agg)
      }
      this.expireAt(last + EVENT_TTL_MS, aggKey, agg)
    }
  }

  private expireAt(at: number, aggKey: string, agg: Aggregate): void {
    agg.cancelExpiry = this.clock.at(at, () => this.expire(aggKey, agg), { background: true })
  }

  private bump(existing: Event, now: number, source: EventSource, aggKey: string, agg: Aggregate): void {
    const next: Event = source.action
      ? {
          ...existing,
          series: {
            count: (existing.series?.count ?? 1) + 1,
            lastObservedTime: rfc3339Micro(now) as unknown as string,
          },
        }
      : { ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: rfc3339(now) }
    try {
      this.api.update(next as unknown as KubeObject, { actor: source.component })
    } catch {
      return
    }
    agg.cancelExpiry()
    this.expireAt(now + EVENT_TTL_MS, aggKey, agg)
  }

  /** The event's hour is up: it goes, and its aggregate is forgotten unless a newer event took it over. */
  private expire(aggKey: string, agg: Aggregate): void {
    if (this.seen.get(aggKey) === agg) this.seen.delete(aggKey)
    if (this.api.get('Event', agg.namespace, agg.name)) {
      try {
        this.api.delete('Event', agg.namespace, agg.name, { actor: 'kube-apiserver' })
      } catch {
        // already gone
      }
    }
  }

  /** UnixNano in hex, made unique within a millisecond (real clocks have nanoseconds to spare). */
  private nanoHex(ms: number): string {
    if (ms !== this.lastMs) {
      this.lastMs = ms
      this.nanoSeq = 0
    }
    const nanos = BigInt(ms) * 1_000_000n + BigInt(this.nanoSeq++ * 1000 + 123)
    return nanos.toString(16)
  }
}

function toReference(obj: KubeObject | ObjectReference): ObjectReference {
  if ('metadata' in obj && obj.metadata) {
    const o = obj as KubeObject
    const ref: ObjectReference = { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name!, uid: o.metadata.uid }
    if (o.metadata.namespace) ref.namespace = o.metadata.namespace
    if (o.metadata.resourceVersion) ref.resourceVersion = o.metadata.resourceVersion
    return ref
  }
  return obj as ObjectReference
}
