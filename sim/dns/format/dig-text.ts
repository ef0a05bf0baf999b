// dig's output for one reply (bin/dig/dig.c printmessage/received, lib/dns/message.c section and
// pseudosection text): greeting, header and flags, the OPT pseudosection, the sections laid out by
// rr-text.ts, then the statistics block. 9.18 and the 9.9/9.10 of old dnsutils images differ in the
// .local warning, COOKIE, the EDNS buffer size and the transport after SERVER.

import { toCivil } from '../../core/time'
import type { DnsResponse, RR } from '../types'
import { isSubdomain } from '../names'
import type { BindProfile } from '../tools/variants'
import { digQuestionLine, digRRLine, rdataText } from './rr-text'
import { messageSize } from './wire-size'

export interface DigFlags {
  short: boolean
  cmd: boolean
  comments: boolean
  question: boolean
  answer: boolean
  authority: boolean
  additional: boolean
  stats: boolean
  tcp: boolean
  recurse: boolean
  cookie: boolean
  edns: boolean
}

export const DEFAULT_DIG_FLAGS: DigFlags = {
  short: false,
  cmd: true,
  comments: true,
  question: true,
  answer: true,
  authority: true,
  additional: true,
  stats: true,
  tcp: false,
  recurse: true,
  cookie: true,
  edns: true,
}

export interface DigReplyContext {
  bind: BindProfile
  flags: DigFlags
  /** The greeting (printed before the first reply only); '' for later ones. */
  greeting: string
  id: number
  /** The client cookie, 16 hex digits. */
  cookie: string
  /** The server as given (`10.96.0.10`, or a name) and its address. */
  server: string
  address: string
  now: number
  queryTimeMs: number
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number) => String(n).padStart(2, '0')

/** strftime("%a %b %d %H:%M:%S %Z %Y") in a UTC container: `Tue Jul 16 10:27:02 UTC 2024`. */
export function digWhen(ms: number): string {
  const c = toCivil(ms)
  return `${DAYS[c.weekday]} ${MONTHS[c.month - 1]} ${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)} UTC ${c.year}`
}

/** printgreeting: `\n; <<>> DiG 9.18.33 <<>> args` and `;; global options: +cmd`. */
export function digGreeting(bind: BindProfile, args: readonly string[], flags: Pick<DigFlags, 'cmd' | 'short'>): string {
  if (!flags.cmd || flags.short) return ''
  return `\n; <<>> DiG ${bind.version} <<>>${args.map((a) => ' ' + a).join('')}\n;; global options:${flags.short ? ' +short' : ''} +cmd\n`
}

function section(title: string, rrs: readonly RR[], comments: boolean): string {
  if (!rrs.length) return ''
  return (comments ? `;; ${title} SECTION:\n` : '') + rrs.map((r) => digRRLine(r) + '\n').join('') + (comments ? '\n' : '')
}

export function digReplyText(resp: DnsResponse, ctx: DigReplyContext): string {
  const { flags, bind } = ctx
  const cookie = bind.modern && flags.cookie && flags.edns
  let out = ctx.greeting
  if (flags.comments) {
    out += ';; Got answer:\n'
    if (bind.modern && isSubdomain(resp.question.name, 'local.')) {
      out += ';; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n'
    }
    out += `;; ->>HEADER<<- opcode: QUERY, status: ${resp.rcode}, id: ${ctx.id}\n`
    const f = ['qr', resp.aa && 'aa', flags.recurse && 'rd', resp.ra && 'ra'].filter(Boolean).join(' ')
    const additional = resp.additional.length + (flags.edns ? 1 : 0)
    out += `;; flags: ${f}; QUERY: 1, ANSWER: ${resp.answer.length}, AUTHORITY: ${resp.authority.length}, ADDITIONAL: ${additional}\n`
    if (flags.recurse && !resp.ra) out += ';; WARNING: recursion requested but not available\n'
    out += '\n'
    if (flags.edns) {
      out += `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${bind.modern ? 1232 : 4096}\n`
      if (cookie) out += `; COOKIE: ${ctx.cookie} (echoed)\n`
    }
  }
  if (flags.question) out += (flags.comments ? ';; QUESTION SECTION:\n' : '') + digQuestionLine(resp.question.name, resp.question.type) + '\n' + (flags.comments ? '\n' : '')
  if (flags.answer) out += section('ANSWER', resp.answer, flags.comments)
  if (flags.authority) out += section('AUTHORITY', resp.authority, flags.comments)
  if (flags.additional) out += section('ADDITIONAL', resp.additional, flags.comments)
  if (flags.stats) {
    const size = messageSize(resp, { edns: flags.edns, cookie })
    const proto = bind.modern ? ` (${flags.tcp ? 'TCP' : 'UDP'})` : ''
    out += `;; Query time: ${ctx.queryTimeMs} msec\n;; SERVER: ${ctx.address}#53(${ctx.server})${proto}\n;; WHEN: ${digWhen(ctx.now)}\n;; MSG SIZE  rcvd: ${size}\n\n`
  }
  return out
}

/** +short: the rdata of each answer record, one per line. */
export function digShortText(resp: DnsResponse): string {
  return resp.answer.map((r) => rdataText(r) + '\n').join('')
}
