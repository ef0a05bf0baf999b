// Controller plumbing shared by every controller: a de-duplicating work queue per controller,
// watch handlers that only map events to keys, level-triggered reconciles, requeue-after timers and
// rate-limited retries of failed syncs (client-go's workqueue, in virtual time).

import type { Clock } from '../core/clock'
import type { Rng } from '../core/rng'
import type { ApiServer } from '../api/server'
import type { Kind } from '../api/kinds'
import type { WatchEvent } from '../api/types'
import { ApiError } from '../api/errors'
import type { EventRecorder } from './events'
import type { ClusterConfig } from '../cluster-config'

export interface ControllerContext {
  api: ApiServer
  clock: Clock
  /** The main seeded stream (generated names, tie-breaks). */
  rng: Rng
  /** A stream that depends only on the seed and `key` (timings that must survive a restore). */
  rngFor(key: string): Rng
  events: EventRecorder
  config: ClusterConfig
  now(): number
  /** Puts a key on this controller's queue (deduplicated). */
  enqueue(key: string): void
  /** Reconciles `key` again after `ms` of virtual time; a later call for the same key replaces it. */
  requeueAfter(key: string, ms: number, opts?: { background?: boolean }): void
  /** Puts a key on another controller's queue (e.g. the kubelet waking the scheduler). */
  enqueueFor(controller: string, key: string): void
}

export interface Controller {
  readonly name: string
  readonly watches: readonly Kind[]
  /** Maps a watch event to keys. Must not write. */
  keysFor(event: WatchEvent, ctx: ControllerContext): Iterable<string>
  /** Level-triggered: reads the current state of `key` and moves it toward the desired state. */
  reconcile(key: string, ctx: ControllerContext): void
  /** Keys to reconcile when the simulation starts or is restored from a saved state. */
  initialKeys?(ctx: ControllerContext): Iterable<string>
}

/** An ordered set: a key queued twice is reconciled once (first come, first reconciled). */
export class WorkQueue {
  private queued = new Set<string>()
  private order: string[] = []
  private head = 0
  add(key: string): void {
    if (this.queued.has(key)) return
    this.queued.add(key)
    this.order.push(key)
  }
  pop(): string | undefined {
    if (this.head === this.order.length) return undefined
    const key = this.order[this.head++]
    this.queued.delete(key)
    // Drop what was taken once it is most of the list (an array, not an iterator per pop).
    if (this.head === this.order.length) {
      this.order.length = 0
      this.head = 0
    } else if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head)
      this.head = 0
    }
    return key
  }
  get size(): number {
    return this.queued.size
  }
}

export class ReconcileBudgetError extends Error {}

export interface ManagerDeps {
  api: ApiServer
  clock: Clock
  rng: Rng
  seed: number
  events: EventRecorder
  config: ClusterConfig
  /** Throw programming errors from reconciles instead of recording them (tests). */
  strict: boolean
}

interface Entry {
  controller: Controller
  queue: WorkQueue
  failures: Map<string, number>
  ctx: ControllerContext
}

export class ControllerManager {
  private entries: Entry[] = []
  private byName = new Map<string, Entry>()
  /** The controllers that watch each kind, in registration order (every write is dispatched). */
  private byKind = new Map<Kind, Entry[]>()
  readonly errors: { at: number; controller: string; key: string; error: string }[] = []
  reconciles = 0

  constructor(private readonly deps: ManagerDeps) {
    deps.api.watch((ev) => this.dispatch(ev))
  }

  register(controller: Controller): void {
    const entry: Entry = { controller, queue: new WorkQueue(), failures: new Map(), ctx: undefined! }
    entry.ctx = this.contextFor(entry)
    this.entries.push(entry)
    this.byName.set(controller.name, entry)
    for (const kind of new Set(controller.watches)) {
      let list = this.byKind.get(kind)
      if (!list) this.byKind.set(kind, (list = []))
      list.push(entry)
    }
  }

  /** Queues every controller's initial keys (start-up, or after a restore). */
  start(): void {
    for (const e of this.entries) for (const k of e.controller.initialKeys?.(e.ctx) ?? []) e.queue.add(k)
  }

  enqueue(controller: string, key: string): void {
    this.byName.get(controller)?.queue.add(key)
  }

  pendingWork(): number {
    let n = 0
    for (const e of this.entries) n += e.queue.size
    return n
  }

  /**
   * Runs reconciles until every queue is empty, round-robin one key per controller per turn.
   * Throws ReconcileBudgetError if work never stops at one instant (a hot loop is a bug).
   */
  drain(budget = 1_000_000): void {
    let spent = 0
    for (;;) {
      let did = false
      for (const e of this.entries) {
        const key = e.queue.pop()
        if (key === undefined) continue
        did = true
        this.run(e, key)
        if (++spent > budget) {
          throw new ReconcileBudgetError(`controllers did not settle after ${budget} reconciles at t=${this.deps.clock.now()} (last: ${e.controller.name} ${key})`)
        }
      }
      if (!did) return
    }
  }

  controllerNames(): string[] {
    return this.entries.map((e) => e.controller.name)
  }

  private run(e: Entry, key: string): void {
    this.reconciles++
    try {
      e.controller.reconcile(key, e.ctx)
      e.failures.delete(key)
    } catch (err) {
      if (err instanceof ApiError) {
        // A failed sync is retried with exponential back-off: 5ms doubling, capped at 1000s.
        const n = (e.failures.get(key) ?? 0) + 1
        e.failures.set(key, n)
        const delay = Math.min(5 * 2 ** (n - 1), 1_000_000)
        // The first retries are real work (a conflict clears at once); after that the sync is stuck
        // until something changes, so the waits are background and settle() can stop.
        this.deps.clock.after(delay, () => e.queue.add(key), { key: `retry/${e.controller.name}/${key}`, background: n > 3 })
        return
      }
      if (this.deps.strict) throw err
      this.errors.push({ at: this.deps.clock.now(), controller: e.controller.name, key, error: String((err as Error)?.stack ?? err) })
    }
  }

  private dispatch(ev: WatchEvent): void {
    const entries = this.byKind.get(ev.kind)
    if (entries === undefined) return
    // Every write comes through here, once per watching controller: plain index loops, no iterators.
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]
      const keys = e.controller.keysFor(ev, e.ctx)
      if (Array.isArray(keys)) for (let j = 0; j < keys.length; j++) e.queue.add(keys[j] as string)
      else for (const k of keys) e.queue.add(k)
    }
  }

  private contextFor(entry: Entry): ControllerContext {
    const d = this.deps
    const name = entry.controller.name
    return {
      api: d.api,
      clock: d.clock,
      rng: d.rng,
      rngFor: (key) => rngForKey(d.seed, key),
      events: d.events,
      config: d.config,
      now: () => d.clock.now(),
      enqueue: (key) => entry.queue.add(key),
      requeueAfter: (key, ms, opts) =>
        d.clock.after(ms, () => entry.queue.add(key), { key: `requeue/${name}/${key}`, background: opts?.background }),
      enqueueFor: (controller, key) => this.enqueue(controller, key),
    }
  }
}

import { Rng as RngClass } from '../core/rng'
function rngForKey(seed: number, key: string): Rng {
  return RngClass.forKey(seed, key)
}

/** `namespace/name`, the usual queue key. */
export function keyOf(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name
}

export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/')
  return i < 0 ? ['', key] : [key.slice(0, i), key.slice(i + 1)]
}
