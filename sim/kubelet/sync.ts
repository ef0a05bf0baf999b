// One pass of the kubelet over one pod (its pod worker's sync): run every stage of the table that is
// due now, one at a time and in table order, write the status once, and leave one keyed timer for
// the next due stage. Background when every stage still pending is one whose running cannot change
// anything `settle()` waits for (periodic probes with a stable result, back-off waits).

import type { ControllerContext } from '../controllers/runtime'
import type { ControllerDeps } from '../controllers/deps'
import type { Container, Node } from '../api/types'
import type { ObjectReference } from '../controllers/event-types'
import { deepEqual } from '../core/json'
import { isApiError } from '../api/errors'
import type { ContainerRecord, PodRecord } from './model'
import type { ApiPodIPs, PodRecords } from './records'
import { buildPodStatus, statusKey } from './pod-status'
import { containerSpec, fieldPath, type PodObj } from './spec'
import type { NodePullQueues } from './image-pull'
import { gatewayIP } from './ip-alloc'
import type { ContainerRuntime } from './runtime'

/** What the kubelet keeps between syncs, for every node it runs on. */
export interface KubeletState {
  deps: ControllerDeps
  /** By pod key (namespace/name). */
  records: PodRecords
  /** Pod IPs in use per node as the API shows them. */
  podIPs: ApiPodIPs
  pulls: NodePullQueues
  /** The pod key whose status the kubelet is writing this moment (its own report, not news to it). */
  reporting?: string
}

export type EventType = 'Normal' | 'Warning'

/** Per stored Node (a new object whenever it changes): its InternalIP and its pod CIDR's bridge address. */
const NODE_ADDRESSES = new WeakMap<Node, { hostIP: string; gateway: string }>()

function nodeAddresses(node: Node): { hostIP: string; gateway: string } {
  let a = NODE_ADDRESSES.get(node)
  if (!a) {
    a = {
      hostIP: node.status?.addresses?.find((x) => x.type === 'InternalIP')?.address ?? '',
      gateway: gatewayIP(node.spec?.podCIDR ?? '') ?? '',
    }
    NODE_ADDRESSES.set(node, a)
  }
  return a
}

export class PodSync {
  readonly now: number
  readonly node: Node | undefined
  readonly hostIP: string

  constructor(
    readonly k: KubeletState,
    readonly ctx: ControllerContext,
    public pod: PodObj,
    readonly rec: PodRecord,
  ) {
    this.now = ctx.now()
    this.node = ctx.api.get('Node', '', rec.node)
    this.hostIP = this.node ? nodeAddresses(this.node).hostIP : ''
  }

  /** The node's bridge address (few syncs need it: sandboxes, probes, hooks). */
  get gateway(): string {
    return this.node ? nodeAddresses(this.node).gateway : ''
  }

  get key(): string {
    return `${this.rec.namespace}/${this.rec.name}`
  }

  get runtime(): ContainerRuntime {
    return this.k.deps.runtime
  }

  get deleting(): boolean {
    return !!this.pod.metadata.deletionTimestamp
  }

  spec(c: ContainerRecord): Container | undefined {
    return containerSpec(this.pod, c)
  }

  /** A timing from config.timings, jittered by a stream keyed by pod and stage (re-derivable). */
  delay(stage: string, baseMs: number): number {
    const t = this.ctx.config.timings
    return this.ctx.rngFor(`${this.rec.uid}/${stage}`).jitter(baseMs, baseMs * t.jitter)
  }

  podEvent(type: EventType, reason: string, message: string): void {
    this.ctx.events.record(this.pod, type, reason, message, { component: 'kubelet', host: this.rec.node })
  }

  containerEvent(c: ContainerRecord, type: EventType, reason: string, message: string): void {
    const ref: ObjectReference = {
      apiVersion: 'v1',
      kind: 'Pod',
      name: this.rec.name,
      namespace: this.rec.namespace,
      uid: this.rec.uid,
      resourceVersion: this.pod.metadata.resourceVersion,
      fieldPath: fieldPath(c),
    }
    this.ctx.events.record(ref, type, reason, message, { component: 'kubelet', host: this.rec.node })
  }

