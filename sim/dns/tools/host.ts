// bind's host (bin/dig/host.c), short form: `<name> <type text> <rdata>` per record, the search
// list with ndots, A followed by AAAA and MX for the name found, `Host x not found: 3(NXDOMAIN)`.

import type { QType, RR } from '../types'
import { QTYPES, RCODE_NUMBERS } from '../types'
import { relative } from '../names'
import { rdataText } from '../format/rr-text'
import { Output, RESOLV_TIMEOUT_MS, type DnsToolEnv, type ToolResult } from './env'
import { bindLookup, bindServer, chaseCname, reverseOf } from './bind-lookup'
import type { BindProfile } from './variants'

/** rtypes[] of host.c; other types print `has <TYPE> record`. */
const TYPE_TEXT: Partial<Record<QType, string>> = {
  A: 'has address',
  NS: 'name server',
  CNAME: 'is an alias for',
  PTR: 'domain name pointer',
  MX: 'mail is handled by',
  TXT: 'descriptive text',
  AAAA: 'has IPv6 address',
}

const USAGE = `Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]
            [-R number] [-m flag] [-p port] hostname [server]
       -a is equivalent to -v -t ANY
       -A is like -a but omits RRSIG, NSEC, NSEC3
       -c specifies query class for non-IN data
       -C compares SOA records on authoritative nameservers
       -d is equivalent to -v
       -l lists all hosts in a domain, using AXFR
       -m set memory debugging flag (trace|record|usage)
       -N changes the number of dots allowed before root lookup is done
       -p specifies the port on the server to query
       -r disables recursive processing
       -R specifies number of retries for UDP packets
       -s a SERVFAIL response should stop query
       -t specifies the query type
       -T enables TCP/IP mode
       -U enables UDP mode
       -v enables verbose output
       -V print version number and exit
       -w specifies to wait forever for a reply
       -W specifies how long to wait for a reply
       -4 use IPv4 query transport only
       -6 use IPv6 query transport only
`

const lineOf = (rr: RR) => `${relative(rr.name)} ${TYPE_TEXT[rr.type] ?? `has ${rr.type} record`} ${rdataText(rr)}\n`

/** getopt over "46aAc:dilnm:p:rst:vVwCDN:R:TUW:" — the options that take a value. */
const WITH_VALUE = new Set(['c', 'm', 'p', 't', 'N', 'R', 'W'])
const FLAGS = new Set(['4', '6', 'a', 'A', 'd', 'i', 'l', 'n', 'r', 's', 'v', 'V', 'w', 'C', 'D', 'T', 'U'])

export function host(argv: readonly string[], env: DnsToolEnv, bind: BindProfile): ToolResult {
  const o = new Output()
  let type: QType | undefined
  let ndots: number | undefined
  const operands: string[] = []
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith('-') || a === '-' || operands.length) {
      operands.push(a)
      continue
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]
      if (WITH_VALUE.has(c)) {
        const value = a.slice(j + 1) || argv[++i]
        if (value === undefined) {
          o.err(`host: option requires an argument -- '${c}'\n${USAGE}`)
          return o.result(1)
        }
        if (c === 't') {
          const t = QTYPES.find((q) => q.toLowerCase() === value.toLowerCase())
          if (!t) {
            o.err(`host: invalid type: ${value}\n`)
            return o.result(2)
          }
          type = t
        }
        if (c === 'N') ndots = Number.parseInt(value, 10) || 0
        break
      }
      if (c === 'a' || c === 'A') type = 'ANY'
      else if (c === 'V') {
        o.err(`host ${bind.version}\n`)
        return o.result(0)
      } else if (!FLAGS.has(c)) {
        o.err(`host: invalid option -- '${c}'\n${USAGE}`)
        return o.result(1)
      }
    }
  }
  if (!operands.length) {
    o.err(USAGE)
    return o.result(1)
  }
  const [name, serverArg] = operands
  const { server, conf } = bindServer(env, serverArg)
  if (ndots !== undefined) conf.ndots = ndots
  if (serverArg) o.out(`Using domain server:\nName: ${server.userarg}\nAddress: ${server.address}#53\nAliases: \n\n`)
  if (!server.answers) {
    if (bind.modern) o.out(`;; communications error to ${server.address}#53: timed out\n`.repeat(2) + ';; no servers could be reached\n')
    else o.out(';; connection timed out; no servers could be reached\n')
    return o.result(1, 2 * RESOLV_TIMEOUT_MS)
  }

  const ptr = reverseOf(name)
  const defaultLookups = !ptr && type === undefined
  let error = false
  const run = (qname: string, qtype: QType, search: boolean, textname: string): boolean => {
    const reply = bindLookup(qname, qtype, conf, env.query, search)
    const r = reply.response
    if (r.rcode !== 'NOERROR') {
      const shown = r.rcode === 'NXDOMAIN' ? textname : relative(reply.name)
      o.out(`Host ${shown} not found: ${RCODE_NUMBERS[r.rcode]}(${r.rcode})\n`)
      error = true
      return false
    }
    for (const rr of r.answer) o.out(lineOf(rr))
    if (!defaultLookups && !r.answer.length) o.out(`${relative(reply.name)} has no ${qtype} record\n`)
    if (defaultLookups && qtype === 'A') {
      // Then AAAA and MX for the name the A lookup found (CNAMEs followed).
      const found = chaseCname(reply)
      run(found, 'AAAA', true, found)
      run(found, 'MX', true, found)
    }
    return true
  }
  if (ptr) run(ptr, 'PTR', false, ptr)
  else run(name, type ?? 'A', true, name)
  return o.result(error ? 1 : 0)
}
