// CoreDNS's kubernetes plugin answering one question (plugin/kubernetes/handler.go ServeDNS with the
// record builders of plugin/backend_lookup.go): A/AAAA per address, SRV with weights and address
// extras, PTR, TXT dns-version, NS/SOA at the apex; NXDOMAIN and NODATA carry the zone's SOA.
// Every answer is authoritative; recursion is never offered.

import type { DnsView } from './cluster-view'
import { KubernetesRecords, type Found, type Lookup } from './kubernetes-records'
import { absolute, isIPv4, isIPv6, isSubdomain, lower } from './names'
import type { DnsResponse, QType, RR } from './types'

export interface KubernetesPluginOptions {
  /** The cluster domain (`cluster.local`). */
  zone: string
  /** `ttl 30` in the kubeadm Corefile (the plugin's own default is 5). */
  ttl: number
  /** Where names outside the zone go (ExternalName targets): the forward plugin. */
  lookupUpstream(name: string, type: QType): DnsResponse
}

/** The zones of the kubeadm Corefile's kubernetes block; the reverse ones fall through. */
const REVERSE_ZONES = ['in-addr.arpa.', 'ip6.arpa.']

/** DNSSchemaVersion: `dns-version.<zone> TXT` (kubernetes/dns docs/specification.md). */
const DNS_SCHEMA_VERSION = '1.1.0'

/** The plugin's answer, or 'fallthrough' for a reverse name it does not know (to the forwarder). */
export type PluginResult = DnsResponse | 'fallthrough'

export class KubernetesPlugin {
  private readonly k: KubernetesRecords

  constructor(
    private readonly view: DnsView,
    private readonly opts: KubernetesPluginOptions,
  ) {
    this.k = new KubernetesRecords(view, opts.zone)
  }

  /** The zone this plugin serves a name from (the longest match), if any. */
  zoneFor(qname: string): string | undefined {
    const zones = [absolute(this.opts.zone), ...REVERSE_ZONES].filter((z) => isSubdomain(qname, z))
    zones.sort((a, b) => b.length - a.length)
    return zones[0]
  }

  serve(qnameIn: string, qtype: QType): PluginResult {
    const qname = absolute(qnameIn)
    const zoneMatch = this.zoneFor(qname)
    if (!zoneMatch) return 'fallthrough'
    // The zone keeps the case of the query (handler.go: qname[len(qname)-len(zone):]).
    const zone = qname.slice(qname.length - zoneMatch.length)
    const apex = lower(qname) === lower(zone)
    let records: RR[] = []
    let extra: RR[] = []
    let nameError = false
    switch (qtype) {
      case 'A':
      case 'AAAA': {
        const r = this.address(qname, qtype, zone, [])
        nameError = r === undefined
        records = r ?? []
        break
      }
      case 'SRV': {
        const r = this.srv(qname)
        nameError = r === undefined
        records = r?.records ?? []
        extra = r?.extra ?? []
        break
      }
      case 'PTR': {
        const l = this.k.reverse(qname)
        nameError = !l.ok
        const seen = new Set<string>()
        for (const f of l.ok ? l.items : []) {
          if (seen.has(f.host)) continue
          seen.add(f.host)
          records.push({ name: qname, ttl: this.opts.ttl, type: 'PTR', target: absolute(f.host) })
        }
        break
      }
      case 'TXT': {
        const base = lower(qname).slice(0, -(zone.length + 1))
        if (base === 'dns-version') {
          records = [{ name: qname, ttl: 28800, type: 'TXT', text: [DNS_SCHEMA_VERSION] }]
        } else {
          // A name that exists with other types answers NODATA; anything else NXDOMAIN.
          const l = this.services(qname, qtype)
          nameError = !(l.ok && l.items.length > 0)
        }
        break
      }
      case 'CNAME': {
        const l = this.services(qname, qtype)
        nameError = !l.ok
        const first = l.ok ? l.items[0] : undefined
        if (first && !isIPv4(first.host) && !isIPv6(first.host)) records = [{ name: qname, ttl: this.opts.ttl, type: 'CNAME', target: absolute(first.host) }]
        break
      }
      case 'SOA':
        if (apex) records = [this.soa(zone)]
        break
      case 'MX':
        // Nothing in the cluster handles mail: the name's existence decides NODATA or NXDOMAIN.
        nameError = !this.services(qname, qtype).ok
        break
      case 'NS':
        if (apex) {
          const ns = `ns.dns.${zone}`
          records = [{ name: qname, ttl: this.opts.ttl, type: 'NS', target: ns }]
          extra = this.view.nameservers.map((ip): RR => ({ name: ns, ttl: this.opts.ttl, type: 'A', address: ip }))
          break
        }
        nameError = this.address(qname, 'A', zone, []) === undefined
        break
      case 'ANY':
        // Any other type: a fake A lookup tells NODATA from NXDOMAIN.
        nameError = this.address(qname, 'A', zone, []) === undefined
        break
    }

    const question = { name: qname, type: qtype }
    if (nameError) {
      if (REVERSE_ZONES.includes(lower(zone))) return 'fallthrough'
      return { question, rcode: 'NXDOMAIN', aa: true, ra: false, answer: [], authority: [this.soa(zone)], additional: [] }
    }
    if (records.length === 0) return { question, rcode: 'NOERROR', aa: true, ra: false, answer: [], authority: [this.soa(zone)], additional: [] }
    return { question, rcode: 'NOERROR', aa: true, ra: false, answer: records, authority: [], additional: extra }
  }

