// bind's nslookup (bin/dig/nslookup.c) in non-interactive mode: the search list with ndots, the
// Server/Address header, `Name:\t…` / `Address: …` for addresses and `<name>\t<type text><rdata>`
// for everything else, an empty line at the end. 9.11+ follows an A lookup with AAAA for the name
// found and prints the header for A lookups only; 9.9/9.10 print it for every reply.

import type { DnsResponse, QType, RR } from '../types'
import { QTYPES } from '../types'
import { relative } from '../names'
import { rdataText } from '../format/rr-text'
import { Output, RESOLV_TIMEOUT_MS, type DnsToolEnv, type ToolResult } from './env'
import { bindLookup, bindServer, chaseCname, reverseOf, type BindReply } from './bind-lookup'
import type { BindProfile } from './variants'

/** rtypetext[]: what precedes the rdata of each type. */
const RTYPE_TEXT: Partial<Record<QType, string>> = {
  NS: 'nameserver = ',
  CNAME: 'canonical name = ',
  SOA: 'soa = ',
  PTR: 'name = ',
  MX: 'mail exchanger = ',
  TXT: 'text = ',
  AAAA: 'has AAAA address ',
  SRV: 'service = ',
}

const USAGE = `Usage:
   nslookup [-opt ...]             # interactive mode using default server
   nslookup [-opt ...] - server    # interactive mode using 'server'
   nslookup [-opt ...] host        # just look up 'host' using default server
   nslookup [-opt ...] host server # just look up 'host' using 'server'
`

function sectionText(rrs: readonly RR[], answer: boolean): string {
  let out = ''
  for (const rr of rrs) {
    const name = relative(rr.name)
    if ((rr.type === 'A' || rr.type === 'AAAA') && answer) out += `Name:\t${name}\nAddress: ${rr.address}\n`
    else if (rr.type === 'SOA')
      out += `${name}\n\torigin = ${relative(rr.mname)}\n\tmail addr = ${relative(rr.rname)}\n\tserial = ${rr.serial}\n\trefresh = ${rr.refresh}\n\tretry = ${rr.retry}\n\texpire = ${rr.expire}\n\tminimum = ${rr.minimum}\n`
    else out += `${name}\t${rr.type === 'A' ? 'internet address = ' : (RTYPE_TEXT[rr.type] ?? '')}${rdataText(rr)}\n`
  }
  return out
}

interface Options {
  type: QType
  defaultLookups: boolean
  search: boolean
  ndots?: number
}

/** setoption: the subset of `-opt` that changes what is asked. */
function setOption(opt: string, o: Options, out: Output): void {
  const m = /^(type|ty|querytype|query|qu|q)=(.*)$/i.exec(opt)
  if (m) {
    const t = QTYPES.find((q) => q.toLowerCase() === m[2].toLowerCase())
    if (!t) return out.out(`unknown query type: ${m[2]}\n`)
    o.type = t
    o.defaultLookups = false
    return
  }
  const nd = /^ndots=(\d+)$/i.exec(opt)
  if (nd) o.ndots = Number(nd[1])
  else if (/^(search|defname)$/i.test(opt) || /^sea/i.test(opt)) o.search = true
  else if (/^(nosearch|nodefname)$/i.test(opt) || /^nosea/i.test(opt)) o.search = false
  else if (!/^(class|cl|domain|do|port|po|timeout|t|retry|ret)=|^(no)?(recurse|rec|vc|debug|deb|d2|fail|sil)/i.test(opt)) out.out(`*** Invalid option: ${opt}\n`)
}

export function bindNslookup(argv: readonly string[], env: DnsToolEnv, bind: BindProfile): ToolResult {
  const o = new Output()
  const opts: Options = { type: 'A', defaultLookups: true, search: true }
  let host: string | undefined
  let serverArg: string | undefined
  const args = argv.slice(1)
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a.startsWith('-') && a.length > 1) setOption(a.slice(1), opts, o)
    else if (host === undefined) host = a
    else {
      if (args[i + 1] !== undefined) {
        o.err(USAGE)
        return o.result(1)
      }
      serverArg = a
    }
  }
  // Interactive mode reads commands from stdin; without a terminal it ends at once.
  if (host === undefined || host === '-') return o.result(0)

  const { server, conf } = bindServer(env, serverArg)
  if (opts.ndots !== undefined) conf.ndots = opts.ndots
  if (!server.answers) return timedOut(o, server.address, bind)

  const ptr = reverseOf(host)
  const first = ptr ? { name: ptr, type: 'PTR' as QType, search: false } : { name: host, type: opts.type, search: opts.search }
  const header = `Server:\t\t${server.userarg}\nAddress:\t${server.address}#53\n\n`
  let printError = false
  let aNoAnswer = false

  const print = (reply: BindReply, type: QType, textname: string) => {
    const r: DnsResponse = reply.response
    if (!bind.modern || !opts.defaultLookups || type === 'A') o.out(header)
    if (r.rcode !== 'NOERROR') {
      o.out(`** server can't find ${relative(reply.name)}: ${r.rcode}\n`)
      printError = true
      return false
    }
    if (!r.aa && (!bind.modern || !opts.defaultLookups || type === 'A')) o.out('Non-authoritative answer:\n')
    if (r.answer.length) o.out(sectionText(r.answer, true))
    else if (!bind.modern) o.out(`*** Can't find ${textname}: No answer\n`)
    else if (opts.defaultLookups && type === 'A') aNoAnswer = true
    else if (!opts.defaultLookups || (type === 'AAAA' && aNoAnswer)) o.out(`*** Can't find ${textname}: No answer\n`)
    // Authority and additional records, for non-address lookups answered by a non-authoritative server.
    const addressType = type === 'A' || (bind.modern && type === 'AAAA')
    if (!r.aa && !addressType) o.out('\nAuthoritative answers can be found from:\n' + sectionText(r.authority, false) + sectionText(r.additional, false))
    return true
  }

  const reply = bindLookup(first.name, first.type, conf, env.query, first.search)
  const ok = print(reply, first.type, first.name)
  // 9.11+: after a successful default A lookup, AAAA for the name it found (CNAMEs followed).
  if (ok && bind.modern && opts.defaultLookups && first.type === 'A') {
    const name = chaseCname(reply)
    print(bindLookup(name, 'AAAA', conf, env.query, opts.search), 'AAAA', name)
  }
  o.out('\n')
  return o.result(printError ? 1 : 0)
}

/** No reply at all: bind 9.18 reports each of its 3 tries; older versions one line. */
function timedOut(o: Output, address: string, bind: BindProfile): ToolResult {
  if (bind.modern) {
    o.out(`;; communications error to ${address}#53: timed out\n`.repeat(3) + ';; no servers could be reached\n\n')
    return o.result(1, 3 * RESOLV_TIMEOUT_MS)
  }
  o.out(';; connection timed out; no servers could be reached\n\n')
  return o.result(1, 3 * RESOLV_TIMEOUT_MS)
}
