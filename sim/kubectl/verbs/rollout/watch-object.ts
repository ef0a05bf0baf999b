// Watching one object until a condition says stop, as client-go's watchtools.UntilWithSync does for
// `rollout status` and `wait`: the informer's list delivers the object as ADDED, then every write to
// it arrives as MODIFIED (or DELETED), each handed to the condition in order. Time passes through
// ctx.time.until, so the browser waits in real time and the headless runner jumps from timer to timer.

import type { Kind } from '../../../api/kinds'
import type { KubeObject, WatchEventType } from '../../../api/types'
import type { Invocation } from '../../command'

export interface ObjectEvent {
  type: WatchEventType
  object: KubeObject
}

/**
 * done: the condition said stop. timeout: the timeout passed first. cancelled: Ctrl-C. settled: the
 * headless runner found nothing left that could change (a real kubectl would wait forever).
 */
export type WatchOutcome = 'done' | 'timeout' | 'cancelled' | 'settled'

export interface WatchObjectOptions {
  kind: Kind
  namespace: string
  name: string
  /** Milliseconds; undefined waits without limit. */
  timeoutMs: number | undefined
  /** Returns true to stop watching. Called for the initial state too (ADDED), unless the object is gone. */
  handle(ev: ObjectEvent): boolean
  /** UntilWithSync's precondition, checked against the initial list: true stops at once. */
  precondition?(exists: boolean): boolean
}

export async function watchObject(inv: Invocation, o: WatchObjectOptions): Promise<WatchOutcome> {
  let finished = false
  const current = inv.api.get(o.kind, o.namespace, o.name) as KubeObject | undefined
  if (o.precondition?.(current !== undefined)) return 'done'
  if (current && o.handle({ type: 'ADDED', object: current })) return 'done'
  const stop = inv.api.watch((ev) => {
    if (finished) return
    const m = ev.object.metadata
    if (m.name !== o.name || (m.namespace ?? '') !== o.namespace) return
    if (o.handle({ type: ev.type, object: ev.object })) finished = true
  }, [o.kind])
  try {
    const ok = await inv.ctx.time.until(() => finished, o.timeoutMs, inv.ctx.cancel)
    if (ok || finished) return 'done'
    if (inv.ctx.cancel.cancelled) return 'cancelled'
    return o.timeoutMs === undefined ? 'settled' : 'timeout'
  } finally {
    stop()
  }
}
