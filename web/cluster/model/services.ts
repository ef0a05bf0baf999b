// A Service and the names CoreDNS publishes for it. The records come from the simulator's own DNS
// view (sim/dns: CoreDNS's kubernetes plugin over the EndpointSlices), so the view lists exactly what
// `nslookup` in a pod answers: for a headless Service, one `<hostname>.<service>.<ns>.svc.<zone>` per
// *ready* endpoint (a pod's hostname when the EndpointSlice carries it, else its dashed IP).

import type { Obj } from '../../../sim'
import { buildDnsView } from '../../../sim/dns/cluster-view'
import { endpointHostname } from '../../../sim/dns/kubernetes-records'
import { serviceRow } from '../../../sim/kubectl/printers/columns/network'
import type { ViewCache } from './memo'
import type { NamespaceIndex } from './snapshot-index'
import type { DnsRecordView, ServiceView } from './types'

export function serviceView(cache: ViewCache, ix: NamespaceIndex, svc: Obj<'Service'>, zone: string): ServiceView {
  const name = svc.metadata.name ?? ''
  const ns = svc.metadata.namespace ?? ''
  const slices = ix.slicesByService.get(name) ?? []
  return cache.memo(`svc/${svc.metadata.uid}`, [svc, zone, ...slices], () => {
    // TYPE, CLUSTER-IP, PORT(S) and SELECTOR of `kubectl get svc -o wide`.
    const [, type, clusterIP, , ports, , selector] = serviceRow(svc, 0, true).map(String)
    const headless = clusterIP === 'None'
    const fqdn = `${name}.${ns}.svc.${zone}`
    const dns = buildDnsView({ services: [svc], endpointSlices: slices, namespaces: [] }, '')
    const records: DnsRecordView[] = []
    const seen = new Set<string>()
    let ready = 0
    for (const e of dns.endpoints) {
      for (const a of e.addresses) {
        ready++
        if (!headless) continue
        const record = `${endpointHostname(a)}.${fqdn}`
        if (seen.has(record + ' ' + a.ip)) continue
        seen.add(record + ' ' + a.ip)
        records.push({ name: record, ip: a.ip, pod: a.targetRefName })
      }
    }
    let notReady = 0
    for (const s of slices) for (const e of s.endpoints ?? []) if (e.conditions?.ready === false) notReady += e.addresses?.length ?? 0
    return {
      key: svc.metadata.uid ?? name,
      ref: { kind: 'Service', namespace: ns, name },
      name,
      type,
      headless,
      clusterIP: clusterIP === '<none>' ? undefined : clusterIP,
      ports: ports === '<none>' ? [] : ports.split(','),
      selector: selector === '<none>' ? undefined : selector,
      fqdn,
      records: records.sort((a, b) => compareNatural(a.name, b.name)),
      readyEndpoints: ready,
      notReadyEndpoints: notReady,
    }
  })
}

// One collator for every comparison: localeCompare with options sets up a new one on each call,
// which made sorting a 100-pod set's names the slowest part of drawing the cluster.
const NATURAL = new Intl.Collator('en', { numeric: true })

/** web-2 before web-10: names compared with their numbers as numbers. */
export function compareNatural(a: string, b: string): number {
  return NATURAL.compare(a, b)
}
