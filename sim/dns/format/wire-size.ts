// The size of a response on the wire, for dig's `MSG SIZE  rcvd:`. CoreDNS sends answers that fit
// uncompressed (miekg/dns Truncate turns compression off when the plain message fits the buffer), so
// every name counts in full: a textual FQDN of n characters (with its final dot) takes n + 1 bytes.

import type { DnsResponse, RR } from '../types'

/** Wire length of an absolute name given as text (`a.b.` → 5: 1 a 1 b 0); the root is one byte. */
export function nameLength(name: string): number {
  return name === '.' ? 1 : name.length + 1
}

function rdataLength(rr: RR): number {
  switch (rr.type) {
    case 'A':
      return 4
    case 'AAAA':
      return 16
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return nameLength(rr.target)
    case 'SRV':
      return 6 + nameLength(rr.target)
    case 'MX':
      return 2 + nameLength(rr.exchange)
    case 'TXT':
      return rr.text.reduce((n, t) => n + 1 + t.length, 0)
    case 'SOA':
      return nameLength(rr.mname) + nameLength(rr.rname) + 20
  }
}

/** Owner, type, class, TTL, rdlength, rdata. */
export function rrLength(rr: RR): number {
  return nameLength(rr.name) + 10 + rdataLength(rr)
}

/**
 * Header (12) + question + records + the OPT record the server echoes (11 bytes, plus 12 for an
 * 8-byte client cookie option).
 */
export function messageSize(resp: DnsResponse, opt: { edns: boolean; cookie: boolean }): number {
  let n = 12 + nameLength(resp.question.name) + 4
  for (const rr of [...resp.answer, ...resp.authority, ...resp.additional]) n += rrLength(rr)
  if (opt.edns) n += 11 + (opt.cookie ? 12 : 0)
  return n
}
