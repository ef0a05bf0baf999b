// The scheduler's view of which pods wait for it (internal/queue/scheduling_queue.go, as far as
// events are concerned): every pending pod, and among them those in a binding cycle whose PreBind
// waits for their claims to be bound (binder.go BindPodVolumes). Those are not in the queue: events
// that may make unschedulable pods schedulable (a pod bound elsewhere, some other claim or volume)
// do not send them round again; only changes to their own claims and volumes do. Kept from watch
// events instead of looking at every pod on every event; built from the API server on first use, so
// nothing here needs saving.

import type { ApiServer } from '../../api/server'
import type { Pod } from '../../api/types'
import { keyOf, splitKey } from '../runtime'
import { hasClaims, isPending } from './world'

export function podKey(pod: Pod): string {
  return keyOf(pod.metadata?.namespace ?? 'default', pod.metadata?.name ?? '')
}

export class SchedulingQueue {
  private pending: Set<string> | undefined
  /** Pending pods that are not waiting in a binding cycle (the active and unschedulable queues). */
  private queued = new Set<string>()
  /** The queued pods that mount claims. */
  private withClaims = new Set<string>()
  /** Pods whose PreBind waits for their claims, by key, with the uid, since when, and the node they are assumed on. */
  readonly binding = new Map<string, { uid: string; at: number; node: string }>()
  /**
   * Keys handed to the controller's work queue and not reconciled since. The work queue keeps a key
   * once until it is reconciled, so handing it these again changes nothing: events only need to name
   * the others, and most events (every claim and bound pod change) would otherwise name every pod
   * that waits, making n pods cost n². Empty after a restore, which only means naming more keys.
   */
  private enqueued = new Set<string>()
  /** The queued keys not in `enqueued`. */
  private fresh = new Set<string>()

  constructor(private readonly api: ApiServer) {}

  private pendingKeys(): Set<string> {
    if (!this.pending) {
      this.pending = new Set()
      for (const p of this.api.byIndex('Pod', 'spec.nodeName', '')) if (isPending(p)) this.pending.add(podKey(p))
      for (const k of this.pending) this.refresh(k)
    }
    return this.pending
  }

  /** A watch event about a pod (its current state, or undefined when it is gone). */
  observe(key: string, pod: Pod | undefined): void {
    const pending = this.pendingKeys()
    if (pod && isPending(pod)) pending.add(key)
    else pending.delete(key)
    this.refresh(key, pod)
  }

  /** The binding cycle of `key` starts waiting (or waits on) since `at`, for `node`. */
  startWaiting(key: string, uid: string, at: number, node: string): void {
    this.binding.set(key, { uid, at, node })
    this.refresh(key)
  }

  stopWaiting(key: string): void {
    if (this.binding.delete(key)) this.refresh(key)
  }

  /** These keys go to the work queue now. */
  handedOut(keys: readonly string[]): readonly string[] {
    for (const k of keys) {
      this.enqueued.add(k)
      this.fresh.delete(k)
    }
    return keys
  }

  /** `key` left the work queue to be reconciled. */
  reconciling(key: string): void {
    if (this.enqueued.delete(key) && this.queued.has(key)) this.fresh.add(key)
  }

  /** Whether `key` is in the work queue already (adding it does nothing). */
  inWorkQueue(key: string): boolean {
    return this.enqueued.has(key)
  }

  /** Queued pods (not waiting for their volumes) that are not in the work queue already, sorted. */
  queuedKeys(): string[] {
    this.pendingKeys()
    return [...this.fresh].sort()
  }

  /** Those of queuedKeys() that mount claims (in `namespace`, or in any), sorted. */
  queuedKeysWithClaims(namespace?: string): string[] {
    this.pendingKeys()
    const prefix = namespace === undefined ? undefined : keyOf(namespace, '')
    const keys: string[] = []
    for (const key of this.fresh) if (this.withClaims.has(key) && (prefix === undefined || key.startsWith(prefix))) keys.push(key)
    return keys.sort()
  }

  /** Pending pods (waiting or not) that use the claim `namespace/name` and are not in the work queue already. */
  podsOfClaim(namespace: string, name: string): string[] {
    const pending = this.pendingKeys()
    const keys: string[] = []
    for (const p of this.api.byIndex('Pod', 'claimName', name)) {
      const key = podKey(p)
      if (p.metadata.namespace === namespace && pending.has(key) && !this.enqueued.has(key)) keys.push(key)
    }
    return keys
  }

  private get(key: string): Pod | undefined {
    const [ns, name] = splitKey(key)
    return this.api.get('Pod', ns, name)
  }

  private refresh(key: string, pod: Pod | undefined = this.get(key)): void {
    const waiting = pod !== undefined && this.binding.get(key)?.uid === pod.metadata?.uid
    if (this.pending?.has(key) && !waiting) {
      this.queued.add(key)
      if (!this.enqueued.has(key)) this.fresh.add(key)
      // A pod's volumes never change, so whether it has claims is known from when it is queued.
      if (pod !== undefined && hasClaims(pod)) this.withClaims.add(key)
      else this.withClaims.delete(key)
    } else {
      this.queued.delete(key)
      this.fresh.delete(key)
      this.withClaims.delete(key)
    }
  }
}
