// Builds an ImageBehavior from a declarative image definition: its base layer, ENV, ENTRYPOINT/CMD,
// binaries, and the programs behind them. The process plan comes from running the container's argv
// through the tiny interpreter; exec runs argv the same way, as a second process.

import { normalizePath } from '../../storage/memfs'
import { resolveCommand, startErrorMessage } from '../shell/resolve'
import { shProgram } from '../shell/sh'
import { fileTools } from '../shell/tools-fs'
import { miscTools } from '../shell/tools-misc'
import type { ImageRuntime, Proc, Program, RunResult } from '../shell/types'
import { DNS_PROGRAMS } from '../../dns/programs'
import type { ContainerEnv, ExecOptions, ExecResult, ImageBehavior, ProcessPlan, ProcessSpec } from '../types'
import { distro, type DistroId } from './distro'

/** The node's kernel as containers see it (sim/nodes.ts reports the same on the Node objects). */
export const NODE_KERNEL = '5.15.0-131-generic'

export interface ImageDef {
  id: string
  base: DistroId
  /** The image's ENV. */
  env: Record<string, string>
  entrypoint: readonly string[]
  cmd: readonly string[]
  workingDir?: string
  /** Files the image adds on top of its base. */
  files?: Record<string, string>
  dirs?: readonly string[]
  /** Extra executables: absolute path → program name. */
  bins?: Record<string, string>
  programs?: Record<string, Program>
  http?: ImageBehavior['http']
  /** Busybox before 1.31 rejects `sleep infinity`. */
  sleepInfinity?: boolean
}

const BASH = { kind: 'bash' as const, execsLastCommand: true }

/** The argv the container runs: Kubernetes' command/args over the image's ENTRYPOINT/CMD. */
export function containerArgv(def: Pick<ImageDef, 'entrypoint' | 'cmd'>, spec: ProcessSpec): string[] {
  // `command` replaces ENTRYPOINT and drops CMD unless `args` is given; `args` alone replaces CMD.
  if (spec.command && spec.command.length) return [...spec.command, ...(spec.args ?? [])]
  return [...def.entrypoint, ...(spec.args && spec.args.length ? spec.args : def.cmd)]
}

function lines(text: string): string[] {
  if (!text) return []
  const out = text.split('\n')
  if (out[out.length - 1] === '') out.pop()
  return out
}

export function toPlan(r: RunResult): ProcessPlan {
  // What was written at once is the start-up log; what came after a sleep is written when it is due.
  const timed = r.logTimes ?? [{ ms: 0, text: r.log }]
  const startupLog = lines(timed.filter((t) => t.ms <= 0).map((t) => t.text).join(''))
  const later = timed.filter((t) => t.ms > 0).map((t) => ({ afterMs: t.ms, lines: lines(t.text) }))
  const onSigterm = r.sigterm ?? 'ignore'
  const plan: ProcessPlan = r.status === 'running' ? { listens: r.serve?.listens ?? [], onSigterm, startupLog } : { exit: { afterMs: r.ms, exitCode: r.status }, listens: [], onSigterm, startupLog }
  if (later.length) plan.laterLog = later
  if (r.status === 'running') {
    if (r.serve?.listenAfterMs) plan.listenAfterMs = r.serve.listenAfterMs
    if (r.serve?.repeatLog) plan.repeatLog = r.serve.repeatLog
    if (r.serve?.stopLog) plan.stopLog = r.serve.stopLog
  }
  return plan
}

export function defineImage(def: ImageDef): ImageBehavior {
  const base = distro(def.base)
  const binPaths: Record<string, string> = { ...base.toolDirs, ...(def.bins ?? {}) }
  const programs: Record<string, Program> = { ...fileTools, ...miscTools, ...DNS_PROGRAMS, ...(def.programs ?? {}) }
  if (base.shell) {
    programs.sh = shProgram
    programs.bash = (argv, p) => shProgram(argv, { ...p, image: { ...p.image, shell: BASH } })
    for (const [path, prog] of Object.entries(binPaths)) if (path.endsWith('/bash')) binPaths[path] = prog === 'sh' ? 'bash' : prog
  }
  const runtime: ImageRuntime = {
    flavor: base.flavor,
    shell: base.shell ?? { kind: 'ash', execsLastCommand: true },
    bins: new Map(Object.entries(binPaths).filter(([, prog]) => programs[prog])),
    programs,
    defaultPath: def.env.PATH ?? base.path,
    kernel: NODE_KERNEL,
    sleepInfinity: def.sleepInfinity,
  }
  const files: Record<string, string> = { ...base.files }
  for (const path of runtime.bins.keys()) files[path] = ''
  Object.assign(files, def.files ?? {})
  const dirs = [...new Set([...base.dirs, ...(def.dirs ?? [])])].sort()

  const vars = (env: ContainerEnv, spec?: ProcessSpec): Record<string, string> => ({
    PATH: base.path,
    HOSTNAME: env.hostname,
    ...def.env,
    ...(spec?.tty ? { TERM: 'xterm' } : {}),
    ...env.env,
    HOME: env.env.HOME ?? def.env.HOME ?? '/root',
  })

  return {
    id: def.id,
    files: () => files,
    dirs: () => dirs,
    env: () => def.env,
    plan(spec: ProcessSpec, env: ContainerEnv): ProcessPlan {
      const argv = containerArgv(def, spec)
      const cwd = normalizePath(spec.workingDir || def.workingDir || '/')
      // runc creates a missing working directory before it execs the process.
      try {
        if (!env.fs.exists(cwd)) env.fs.mkdir(cwd, { parents: true })
      } catch {
        /* a read-only root file system keeps it missing; the process still starts there */
      }
      const proc: Proc = { env, image: runtime, vars: vars(env, spec), cwd, stdin: undefined, stdinOpen: !!spec.stdin, pid: 1, main: true }
      const name = argv[0] ?? ''
      const found = resolveCommand(name, proc)
      if (found.kind === 'missing') return { startError: startErrorMessage(name, found.reason), listens: [], onSigterm: 'ignore' }
      return toPlan(run(found, argv, proc))
    },
    exec(argv: readonly string[], env: ContainerEnv, opts: ExecOptions = {}): ExecResult | undefined {
      const cwd = normalizePath(opts.cwd ?? (def.workingDir || '/'))
      const proc: Proc = { env, image: runtime, vars: opts.vars ? { ...opts.vars } : vars(env), cwd, stdin: opts.stdin, stdinOpen: false, pid: 100, main: false }
      const found = resolveCommand(argv[0] ?? '', proc)
      if (found.kind === 'missing') return undefined
      const r = run(found, argv, proc)
      return r.status === 'running'
        ? { exitCode: 0, stdout: r.out, stderr: r.err, durationMs: Infinity }
        : { exitCode: r.status, stdout: r.out, stderr: r.err, durationMs: r.ms }
    },
    http: def.http,
  }

  function run(found: Exclude<ReturnType<typeof resolveCommand>, { kind: 'missing' }>, argv: readonly string[], proc: Proc): RunResult {
    if (found.kind === 'program') return programs[found.program](argv, proc)
    // A script file without a binary behind it: the kernel runs it through its #! interpreter.
    return shProgram(['sh', found.path, ...argv.slice(1)], proc)
  }
}
