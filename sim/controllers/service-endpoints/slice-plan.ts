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
import { findPort, isPodReady, isServiceIPSet, podIPv4, portProtocol, shouldPodBeInEndpoints, shouldSetHostname, HEADLESS_LABEL } from './pods'
import { sortSlicePorts } from './go-hash'

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
  nodeZone: (name: string) => string | undefined | null
  maxPerSlice?: number
}

export interface SlicePlan {
  create: EndpointSlice[]
  update: EndpointSlice[]
  delete: EndpointSlice[]
}

/** podToEndpoint: ready = publishNotReadyAddresses || (ready && !terminating); serving = ready. */
export function podToEndpoint(pod: Pod, svc: Service, zone: string | undefined): Endpoint {
  const serving = isPodReady(pod)
  const terminating = !!pod.metadata?.deletionTimestamp
  const ready = svc.spec?.publishNotReadyAddresses === true || (serving && !terminating)
  const ip = podIPv4(pod)
  return {
    addresses: ip ? [ip] : [],
    conditions: { ready, serving, terminating },
    hostname: shouldSetHostname(pod, svc) ? pod.spec!.hostname : undefined,
    targetRef: { kind: 'Pod', namespace: pod.metadata!.namespace, name: pod.metadata!.name, uid: pod.metadata!.uid },
    nodeName: pod.spec?.nodeName || undefined,
    zone,
  }
}

/** getEndpointPorts, in the order NewPortMapKey leaves them (sorted by the FNV-128a of their dump). */
export function endpointPorts(svc: Service, pod: Pod): SlicePort[] {
  const ports = svc.spec?.ports ?? []
  if (ports.length === 0 && svc.spec?.clusterIP === 'None') return []
  const out: SlicePort[] = []
  for (const sp of ports) {
    const port = findPort(pod, sp)
    if (port === undefined) continue
    out.push({ name: sp.name ?? '', protocol: portProtocol(sp), port, appProtocol: sp.appProtocol })
  }
  return sortSlicePorts(out)
}

// Keys of stored endpoints and port lists, kept per (frozen) object: a sync compares every endpoint
// of every slice, on every change to any pod of the Service.
const endpointKeys = new WeakMap<Endpoint, string>()
const portsKeys = new WeakMap<readonly SlicePort[], string>()

/** hashEndpoint: an endpoint is the same endpoint while its addresses, hostname and target name stay. */
function endpointKey(e: Endpoint): string {
  let k = endpointKeys.get(e)
  if (k === undefined) {
    k = JSON.stringify([[...e.addresses].sort(), e.hostname ?? '', e.targetRef?.namespace ?? '', e.targetRef?.name ?? ''])
    if (Object.isFrozen(e)) endpointKeys.set(e, k)
  }
  return k
}

function portsKey(ports: readonly SlicePort[]): string {
  let k = portsKeys.get(ports)
  if (k === undefined) {
    k = JSON.stringify(ports.map((p) => [p.name ?? '', p.protocol ?? '', p.port ?? 0, p.appProtocol ?? '']))
    if (Object.isFrozen(ports)) portsKeys.set(ports, k)
  }
  return k
}

interface DesiredEndpoint {
  svc: Service
  zone: string | undefined | null
  /** undefined: the pod is not listed (no address, or on a missing node). */
  endpoint: Endpoint | undefined
  key: string
  ports: SlicePort[]
  portsKey: string
}

// What a pod contributes to a Service's slices depends on the pod, the Service and the pod's node's
// zone only; kept per stored pod so a sync rebuilds only the endpoints of pods that changed.
const desiredByPod = new WeakMap<Pod, DesiredEndpoint>()

function desiredEndpoint(pod: Pod, svc: Service, nodeZone: SliceInput['nodeZone']): DesiredEndpoint | undefined {
  if (!shouldPodBeInEndpoints(pod, true)) return undefined
  const zone = pod.spec?.nodeName ? nodeZone(pod.spec.nodeName) : undefined
  const cached = desiredByPod.get(pod)
  if (cached !== undefined && cached.svc === svc && cached.zone === zone) return cached
  const ports = endpointPorts(svc, pod)
  // A pod on a node that does not exist is skipped, unless the Service publishes everything.
  const skipped = zone === null && svc.spec?.publishNotReadyAddresses !== true
  const ep = skipped ? undefined : podToEndpoint(pod, svc, zone ?? undefined)
  const endpoint = ep && ep.addresses.length > 0 ? ep : undefined
  const d: DesiredEndpoint = { svc, zone, endpoint, key: endpoint ? endpointKey(endpoint) : '', ports, portsKey: endpoint ? portsKey(ports) : '' }
  if (Object.isFrozen(pod) && Object.isFrozen(svc)) desiredByPod.set(pod, d)
  return d
}

/** EndpointsEqualBeyondHash: node, zone, conditions and target (resourceVersion aside). */
function sameBeyondHash(a: Endpoint, b: Endpoint): boolean {
  return a.nodeName === b.nodeName && a.zone === b.zone && deepEqual(a.conditions, b.conditions) && deepEqual(targetWithoutVersion(a), targetWithoutVersion(b))
}

