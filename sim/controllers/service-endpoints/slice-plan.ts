// The EndpointSlice reconciler as a pure plan (staging/src/k8s.io/endpointslice/reconciler.go,
// utils.go): group the desired endpoints by their resolved ports, keep every existing endpoint where
// it is (updated in place), fill slices that changed anyway, then the fullest unchanged slice that
// fits, then new slices; an emptied slice is reused for a new one rather than deleted and created;
// a Service with no endpoints keeps one empty placeholder slice. Upstream adds new endpoints in
// map order; we add them in pod list order, so slices are stable and DNS answers follow them.

import { deepEqual } from '../../core/json'
import { newControllerRef } from '../../api/owners'
import type { EndpointSlice, KubeObject, Pod, Service } from '../../api/types'
import type { Endpoint, EndpointPort as SlicePort } from 'kubernetes-types/discovery/v1'
import { isServiceIPSet, HEADLESS_LABEL } from './pods'
import { desiredEndpoint, portsKey, sameBeyondHash, sliceMemo, ZoneCache, type DesiredEndpoint, type NodeZone } from './slice-endpoints'

export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by'
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io'
/** kube-controller-manager's --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100

export interface SliceInput {
  svc: Service
  pods: readonly Pod[]
  /** This Service's slices managed by this controller and not being deleted, in list order. */
  existing: readonly EndpointSlice[]
  /** The node's topology zone, or null when the node does not exist. */
  nodeZone: NodeZone
  maxPerSlice?: number
}

export interface SlicePlan {
  create: EndpointSlice[]
  update: EndpointSlice[]
  delete: EndpointSlice[]
}

export { podToEndpoint, endpointPorts } from './slice-endpoints'

const isReserved = (k: string) => k === SERVICE_NAME_LABEL || k === MANAGED_BY_LABEL || k === HEADLESS_LABEL

// A sync works out the labels of every slice of the Service; the answer depends on the slice's labels
// and the Service only, kept per (frozen) labels object. The labels returned are never changed.
const labelsMemo = new WeakMap<object, { svc: Service; labels: Record<string, string>; changed: boolean }>()

/** setEndpointSliceLabels: the Service's labels plus the reserved ones; `changed` when the Service's part differs. */
export function sliceLabels(slice: EndpointSlice | undefined, svc: Service): { labels: Record<string, string>; changed: boolean } {
  const current = slice?.metadata?.labels
  if (current === undefined || !Object.isFrozen(current) || !Object.isFrozen(svc)) return workOutLabels(slice, svc)
  const m = labelsMemo.get(current)
  if (m !== undefined && m.svc === svc) return m
  const r = workOutLabels(slice, svc)
  labelsMemo.set(current, { svc, ...r })
  return r
}

function workOutLabels(slice: EndpointSlice | undefined, svc: Service): { labels: Record<string, string>; changed: boolean } {
  const own = Object.fromEntries(Object.entries(slice?.metadata?.labels ?? {}).filter(([k]) => !isReserved(k)))
  const labels: Record<string, string> = Object.fromEntries(Object.entries(svc.metadata?.labels ?? {}).filter(([k]) => !isReserved(k)))
  const changed = !deepEqual(own, labels)
  if (!isServiceIPSet(svc)) labels[HEADLESS_LABEL] = ''
  labels[SERVICE_NAME_LABEL] = svc.metadata!.name!
  labels[MANAGED_BY_LABEL] = CONTROLLER_NAME
  return { labels, changed }
}

export function newSlice(svc: Service, ports: SlicePort[]): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: `${svc.metadata!.name}-`,
      namespace: svc.metadata!.namespace,
      labels: sliceLabels(undefined, svc).labels,
      ownerReferences: [newControllerRef(svc as unknown as KubeObject)],
    },
    addressType: 'IPv4',
    endpoints: [],
    ports,
  }
}

export const ownedBy = (s: EndpointSlice, svc: Service) => (s.metadata?.ownerReferences ?? []).some((o) => o.uid === svc.metadata?.uid && o.kind === 'Service' && o.apiVersion === 'v1')

