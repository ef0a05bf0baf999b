// Working out a Service's Endpoints subsets from what changed. Repacking every pod's addresses after
// each change to one pod of a large Service sorts n addresses for one that moved, and settling n pods
// costs n² (the Endpoints object itself is written whole, but copying a list is cheap next to that).
// The controller keeps per Service what its last sync left behind (a memo): each pod's address, and
// the ready and not-ready addresses in their sorted order. While nothing but the Service's pods
// changed since (the same Service object, the Endpoints object the last sync left), and every pod
// serves the same ports, the subsets are one subset of those addresses: a changed pod's address is
// taken out and put back in its place, and whether anything changed is known from the changed pods
// alone. Anything else (the first sync, an Endpoints object written by someone else, pods serving
// different ports) repacks every pod as before, after which the memo is built afresh. The memo is
// re-derivable from objects: a restored simulation starts without one.

import { deepEqual } from '../../core/json'
import { insertSorted, lowerBound, removeSorted } from '../../core/sorted'
import type { Endpoints, Service } from '../../api/types'
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1'
import { lastChangeTriggerTime, podEndpointFacts, type PodEndpointFacts } from './pods'
import type { SelectedPods } from './pod-index'
import { desiredSubsets, podAddress } from './addresses'
import { lessAddress } from './repack'
import { byMd5Of, dumpEndpointPort } from './go-hash'

/** A pod's place in the subsets: its address (shared by all of its entries) and readiness. */
interface Shown {
  address: EndpointAddress
  ready: boolean
}

interface Memo {
  svc: Service
  /** The stored Endpoints as the last sync left it; its subsets are the ones below. */
  current: Endpoints
  /** The ports every listed pod serves (their entries' keys), null while no pod is listed. */
  signature: string | null
  ports: EndpointPort[] | undefined
  /** The listed pods by name. */
  shown: Map<string, Shown>
  /** Addresses by readiness, in LessEndpointAddress order. */
  ready: EndpointAddress[]
  notReady: EndpointAddress[]
  /** Pods that should be listed, with an address, but serve none of the ports: their trigger times. */
  unshown: Map<string, number | undefined>
}

export interface SubsetsSync {
  subsets: EndpointSubset[]
  /** Whether `subsets` equal the current object's (deepEqual of current.subsets ?? [] and subsets). */
  same: boolean
  /** EndpointsLastChangeTriggerTime of a write to the current object. */
  trigger(): number | undefined
  /** Keeps what the sync left behind: the stored object after it (the current one when nothing was written). */
  commit(stored: Endpoints): void
}

export class SubsetsPlanner {
  private memos = new Map<string, Memo>()

  forget(key: string): void {
    this.memos.delete(key)
  }

  plan(key: string, svc: Service, selected: SelectedPods, current: Endpoints | undefined): SubsetsSync {
    const memo = this.memos.get(key)
    // Kept again only by commit: a sync whose write fails leaves no memo behind.
    this.memos.delete(key)
    const fast = memo && current && planFromMemo(memo, svc, selected, current)
    if (fast) {
      return {
        ...fast,
        commit: (stored) => {
          if (adopt(memo!, stored)) this.memos.set(key, memo!)
        },
      }
    }
    const subsets = desiredSubsets(svc, selected.pods)
    return {
      subsets,
      same: current !== undefined && deepEqual(current.subsets ?? [], subsets),
      trigger: () => fullTrigger(svc, selected, current),
      commit: (stored) => {
        const built = buildMemo(svc, selected, subsets, stored)
        if (built) this.memos.set(key, built)
      },
    }
  }
}

/** The trigger time as a full sync works it out: every selected pod against the readiness shown for it. */
function fullTrigger(svc: Service, selected: SelectedPods, current: Endpoints | undefined): number | undefined {
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true
  let shownByUid: Map<string | undefined, boolean> | undefined
  return lastChangeTriggerTime(svc, selected.pods, current !== undefined, (pod) => {
    if (!listed(pod, publishNotReady)) return false
    const shown = (shownByUid ??= shownReadiness(current)).get(pod.uid)
    return shown === undefined || shown !== (publishNotReady || pod.ready)
  })
}

/** shouldPodBeInEndpoints(pod, publishNotReady), with an IPv4 address. */
function listed(pod: PodEndpointFacts, publishNotReady: boolean): boolean {
  return pod.listable && (!pod.terminating || publishNotReady) && pod.ipv4 !== undefined
}

/**
 * The readiness an existing Endpoints object shows for each pod (by target uid): true, false, or
 * absent. The first subset that lists the pod decides, ready addresses before not-ready ones.
 */
function shownReadiness(ep: Endpoints | undefined): Map<string | undefined, boolean> {
  const shown = new Map<string | undefined, boolean>()
  for (const s of ep?.subsets ?? []) {
    const here = new Map<string | undefined, boolean>()
    for (const a of s.notReadyAddresses ?? []) here.set(a.targetRef?.uid, false)
    for (const a of s.addresses ?? []) here.set(a.targetRef?.uid, true)
    for (const [uid, ready] of here) if (!shown.has(uid)) shown.set(uid, ready)
  }
  return shown
}