function targetWithoutVersion(e: Endpoint): Endpoint['targetRef'] {
  return e.targetRef ? { ...e.targetRef, resourceVersion: undefined } : undefined
}

const isReserved = (k: string) => k === SERVICE_NAME_LABEL || k === MANAGED_BY_LABEL || k === HEADLESS_LABEL

/** setEndpointSliceLabels: the Service's labels plus the reserved ones; `changed` when the Service's part differs. */
export function sliceLabels(slice: EndpointSlice | undefined, svc: Service): { labels: Record<string, string>; changed: boolean } {
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

const ownedBy = (s: EndpointSlice, svc: Service) => (s.metadata?.ownerReferences ?? []).some((o) => o.uid === svc.metadata?.uid && o.kind === 'Service' && o.apiVersion === 'v1')

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
  const desired = new Map<string, { ports: SlicePort[]; endpoints: Map<string, Endpoint> }>()
  for (const pod of input.pods) {
    const d = desiredEndpoint(pod, svc, input.nodeZone)
    if (d === undefined || d.endpoint === undefined) continue
    let group = desired.get(d.portsKey)
    if (!group) desired.set(d.portsKey, (group = { ports: d.ports, endpoints: new Map() }))
    group.endpoints.set(d.key, d.endpoint)
  }

  for (const [k, group] of desired) {
    const r = reconcileByPorts(svc, existingByPorts.get(k) ?? [], group.endpoints, group.ports, max)
    toCreate.push(...r.create)
    toUpdate.push(...r.update)
    toDelete.push(...r.delete)
  }
  for (const [k, slices] of existingByPorts) if (!desired.has(k)) toDelete.push(...slices)

  // When no slice would be left, keep (or create) one empty placeholder.
  if (input.existing.length === toDelete.length && toCreate.length === 0) {
    const placeholder = newSlice(svc, [])
    if (toDelete.length === 1 && isPlaceholderOf(toDelete[0], placeholder)) toDelete.length = 0
    else toCreate.push(placeholder)
  }

  // finalize: a slice about to be deleted is reused (renamed) for one about to be created.
  for (let i = 0; i < toDelete.length && toCreate.length > 0; ) {
    const old = toDelete[i]
    if (old.addressType === 'IPv4' && ownedBy(old, svc)) {
      const fresh = toCreate.pop()!
      toUpdate.push({ ...fresh, metadata: { ...fresh.metadata, name: old.metadata!.name } })
      toDelete.splice(i, 1)
    } else i++
  }
  return { create: toCreate, update: toUpdate, delete: toDelete }
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

/** reconcileByPortMapping. */
function reconcileByPorts(svc: Service, existing: readonly EndpointSlice[], wanted: Map<string, Endpoint>, ports: SlicePort[], max: number): SlicePlan {
  const byName = new Map<string, EndpointSlice>()
  const unchanged: string[] = []
  const toUpdate: string[] = []
  const toDelete: string[] = []
  const remaining = new Map(wanted)

  // 1. Keep desired endpoints where they are, refreshed; drop the rest.
  for (const s of existing) {
    const name = s.metadata!.name!
    byName.set(name, s)
    const kept: Endpoint[] = []
    let endpointChanged = false
    for (const e of s.endpoints ?? []) {
      const k = endpointKey(e)
      const got = remaining.get(k)
      if (!got) continue
      kept.push(got)
      if (!sameBeyondHash(got, e)) endpointChanged = true
      remaining.delete(k)
    }
    const { labels, changed: labelsChanged } = sliceLabels(s, svc)
    if (endpointChanged || kept.length !== (s.endpoints ?? []).length) {
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

  const pop = (): Endpoint => {
    const [k, e] = remaining.entries().next().value as [string, Endpoint]
    remaining.delete(k)
    return e
  }

  // 2. Fill the slices that change anyway, fullest first.
  if (remaining.size > 0 && toUpdate.length > 0) {
    const fullestFirst = [...toUpdate].sort((a, b) => (byName.get(b)!.endpoints ?? []).length - (byName.get(a)!.endpoints ?? []).length)
    for (const name of fullestFirst) {
      const s = byName.get(name)!
      const eps = [...(s.endpoints ?? [])]
      while (remaining.size > 0 && eps.length < max) eps.push(pop())
      byName.set(name, { ...s, endpoints: eps })
    }
  }

  // 3. The rest goes into the unchanged slice closest to full that fits them, else new slices.
  const toCreate: EndpointSlice[] = []
  while (remaining.size > 0) {
    let target: EndpointSlice | undefined
    if (remaining.size < max && unchanged.length > 0) target = sliceToFill(unchanged.map((n) => byName.get(n)!), remaining.size, max)
    const s = target ?? newSlice(svc, ports)
    const eps = [...(s.endpoints ?? [])]
    while (remaining.size > 0 && eps.length < max) eps.push(pop())
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
