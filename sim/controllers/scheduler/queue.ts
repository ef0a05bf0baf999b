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
  /** Pods whose PreBind waits for their claims, by key, with the uid and since when. */
  readonly binding = new Map<string, { uid: string; at: number }>()

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

  /** The binding cycle of `key` starts waiting (or waits on) since `at`. */
  startWaiting(key: string, uid: string, at: number): void {
    this.binding.set(key, { uid, at })
    this.refresh(key)
  }

  stopWaiting(key: string): void {
    if (this.binding.delete(key)) this.refresh(key)
  }

  /** Queued pods (not waiting for their volumes) that `wants`, sorted. */
  queuedKeys(wants?: (p: Pod) => boolean): string[] {
    this.pendingKeys()
    const keys: string[] = []
    for (const key of this.queued) {
      if (!wants) keys.push(key)
      else {
        const p = this.get(key)
        if (p && wants(p)) keys.push(key)
      }
    }
    return keys.sort()
  }

  /** Queued pods that mount claims (in `namespace`, or in any), sorted: queuedKeys(hasClaims) without reading every pod. */
  queuedKeysWithClaims(namespace?: string): string[] {
    this.pendingKeys()
    const prefix = namespace === undefined ? undefined : keyOf(namespace, '')
    const keys: string[] = []
    for (const key of this.withClaims) if (prefix === undefined || key.startsWith(prefix)) keys.push(key)
    return keys.sort()
  }

  /** Pending pods (waiting or not) that use the claim `namespace/name`. */
  podsOfClaim(namespace: string, name: string): string[] {
    const pending = this.pendingKeys()
    const keys: string[] = []
    for (const p of this.api.byIndex('Pod', 'claimName', name)) {
      if (p.metadata.namespace === namespace && pending.has(podKey(p))) keys.push(podKey(p))
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
      // A pod's volumes never change, so whether it has claims is known from when it is queued.
      if (pod !== undefined && hasClaims(pod)) this.withClaims.add(key)
      else this.withClaims.delete(key)
    } else {
      this.queued.delete(key)
      this.withClaims.delete(key)
    }
  }
}
