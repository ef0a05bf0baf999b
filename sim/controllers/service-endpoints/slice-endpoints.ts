// What one pod contributes to its Service's EndpointSlices (staging/src/k8s.io/endpointslice/utils.go:
// podToEndpoint, getEndpointPorts, endpointsEqualBeyondHash), and the keys the reconciler matches
// endpoints and port lists by. Everything here is kept per stored object, since a sync of a Service
// looks at every endpoint of every slice after each change to any of its pods.

import { deepEqual } from '../../core/json'
import type { EndpointSlice, Pod, Service } from '../../api/types'
import type { Endpoint, EndpointPort as SlicePort } from 'kubernetes-types/discovery/v1'
import { findPort, isPodReady, podIPv4, portProtocol, shouldPodBeInEndpoints, shouldSetHostname } from './pods'
import { sortSlicePorts } from './go-hash'

/** The node's topology zone, or null when the node does not exist. */
export type NodeZone = (name: string) => string | undefined | null

/** Asks for each node's zone once, keeping the answers: a cluster has few nodes and a Service many pods. */
export class ZoneCache {
  readonly zones = new Map<string, string | undefined | null>()
  constructor(private readonly lookup: NodeZone) {}
  readonly zoneOf = (node: string): string | undefined | null => {
    let z = this.zones.get(node)
    if (z === undefined && !this.zones.has(node)) this.zones.set(node, (z = this.lookup(node)))
    return z
  }
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

// Keys of endpoints and port lists, kept per object: stored (frozen) ones, and the desired endpoints
// this module makes (never changed after they are made).
const endpointKeys = new WeakMap<Endpoint, string>()
const portsKeys = new WeakMap<readonly SlicePort[], string>()

/** hashEndpoint: an endpoint is the same endpoint while its addresses, hostname and target name stay. */
export function endpointKey(e: Endpoint): string {
  let k = endpointKeys.get(e)
  if (k === undefined) {
    k = JSON.stringify([[...e.addresses].sort(), e.hostname ?? '', e.targetRef?.namespace ?? '', e.targetRef?.name ?? ''])
    if (Object.isFrozen(e)) endpointKeys.set(e, k)
  }
  return k
}

export function portsKey(ports: readonly SlicePort[]): string {
  let k = portsKeys.get(ports)
  if (k === undefined) {
    k = JSON.stringify(ports.map((p) => [p.name ?? '', p.protocol ?? '', p.port ?? 0, p.appProtocol ?? '']))
    if (Object.isFrozen(ports)) portsKeys.set(ports, k)
  }
  return k
}

export interface DesiredEndpoint {
  svc: Service
  zone: string | undefined | null
  /** undefined: the pod is not listed (no address, or on a missing node). */
  endpoint: Endpoint | undefined
  key: string
  ports: SlicePort[]
  portsKey: string
}

// What a pod contributes to a Service's slices depends on the pod, the Service and the pod's node's
// zone only; kept per stored pod so a sync rebuilds only the endpoints of pods that changed. null: the
// pod is not listed by any Service (shouldPodBeInEndpoints is false).
const desiredByPod = new WeakMap<Pod, DesiredEndpoint | null>()

/** The pod's endpoint for the Service; undefined when shouldPodBeInEndpoints is false. */
export function desiredEndpoint(pod: Pod, svc: Service, nodeZone: NodeZone): DesiredEndpoint | undefined {
  const cached = desiredByPod.get(pod)
  if (cached === null) return undefined
  if (cached === undefined && !shouldPodBeInEndpoints(pod, true)) {
    if (Object.isFrozen(pod)) desiredByPod.set(pod, null)
    return undefined
  }
  const node = pod.spec?.nodeName
  const zone = node ? nodeZone(node) : undefined
  if (cached !== undefined && cached.svc === svc && cached.zone === zone) return cached
  const ports = endpointPorts(svc, pod)
  // A pod on a node that does not exist is skipped, unless the Service publishes everything.
  const skipped = zone === null && svc.spec?.publishNotReadyAddresses !== true
  const ep = skipped ? undefined : podToEndpoint(pod, svc, zone ?? undefined)
  const endpoint = ep && ep.addresses.length > 0 ? ep : undefined
  let key = ''
  if (endpoint) endpointKeys.set(endpoint, (key = endpointKey(endpoint)))
  const d: DesiredEndpoint = { svc, zone, endpoint, key, ports, portsKey: endpoint ? portsKey(ports) : '' }
  if (Object.isFrozen(pod) && Object.isFrozen(svc)) desiredByPod.set(pod, d)
  return d
}

/** EndpointsEqualBeyondHash: node, zone, conditions and target (resourceVersion aside). */
export function sameBeyondHash(a: Endpoint, b: Endpoint): boolean {
  return a.nodeName === b.nodeName && a.zone === b.zone && deepEqual(a.conditions, b.conditions) && deepEqual(targetWithoutVersion(a), targetWithoutVersion(b))
}

function targetWithoutVersion(e: Endpoint): Endpoint['targetRef'] {
  return e.targetRef ? { ...e.targetRef, resourceVersion: undefined } : undefined
}

/**
 * What a stored slice's endpoints were found to be, kept per (frozen) slice: their keys, and for each
 * the desired endpoint object last found equal to it beyond the hash. A sync compares every endpoint
 * of every slice; while a pod is unchanged its desired endpoint is the same object, and the check is
 * one comparison instead of a deep one.
 */
export interface SliceMemo {
  keys: string[]
  sameAs: (Endpoint | undefined)[]
  /** A desired endpoint found deep-equal to the stored one at the same place. */
  twin: (Endpoint | undefined)[]
}
const sliceMemos = new WeakMap<EndpointSlice, SliceMemo>()

export function sliceKeys(s: EndpointSlice): readonly string[] {
  return sliceMemo(s).keys
}

/**
 * What a written slice's stored version is known to hold: the API server stores a copy of what was
 * sent (defaults touch only the ports), so its endpoints have the keys of the sent ones and are equal
 * to them beyond the hash. Saves working the keys out again from the stored copies.
 */
export function rememberStored(sent: EndpointSlice, stored: EndpointSlice): void {
  const eps = sent.endpoints ?? []
  if (!Object.isFrozen(stored) || sliceMemos.has(stored) || (stored.endpoints ?? []).length !== eps.length) return
  sliceMemos.set(stored, { keys: eps.map((e) => endpointKey(e)), sameAs: [...eps], twin: new Array(eps.length) })
}

export function sliceMemo(s: EndpointSlice): SliceMemo {
  let m = sliceMemos.get(s)
  if (m === undefined) {
    const eps = s.endpoints ?? []
    m = { keys: eps.map((e) => endpointKey(e)), sameAs: new Array(eps.length), twin: new Array(eps.length) }
    if (Object.isFrozen(s)) sliceMemos.set(s, m)
  }
  return m
}