  /**
   * Writes the status the kubelet would report now, if it differs from the stored one. The status is
   * made of the pod, the record and the host IP only (the time matters only for a condition that
   * changes), so there is nothing to build when the pod is the very object whose status was found to
   * be that report and no step ran since, or when the steps that ran left the record's statusKey,
   * the stored status, the spec and the host IP as they were at the last report.
   */
  flushStatus(): void {
    if (this.rec.removed) return
    const seen = this.rec.reported
    if (seen && seen.pod === this.pod && seen.hostIP === this.hostIP) return
    const key = statusKey(this.pod, this.rec, this.now)
    const last = this.rec.lastReport
    if (last && last.key === key && last.status === this.pod.status && last.spec === this.pod.spec && last.hostIP === this.hostIP) {
      if (this.k.deps.strict) this.checkUnchanged()
      this.rec.reported = { pod: this.pod, hostIP: this.hostIP }
      return
    }
    const status = buildPodStatus(this.pod, this.rec, this.hostIP, this.now)
    // With a last report, a changed key is a changed status (the API server would find an equal one
    // unchanged anyway); without one (a pod's first sync, a restored session) compare first.
    if (!last && deepEqual(status, this.pod.status)) {
      this.reportedAs(key)
      return
    }
    this.k.reporting = this.key
    try {
      this.pod = this.ctx.api.updateStatus({ ...this.pod, status }, { actor: 'kubelet' }) as PodObj
      // The status subresource stores .status as written (no strategy rewrites a pod's status), so
      // building again from the stored pod would give the same status: a fixed point, reported.
      this.reportedAs(key)
    } catch (e) {
      // The pod went away under us (force-deleted): nothing to report any more.
      if (isApiError(e, 'NotFound') || isApiError(e, 'Conflict')) return
      throw e
    } finally {
      this.k.reporting = undefined
    }
  }

  private reportedAs(key: string): void {
    this.rec.reported = { pod: this.pod, hostIP: this.hostIP }
    this.rec.lastReport = { status: this.pod.status, spec: this.pod.spec, hostIP: this.hostIP, key }
  }

  /** Strict mode: a status skipped for an unchanged key must be the one building it would give. */
  private checkUnchanged(): void {
    const status = buildPodStatus(this.pod, this.rec, this.hostIP, this.now)
    if (!deepEqual(status, this.pod.status)) throw new Error(`kubelet: ${this.key}: statusKey missed a change to the status`)
  }
}

/** A stage of the pod's life, kwok-style: when it applies, when its step is due, what the step does. */
export interface Stage<T> {
  readonly name: string
  when(s: PodSync, t: T): boolean
  /** When the step is due; undefined when it waits for something outside (a watch event). */
  due(s: PodSync, t: T): number | undefined
  /** Nothing settle() should wait for (a back-off wait, a probe with a stable result). */
  background?(s: PodSync, t: T): boolean
  run(s: PodSync, t: T): void
}

export interface StageTable {
  pod: readonly Stage<void>[]
  container: readonly Stage<ContainerRecord>[]
}

/** One walk over the table: the first step due now, in table order, or else what is due later. */
interface Scan {
  /** The stage to run now and its target (undefined for a pod stage). */
  now?: { stage: Stage<ContainerRecord> | Stage<void>; c: ContainerRecord | undefined }
  /** Stages due later (with their targets), for the wake-up time and whether it is background. */
  later: { stage: Stage<ContainerRecord> | Stage<void>; c: ContainerRecord | undefined; due: number }[]
}

// `when`, `due` and `background` only read state, so walking the table once and stopping at the
// first step due now finds what running every predicate first would; `background` is asked only of
// the stages a sync sleeps on. `all`: no stop, every applicable stage is in `later`.
function scan(s: PodSync, table: StageTable, all = false): Scan {
  const later: Scan['later'] = []
  for (const st of table.pod) {
    if (!st.when(s, undefined)) continue
    const due = st.due(s, undefined)
    if (due === undefined) continue
    if (due <= s.now && !all) return { now: { stage: st, c: undefined }, later }
    later.push({ stage: st, c: undefined, due })
  }
  for (const c of s.rec.containers) {
    for (const st of table.container) {
      if (!st.when(s, c)) continue
      const due = st.due(s, c)
      if (due === undefined) continue
      if (due <= s.now && !all) return { now: { stage: st, c }, later }
      later.push({ stage: st, c, due })
    }
  }
  return { later }
}

function stageName(p: NonNullable<Scan['now']>): string {
  return p.c ? `${p.stage.name}:${p.c.name}` : p.stage.name
}

/** A pod worker that never stops at one instant is a bug in the stage table. */
const MAX_STEPS_PER_SYNC = 500

export function syncPod(s: PodSync, table: StageTable): void {
  let steps = 0
  let found = scan(s, table)
  while (found.now) {
    const next = found.now
    if (++steps > MAX_STEPS_PER_SYNC) throw new Error(`kubelet: pod ${s.key} did not settle at t=${s.now} (stuck in ${stageName(next)})`)
    s.rec.reported = undefined
    ;(next.stage as Stage<ContainerRecord | undefined>).run(s, next.c)
    if (s.rec.removed) return
    found = scan(s, table)
  }
  const before = s.pod
  s.flushStatus()
  // The status write changed the pod the predicates read (its phase): walk the table again.
  const later = s.pod === before ? found.later : scan(s, table, true).later
  if (later.length === 0) return
  let at = Infinity
  for (const p of later) at = Math.min(at, p.due)
  const background = later.every((p) => (p.stage as Stage<ContainerRecord | undefined>).background?.(s, p.c) ?? false)
  s.ctx.requeueAfter(s.key, Math.max(1, at - s.now), { background })
}
