// Planning a Service's EndpointSlices from what changed. planSlices looks at every pod and at every
// endpoint of every slice, so after each change to one pod of a large Service a sync does n work for
// one endpoint, and settling n pods costs n². The controller keeps per Service what its last sync
// left behind (a memo): each pod's desired endpoint, the slice holding each one, the stored slices.
// While nothing but the Service's pods changed since (same Service object, same stored slices, same
// node zones), the next plan needs only the pods that changed: the slices holding their endpoints go
// through reconcileByPorts as in a full plan, every other slice is known to be as desired, and the
// changed pods' new endpoints are the only ones left to place, in pod order — the plan planSlices
// would make. Anything else (the first sync, a slice written by someone else, several port
// mappings, no endpoints at all, a Service being deleted) takes the full plan, after which the memo
// is built afresh. The memo is re-derivable from objects: a restored simulation starts without one.

import type { EndpointSlice, Service } from '../../api/types'
import type { Endpoint, EndpointPort as SlicePort } from 'kubernetes-types/discovery/v1'
import { lastChangeTriggerTime, podEndpointFacts, type PodEndpointFacts } from './pods'
import type { SelectedPods } from './pod-index'
import { desiredEndpoint, portsKey, rememberStored, sliceKeys, ZoneCache, type DesiredEndpoint, type NodeZone } from './slice-endpoints'
import { finishPlan, MAX_ENDPOINTS_PER_SLICE, ownedBy, planSlices, reconcileByPorts, type DesiredSource, type SlicePlan } from './slice-plan'

interface Memo {
  svc: Service
  ports: SlicePort[]
  portsKey: string
  /** The stored slices (not being deleted) as the last sync left them. */
  slices: Set<EndpointSlice>
  /** The zones of the nodes the desired endpoints were made with. */
  zones: Map<string, string | undefined | null>
  /** The desired endpoint of each selected pod that shouldPodBeInEndpoints, by pod name. */
  byPod: Map<string, DesiredEndpoint>
  /** The desired endpoints by key; a slice shows each, equal beyond the hash, and no other endpoint. */
  byKey: Map<string, Endpoint>
  /** The name of the slice showing each desired endpoint, by key. */
  sliceOf: Map<string, string>
  /** Pods to be listed that have no endpoint (no IPv4 address, or a missing node), with their trigger times. */
  unplaced: Map<string, number | undefined>
}

/** The slices a sync wrote: each planned slice with the object the API server stored for it. */
export interface SliceWrites {
  created: [EndpointSlice, EndpointSlice][]
  updated: [EndpointSlice, EndpointSlice][]
  deleted: EndpointSlice[]
}

export interface SliceSync {
  plan: SlicePlan
  /** EndpointsLastChangeTriggerTime of the plan's writes. */
  trigger(): number | undefined
  /** Keeps what the sync left behind, once all of its writes succeeded (or when it had none). */
  commit(writes: SliceWrites): void
}

export const NO_WRITES: SliceWrites = { created: [], updated: [], deleted: [] }

export class SlicePlanner {
  private memos = new Map<string, Memo>()

  forget(key: string): void {
    this.memos.delete(key)
  }

  plan(key: string, svc: Service, selected: SelectedPods, existing: readonly EndpointSlice[], nodeZone: NodeZone): SliceSync {
    const memo = this.memos.get(key)
    // Kept again only by commit: a sync whose writes fail leaves no memo behind.
    this.memos.delete(key)
    const zones = new ZoneCache(nodeZone)
    const fast = memo && planFromMemo(memo, svc, selected, existing, zones)
    if (fast) {
      return {
        plan: fast.plan,
        trigger: fast.trigger,
        commit: (w) => {
          remember(w)
          if (commitMemo(memo!, existing, w, fast.fresh, zones)) this.memos.set(key, memo!)
        },
      }
    }
    const plan = planSlices({ svc, pods: selected.pods, existing, nodeZone: zones.zoneOf })
    return {
      plan,
      trigger: () => fullTrigger(svc, selected, existing),
      commit: (w) => {
        remember(w)
        const built = buildMemo(svc, selected, resultingSlices(existing, w), zones)
        if (built) this.memos.set(key, built)
      },
    }
  }
}

