// Commands the shell runs itself. They act on the shell (variables, cwd, traps, jobs), so they are not
// programs: `exit`, `cd`, `export`, `trap`, `wait`, and echo/printf/test, which sh has built in.

import { normalizePath } from '../../storage/memfs'
import type { Shell } from './interp'
import { LoopControl, runParsed, Stop } from './interp'
import { evalTest, printf, unescape } from './test-expr'
import type { Serve, Sigterm } from './types'

export type Builtin = (argv: string[], sh: Shell) => number

/** echo as each shell has it: dash always interprets escapes, ash and bash only with -e. */
function echo(argv: string[], sh: Shell): number {
  const dash = sh.p.image.shell.kind === 'dash'
  let args = argv.slice(1)
  let newline = true
  let escapes = dash
  while (args.length && /^-[neE]+$/.test(args[0]) && !(dash && args[0] !== '-n')) {
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
  sh.sink.out(text + (newline ? '\n' : ''))
  return 0
}

function test(argv: string[], sh: Shell): number {
  const r = evalTest(argv, { ...sh.p, cwd: sh.cwd })
  if (r.error) {
    const k = sh.p.image.shell.kind
    const msg = k === 'bash' && r.error === 'missing ]' ? "missing `]'" : r.error
    sh.sink.err(sh.diag(k === 'ash' ? msg : `${argv[0]}: ${msg}`))
  }
  return r.status
}

function exit(argv: string[], sh: Shell): number {
  const n = argv[1] === undefined ? sh.status : parseInt(argv[1], 10)
  throw new Stop(Number.isNaN(n) ? 2 : n & 255)
}

function cd(argv: string[], sh: Shell): number {
  const target = argv[1] ?? sh.vars.HOME ?? '/'
  const path = normalizePath(target, sh.cwd)
  if (sh.p.env.fs.exists(path) && sh.p.env.fs.isDir(path)) {
    sh.cwd = path
    return 0
  }
  const k = sh.p.image.shell.kind
  const msg = k === 'bash' ? `cd: ${target}: No such file or directory` : k === 'dash' ? `cd: can't cd to ${target}` : `cd: can't cd to ${target}: No such file or directory`
  sh.sink.err(sh.diag(msg))
  return k === 'dash' ? 2 : 1
}

function exportVars(argv: string[], sh: Shell): number {
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=')
    if (eq > 0) sh.vars[a.slice(0, eq)] = a.slice(eq + 1)
  }
  return 0
}

function set(argv: string[], sh: Shell): number {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      sh.args = argv.slice(i + 1)
      return 0
    }
    if (/^[-+][a-z]+$/.test(a)) {
      if (a.includes('e')) sh.errexit = a[0] === '-'
      if (a.includes('x')) sh.xtrace = a[0] === '-'
    } else if (a === '-o' || a === '+o') i++
  }
  return 0
}

/** `trap ACTION SIGNAL...`: remembered; the TERM trap decides how a waiting shell reacts to SIGTERM. */
function trap(argv: string[], sh: Shell): number {
  if (argv.length < 3) return 0
  for (const sig of argv.slice(2)) sh.traps[sig.replace(/^SIG/, '').replace(/^15$/, 'TERM')] = argv[1]
  return 0
}

/**
 * `wait`: collects background jobs. A job that never ends keeps the shell waiting for ever; a TERM
 * trap interrupts `wait` at once (a foreground command would have to finish first).
 */
function wait(_argv: string[], sh: Shell): number {
  const running = sh.background.filter((j) => j.status === 'running')
  if (!running.length) {
    sh.ms += Math.max(0, ...sh.background.map((j) => j.ms))
    const last = sh.background[sh.background.length - 1]
    sh.background = []
    return typeof last?.status === 'number' ? last.status : 0
  }
  const serve: Serve = {
    listens: running.flatMap((j) => j.serve?.listens ?? []),
    listenAfterMs: sh.ms + Math.max(0, ...running.map((j) => j.serve?.listenAfterMs ?? 0)),
    repeatLog: running.find((j) => j.serve?.repeatLog)?.serve?.repeatLog,
  }
  const action = sh.traps.TERM
  let sigterm: Sigterm | undefined
  if (action !== undefined && action !== '') {
    const m = /^\s*exit\s*(\d+)?\s*;?\s*$/.exec(action)
    sigterm = { exitAfterMs: 0, exitCode: m ? Number(m[1] ?? 0) : 143 }
  }
  throw new Stop('running', serve, sigterm)
}

function loopControl(kind: 'break' | 'continue'): Builtin {
  return (argv, sh) => {
    if (sh.loopDepth === 0) return 0
    throw new LoopControl(kind, Math.max(1, parseInt(argv[1] ?? '1', 10) || 1))
  }
}

function evalBuiltin(argv: string[], sh: Shell): number {
  const r = runParsed(sh, argv.slice(1).join(' '), false)
  if (r.status === 'running') throw new Stop('running', r.serve, r.sigterm)
  return r.status
}

function source(argv: string[], sh: Shell): number {
  const path = normalizePath(argv[1] ?? '', sh.cwd)
  let src: string
  try {
    src = sh.p.env.fs.readFile(path)
  } catch {
    sh.sink.err(sh.diag(`${argv[0]}: can't open '${argv[1] ?? ''}'`))
    return 2
  }
  return evalBuiltin(['eval', src], sh)
}

/** `read NAME...`: one line of stdin; EOF is status 1. An open, silent stdin blocks for ever. */
function read(argv: string[], sh: Shell): number {
  const names = argv.slice(1).filter((a) => !a.startsWith('-'))
  if (sh.stdin === undefined || sh.stdin === '') {
    if (sh.stdinOpen) throw new Stop('running', { listens: [] })
    return 1
  }
  const nl = sh.stdin.indexOf('\n')
  const line = nl < 0 ? sh.stdin : sh.stdin.slice(0, nl)
  sh.stdin = nl < 0 ? '' : sh.stdin.slice(nl + 1)
  const fields = line.trim().split(/\s+/)
  const vars = names.length ? names : ['REPLY']
  vars.forEach((n, i) => (sh.vars[n] = i === vars.length - 1 ? fields.slice(i).join(' ') : (fields[i] ?? '')))
  return 0
}

export const builtins: Record<string, Builtin> = {
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  echo,
  printf: (argv, sh) => {
    sh.sink.out(printf(argv[1] ?? '', argv.slice(2)))
    return 0
  },
  test,
  '[': test,
  exit,
  cd,
  pwd: (_argv, sh) => {
    sh.sink.out(sh.cwd + '\n')
    return 0
  },
  export: exportVars,
  unset: (argv, sh) => {
    for (const n of argv.slice(1)) delete sh.vars[n]
    return 0
  },
  set,
  trap,
  wait,
  shift: (argv, sh) => {
    sh.args = sh.args.slice(parseInt(argv[1] ?? '1', 10) || 1)
    return 0
  },
  break: loopControl('break'),
  continue: loopControl('continue'),
  eval: evalBuiltin,
  '.': source,
  source,
  read,
}
