// The event recorder every component uses. Two upstream flavours:
//  - the core/v1 recorder (client-go tools/record) most controllers and the kubelet use: source
//    {component, host}, firstTimestamp/lastTimestamp/count, repeats aggregated into one Event whose
//    count grows (EventCorrelator);
//  - the events.k8s.io recorder the scheduler uses: eventTime, action, reportingInstance, empty
//    source, repeats recorded as a series.
// Event names are `<involvedObject.name>.<UnixNano in hex>`, so `kubectl get events` (etcd order)
// groups them by object. Events expire after an hour (the API server's default --event-ttl).

import type { Clock } from '../core/clock'
import { rfc3339, rfc3339Micro } from '../core/time'
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
    const aggKey = [source.component, source.host ?? '', ref.kind, ref.namespace ?? '', ref.name, ref.uid ?? '', ref.fieldPath ?? '', type, reason, message].join('\u0000')
    const prior = this.seen.get(aggKey)
    if (prior) {
      const existing = this.api.get('Event', prior.namespace, prior.name) as Event | undefined
      if (existing) {
        this.bump(existing, now, source, aggKey)
        return
      }
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
    this.seen.set(aggKey, { name, namespace })
    this.clock.after(EVENT_TTL_MS, () => this.expire(aggKey, namespace, name), { key: `event-ttl/${namespace}/${name}`, background: true })
  }

  private bump(existing: Event, now: number, source: EventSource, aggKey: string): void {
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
    const ns = existing.metadata!.namespace!
    const name = existing.metadata!.name!
    this.clock.after(EVENT_TTL_MS, () => this.expire(aggKey, ns, name), { key: `event-ttl/${ns}/${name}`, background: true })
  }

  /** The event's hour is up: it goes, and its aggregate is forgotten unless a newer event took it over. */
  private expire(aggKey: string, namespace: string, name: string): void {
    const v = this.seen.get(aggKey)
    if (v && v.name === name && v.namespace === namespace) this.seen.delete(aggKey)
    if (this.api.get('Event', namespace, name)) {
      try {
        this.api.delete('Event', namespace, name, { actor: 'kube-apiserver' })
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
