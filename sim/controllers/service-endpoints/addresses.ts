// What one pod contributes to its Service's Endpoints (endpoints_controller.go syncService's loop over
// pods: podToEndpointAddressForService, one (address, port) entry per service port the pod serves),
// and the subsets all pods call for (RepackSubsets, ./repack.ts).

import type { Pod, Service } from '../../api/types'
import type { EndpointAddress, EndpointSubset } from 'kubernetes-types/core/v1'
import { findPort, isPodReady, podIPv4, portProtocol, shouldPodBeInEndpoints, shouldSetHostname } from './pods'
import { portKey, repackSubsets, type AddressEntry } from './repack'

export interface PodAddress {
  svc: Service
  /** One per service port the pod serves (one without a port for a headless Service without ports). */
  entries: readonly AddressEntry[]
  /** The ports the entries serve, as one key ('' when there are no entries). */
  signature: string
}

// A pod's entries depend on the pod and the Service only; kept per stored pod so a sync of a large
// Service rebuilds only the entries of pods that changed.
const byPod = new WeakMap<Pod, PodAddress>()

export function podAddress(svc: Service, pod: Pod): PodAddress {
  const cached = byPod.get(pod)
  if (cached !== undefined && cached.svc === svc) return cached
  const entries: AddressEntry[] = []
  podEntries(svc, pod, entries)
  const a: PodAddress = { svc, entries, signature: entries.map((e) => portKey(e.port)).join('\u0002') }
  if (Object.isFrozen(pod) && Object.isFrozen(svc)) byPod.set(pod, a)
  return a
}

/** The subsets the Service's pods call for (syncService's loop, then RepackSubsets). */
export function desiredSubsets(svc: Service, pods: readonly Pod[]): EndpointSubset[] {
  const entries: AddressEntry[] = []
  for (const pod of pods) for (const e of podAddress(svc, pod).entries) entries.push(e)
  return repackSubsets(entries)
}

function podEntries(svc: Service, pod: Pod, out: AddressEntry[]): void {
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true
  if (!shouldPodBeInEndpoints(pod, publishNotReady)) return
  const address = endpointAddress(svc, pod)
  if (!address) return
  const ready = publishNotReady || isPodReady(pod)
  const ports = svc.spec?.ports ?? []
  if (ports.length === 0) {
    // A headless Service may have no ports: its addresses are listed without any.
    if (svc.spec?.clusterIP === 'None') out.push({ address, port: undefined, ready })
    return
  }
  for (const sp of ports) {
    const port = findPort(pod, sp)
    if (port === undefined) continue
    out.push({
      address,
      port: { name: sp.name || undefined, port, protocol: portProtocol(sp), appProtocol: sp.appProtocol },
      ready,
    })
  }
}

function endpointAddress(svc: Service, pod: Pod): EndpointAddress | undefined {
  const ip = podIPv4(pod)
  if (!ip) return undefined
  return {
    ip,
    hostname: shouldSetHostname(pod, svc) ? pod.spec!.hostname : undefined,
    nodeName: pod.spec?.nodeName ?? '',
    targetRef: { kind: 'Pod', namespace: pod.metadata!.namespace, name: pod.metadata!.name, uid: pod.metadata!.uid },
  }
}
