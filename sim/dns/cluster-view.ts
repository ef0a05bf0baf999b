// What CoreDNS's kubernetes plugin keeps from the API objects it watches (plugin/kubernetes/object):
// Services, the *ready* addresses of their EndpointSlices, the namespaces, and the time of the last
// change (the SOA serial). The resolver answers from this view only, so it can be built from a live
// ApiServer or from plain objects in a test.

import type { ApiServer } from '../api/server'
import type { EndpointSlice, Endpoints, KubeObject, Namespace, Pod, Service } from '../api/types'
import { parseRfc3339 } from '../core/time'

export interface DnsPort {
  name: string
  protocol: string
  /** -1 is CoreDNS's sentinel for a slice without ports (no SRV record is made for it). */
  port: number
}

export interface DnsAddress {
  ip: string
  hostname?: string
  targetRefName?: string
}

/** One EndpointSlice as CoreDNS converts it (object/endpoint.go): ready addresses × ports. */
export interface DnsEndpoints {
  service: string
  namespace: string
  ports: readonly DnsPort[]
  addresses: readonly DnsAddress[]
}

export interface DnsService {
  name: string
  namespace: string
  type: string
  /** The ClusterIPs, or ['None'] for a headless Service; empty for ExternalName. */
  clusterIPs: readonly string[]
  externalName?: string
  ports: readonly DnsPort[]
}

export interface DnsView {
  namespaces: ReadonlySet<string>
  services: readonly DnsService[]
  endpoints: readonly DnsEndpoints[]
  /** SOA serial: unix seconds of the most recent change CoreDNS saw (dnsControl.Modified). */
  serial: number
  /** The kube-dns Service's addresses: where pods send queries, and what `ns.dns.<zone>` answers. */
  nameservers: readonly string[]
  /** False while no CoreDNS pod is ready: queries to the Service then time out. */
  serving: boolean
}

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'

export function isHeadless(svc: DnsService): boolean {
  return svc.clusterIPs[0] === 'None'
}

/** A nil `ready` counts as ready (endpointsliceReady); CoreDNS drops the others. */
function sliceToEndpoints(slice: EndpointSlice): DnsEndpoints | undefined {
  const service = slice.metadata?.labels?.[SERVICE_NAME_LABEL]
  if (!service || (slice.addressType !== 'IPv4' && slice.addressType !== 'IPv6')) return undefined
  const ports: DnsPort[] = (slice.ports ?? []).length
    ? (slice.ports ?? []).map((p) => ({ name: p.name ?? '', protocol: p.protocol ?? '', port: p.port ?? -1 }))
    : [{ name: '', protocol: '', port: -1 }]
  const addresses: DnsAddress[] = []
  for (const e of slice.endpoints ?? []) {
    if (e.conditions?.ready === false) continue
    // Pod names too long to be a label are not used as names (object/endpoint.go).
    const ref = e.targetRef?.name && e.targetRef.name.length < 64 ? e.targetRef.name : undefined
    for (const ip of e.addresses ?? []) addresses.push({ ip, hostname: e.hostname || undefined, targetRefName: ref })
  }
  return { service, namespace: slice.metadata?.namespace ?? '', ports, addresses }
}

/** The pre-EndpointSlice source (CoreDNS on Kubernetes ≤1.18): ready addresses of each subset. */
function endpointsToEndpoints(ep: Endpoints): DnsEndpoints[] {
  return (ep.subsets ?? []).map((s) => ({
    service: ep.metadata?.name ?? '',
    namespace: ep.metadata?.namespace ?? '',
    ports: (s.ports ?? []).length
      ? (s.ports ?? []).map((p) => ({ name: p.name ?? '', protocol: p.protocol ?? '', port: p.port ?? -1 }))
      : [{ name: '', protocol: '', port: -1 }],
    addresses: (s.addresses ?? []).map((a) => ({ ip: a.ip, hostname: a.hostname || undefined, targetRefName: a.targetRef?.name })),
  }))
}

function toService(svc: Service): DnsService {
  const spec = svc.spec ?? {}
  const clusterIPs = spec.type === 'ExternalName' ? [] : (spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []))
  return {
    name: svc.metadata?.name ?? '',
    namespace: svc.metadata?.namespace ?? '',
    type: spec.type ?? 'ClusterIP',
    clusterIPs,
    externalName: spec.type === 'ExternalName' ? spec.externalName : undefined,
    ports: (spec.ports ?? []).map((p) => ({ name: p.name ?? '', protocol: p.protocol ?? 'TCP', port: p.port })),
  }
}

const seconds = (t: string | undefined): number => Math.floor((parseRfc3339(t) ?? 0) / 1000)

/**
 * The serial CoreDNS reports is the wall time of the last Service/EndpointSlice/Namespace event it
 * handled. Objects keep no update time, so take the newest timestamp they carry: creations, and the
 * EndpointSlice controller's last-change-trigger-time (set when a pod's readiness changed).
 */
function lastChange(objects: readonly KubeObject[]): number {
  let latest = 0
  for (const o of objects) {
    latest = Math.max(latest, seconds(o.metadata?.creationTimestamp), seconds(o.metadata?.deletionTimestamp ?? undefined))
    latest = Math.max(latest, seconds(o.metadata?.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']))
  }
  return latest
}

export interface DnsObjects {
  services: readonly Service[]
  endpointSlices: readonly EndpointSlice[]
  /** Used only when the cluster has no EndpointSlices at all (CoreDNS then watches Endpoints). */
  endpoints?: readonly Endpoints[]
  namespaces: readonly Namespace[]
  /** The CoreDNS pods (kube-system, k8s-app=kube-dns), to tell whether DNS is up; absent = up. */
  dnsPods?: readonly Pod[]
}

export function buildDnsView(objs: DnsObjects, clusterDNSIP: string): DnsView {
  const slices = objs.endpointSlices
  const endpoints =
    slices.length > 0
      ? slices.map(sliceToEndpoints).filter((e): e is DnsEndpoints => e !== undefined)
      : (objs.endpoints ?? []).flatMap(endpointsToEndpoints)
  const services = objs.services.map(toService)
  const kubeDns = services.find((s) => s.namespace === 'kube-system' && s.name === 'kube-dns')
  const nameservers = kubeDns && kubeDns.clusterIPs.length && !isHeadless(kubeDns) ? kubeDns.clusterIPs : [clusterDNSIP]
  const dnsPods = objs.dnsPods ?? []
  const serving = dnsPods.length === 0 || dnsPods.some((p) => !p.metadata?.deletionTimestamp && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
  const changed: KubeObject[] = [...objs.services, ...slices, ...(slices.length ? [] : (objs.endpoints ?? [])), ...objs.namespaces] as unknown as KubeObject[]
  return {
    namespaces: new Set(objs.namespaces.filter((n) => n.metadata?.name).map((n) => n.metadata!.name!)),
    services,
    endpoints,
    serial: lastChange(changed),
    nameservers,
    serving,
  }
}

/** The view of a running simulation's API server. */
export function dnsViewFromApi(api: ApiServer, clusterDNSIP: string): DnsView {
  return buildDnsView(
    {
      services: api.list('Service'),
      endpointSlices: api.list('EndpointSlice'),
      endpoints: api.list('Endpoints'),
      namespaces: api.list('Namespace'),
      dnsPods: api.list('Pod', { namespace: 'kube-system', selector: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] }),
    },
    clusterDNSIP,
  )
}
