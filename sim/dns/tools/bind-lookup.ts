// bind's dighost lookup engine as nslookup, host and `dig +search` use it: a name is tried with the
// search domains (before or after the name itself, by ndots), moving on only when a reply is
// NXDOMAIN; the reply that ends the walk is the one printed, under the last name tried.

import type { DnsResponse, QType, QueryFn } from '../types'
import { getaddrinfo, parseResolvConf, searchCandidates, type ResolvConf } from '../stub-resolver'
import { absolute, isIPv4, relative, reverseName } from '../names'
import { libcResolver, type DnsToolEnv } from './env'

export interface BindReply {
  /** The name the printed reply answered (absolute). */
  name: string
  response: DnsResponse
}

/** Runs one lookup: the candidates in order until one is not NXDOMAIN (or the last one). */
export function bindLookup(name: string, type: QType, conf: Pick<ResolvConf, 'search' | 'ndots'>, query: QueryFn, useSearch: boolean): BindReply {
  const candidates = useSearch ? searchCandidates(name, conf) : [absolute(name)]
  let reply: BindReply | undefined
  for (const cand of candidates) {
    reply = { name: cand, response: query(cand, type) }
    if (reply.response.rcode !== 'NXDOMAIN') break
  }
  return reply!
}

/** get_reverse: an address argument becomes its in-addr.arpa name, looked up as PTR without search. */
export function reverseOf(arg: string): string | undefined {
  return isIPv4(arg) ? reverseName(arg) : undefined
}

/** The name the answer's CNAME chain ends at (chase_cnamechain), for the follow-up AAAA/MX lookups. */
export function chaseCname(reply: BindReply): string {
  let name = reply.name.toLowerCase()
  for (let i = 0; i < reply.response.answer.length; i++) {
    const c = reply.response.answer.find((r) => r.type === 'CNAME' && r.name.toLowerCase() === name)
    if (!c || c.type !== 'CNAME') break
    name = c.target.toLowerCase()
  }
  return relative(name === reply.name.toLowerCase() ? reply.name : name)
}

export interface BindServer {
  /** As the user or resolv.conf gave it (printed in `Server:` and in dig's SERVER parentheses). */
  userarg: string
  address: string
  answers: boolean
}

/** The server a bind tool talks to: an explicit one, else resolv.conf's first nameserver. */
export function bindServer(env: DnsToolEnv, explicit: string | undefined): { server: BindServer; conf: ResolvConf } {
  const conf = parseResolvConf(env.resolvConf)
  const userarg = explicit ?? conf.nameservers[0] ?? '127.0.0.1'
  // A server given by name is looked up with libc first (getaddrinfo in get_address).
  const address = isIPv4(userarg) ? userarg : (getaddrinfo(libcResolver(env), userarg).addresses.find(isIPv4) ?? userarg)
  return { server: { userarg, address, answers: env.answers(address) }, conf }
}
