// dig (bin/dig/dig.c): argument parsing (names, types, @server, -x, -t, +options) and the lookups.
// No search list unless +search; the reply is printed by format/dig-text.ts. The id and the client
// COOKIE come from the seeded RNG, WHEN from the virtual clock.

import type { QType } from '../types'
import { QTYPES } from '../types'
import { isIPv4, reverseName } from '../names'
import { Output, RESOLV_TIMEOUT_MS, type DnsToolEnv, type ToolResult } from './env'
import { bindLookup, bindServer } from './bind-lookup'
import { digGreeting, digReplyText, digShortText, type DigFlags } from '../format/dig-text'
import type { BindProfile } from './variants'

const USAGE = `Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}
            {global-d-opt} host [@local-server] {local-d-opt}
            [ host [@local-server] {local-d-opt} [...]]

Use "dig -h" (or "dig -h | more") for complete list of options
`

/** +options: name and the shortest prefix dig accepts for it. */
const PLUS: readonly [string, number][] = [
  ['short', 2],
  ['search', 3],
  ['all', 2],
  ['answer', 2],
  ['question', 2],
  ['authority', 2],
  ['additional', 3],
  ['comments', 3],
  ['cmd', 2],
  ['stats', 2],
  ['tcp', 2],
  ['vc', 2],
  ['recurse', 3],
  ['cookie', 3],
  ['edns', 2],
  ['ttlid', 2],
  ['class', 2],
  ['identify', 2],
  ['nssearch', 2],
  ['trace', 2],
]

function plusOption(word: string): { name: string; on: boolean } | undefined {
  let w = word.split('=')[0].toLowerCase()
  const on = !w.startsWith('no')
  if (!on) w = w.slice(2)
  const hit = PLUS.find(([name, min]) => w.length >= min && name.startsWith(w))
  return hit ? { name: hit[0], on } : undefined
}

interface Lookup {
  name: string
  type: QType | undefined
  flags: DigFlags
  search: boolean
}

export function dig(argv: readonly string[], env: DnsToolEnv, bind: BindProfile): ToolResult {
  const o = new Output()
  const args = argv.slice(1)
  const flags: DigFlags = { short: false, cmd: true, comments: true, question: true, answer: true, authority: true, additional: true, stats: true, tcp: false, recurse: true, cookie: bind.modern, edns: true }
  let search = false
  let serverArg: string | undefined
  let globalType: QType | undefined
  const lookups: Lookup[] = []
  const current = () => lookups[lookups.length - 1]
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a.startsWith('@')) serverArg = a.slice(1)
    else if (a.startsWith('+')) {
      const opt = plusOption(a.slice(1))
      if (!opt) {
        o.err(`Invalid option: ${a}\n${USAGE}`)
        return o.result(1)
      }
      const f = flags as unknown as Record<string, boolean>
      if (opt.name === 'all') for (const k of ['question', 'answer', 'authority', 'additional', 'comments', 'stats', 'cmd']) f[k] = opt.on
      else if (opt.name === 'search') search = opt.on
      else if (opt.name === 'vc') flags.tcp = opt.on
      else if (opt.name in f) f[opt.name] = opt.on
    } else if (a === '-x' && args[i + 1] !== undefined) {
      const addr = args[++i]
      lookups.push({ name: isIPv4(addr) ? reverseName(addr) : addr, type: 'PTR', flags, search: false })
    } else if ((a === '-t' || a === '-c' || a === '-p' || a === '-q') && args[i + 1] !== undefined) {
      const v = args[++i]
      if (a === '-q') lookups.push({ name: v, type: globalType, flags, search })
      if (a === '-t') {
        const t = QTYPES.find((q) => q.toLowerCase() === v.toLowerCase())
        if (!t) {
          o.err(`dig: invalid type: ${v}\n`)
          return o.result(1)
        }
        if (current()) current().type = t
        else globalType = t
      }
    } else if (a === '-4' || a === '-6') continue
    else if (a.startsWith('-') && a.length > 1) {
      o.err(`Invalid option: ${a}\n${USAGE}`)
      return o.result(1)
    } else {
      // A word that parses as a type is the type of the lookup being built (or of all, before any name).
      const t = QTYPES.find((q) => q === a.toUpperCase())
      if (t) {
        if (current()) current().type = t
        else globalType = t
      } else if (a.toUpperCase() === 'IN') continue
      else lookups.push({ name: a, type: globalType, flags, search })
    }
  }
  if (!lookups.length) lookups.push({ name: '.', type: 'NS', flags, search: false })

  const { server, conf } = bindServer(env, serverArg)
  const greeting = digGreeting(bind, args, flags)
  if (!server.answers) {
    if (bind.modern) o.out(`;; communications error to ${server.address}#53: timed out\n`.repeat(3) + (flags.short ? '' : greeting) + ';; no servers could be reached\n')
    else o.out((flags.short ? '' : greeting) + ';; connection timed out; no servers could be reached\n')
    return o.result(9, 3 * RESOLV_TIMEOUT_MS)
  }
  lookups.forEach((l, i) => {
    const type = l.type ?? globalType ?? 'A'
    const reply = bindLookup(l.name, type, conf, env.query, search && l.search !== false && !l.name.endsWith('.'))
    if (flags.short) {
      o.out(digShortText(reply.response))
      return
    }
    o.out(
      digReplyText(reply.response, {
        bind,
        flags,
        greeting: i === 0 ? greeting : '',
        id: env.rng.int(65536),
        cookie: env.rng.hex(16),
        server: server.userarg,
        address: server.address,
        now: env.now,
        queryTimeMs: reply.response.aa ? 0 : 1 + env.rng.int(20),
      }),
    )
  })
  return o.result(0)
}
