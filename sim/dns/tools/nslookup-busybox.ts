// busybox nslookup, both generations (networking/nslookup.c).
// ≤1.28 (tag 1_28_4): libc getaddrinfo — /etc/hosts, then DNS with the search list and ndots — and a
// reverse lookup of every address, printed `Address 1: 10.244.1.5 web-0.nginx.default.svc.cluster.local`.
// ≥1.29: its own UDP queries (A then AAAA, or -type=), search domains from 1.30 for dotless names
// only, one block per reply in arrival order.

import type { DnsResponse, QType, RR } from '../types'
import { QTYPES } from '../types'
import { getaddrinfo, getnameinfo, parseResolvConf } from '../stub-resolver'
import { isIPv4, isIPv6, relative } from '../names'
import { libcResolver, Output, RESOLV_ATTEMPTS, RESOLV_TIMEOUT_MS, type DnsToolEnv, type ToolResult } from './env'

/** The build line of the docker-library busybox:1.28 image (its usage text starts with it). */
const BUSYBOX_128_BANNER = 'BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.'

const OLD_USAGE = `${BUSYBOX_128_BANNER}

Usage: nslookup [HOST] [SERVER]

Query the nameserver for the IP address of the given HOST
optionally using a specified DNS server
`

/** nslookup ≤1.28: `printf("%-10s %s\n", header, host)`, then `Address N: ip[ revhost]`. */
export function busyboxOldNslookup(argv: readonly string[], env: DnsToolEnv): ToolResult {
  const o = new Output()
  const args = argv.slice(1)
  if (!args[0] || args[0].startsWith('-') || args.length > 2) {
    o.err(OLD_USAGE)
    return o.result(1)
  }
  const [host, serverArg] = args
  const r = libcResolver(env, serverArg)
  const server = serverArg ?? (r.conf.nameservers[0] || '127.0.0.1')
  // A server that never answers costs the resolver's timeouts: the server's reverse lookup, then the name.
  const delay = r.reachable ? 0 : 2 * RESOLV_ATTEMPTS * RESOLV_TIMEOUT_MS

  const printHost = (name: string, header: string): boolean => {
    const { addresses } = getaddrinfo(r, name)
    if (!addresses.length) {
      o.err(`nslookup: can't resolve '${name}'\n`)
      return false
    }
    o.out(`${header.padEnd(10)} ${name}\n`)
    addresses.forEach((ip, i) => {
      const rev = getnameinfo(r, ip)
      o.out(`Address ${i + 1}: ${ip}${rev ? ' ' + rev : ''}\n`)
    })
    return true
  }

  printHost(server, 'Server:')
  o.out('\n')
  return o.result(printHost(host, 'Name:') ? 0 : 1, delay)
}

const NEW_OPTIONS = ['type', 'querytype', 'port', 'retry', 'debug', 't', 'timeout']

function newUsage(version: string): string {
  return `BusyBox v${version} multi-call binary.

Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]

Query DNS about HOST

QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any
`
}

/** Qtypes in busybox's table order (queries for several -type= options go out in this order). */
const BB_ORDER: readonly QType[] = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'PTR', 'ANY']

/** `5.1.244.10.in-addr.arpa` for an address argument (make_ptr); no trailing dot, as it is sent. */
function makePtr(arg: string): string | undefined {
  return isIPv4(arg) ? arg.split('.').reverse().join('.') + '.in-addr.arpa' : undefined
}

/** parse_reply: one line (or block) per answer record; names without the trailing dot. */
function replyText(resp: DnsResponse): string {
  let out = resp.aa ? '' : 'Non-authoritative answer:\n'
  for (const rr of resp.answer) out += recordText(rr)
  return out
}

function recordText(rr: RR): string {
  const name = relative(rr.name)
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${name}\nAddress: ${rr.address}\n`
    case 'NS':
      return `${name}\tnameserver = ${relative(rr.target)}\n`
    case 'CNAME':
      return `${name}\tcanonical name = ${relative(rr.target)}\n`
    case 'PTR':
      return `${name}\tname = ${relative(rr.target)}\n`
    case 'MX':
      return `${name}\tmail exchanger = ${rr.preference} ${relative(rr.exchange)}\n`
    case 'TXT':
      return rr.text[0] ? `${name}\ttext = "${rr.text[0]}"\n` : ''
    case 'SRV':
      return `${name}\tservice = ${rr.priority} ${rr.weight} ${rr.port} ${relative(rr.target)}\n`
    case 'SOA':
      return `${name}\n\torigin = ${relative(rr.mname)}\n\tmail addr = ${relative(rr.rname)}\n\tserial = ${rr.serial}\n\trefresh = ${rr.refresh}\n\tretry = ${rr.retry}\n\texpire = ${rr.expire}\n\tminimum = ${rr.minimum}\n`
  }
}

/** nslookup ≥1.29: `Server:\t\t…`, `Address:\t…:53`, then every reply followed by an empty line. */
export function busyboxNewNslookup(argv: readonly string[], env: DnsToolEnv, variant: { version: string; search: 'none' | 'dotless' }): ToolResult {
  const o = new Output()
  const types = new Set<QType>()
  let i = 1
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    const [opt, val = ''] = argv[i].slice(1).split(/=(.*)/s)
    if (!NEW_OPTIONS.includes(opt)) {
      o.err(newUsage(variant.version))
      return o.result(1)
    }
    if (opt === 'type' || opt === 'querytype') {
      const t = QTYPES.find((q) => q.toLowerCase() === val.toLowerCase())
      if (!t) {
        o.err(`nslookup: invalid query type "${val}"\n`)
        return o.result(1)
      }
      types.add(t)
    }
  }
  const rest = argv.slice(i)
  if (rest.length < 1 || rest.length > 2) {
    o.err(newUsage(variant.version))
    return o.result(1)
  }
  const [host, serverArg] = rest
  const conf = parseResolvConf(env.resolvConf)
  const servers = serverArg ? [serverArg] : conf.nameservers.length ? conf.nameservers : ['127.0.0.1']
  const search = variant.search === 'dotless' && !serverArg ? conf.search : []

  const queries: { name: string; type: QType }[] = []
  const withSearch = (type: QType, name: string) => {
    if (type === 'PTR' || !search.length || name.includes('.')) queries.push({ name, type })
    else for (const d of search) queries.push({ name: `${name}.${d}`, type })
  }
  const ptr = makePtr(host)
  if (types.size === 0) {
    if (ptr) queries.push({ name: ptr, type: 'PTR' })
    else {
      withSearch('A', host)
      withSearch('AAAA', host)
    }
  } else {
    for (const t of BB_ORDER) if (types.has(t)) withSearch(t, host)
  }

  // The first server that answers gets all the queries; each one that does not costs the timeout.
  const server = servers.find((s) => env.answers(s))
  const delay = servers.indexOf(server ?? '') === -1 ? servers.length * RESOLV_TIMEOUT_MS : servers.indexOf(server!) * RESOLV_TIMEOUT_MS
  if (!server) {
    o.out(';; connection timed out; no servers could be reached\n\n')
    return o.result(1, delay)
  }
  let exitCode = 0
  o.out(`Server:\t\t${server}\nAddress:\t${isIPv6(server) ? `[${server}]` : server}:53\n\n`)
  for (const q of queries) {
    const resp = env.query(q.name, q.type)
    if (resp.rcode !== 'NOERROR') {
      o.out(`** server can't find ${q.name}: ${resp.rcode}\n`)
      exitCode = 1
    } else {
      o.out(replyText(resp))
    }
    o.out('\n')
  }
  return o.result(exitCode, delay)
}
