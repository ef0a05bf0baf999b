// `kubectl delete --wait` (the default): after the DELETE requests, kubectl waits for each object in
// turn until it is gone or its name now belongs to a new object (another uid: the StatefulSet
// controller recreating web-1) — kubectl pkg/cmd/wait IsDeleted with the delete's UIDMap. The shared
// deadline is --timeout, or a week when it is 0; virtual time passes while it waits (ctx.time.until),
// so a pod's graceful termination takes its 30 seconds. A timeout reports the first object still
// there: `timed out waiting for the condition on pods/web-1`.

import type { KindInfo } from '../../api/kinds'
import type { Invocation } from '../command'
import { KubectlError } from '../errors'

export interface Deleted {
  target: { mapping: KindInfo; namespace: string; name: string }
  /** The uid the DELETE answered with; undefined when unknown (then only absence counts). */
  uid: string | undefined
}

export async function waitDeleted(inv: Invocation, deleted: readonly Deleted[], timeoutMs: number): Promise<number> {
  const start = inv.now()
  for (const d of deleted) {
    const { mapping, namespace, name } = d.target
    const gone = () => {
      const o = inv.api.get(mapping.kind, namespace, name)
      return !o || (d.uid !== undefined && o.metadata.uid !== d.uid)
    }
    // With no --timeout kubectl waits a week; here "as long as anything can still change".
    const remaining = timeoutMs > 0 ? Math.max(0, timeoutMs - (inv.now() - start)) : undefined
    const done = await inv.ctx.time.until(gone, remaining, inv.ctx.cancel)
    if (done) continue
    if (inv.ctx.cancel.cancelled) return 130
    throw new KubectlError(`timed out waiting for the condition on ${mapping.resource}/${name}`)
  }
  return 0
}