export function planSlices(input: SliceInput): SlicePlan {
  const { svc } = input
  const max = input.maxPerSlice ?? MAX_ENDPOINTS_PER_SLICE
  const toCreate: EndpointSlice[] = []
  const toUpdate: EndpointSlice[] = []
  const toDelete: EndpointSlice[] = []

  // Existing slices of this Service, by port mapping; slices owned by an older Service go.
  const existingByPorts = new Map<string, EndpointSlice[]>()
  for (const s of input.existing) {
    if (s.addressType !== 'IPv4' || !ownedBy(s, svc)) {
      toDelete.push(s)
      continue
    }
    const k = portsKey(s.ports ?? [])
    existingByPorts.set(k, [...(existingByPorts.get(k) ?? []), s])
  }

  // Desired endpoints, by port mapping, in pod order.
  const desired = new Map<string, Wanted>()
  const nodeZone = new ZoneCache(input.nodeZone).zoneOf
  for (const pod of input.pods) {
    const d = desiredEndpoint(pod, svc, nodeZone)
    if (d === undefined || d.endpoint === undefined) continue
    let group = desired.get(d.portsKey)
    if (!group) desired.set(d.portsKey, (group = new Wanted(d.ports)))
    group.add(d)
  }

  for (const [k, group] of desired) {
    const r = reconcileByPorts(svc, existingByPorts.get(k) ?? [], group, group.ports, max)
    toCreate.push(...r.create)
    toUpdate.push(...r.update)
    toDelete.push(...r.delete)
  }
  for (const [k, slices] of existingByPorts) if (!desired.has(k)) toDelete.push(...slices)
  return finishPlan(svc, input.existing, { create: toCreate, update: toUpdate, delete: toDelete })
}

/**
 * The placeholder and finalize steps, once every port mapping is reconciled: when no slice would be
 * left, keep (or create) one empty placeholder; a slice about to be deleted is reused (renamed) for
 * one about to be created.
 */
export function finishPlan(svc: Service, existing: readonly EndpointSlice[], plan: SlicePlan): SlicePlan {
  const { create: toCreate, update: toUpdate, delete: toDelete } = plan
  if (existing.length === toDelete.length && toCreate.length === 0) {
    const placeholder = newSlice(svc, [])
    if (toDelete.length === 1 && isPlaceholderOf(toDelete[0], placeholder)) toDelete.length = 0
    else toCreate.push(placeholder)
  }
  for (let i = 0; i < toDelete.length && toCreate.length > 0; ) {
    const old = toDelete[i]
    if (old.addressType === 'IPv4' && ownedBy(old, svc)) {
      const fresh = toCreate.pop()!
      toUpdate.push({ ...fresh, metadata: { ...fresh.metadata, name: old.metadata!.name } })
      toDelete.splice(i, 1)
    } else i++
  }
  return plan
}

function isPlaceholderOf(s: EndpointSlice, placeholder: EndpointSlice): boolean {
  return (
    s.metadata?.namespace === placeholder.metadata?.namespace &&
    deepEqual(s.metadata?.labels ?? {}, placeholder.metadata?.labels ?? {}) &&
    deepEqual(s.metadata?.ownerReferences ?? [], placeholder.metadata?.ownerReferences ?? []) &&
    s.addressType === placeholder.addressType &&
    (s.endpoints ?? []).length === 0 &&
    (s.ports ?? []).length === 0
  )
}

/** The desired endpoints of one port mapping as reconcileByPorts takes them. */
export interface DesiredSource {
  /** The desired endpoint with this key, unless it is placed already; it counts as placed from now on. */
  take(key: string): Endpoint | undefined
  /** How many desired endpoints are not placed yet. */
  readonly left: number
  /** The next desired endpoint not placed yet, in pod order (only while `left` > 0). */
  pop(): Endpoint
}

/** The desired endpoints of one port mapping, in pod order, as a full plan collects them. */
class Wanted implements DesiredSource {
  private keys: string[] = []
  private endpoints: Endpoint[] = []
  /** Position in keys/endpoints by endpoint key. */
  private index = new Map<string, number>()
  private taken: Uint8Array | undefined
  private next = 0
  left = 0

  constructor(readonly ports: SlicePort[]) {}

  /** A later pod with the same key replaces the endpoint and keeps the first one's place (a Map's set). */
  add(d: DesiredEndpoint): void {
    const at = this.index.get(d.key)
    if (at !== undefined) this.endpoints[at] = d.endpoint!
    else {
      this.index.set(d.key, this.keys.length)
      this.keys.push(d.key)
      this.endpoints.push(d.endpoint!)
      this.left++
    }
  }

  take(key: string): Endpoint | undefined {
    const at = this.index.get(key)
    const taken = (this.taken ??= new Uint8Array(this.keys.length))
    if (at === undefined || taken[at]) return undefined
    taken[at] = 1
    this.left--
    return this.endpoints[at]
  }

