// CoreDNS's kubernetes plugin, the part that turns a name into "services" (plugin/kubernetes/
// parse.go parseRequest, kubernetes.go Records/findServices/findPods, reverse.go): which addresses,
// ports and names a query name stands for. backend.ts builds the records of each type from them.

import { isHeadless, type DnsAddress, type DnsView } from './cluster-view'
import { absolute, addressFromReverse, dashedIP, isIPv4, isIPv6, lower, trimZone } from './names'

/** One msg.Service: an address (or, for ExternalName, a name) and port, living at `domain`. */
export interface Found {
  host: string
  port: number
  /** Where this item lives (msg.Domain of its key): the SRV target, the A owner in SRV extras. */
  domain: string
}

/** errNoItems / errNsNotExposed / errInvalidRequest all mean NXDOMAIN (IsNameError). */
export type Lookup = { ok: true; items: Found[] } | { ok: false }

const NAME_ERROR: Lookup = { ok: false }
const ok = (items: Found[]): Lookup => ({ ok: true, items })

export interface RecordRequest {
  port: string
  protocol: string
  endpoint: string
  service: string
  namespace: string
  /** 'svc', 'pod', or '' for the zone apex, `svc.<zone>` and `pod.<zone>` (NODATA). */
  podOrSvc: string
}

/**
 * parseRequest: `_port._proto.svc.ns.svc`, `endpoint.svc.ns.svc`, `svc.ns.svc`, `ns.svc`, and the same
 * under `pod`; anything longer, or not ending in svc/pod, is invalid.
 */
export function parseRequest(base: string): RecordRequest | undefined {
  const r: RecordRequest = { port: '', protocol: '', endpoint: '', service: '', namespace: '', podOrSvc: '' }
  const b = lower(base)
  if (b === '' || b === 'svc' || b === 'pod') return r
  const segs = b.split('.')
  let last = segs.length - 1
  r.podOrSvc = segs[last]
  if (r.podOrSvc !== 'pod' && r.podOrSvc !== 'svc') return undefined
  if (--last < 0) return r
  r.namespace = segs[last]
  if (--last < 0) return r
  r.service = segs[last]
  if (--last < 0) return r
  if (last === 0) {
    r.endpoint = segs[0]
  } else if (last === 1) {
    r.protocol = stripUnderscore(segs[1])
    r.port = stripUnderscore(segs[0])
  } else {
    return undefined
  }
  return r
}

const stripUnderscore = (s: string) => (s.startsWith('_') ? s.slice(1) : s)

/** endpointHostname: the endpoint's hostname, else its address with dashes (endpoint_pod_names is off). */
export function endpointHostname(addr: DnsAddress): string {
  return addr.hostname || dashedIP(addr.ip)
}

const match = (a: string, b: string) => lower(a) === lower(b)
const matchPortAndProtocol = (aPort: string, bPort: string, aProto: string, bProto: string) =>
  (aPort === '' || match(aPort, bPort)) && (aProto === '' || match(aProto, bProto))

export class KubernetesRecords {
  constructor(
    readonly view: DnsView,
    readonly zone: string,
  ) {}

  /** Records: the items for a name under the cluster zone. */
  records(qname: string): Lookup {
    const base = trimZone(qname, this.zone)
    if (base === undefined) return NAME_ERROR
    const r = parseRequest(base)
    if (!r) return NAME_ERROR
    if (r.podOrSvc === '') return ok([])
    if (!this.view.namespaces.has(r.namespace)) return NAME_ERROR
    return r.podOrSvc === 'pod' ? this.findPods(r) : this.findServices(r)
  }

  /** findPods with `pods insecure` (the kubeadm Corefile): any well-formed dashed address answers. */
  private findPods(r: RecordRequest): Lookup {
    const podname = r.service
    if (podname === '') return ok([])
    const dashes = podname.split('-').length - 1
    const ip = dashes === 3 && !podname.includes('--') ? podname.replaceAll('-', '.') : podname.replaceAll('-', ':')
    if (!isIPv4(ip) && !isIPv6(ip)) return NAME_ERROR
    return ok([{ host: ip, port: 0, domain: `${podname}.${r.namespace}.pod.${absolute(this.zone)}` }])
  }

  private findServices(r: RecordRequest): Lookup {
    if (r.service === '') return ok([])
    const zone = absolute(this.zone)
    const items: Found[] = []
    let found = false
    for (const svc of this.view.services) {
      if (!match(r.namespace, svc.namespace) || !match(r.service, svc.name)) continue
      const svcDomain = `${svc.name}.${svc.namespace}.svc.${zone}`
      if (svc.type === 'ExternalName') {
        // External services have no endpoints, ports or protocols to ask for.
        if (r.endpoint || r.port || r.protocol || !svc.externalName) continue
        if (isIPv4(svc.externalName) || isIPv6(svc.externalName)) continue
        items.push({ host: svc.externalName, port: 0, domain: svcDomain })
        found = true
        continue
      }
      // An endpoint name works for ClusterIP Services too; a headless Service answers its endpoints.
      if (isHeadless(svc) || r.endpoint) {
        for (const ep of this.view.endpoints) {
          if (ep.service !== svc.name || ep.namespace !== svc.namespace) continue
          for (const addr of ep.addresses) {
            const host = endpointHostname(addr)
            if (r.endpoint && !match(r.endpoint, host)) continue
            for (const p of ep.ports) {
              if (!matchPortAndProtocol(r.port, p.name, r.protocol, p.protocol)) continue
              items.push({ host: addr.ip, port: p.port, domain: `${host}.${svcDomain}` })
              found = true
            }
          }
        }
        continue
      }
      for (const p of svc.ports) {
        if (!matchPortAndProtocol(r.port, p.name, r.protocol, p.protocol)) continue
        found = true
        for (const ip of svc.clusterIPs) items.push({ host: ip, port: p.port, domain: svcDomain })
      }
    }
    return found ? ok(items) : NAME_ERROR
  }

  /**
   * Reverse (reverse.go serviceRecordForIP): a Service's ClusterIP names the Service; otherwise every
   * ready endpoint with that address names `<endpoint>.<svc>.<ns>.svc.<zone>`.
   */
  reverse(qname: string): Lookup {
    const ip = addressFromReverse(qname)
    if (ip === undefined) {
      const r = this.records(qname)
      return r.ok ? ok([]) : r
    }
    const zone = absolute(this.zone)
    for (const svc of this.view.services) {
      if (svc.clusterIPs.includes(ip) && ip !== 'None') return ok([{ host: `${svc.name}.${svc.namespace}.svc.${zone}`, port: 0, domain: '' }])
    }
    const items: Found[] = []
    for (const ep of this.view.endpoints) {
      for (const addr of ep.addresses) {
        if (addr.ip === ip) items.push({ host: `${endpointHostname(addr)}.${ep.service}.${ep.namespace}.svc.${zone}`, port: 0, domain: '' })
      }
    }
    return items.length ? ok(items) : NAME_ERROR
  }
}