function planFromMemo(memo: Memo, svc: Service, selected: SelectedPods, current: Endpoints): Omit<SubsetsSync, 'commit'> | undefined {
  if (memo.svc !== svc || memo.current !== current || selected.changed === null) return undefined
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true
  // The memo is brought up to date as the changes are read; a change it cannot take means the full
  // repack, and the memo (already dropped by the planner) is not kept.
  let same = true
  const changed: { facts: PodEndpointFacts; shown: boolean | undefined }[] = []
  const changedNames = new Set<string>()
  for (const { name, pod } of selected.changed) {
    changedNames.add(name)
    const before = memo.shown.get(name)
    const now = pod === undefined ? undefined : podAddress(svc, pod)
    const entries = now?.entries ?? []
    if (entries.length > 0) {
      if (memo.signature === null) {
        memo.signature = now!.signature
        memo.ports = portsOf(now!)
      } else if (now!.signature !== memo.signature) return undefined
    }
    const after = entries.length > 0 ? { address: entries[0].address, ready: entries[0].ready } : undefined
    if (before !== undefined && !remove(before.ready ? memo.ready : memo.notReady, before.address)) return undefined
    if (after !== undefined) insert(after.ready ? memo.ready : memo.notReady, after.address)
    if (after !== undefined) memo.shown.set(name, after)
    else memo.shown.delete(name)
    same &&= before === undefined ? after === undefined : after !== undefined && before.ready === after.ready && (before.address === after.address || deepEqual(before.address, after.address))
    const facts = pod === undefined ? undefined : podEndpointFacts(pod)
    if (facts !== undefined && after === undefined && listed(facts, publishNotReady)) memo.unshown.set(name, facts.trigger)
    else memo.unshown.delete(name)
    if (facts !== undefined) changed.push({ facts, shown: before !== undefined && before.address.targetRef?.uid === facts.uid ? before.ready : undefined })
  }
  if (memo.shown.size === 0) {
    memo.signature = null
    memo.ports = undefined
  }
  const subsets: EndpointSubset[] =
    memo.shown.size === 0
      ? []
      : [
          {
            addresses: memo.ready.length ? [...memo.ready] : undefined,
            notReadyAddresses: memo.notReady.length ? [...memo.notReady] : undefined,
            ports: memo.ports ? [...memo.ports] : undefined,
          },
        ]
  const trigger = () => {
    // Pods that did not change are shown as they are, or (unshown) not at all.
    let min: number | undefined
    for (const { facts: f, shown } of changed) {
      const t = f.trigger
      if (t === undefined || (min !== undefined && t >= min) || !listed(f, publishNotReady)) continue
      if (shown === undefined || shown !== (publishNotReady || f.ready)) min = t
    }
    for (const [name, t] of memo.unshown) if (t !== undefined && (min === undefined || t < min) && !changedNames.has(name)) min = t
    return min
  }
  return { subsets, same, trigger }
}

/** RepackSubsets' port order for one pod's ports (portsByHash); undefined for a headless Service without ports. */
function portsOf(a: ReturnType<typeof podAddress>): EndpointPort[] | undefined {
  const ports: EndpointPort[] = []
  for (const e of a.entries) if (e.port) ports.push(e.port)
  return ports.length ? ports.sort(byMd5Of<EndpointPort>((p) => dumpEndpointPort(p))) : undefined
}

function insert(list: EndpointAddress[], a: EndpointAddress): void {
  insertSorted(list, a, lessAddress)
}

/** Takes out the address of `a`'s pod (the list may hold the stored copy of `a`). */
function remove(list: EndpointAddress[], a: EndpointAddress): boolean {
  return removeSorted(list, a, lessAddress)
}

/**
 * Takes the stored object as the current one, and its address objects in place of the memo's: they
 * hold the same values in the same order, and a write that sends the stored (frozen) objects back
 * for the pods that did not change lets the API server see at once that they did not.
 */
function adopt(memo: Memo, stored: Endpoints): boolean {
  memo.current = stored
  const s = stored.subsets ?? []
  if (s.length === 0) return memo.ready.length + memo.notReady.length === 0
  const ready = s[0].addresses ?? []
  const notReady = s[0].notReadyAddresses ?? []
  if (s.length !== 1 || ready.length !== memo.ready.length || notReady.length !== memo.notReady.length) return false
  memo.ready = [...ready]
  memo.notReady = [...notReady]
  return true
}

/** A memo of a full sync's outcome, when the pods all serve the same ports (one subset, or none). */
function buildMemo(svc: Service, selected: SelectedPods, subsets: readonly EndpointSubset[], stored: Endpoints): Memo | undefined {
  if (!Object.isFrozen(svc) || subsets.length > 1) return undefined
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true
  const memo: Memo = { svc, current: stored, signature: null, ports: subsets[0]?.ports, shown: new Map(), ready: [], notReady: [], unshown: new Map() }
  // A port the API server would default (no protocol) would make the stored subsets differ from these.
  if (memo.ports?.some((p) => !p.protocol)) return undefined
  for (const pod of selected.pods) {
    const a = podAddress(svc, pod)
    const name = pod.metadata!.name!
    if (a.entries.length === 0) {
      const facts = podEndpointFacts(pod)
      if (listed(facts, publishNotReady)) memo.unshown.set(name, facts.trigger)
      continue
    }
    if (memo.signature === null) memo.signature = a.signature
    else if (a.signature !== memo.signature) return undefined
    memo.shown.set(name, { address: a.entries[0].address, ready: a.entries[0].ready })
  }
  // The repacked subset lists exactly these addresses (the same objects), already in order.
  memo.ready = [...(subsets[0]?.addresses ?? [])]
  memo.notReady = [...(subsets[0]?.notReadyAddresses ?? [])]
  if (memo.ready.length + memo.notReady.length !== memo.shown.size) return undefined
  for (const s of memo.shown.values()) {
    const list = s.ready ? memo.ready : memo.notReady
    if (list[lowerBound(list, s.address, lessAddress)] !== s.address) return undefined
  }
  return adopt(memo, stored) ? memo : undefined
}
