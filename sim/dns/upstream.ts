// What CoreDNS's `forward . /etc/resolv.conf` reaches: the node's resolver. The simulated cluster has
// no internet, so by default every name there is unknown (NXDOMAIN, with the root zone's SOA as a
// recursive resolver returns it). A lab can give it records (`kubernetes.io` → an address) so that
// external names resolve from pods.

import { toCivil } from '../core/time'
import type { DnsResponse, QType, RR } from './types'
import { absolute, lower, relative } from './names'

/** Records the upstream resolver knows, by name (`kubernetes.io`): addresses or an alias. */
export type UpstreamRecords = Readonly<Record<string, { A?: readonly string[]; AAAA?: readonly string[]; CNAME?: string }>>

/** `cache 30` in the kubeadm Corefile caps the TTL of forwarded answers at 30 seconds. */
const CACHE_CAP = 30

const pad = (n: number) => String(n).padStart(2, '0')

/** The root zone's SOA as of the virtual date (its serial is YYYYMMDDnn). */
function rootSoa(now: number): RR {
  const c = toCivil(now)
  return {
    name: '.',
    ttl: CACHE_CAP,
    type: 'SOA',
    mname: 'a.root-servers.net.',
    rname: 'nstld.verisign-grs.com.',
    serial: Number(`${c.year}${pad(c.month)}${pad(c.day)}00`),
    refresh: 1800,
    retry: 900,
    expire: 604800,
    minimum: 86400,
  }
}

function find(records: UpstreamRecords, name: string) {
  const want = lower(relative(absolute(name)))
  for (const [k, v] of Object.entries(records)) if (lower(relative(absolute(k))) === want) return v
  return undefined
}

/** A recursive resolver's answer: never authoritative, recursion available. */
export function forwardQuery(qname: string, qtype: QType, records: UpstreamRecords, now: number): DnsResponse {
  const question = { name: absolute(qname), type: qtype }
  const base = { question, aa: false, ra: true, additional: [] as RR[] }
  const answer: RR[] = []
  let name = absolute(qname)
  // Follow aliases the way a recursive resolver does: the CNAME chain, then the addresses.
  for (let hops = 0; hops < 8; hops++) {
    const entry = find(records, name)
    if (!entry) break
    if (entry.CNAME && qtype !== 'CNAME') {
      answer.push({ name, ttl: CACHE_CAP, type: 'CNAME', target: absolute(entry.CNAME) })
      name = absolute(entry.CNAME)
      continue
    }
    if (qtype === 'CNAME' && entry.CNAME) answer.push({ name, ttl: CACHE_CAP, type: 'CNAME', target: absolute(entry.CNAME) })
    if (qtype === 'A' || qtype === 'ANY') for (const a of entry.A ?? []) answer.push({ name, ttl: CACHE_CAP, type: 'A', address: a })
    if (qtype === 'AAAA' || qtype === 'ANY') for (const a of entry.AAAA ?? []) answer.push({ name, ttl: CACHE_CAP, type: 'AAAA', address: a })
    return { ...base, rcode: 'NOERROR', answer, authority: [] }
  }
  // The name (or the end of its alias chain) does not exist: NXDOMAIN, aliases kept (RFC 6604).
  return { ...base, rcode: 'NXDOMAIN', answer, authority: [rootSoa(now)] }
}