function remember(w: SliceWrites): void {
  for (const [sent, stored] of w.updated) rememberStored(sent, stored)
  for (const [sent, stored] of w.created) rememberStored(sent, stored)
}

/** The trigger time as a full sync works it out: every selected pod against the endpoint shown for it. */
function fullTrigger(svc: Service, selected: SelectedPods, existing: readonly EndpointSlice[]): number | undefined {
  // The endpoint each pod is shown as now (the first one, by target uid), looked up once per sync.
  let shownByUid: Map<string | undefined, Endpoint> | undefined
  return lastChangeTriggerTime(svc, selected.pods, existing.length > 0, (pod) => {
    if (!pod.listable) return false
    if (!shownByUid) {
      shownByUid = new Map()
      for (const s of existing) for (const e of s.endpoints ?? []) if (!shownByUid.has(e.targetRef?.uid)) shownByUid.set(e.targetRef?.uid, e)
    }
    const shown = shownByUid.get(pod.uid)
    return shown === undefined || shown.conditions?.serving !== pod.ready
  })
}

/** A changed pod, with the endpoint the slices showed for it before (same uid), for the trigger time. */
interface Changed {
  facts: PodEndpointFacts
  shown: Endpoint | undefined
}

function planFromMemo(memo: Memo, svc: Service, selected: SelectedPods, existing: readonly EndpointSlice[], zones: ZoneCache): { plan: SlicePlan; trigger: () => number | undefined; fresh: Map<Endpoint, string> } | undefined {
  if (memo.svc !== svc || selected.changed === null || svc.metadata?.deletionTimestamp) return undefined
  if (existing.length === 0 || existing.length !== memo.slices.size) return undefined
  for (const s of existing) if (!memo.slices.has(s)) return undefined
  for (const [node, zone] of memo.zones) if (zones.zoneOf(node) !== zone) return undefined

  // The memo is brought up to date as the changes are read; a change the memo cannot take means
  // the full plan, and the memo (already dropped by the planner) is not kept.
  const touched = new Set<string>()
  // The changed pods' endpoints that no slice shows yet, in pod order, with their keys.
  const fresh = new Map<Endpoint, string>()
  const changed: Changed[] = []
  const changedNames = new Set<string>()
  for (const { name, pod } of selected.changed) {
    changedNames.add(name)
    const before = memo.byPod.get(name)
    const now = pod === undefined ? undefined : desiredEndpoint(pod, svc, zones.zoneOf)
    const was = before?.endpoint
    const is = now?.endpoint
    if (is !== undefined && now!.portsKey !== memo.portsKey) return undefined
    if (was !== undefined && (is === undefined || now!.key !== before!.key)) {
      // Its old endpoint leaves the slice that shows it.
      const slice = memo.sliceOf.get(before!.key)
      if (slice === undefined) return undefined
      touched.add(slice)
      memo.byKey.delete(before!.key)
      memo.sliceOf.delete(before!.key)
    }
    if (is !== undefined) {
      if (was !== undefined && now!.key === before!.key) {
        // Same endpoint, maybe refreshed in place: its slice is looked at.
        if (is !== was) touched.add(memo.sliceOf.get(now!.key)!)
      } else fresh.set(is, now!.key)
      memo.byKey.set(now!.key, is)
    }
    if (now !== undefined) memo.byPod.set(name, now)
    else memo.byPod.delete(name)
    const facts = pod === undefined ? undefined : podEndpointFacts(pod)
    if (facts !== undefined && now !== undefined && is === undefined) memo.unplaced.set(name, facts.trigger)
    else memo.unplaced.delete(name)
    if (facts !== undefined) changed.push({ facts, shown: was !== undefined && was.targetRef?.uid === facts.uid ? was : undefined })
  }
  if (memo.byKey.size === 0) return undefined

  const r = reconcileByPorts(svc, existing, new ChangedSource(memo.byKey, [...fresh.keys()]), memo.ports, MAX_ENDPOINTS_PER_SLICE, touched)
  const plan = finishPlan(svc, existing, r)
  const trigger = () => {
    // Pods that did not change are shown as they are, or (unplaced) not at all.
    let min: number | undefined
    for (const { facts: f, shown } of changed) {
      const t = f.trigger
      if (t === undefined || (min !== undefined && t >= min) || !f.listable) continue
      if (shown === undefined || shown.conditions?.serving !== f.ready) min = t
    }
    for (const [name, t] of memo.unplaced) if (t !== undefined && (min === undefined || t < min) && !changedNames.has(name)) min = t
    return min
  }
  return { plan, trigger, fresh }
}

