// watch (procps-ng): runs a command every N seconds and shows its output under a header,
// `Every 2.0s: kubectl get pods` on the left and `k8s-master: Mon Mar  3 09:00:00 2025` on the
// right edge. On a terminal it repeats until Ctrl-C; without one (pipes, the headless runner) it
// shows one screen and stops.

import { toCivil } from '../../core/time'
import type { Builtin, BuiltinContext } from './types'
import { usageError } from '../commands/getopt'

/** watch redraws the screen (curses); it does not erase the scrollback as `clear` does. */
const HOME_AND_CLEAR = '\x1b[H\x1b[2J'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/** ctime(3) without the newline: `Mon Mar  3 09:00:00 2025`. */
export function ctime(ms: number): string {
  const c = toCivil(ms)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${DAYS[c.weekday]} ${MONTHS[c.month - 1]} ${String(c.day).padStart(2)} ${p(c.hour)}:${p(c.minute)}:${p(c.second)} ${c.year}`
}

/** The header line, right part flush with the terminal's right edge (watch.c output_header). */
export function watchHeader(intervalS: number, command: string, host: string, now: number, width: number): string {
  const left = `Every ${intervalS.toFixed(1)}s: ${command}`
  const right = `${host}: ${ctime(now)}`
  if (left.length + 1 + right.length > width) return (left.slice(0, Math.max(0, width - right.length - 1)) + ' ' + right).slice(0, Math.max(width, right.length))
  return left + ' '.repeat(width - left.length - right.length) + right
}

function parse(ctx: BuiltinContext): { interval: number; title: boolean; command: string[] } | number {
  const argv = ctx.argv
  let interval = 2
  let title = true
  let i = 1
  for (; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      i++
      break
    }
    if (!a.startsWith('-') || a === '-') break
    if (a === '-n' || a === '--interval') {
      const v = argv[++i]
      if (v === undefined || !/^\d*\.?\d+$/.test(v)) return usageError(ctx, 'watch', `failed to parse argument: '${v ?? ''}'`, 1)
      interval = Math.max(0.1, Number(v))
    } else if (/^-n\d/.test(a)) interval = Math.max(0.1, Number(a.slice(2)))
    else if (a.startsWith('--interval=')) interval = Math.max(0.1, Number(a.slice(11)))
    else if (a === '-t' || a === '--no-title') title = false
    else if (a === '-d' || a === '-x' || a === '-c' || a === '-e' || a === '-g' || a === '-p' || a === '-w' || a.startsWith('--')) continue
    else return usageError(ctx, 'watch', `invalid option -- '${a[1]}'`, 1)
  }
  return { interval, title, command: argv.slice(i) }
}

export const watch: Builtin = {
  name: 'watch',
  path: '/usr/bin/watch',
  async run(ctx) {
    const p = parse(ctx)
    if (typeof p === 'number') return p
    if (!p.command.length) {
      ctx.stderr('\nUsage:\n watch [options] command\n')
      return 1
    }
    const command = p.command.join(' ')
    const host = ctx.shell.env.hostname
    for (;;) {
      let screen = ''
      const now = ctx.time.now()
      await ctx.runText(command, { subshell: true, argv0: 'sh', stdout: (t) => (screen += t), stderr: (t) => (screen += t) })
      const header = p.title ? watchHeader(p.interval, command, host, now, ctx.columns) + '\n\n' : ''
      ctx.stdout((ctx.tty ? HOME_AND_CLEAR : '') + header + screen)
      if (!ctx.tty) return 0
      const slept = await ctx.time.sleep(p.interval * 1000, ctx.cancel)
      if (!slept || ctx.cancel.cancelled) return 130
    }
  },
}
