// One node's share of the scheduler cache: the pods counted there and what a scheduling cycle asks
// of them (framework.NodeInfo's Requested and NonZeroRequested, the default spreading's count of
// pods a selector matches), kept up to date as pods come, change and go. Upstream's NodeInfo is
// updated the same way (AddPod / RemovePod adjust the sums); adding up every pod on the node again
// for each cycle would make settling n pods cost n².

import type { Node, Pod } from '../../api/types'
import { matches, type Selector } from '../../api/selectors'
import type { NodeInfo } from './filters'
import { add, emptyResources, podRequests, subtract, type Resources } from './resources'

/** How many (namespace, selector) counts a node keeps up to date; the least recently asked goes first. */
const MAX_COUNTERS = 32

interface Counter {
  namespace: string
  selector: Selector
  n: number
  /** When it was last asked for (the node's own clock of asks). */
  used: number
}

// The counts are looked up for every node in every cycle: one key string per selector object and
// namespace, so the maps hash the same string each time.
const selectorKeys = new WeakMap<object, Map<string, string>>()
const nullKeys = new Map<string, string>()

function selectorKey(ns: string, selector: Selector): string {
  let byNs = selector === null ? nullKeys : selectorKeys.get(selector)
  if (byNs === undefined) selectorKeys.set(selector!, (byNs = new Map()))
  let k = byNs.get(ns)
  if (k === undefined) byNs.set(ns, (k = `${ns}\u0000${selector === null ? 'null' : JSON.stringify(selector)}`))
  return k
}

const counts = (c: Counter, p: Pod) => (p.metadata?.namespace ?? 'default') === c.namespace && matches(c.selector, p.metadata?.labels)

/** Whole amounts add up to the same sum in any order, so running sums of them equal a fresh sum. */
function whole(r: Resources): boolean {
  if (!Number.isSafeInteger(r.milliCPU) || !Number.isSafeInteger(r.memory) || !Number.isSafeInteger(r.ephemeralStorage)) return false
  for (const k in r.scalar) if (!Number.isSafeInteger(r.scalar[k])) return false
  return true
}

interface Sums {
  requested: Resources
  nonZeroRequested: Resources
}

export class NodePods {
  private readonly pods = new Map<string, Pod>()
  private sums: Sums = { requested: emptyResources(), nonZeroRequested: emptyResources() }
  /**
   * Whether `sums` equals the pods' sum added up afresh in their order. Not so once some amount is
   * fractional (rounding then depends on the order): the sums are then added up afresh when asked.
   */
  private exact = true
  /** Set when the sums must be added up afresh before they are handed out. */
  private stale = false
  private list: Pod[] | undefined
  private readonly counters = new Map<string, Counter>()
  private asks = 0

  get size(): number {
    return this.pods.size
  }

  get(key: string): Pod | undefined {
    return this.pods.get(key)
  }

  entries(): IterableIterator<[string, Pod]> {
    return this.pods.entries()
  }

  /** Counts `pod` under `key` (replacing the version there); false when it is the one already there. */
  set(key: string, pod: Pod): boolean {
    const old = this.pods.get(key)
    if (old === pod) return false
    this.pods.set(key, pod)
    this.changed(old, pod)
    return true
  }

  delete(key: string): void {
    const old = this.pods.get(key)
    if (old === undefined) return
    this.pods.delete(key)
    this.changed(old, undefined)
  }

  /** The node info with the pod `except` (the one being scheduled) left out. Valid until the next change. */
  info(node: Node, except?: string): NodeInfo {
    const left = except === undefined ? undefined : this.pods.get(except)
    const { requested, nonZeroRequested } = left ? this.sumsWithout(except!, left) : this.current()
    const all = () => (this.list ??= [...this.pods.values()])
    let pods: Pod[] | undefined
    return {
      node,
      requested,
      nonZeroRequested,
      podCount: this.pods.size - (left ? 1 : 0),
      // Only host ports and the fallbacks look at the pods themselves.
      get pods() {
        return (pods ??= left ? all().filter((p) => p !== left) : all())
      },
      countMatching: (ns, selector) => {
        const c = this.counter(ns, selector)
        return left && counts(c, left) ? c.n - 1 : c.n
      },
    }
  }

  private changed(old: Pod | undefined, cur: Pod | undefined): void {
    this.list = undefined
    // Requests come from the spec alone; a status write keeps the stored spec (and labels) objects.
    if (old?.spec !== cur?.spec) {
      if (this.exact) {
        let { requested, nonZeroRequested } = this.sums
        if (old) {
          requested = subtract(requested, podRequests(old))
          nonZeroRequested = subtract(nonZeroRequested, podRequests(old, true))
        }
        if (cur) {
          requested = add(requested, podRequests(cur))
          nonZeroRequested = add(nonZeroRequested, podRequests(cur, true))
        }
        this.sums = { requested, nonZeroRequested }
        const parts = [...(old ? [podRequests(old), podRequests(old, true)] : []), ...(cur ? [podRequests(cur), podRequests(cur, true)] : [])]
        this.exact = parts.every(whole) && whole(requested) && whole(nonZeroRequested)
      }
      if (!this.exact) this.stale = true
    }
    if (old?.metadata?.labels !== cur?.metadata?.labels || old === undefined || cur === undefined) {
      for (const c of this.counters.values()) c.n += (cur && counts(c, cur) ? 1 : 0) - (old && counts(c, old) ? 1 : 0)
    }
  }

  private current(): Sums {
    if (this.stale) {
      this.sums = this.addUp(this.pods.values())
      this.stale = false
      this.exact = [...this.pods.values()].every((p) => whole(podRequests(p)) && whole(podRequests(p, true))) && whole(this.sums.requested) && whole(this.sums.nonZeroRequested)
    }
    return this.sums
  }

  private sumsWithout(key: string, pod: Pod): Sums {
    const all = this.current()
    if (this.exact) return { requested: subtract(all.requested, podRequests(pod)), nonZeroRequested: subtract(all.nonZeroRequested, podRequests(pod, true)) }
    return this.addUp([...this.pods].filter(([k]) => k !== key).map(([, p]) => p))
  }

  private addUp(pods: Iterable<Pod>): Sums {
    let requested = emptyResources()
    let nonZeroRequested = emptyResources()
    for (const p of pods) {
      requested = add(requested, podRequests(p))
      nonZeroRequested = add(nonZeroRequested, podRequests(p, true))
    }
    return { requested, nonZeroRequested }
  }

  /** The count for (namespace, selector), counted once when first asked and kept up to date after. */
  private counter(namespace: string, selector: Selector): Counter {
    const k = selectorKey(namespace, selector)
    let c = this.counters.get(k)
    if (c === undefined) {
      if (this.counters.size >= MAX_COUNTERS) {
        let oldest: string | undefined
        let at = Infinity
        for (const [key, x] of this.counters) if (x.used < at) [oldest, at] = [key, x.used]
        this.counters.delete(oldest!)
      }
      c = { namespace, selector, n: 0, used: 0 }
      for (const p of this.pods.values()) if (counts(c, p)) c.n++
      this.counters.set(k, c)
    }
    c.used = ++this.asks
    return c
  }
}
