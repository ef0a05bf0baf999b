// How pods back a Service, shared by the Endpoints and EndpointSlice controllers (upstream:
// staging/src/k8s.io/endpointslice/util/controller_utils.go and utils.go).

import type { ApiServer } from '../../api/server'
import type { Pod, Service } from '../../api/types'
import type { ServicePort } from 'kubernetes-types/core/v1'
import { fromMap, matches, type Selector } from '../../api/selectors'
import { isPodReady, isPodTerminal, podCondition } from '../../api/pod-util'
import { parseRfc3339 } from '../../core/time'
import { deepEqual } from '../../core/json'

/** The Service's selector, or null when it has none (nil or empty: such Services get no endpoints from controllers). */
export function serviceSelector(svc: Service): Selector {
  return fromMap(svc.spec?.selector)
}

/** Services in the pod's namespace whose selector matches the labels (getServicesForPod), as `ns/name` keys. */
export function serviceKeysForLabels(api: ApiServer, namespace: string, labels: Readonly<Record<string, string>> | undefined): string[] {
  const out: string[] = []
  for (const svc of api.list('Service', { namespace })) {
    const sel = serviceSelector(svc)
    if (sel !== null && matches(sel, labels)) out.push(`${namespace}/${svc.metadata.name}`)
  }
  return out
}

/**
 * podEndpointsChanged (endpointslice/util/controller_utils.go), widened to everything our syncs read:
 * an update that changes none of labels, hostname/subdomain, deletion, readiness, IPs, node or
 * whether the pod is terminal cannot change what either controller shows, so it queues nothing.
 */
export function podEndpointsChanged(old: Pod, cur: Pod): boolean {
  // A pod that is listed neither before nor after (no IP yet, or finished) shows nowhere: binding it
  // to a node, say, changes no Service's endpoints.
  if (!listable(old) && !listable(cur)) return false
  if (!deepEqual(old.metadata?.labels, cur.metadata?.labels)) return true
  if (old.spec?.hostname !== cur.spec?.hostname || old.spec?.subdomain !== cur.spec?.subdomain) return true
  if (old.metadata?.deletionTimestamp !== cur.metadata?.deletionTimestamp) return true
  if (isPodReady(old) !== isPodReady(cur) || isPodTerminal(old) !== isPodTerminal(cur)) return true
  if (old.spec?.nodeName !== cur.spec?.nodeName || old.status?.podIP !== cur.status?.podIP) return true
  const a = old.status?.podIPs ?? []
  const b = cur.status?.podIPs ?? []
  return a.length !== b.length || a.some((ip, i) => ip.ip !== b[i].ip)
}

/** Whether shouldPodBeInEndpoints could be true for the pod, whatever the Service asks for. */
function listable(pod: Pod): boolean {
  return !isPodTerminal(pod) && (!!pod.status?.podIP || !!pod.status?.podIPs?.length)
}

/**
 * ShouldPodBeInEndpoints: not terminal, has an IP, and (unless terminating pods are wanted) not
 * being deleted. The Endpoints controller passes publishNotReadyAddresses; the slice controller true.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false
  if (!pod.status?.podIP && !pod.status?.podIPs?.length) return false
  if (!includeTerminating && pod.metadata?.deletionTimestamp) return false
  return true
}

/** ShouldSetHostname: the pod asks for a hostname and its subdomain is this Service, in the same namespace. */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return !!pod.spec?.hostname && pod.spec.subdomain === svc.metadata?.name && svc.metadata?.namespace === pod.metadata?.namespace
}

/** The pod's IPv4 address (this cluster is single-stack IPv4): the first of status.podIPs, else status.podIP. */
export function podIPv4(pod: Pod): string | undefined {
  const ips = pod.status?.podIPs
  if (ips === undefined) {
    const ip = pod.status?.podIP
    return ip && !ip.includes(':') ? ip : undefined
  }
  for (const { ip } of ips) if (ip !== undefined && !ip.includes(':')) return ip
  return undefined
}

/** isServiceIPSet: a ClusterIP other than None. Services without one are headless. */
export function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec?.clusterIP
  return !!ip && ip !== 'None'
}

export const HEADLESS_LABEL = 'service.kubernetes.io/headless'
export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time'

/** A service port with the API server's defaults applied (protocol TCP, targetPort = port). */
export function portProtocol(p: ServicePort): string {
  return p.protocol ?? 'TCP'
}

/**
 * FindPort: a numeric targetPort is used as is; a named one is looked up among the ports of the
 * pod's containers (and of restartable init containers) with the same protocol.
 */
export function findPort(pod: Pod, svcPort: ServicePort): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port
  if (typeof target === 'number') return target
  const proto = portProtocol(svcPort)
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === proto) return p.containerPort
  }
  for (const c of pod.spec?.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === proto) return p.containerPort
  }
  return undefined
}

/** What both controllers read of a pod, worked out once per stored (frozen) pod object. */
export interface PodEndpointFacts {
  uid: string | undefined
  /** Not terminal and has an IP: shouldPodBeInEndpoints with terminating pods included. */
  listable: boolean
  terminating: boolean
  ready: boolean
  ipv4: string | undefined
  /** getPodTriggerTime: when the Ready condition last changed. */
  trigger: number | undefined
}

// A sync of a large Service reads these for every pod; kept per stored pod so only pods that changed
// since the last sync are looked at again.
const factsByPod = new WeakMap<Pod, PodEndpointFacts>()

export function podEndpointFacts(pod: Pod): PodEndpointFacts {
  let f = factsByPod.get(pod)
  if (f === undefined) {
    f = {
      uid: pod.metadata?.uid,
      listable: shouldPodBeInEndpoints(pod, true),
      terminating: !!pod.metadata?.deletionTimestamp,
      ready: isPodReady(pod),
      ipv4: podIPv4(pod),
      trigger: parseRfc3339(podCondition(pod, 'Ready')?.lastTransitionTime),
    }
    if (Object.isFrozen(pod)) factsByPod.set(pod, f)
  }
  return f
}

/**
 * EndpointsLastChangeTriggerTime, derived from objects rather than from the controller's memory:
 * for a new object the Service's creation; otherwise the earliest Ready transition (getPodTriggerTime)
 * among pods the current object does not show as they are now (`changed`). Undefined clears the annotation.
 */
export function lastChangeTriggerTime(svc: Service, pods: readonly Pod[], exists: boolean, changed: (f: PodEndpointFacts) => boolean): number | undefined {
  if (!exists) return parseRfc3339(svc.metadata?.creationTimestamp)
  let min: number | undefined
  for (let i = 0; i < pods.length; i++) {
    const f = podEndpointFacts(pods[i])
    const t = f.trigger
    if (t === undefined || (min !== undefined && t >= min) || !changed(f)) continue
    min = t
  }
  return min
}

export { isPodReady }
