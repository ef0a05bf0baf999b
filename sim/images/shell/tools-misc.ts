// Small tools every image has in some form: echo, printf, true/false, test, sleep, hostname, env,
// printenv, pwd, date, uname, whoami. Busybox and GNU word their errors differently.

import { dateDefault, strftime } from '../time-format'
import { evalTest, printf, unescape } from './test-expr'
import { done, type Program, type Proc } from './types'

const bb = (p: Proc) => p.image.flavor === 'busybox'

const echo: Program = (argv) => {
  let args = argv.slice(1)
  let newline = true
  let escapes = false
  while (args.length && /^-[neE]+$/.test(args[0])) {
    for (const f of args[0].slice(1)) {
      if (f === 'n') newline = false
      if (f === 'e') escapes = true
      if (f === 'E') escapes = false
    }
    args = args.slice(1)
  }
  let text = args.join(' ')
  if (escapes) {
    const u = unescape(text)
    text = u.text
    if (u.stop) newline = false
  }
  return done(0, text + (newline ? '\n' : ''))
}

const test: Program = (argv, p) => {
  const r = evalTest(argv, p)
  if (!r.error) return done(r.status)
  const msg = !bb(p) && r.error === 'missing ]' ? "missing ']'" : r.error
  return done(r.status, '', `${argv[0]}: ${msg}\n`)
}

/** Seconds in a sleep operand (`10`, `1.5`, `2m`); undefined when invalid; Infinity for `infinity`. */
function duration(arg: string, p: Proc): number | undefined {
  if (/^inf(inity)?$/i.test(arg)) return p.image.sleepInfinity === false ? undefined : Infinity
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg)
  if (!m) return undefined
  return Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]]
}

/** sleep as PID 1 ignores SIGTERM (no handler, and PID 1 gets no default actions): the default. */
const sleep: Program = (argv, p) => {
  const args = argv.slice(1)
  if (!args.length) return done(1, '', bb(p) ? 'BusyBox sleep: missing operand\n' : "sleep: missing operand\nTry 'sleep --help' for more information.\n")
  let total = 0
  for (const a of args) {
    const s = duration(a, p)
    if (s === undefined) {
      return done(1, '', bb(p) ? `sleep: invalid number '${a}'\n` : `sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`)
    }
    total += s
  }
  if (total === Infinity) return { ...done(0), status: 'running', serve: { listens: [] } }
  return done(0, '', '', Math.round(total * 1000))
}

const hostname: Program = (argv, p) => {
  const e = p.env
  const flag = argv[1]
  if (flag === '-f' || flag === '--fqdn' || flag === '--long') return done(0, e.fqdn + '\n')
  if (flag === '-s' || flag === '--short') return done(0, e.hostname.split('.')[0] + '\n')
  if (flag === '-d' || flag === '--domain') return done(0, e.fqdn.includes('.') ? e.fqdn.slice(e.fqdn.indexOf('.') + 1) + '\n' : '\n')
  // GNU hostname -i prints each address followed by a space.
  if (flag === '-i' || flag === '--ip-address') return done(0, bb(p) ? e.podIP + '\n' : e.podIP + ' \n')
  return done(0, e.hostname + '\n')
}

const env: Program = (argv, p) => {
  if (argv.length > 1) return done(0)
  return done(0, Object.entries(p.vars).map(([k, v]) => `${k}=${v}\n`).join(''))
}

const printenv: Program = (argv, p) => {
  if (argv.length === 1) return env(argv, p)
  const values = argv.slice(1).map((n) => p.vars[n])
  const out = values.filter((v) => v !== undefined).map((v) => v + '\n').join('')
  return done(values.every((v) => v !== undefined) ? 0 : 1, out)
}

const date: Program = (argv, p) => {
  const fmt = argv.slice(1).find((a) => a.startsWith('+'))
  return done(0, (fmt ? strftime(fmt.slice(1), p.env.now()) : dateDefault(p.env.now())) + '\n')
}

/** uname: the node's kernel, as containers share it. */
const uname: Program = (argv, p) => {
  const flagsText = argv.slice(1).join('')
  const k = p.image.kernel
  const fields = {
    s: 'Linux',
    n: p.env.hostname,
    r: k,
    v: '#141-Ubuntu SMP Fri Jan 10 21:18:28 UTC 2025',
    m: 'x86_64',
    o: 'GNU/Linux',
  }
  if (flagsText.includes('a')) return done(0, `${Object.values(fields).join(' ')}\n`)
  const picked = (Object.keys(fields) as (keyof typeof fields)[]).filter((f) => flagsText.includes(f))
  return done(0, (picked.length ? picked.map((f) => fields[f]).join(' ') : 'Linux') + '\n')
}

const constant = (status: number): Program => () => done(status)

export const miscTools: Record<string, Program> = {
  echo,
  printf: (argv) => done(0, printf(argv[1] ?? '', argv.slice(2))),
  true: constant(0),
  false: constant(1),
  test,
  '[': test,
  sleep,
  hostname,
  env,
  printenv,
  pwd: (_argv, p) => done(0, p.cwd + '\n'),
  date,
  uname,
  whoami: () => done(0, 'root\n'),
}