/** The desired endpoints of a memo: every one is placed but the changed pods' new ones. */
class ChangedSource implements DesiredSource {
  private taken = new Set<string>()
  private next = 0
  left: number

  constructor(
    private readonly byKey: ReadonlyMap<string, Endpoint>,
    private readonly fresh: readonly Endpoint[],
  ) {
    this.left = fresh.length
  }

  take(key: string): Endpoint | undefined {
    if (this.taken.has(key)) return undefined
    const e = this.byKey.get(key)
    if (e !== undefined) this.taken.add(key)
    return e
  }

  pop(): Endpoint {
    this.left--
    return this.fresh[this.next++]
  }
}

/** The slices after the writes: the listed ones, with the stored results in place of the written ones. */
function resultingSlices(existing: readonly EndpointSlice[], w: SliceWrites): EndpointSlice[] {
  const gone = new Set<string | undefined>()
  for (const [sent] of w.updated) gone.add(sent.metadata?.name)
  for (const s of w.deleted) gone.add(s.metadata?.name)
  const out = existing.filter((s) => !gone.has(s.metadata?.name))
  for (const [, stored] of w.updated) out.push(stored)
  for (const [, stored] of w.created) out.push(stored)
  return out
}

/** Brings a memo's slices up to date with a fast plan's writes; false if it no longer holds. */
function commitMemo(memo: Memo, existing: readonly EndpointSlice[], w: SliceWrites, fresh: ReadonlyMap<Endpoint, string>, zones: ZoneCache): boolean {
  const byName = new Map<string | undefined, EndpointSlice>()
  for (const s of existing) byName.set(s.metadata?.name, s)
  for (const s of w.deleted) memo.slices.delete(s)
  for (const [sent, stored] of [...w.updated, ...w.created]) {
    const old = byName.get(sent.metadata?.name)
    if (old !== undefined) memo.slices.delete(old)
    memo.slices.add(stored)
    // Endpoints stay in their slice: only the new ones have a slice to note.
    if (fresh.size > 0) {
      for (const e of sent.endpoints ?? []) {
        const k = fresh.get(e)
        if (k !== undefined) memo.sliceOf.set(k, stored.metadata!.name!)
      }
    }
  }
  for (const [node, zone] of zones.zones) memo.zones.set(node, zone)
  return memo.sliceOf.size === memo.byKey.size
}

/** A memo of a full sync's outcome, when the fast plan can start from it (one port mapping, endpoints). */
function buildMemo(svc: Service, selected: SelectedPods, slices: readonly EndpointSlice[], zones: ZoneCache): Memo | undefined {
  if (svc.metadata?.deletionTimestamp || !Object.isFrozen(svc)) return undefined
  const memo: Memo = { svc, ports: [], portsKey: '', slices: new Set(slices), zones: zones.zones, byPod: new Map(), byKey: new Map(), sliceOf: new Map(), unplaced: new Map() }
  let first = true
  for (const pod of selected.pods) {
    const d = desiredEndpoint(pod, svc, zones.zoneOf)
    if (d === undefined) continue
    const name = pod.metadata!.name!
    memo.byPod.set(name, d)
    if (d.endpoint === undefined) {
      memo.unplaced.set(name, podEndpointFacts(pod).trigger)
      continue
    }
    if (first) {
      memo.ports = d.ports
      memo.portsKey = d.portsKey
      first = false
    } else if (d.portsKey !== memo.portsKey) return undefined
    if (memo.byKey.has(d.key)) return undefined
    memo.byKey.set(d.key, d.endpoint)
  }
  if (memo.byKey.size === 0) return undefined
  for (const s of slices) {
    if (s.addressType !== 'IPv4' || !ownedBy(s, svc) || portsKey(s.ports ?? []) !== memo.portsKey) return undefined
    for (const k of sliceKeys(s)) {
      if (!memo.byKey.has(k) || memo.sliceOf.has(k)) return undefined
      memo.sliceOf.set(k, s.metadata!.name!)
    }
  }
  return memo.sliceOf.size === memo.byKey.size ? memo : undefined
}