  /** Services(): the special names first (`ns.dns.<zone>`, TXT handled by the caller), then Records. */
  private services(qname: string, qtype: QType): Lookup {
    if (lower(qname) === lower(`ns.dns.${absolute(this.opts.zone)}`)) {
      const items = qtype === 'A' ? this.view.nameservers.map((ip): Found => ({ host: ip, port: 0, domain: qname })) : []
      return { ok: true, items }
    }
    const l = this.k.records(qname)
    // SRV for external services is not implemented upstream: those items are dropped.
    if (l.ok && qtype === 'SRV') return { ok: true, items: l.items.filter((f) => isIPv4(f.host) || isIPv6(f.host)) }
    return l
  }

  /** plugin.A / plugin.AAAA: one record per distinct address; ExternalName becomes a CNAME chain. */
  private address(qname: string, qtype: 'A' | 'AAAA', zone: string, previous: RR[]): RR[] | undefined {
    const l = this.services(qname, qtype)
    if (!l.ok) return undefined
    const out: RR[] = []
    const seen = new Set<string>()
    for (const f of l.items) {
      if (isIPv4(f.host) || isIPv6(f.host)) {
        const want = qtype === 'A' ? isIPv4(f.host) : isIPv6(f.host)
        if (want && !seen.has(f.host)) {
          seen.add(f.host)
          out.push({ name: qname, ttl: this.opts.ttl, type: qtype, address: f.host } as RR)
        }
        continue
      }
      const target = absolute(f.host)
      if (lower(target) === lower(qname) || previous.length > 7) continue
      const cname: RR = { name: qname, ttl: this.opts.ttl, type: 'CNAME', target }
      if (isSubdomain(target, zone)) {
        const next = this.address(target, qtype, zone, [...previous, cname])
        if (next && next.length) out.push(cname, ...next)
        continue
      }
      // The target is outside the cluster: the forwarder resolves it.
      out.push(cname, ...this.opts.lookupUpstream(target, qtype).answer)
    }
    return out
  }

  /** plugin.SRV: weight = floor(100 / number of records of the priority), targets with address extras. */
  private srv(qname: string): { records: RR[]; extra: RR[] } | undefined {
    const l = this.services(qname, 'SRV')
    if (!l.ok) return undefined
    const total = 100 * l.items.length
    const weight = Math.max(1, Math.floor((100 / total) * 100))
    const records: RR[] = []
    const extra: RR[] = []
    const dup = new Set<string>()
    for (const f of l.items) {
      if (f.port === -1) continue
      const srvKey = `${f.domain}|${f.port}`
      if (!dup.has(srvKey)) {
        dup.add(srvKey)
        records.push({ name: qname, ttl: this.opts.ttl, type: 'SRV', priority: 0, weight, port: f.port, target: f.domain })
      }
      const addrKey = `${f.domain}|@${f.host}`
      if (!dup.has(addrKey)) {
        dup.add(addrKey)
        extra.push({ name: f.domain, ttl: this.opts.ttl, type: isIPv4(f.host) ? 'A' : 'AAAA', address: f.host } as RR)
      }
    }
    return { records, extra }
  }

  /** plugin.SOA: TTL min(ttl, 300), serial = the time of the last change. */
  soa(zone: string): RR {
    const ttl = Math.min(this.opts.ttl, 300)
    return {
      name: zone,
      ttl,
      type: 'SOA',
      mname: `ns.dns.${zone}`,
      rname: `hostmaster.${zone}`,
      serial: this.view.serial,
      refresh: 7200,
      retry: 1800,
      expire: 86400,
      minimum: this.opts.ttl,
    }
  }
}