  pop(): Endpoint {
    const taken = (this.taken ??= new Uint8Array(this.keys.length))
    while (taken[this.next]) this.next++
    taken[this.next] = 1
    this.left--
    return this.endpoints[this.next++]
  }
}

/**
 * reconcileByPortMapping. `touched`, when given, names the only slices whose endpoints can have
 * changed (the caller knows every other slice shows its desired endpoints as they are, and holds
 * no key twice): the others keep their endpoints without being looked at.
 */
export function reconcileByPorts(svc: Service, existing: readonly EndpointSlice[], want: DesiredSource, ports: SlicePort[], max: number, touched?: ReadonlySet<string>): SlicePlan {
  const byName = new Map<string, EndpointSlice>()
  const unchanged: string[] = []
  const toUpdate: string[] = []
  const toDelete: string[] = []

  // 1. Keep desired endpoints where they are, refreshed; drop the rest.
  for (const s of existing) {
    const name = s.metadata!.name!
    byName.set(name, s)
    const eps = s.endpoints ?? []
    const kept: Endpoint[] = []
    let endpointChanged = false
    if (touched === undefined || touched.has(name)) {
      const memo = sliceMemo(s)
      for (let i = 0; i < eps.length; i++) {
        const got = want.take(memo.keys[i])
        if (got === undefined) continue
        if (memo.sameAs[i] !== got) {
          if (sameBeyondHash(got, eps[i])) memo.sameAs[i] = got
          else endpointChanged = true
        }
        // The stored endpoint itself where it equals the desired one: an update then sends back the
        // stored (frozen) object, which the API server keeps as it is instead of copying and comparing.
        if (memo.sameAs[i] === got && (memo.twin[i] === got || deepEqual(got, eps[i]))) {
          memo.twin[i] = got
          kept.push(eps[i])
        } else kept.push(got)
      }
      endpointChanged ||= kept.length !== eps.length
    }
    const { labels, changed: labelsChanged } = sliceLabels(s, svc)
    if (endpointChanged) {
      if (kept.length === 0) toDelete.push(name)
      else {
        byName.set(name, { ...s, metadata: { ...s.metadata, labels }, endpoints: kept })
        toUpdate.push(name)
      }
    } else if (labelsChanged) {
      byName.set(name, { ...s, metadata: { ...s.metadata, labels } })
      toUpdate.push(name)
    } else unchanged.push(name)
  }

  // 2. Fill the slices that change anyway, fullest first.
  if (want.left > 0 && toUpdate.length > 0) {
    const fullestFirst = [...toUpdate].sort((a, b) => (byName.get(b)!.endpoints ?? []).length - (byName.get(a)!.endpoints ?? []).length)
    for (const name of fullestFirst) {
      const s = byName.get(name)!
      const eps = [...(s.endpoints ?? [])]
      while (want.left > 0 && eps.length < max) eps.push(want.pop())
      byName.set(name, { ...s, endpoints: eps })
    }
  }

  // 3. The rest goes into the unchanged slice closest to full that fits them, else new slices.
  const toCreate: EndpointSlice[] = []
  while (want.left > 0) {
    let target: EndpointSlice | undefined
    if (want.left < max && unchanged.length > 0) target = sliceToFill(unchanged.map((n) => byName.get(n)!), want.left, max)
    const s = target ?? newSlice(svc, ports)
    const eps = [...(s.endpoints ?? [])]
    while (want.left > 0 && eps.length < max) eps.push(want.pop())
    const filled = { ...s, endpoints: eps }
    if (target) {
      const name = target.metadata!.name!
      byName.set(name, filled)
      toUpdate.push(name)
      unchanged.splice(unchanged.indexOf(name), 1)
    } else toCreate.push(filled)
  }
  return { create: toCreate, update: toUpdate.map((n) => byName.get(n)!), delete: toDelete.map((n) => byName.get(n)!) }
}

/** getSliceToFill: the slice left closest to full after adding `n` endpoints. */
function sliceToFill(slices: EndpointSlice[], n: number, max: number): EndpointSlice | undefined {
  let best: EndpointSlice | undefined
  let closest = max
  for (const s of slices) {
    const diff = max - (n + (s.endpoints ?? []).length)
    if (diff >= 0 && diff < closest) {
      closest = diff
      best = s
      if (diff === 0) break
    }
  }
  return best
}
