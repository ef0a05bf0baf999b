// Events that upstream sends on every sync of an object ("waiting for first consumer", "no persistent
// volumes available", ExternalProvisioning...). Upstream syncs each claim when it changes and again every
// resync period, so such an event shows `(x24 over 5m46s)` after a while. Here a sync caused by a change
// records the event only if it is not there yet (our own writes would otherwise repeat it at once), and
// the periodic resync always records it, which bumps the count as on a real cluster.

import type { ControllerContext } from '../runtime'
import type { Event, KubeObject } from '../../api/types'
import type { PlannedEvent } from './claim-plan'

/** The event about `obj` (by uid) with this reason and message from `component`, if it exists. */
export function findEvent(ctx: ControllerContext, obj: KubeObject, reason: string, message: string | undefined, component: string): Event | undefined {
  const ns = obj.metadata.namespace || 'default'
  const uid = obj.metadata.uid
  // Events about one object sort by time in etcd order (`<name>.<nanoseconds>`), as they were made.
  for (const ev of ctx.api.byIndex('Event', 'involvedObject.uid', uid ?? '')) {
    if (ev.metadata.namespace !== ns || ev.involvedObject?.uid !== uid || ev.reason !== reason) continue
    if (message !== undefined && ev.message !== message) continue
    if ((ev.source?.component ?? ev.reportingComponent) !== component) continue
    return ev as Event
  }
  return undefined
}

/** Records a repeating event: always on a resync, otherwise only if it has not been recorded. */
export function recordRepeating(ctx: ControllerContext, obj: KubeObject, ev: PlannedEvent, component: string, resync: boolean): void {
  if (!resync && findEvent(ctx, obj, ev.reason, ev.message, component)) return
  ctx.events.record(obj, ev.type, ev.reason, ev.message, { component })
}
