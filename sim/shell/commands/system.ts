// env, printenv, date, hostname, uname, clear: facts about the machine and the session.

import type { Command } from '../types'
import { toCivil } from '../../core/time'

export const env: Command = {
  name: 'env',
  run(ctx) {
    const vars = new Map(ctx.env)
    let i = 1
    for (; i < ctx.argv.length; i++) {
      const a = ctx.argv[i]
      if (a === '-i' || a === '-') vars.clear()
      else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) vars.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1))
      else if (a === '-u') vars.delete(ctx.argv[++i] ?? '')
      else break
    }
    if (i < ctx.argv.length) {
      ctx.stderr(`env: ‘${ctx.argv[i]}’: No such file or directory\n`)
      return 127
    }
    ctx.stdout([...vars].map(([k, v]) => `${k}=${v}\n`).join(''))
    return 0
  },
}

export const printenv: Command = {
  name: 'printenv',
  run(ctx) {
    const names = ctx.argv.slice(1)
    if (!names.length) {
      ctx.stdout([...ctx.env].map(([k, v]) => `${k}=${v}\n`).join(''))
      return 0
    }
    let status = 0
    for (const n of names) {
      const v = ctx.env.get(n)
      if (v === undefined) status = 1
      else ctx.stdout(v + '\n')
    }
    return status
  },
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** `date`'s default format in the C.UTF-8 locale: `Mon Mar  3 09:00:00 UTC 2025`. */
export function dateText(ms: number): string {
  const c = toCivil(ms)
  return `${DAYS[c.weekday]} ${MONTHS[c.month - 1]} ${String(c.day).padStart(2)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)} UTC ${c.year}`
}

export const date: Command = {
  name: 'date',
  run(ctx) {
    const now = ctx.sim.now()
    const fmt = ctx.argv.slice(1).find((a) => a.startsWith('+'))
    if (!fmt) {
      ctx.stdout(dateText(now) + '\n')
      return 0
    }
    const c = toCivil(now)
    const map: Record<string, string> = {
      Y: String(c.year), m: pad(c.month), d: pad(c.day), H: pad(c.hour), M: pad(c.minute), S: pad(c.second),
      s: String(Math.floor(now / 1000)), F: `${c.year}-${pad(c.month)}-${pad(c.day)}`, T: `${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`,
      a: DAYS[c.weekday], b: MONTHS[c.month - 1], e: String(c.day).padStart(2), Z: 'UTC', z: '+0000', N: pad(c.ms * 1_000_000, 9), '%': '%', n: '\n', t: '\t',
    }
    ctx.stdout(fmt.slice(1).replace(/%(.)/g, (m, k: string) => map[k] ?? m) + '\n')
    return 0
  },
}

function nodeInfo(ctx: Parameters<Command['run']>[0], name: string): { kernelVersion?: string } {
  const node = ctx.sim.api.get('Node', '', name) as { status?: { nodeInfo?: { kernelVersion?: string } } } | undefined
  return node?.status?.nodeInfo ?? {}
}

export function hostCommand(hostname: string): Command {
  return {
    name: 'hostname',
    run(ctx) {
      ctx.stdout(hostname + '\n')
      return 0
    },
  }
}

export function unameCommand(hostname: string): Command {
  return {
    name: 'uname',
    run(ctx) {
      const kernel = nodeInfo(ctx, hostname).kernelVersion ?? '5.15.0-131-generic'
      const flags = ctx.argv.slice(1).join('')
      const parts: string[] = []
      if (flags.includes('a')) parts.push('Linux', hostname, kernel, '#141-Ubuntu SMP Fri Jan 10 21:18:28 UTC 2025', 'x86_64', 'x86_64', 'x86_64', 'GNU/Linux')
      else {
        if (flags === '' || flags.includes('s')) parts.push('Linux')
        if (flags.includes('n')) parts.push(hostname)
        if (flags.includes('r')) parts.push(kernel)
        if (flags.includes('m')) parts.push('x86_64')
      }
      ctx.stdout(parts.join(' ') + '\n')
      return 0
    },
  }
}

/** clear: the sequence ncurses' clear writes for xterm (home, erase screen, erase scrollback). */
export const CLEAR_SEQUENCE = '\x1b[H\x1b[2J\x1b[3J'

export const clear: Command = {
  name: 'clear',
  run(ctx) {
    ctx.stdout(CLEAR_SEQUENCE)
    return 0
  },
}
