// The client side of name resolution inside a container: /etc/resolv.conf (nameservers, search list,
// ndots), /etc/hosts, the search-list walk of libc's res_search (and bind's dighost, which does the
// same), and getaddrinfo/getnameinfo as busybox 1.28's libc answers them.

import type { DnsResponse, QType, QueryFn, Rcode } from './types'
import { absolute, dotCount, isIPv4, isIPv6, lower, relative, reverseName } from './names'

export interface ResolvConf {
  nameservers: string[]
  search: string[]
  /** options ndots:n (default 1, at most 15, as glibc clamps it). */
  ndots: number
  options: string[]
}

/** glibc's res_init: the last `search`/`domain` line wins; `options ndots:n`. */
export function parseResolvConf(text: string): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1, options: [] }
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim()
    if (!line) continue
    const [key, ...args] = line.split(/\s+/)
    if (key === 'nameserver' && args[0]) conf.nameservers.push(args[0])
    else if (key === 'search') conf.search = args.filter((d) => d !== '.')
    else if (key === 'domain' && args[0]) conf.search = args[0] === '.' ? [] : [args[0]]
    else if (key === 'options') {
      for (const o of args) {
        conf.options.push(o)
        const m = /^ndots:(\d+)$/.exec(o)
        if (m) conf.ndots = Math.min(15, Number(m[1]))
      }
    }
  }
  return conf
}

export interface HostsEntry {
  ip: string
  names: string[]
}

export function parseHosts(text: string): HostsEntry[] {
  const out: HostsEntry[] = []
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim()
    if (!line) continue
    const [ip, ...names] = line.split(/\s+/)
    if (names.length) out.push({ ip, names })
  }
  return out
}

/**
 * The names res_search tries, in order: an absolute name only as is; a name with at least ndots
 * dots as is first, then with each search domain; a shorter one with each search domain first and
 * as is last.
 */
export function searchCandidates(name: string, conf: Pick<ResolvConf, 'search' | 'ndots'>): string[] {
  if (name.endsWith('.')) return [name]
  const withDomains = conf.search.map((d) => absolute(`${name}.${d}`))
  return dotCount(name) >= conf.ndots ? [absolute(name), ...withDomains] : [...withDomains, absolute(name)]
}

export type SearchResult =
  | { ok: true; name: string; response: DnsResponse; tried: string[] }
  | { ok: false; error: Rcode | 'NODATA'; tried: string[]; last: DnsResponse | undefined }

/**
 * res_search: walks the candidates while the answer is NXDOMAIN or empty (glibc keeps searching on
 * NODATA and SERVFAIL too) and stops at the first one with records of the type.
 */
export function resolveWithSearch(name: string, conf: Pick<ResolvConf, 'search' | 'ndots'>, query: QueryFn, type: QType = 'A'): SearchResult {
  const tried: string[] = []
  let last: DnsResponse | undefined
  let nodata = false
  let servfail = false
  for (const cand of searchCandidates(name, conf)) {
    tried.push(cand)
    last = query(cand, type)
    if (last.rcode === 'NOERROR' && last.answer.some((r) => r.type === type || type === 'ANY')) return { ok: true, name: cand, response: last, tried }
    if (last.rcode === 'NOERROR') nodata = true
    else if (last.rcode === 'SERVFAIL') servfail = true
    else if (last.rcode !== 'NXDOMAIN') break
  }
  return { ok: false, error: nodata ? 'NODATA' : servfail ? 'SERVFAIL' : (last?.rcode ?? 'NXDOMAIN'), tried, last }
}

export interface LibcResolver {
  hosts: readonly HostsEntry[]
  conf: ResolvConf
  query: QueryFn
}

function hostsLookup(hosts: readonly HostsEntry[], name: string, family: 4 | 6): HostsEntry[] {
  const n = lower(relative(name))
  return hosts.filter((h) => (family === 4 ? isIPv4(h.ip) : isIPv6(h.ip)) && h.names.some((x) => lower(x) === n))
}

function dnsAddresses(r: LibcResolver, name: string, type: 'A' | 'AAAA'): { addresses: string[]; canonical?: string } {
  const res = resolveWithSearch(name, r.conf, r.query, type)
  if (!res.ok) return { addresses: [] }
  const addresses = res.response.answer.flatMap((a) => (a.type === type ? [a.address] : []))
  return { addresses, canonical: relative(res.name) }
}

/**
 * getaddrinfo(name, AF_UNSPEC) as uClibc does it for busybox 1.28: IPv6 first, then IPv4; for each,
 * /etc/hosts before DNS. Returns the addresses in that order and the canonical name (the hosts
 * file's first name, or the name DNS answered for).
 */
export function getaddrinfo(r: LibcResolver, name: string): { addresses: string[]; canonical?: string } {
  if (isIPv4(name) || isIPv6(name)) return { addresses: [name], canonical: name }
  const addresses: string[] = []
  let canonical: string | undefined
  for (const family of [6, 4] as const) {
    const inHosts = hostsLookup(r.hosts, name, family)
    if (inHosts.length) {
      addresses.push(...inHosts.map((h) => h.ip))
      canonical ??= inHosts[0].names[0]
      continue
    }
    const d = dnsAddresses(r, name, family === 4 ? 'A' : 'AAAA')
    addresses.push(...d.addresses)
    if (d.addresses.length) canonical ??= d.canonical
  }
  return { addresses, canonical }
}

/** getnameinfo(NI_NAMEREQD): the first hosts-file name for the address, else its first PTR. */
export function getnameinfo(r: LibcResolver, ip: string): string | undefined {
  const h = r.hosts.find((e) => e.ip === ip)
  if (h) return h.names[0]
  if (!isIPv4(ip)) return undefined
  const resp = r.query(reverseName(ip), 'PTR')
  const ptr = resp.rcode === 'NOERROR' ? resp.answer.find((a) => a.type === 'PTR') : undefined
  return ptr && ptr.type === 'PTR' ? relative(ptr.target) : undefined
}
