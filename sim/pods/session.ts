// Shells inside a container, built on the emulated shell's interpreter (sim/shell) with the container's
// files, programs and environment: the interactive one `kubectl exec -it web-0 -- sh` and `kubectl run
// -it` open (busybox ash's `/ # `, dash's `# `, bash's `root@pod:/# `), and the non-interactive runs
// of `sh -c '...'`, `sh script.sh` and `sh < script`.

import { ashBuiltins, bashBuiltins } from '../shell/builtins'
import { ASH, BASH, type Dialect } from '../shell/dialect'
import { Interpreter } from '../shell/interpreter'
import { CancelSignal, ExitSignal, type Io } from '../shell/io'
import { JobTable } from '../shell/jobs'
import { runScriptText } from '../shell/script'
import { Session } from '../shell/session'
import { ShellState } from '../shell/state'
import type { CommandContext, ShellSession } from '../shell/types'
import { normalizePath } from '../storage/memfs'
import { ContainerCommands } from './commands'
import { podHostname, processEnv, workingDir, type ContainerHandle } from './container'
import { dashDialect, type LineCounter } from './dash'
import { ContainerFsView } from './fs-view'
import type { ShellKind } from './tools'

export interface ContainerShellOptions {
  tty: boolean
  columns?: number
  /** Which shell; the image's /bin/sh when omitted. */
  kind: ShellKind
  openSession?(session: ShellSession): Promise<number>
  /** PID of the shell (`$$`): 1 for a container's main process, small numbers for exec'd ones. */
  pid?: number
  /** Variables of the shell that started this one (a nested `sh`); the container's otherwise. */
  vars?: Record<string, string>
  cwd?: string
}

function dialectFor(kind: ShellKind, counter: LineCounter): Dialect {
  return kind === 'bash' ? BASH : kind === 'dash' ? dashDialect(counter) : ASH
}

/** The container's programs and its files as the interpreter sees them. */
export function containerMachine(h: ContainerHandle): { table: ContainerCommands; fs: ContainerFsView } {
  const table: ContainerCommands = new ContainerCommands(h, (kind) => shellProgram(h, kind))
  const fs = new ContainerFsView(h.rc.fs, (p) => table.isProgram(p), () => h.sim.now())
  return { table, fs }
}

/** An interactive shell in the container; `exit` ends it with its status. */
export function containerShell(h: ContainerHandle, opts: ContainerShellOptions): ShellSession & { readonly exitCode: number | undefined } {
  const { table, fs } = containerMachine(h)
  const counter: LineCounter = { line: 0 }
  const kind = opts.kind
  const session = new Session({
    sim: h.sim,
    fs,
    commands: table,
    builtins: kind === 'bash' ? bashBuiltins() : ashBuiltins(),
    dialect: dialectFor(kind, counter),
    vars: opts.vars ?? processEnv(h, opts.tty),
    cwd: opts.cwd ?? workingDir(h),
    hostname: podHostname(h),
    tty: opts.tty,
    columns: opts.columns,
    openSession: opts.openSession,
    pid: opts.pid ?? 7,
  })
  return {
    prompt: () => (kind === 'dash' ? '# ' : session.prompt()),
    execute: async (line, io) => {
      // The container was killed while the shell waited for input: the exec'd process went with it
      // (SIGKILL, 128+9), and the line typed meanwhile reaches nothing.
      if (h.rc.phase !== 'running') {
        session.end(137)
        return 137
      }
      counter.line += line.split('\n').length
      return session.execute(line, io)
    },
    needsMore: (line) => session.needsMore(line),
    get ended() {
      return session.ended
    },
    get exitCode() {
      return session.exitCode
    },
    complete: (line, cursor) => session.complete(line, cursor),
  }
}

export interface ScriptRun {
  kind: ShellKind
  /** `$0` and the messages' name. */
  argv0: string
  args: readonly string[]
  ctx: CommandContext
}

/** Runs shell text in a new non-interactive shell of the container (`sh -c`, `sh file`, `sh < file`). */
export async function runContainerScript(h: ContainerHandle, text: string, run: ScriptRun): Promise<number> {
  const { table, fs } = containerMachine(h)
  const ctx = run.ctx
  const counter: LineCounter = { line: 1 }
  const state = new ShellState(
    {
      fs,
      sim: h.sim,
      commands: table,
      dialect: dialectFor(run.kind, counter),
      builtins: run.kind === 'bash' ? bashBuiltins() : ashBuiltins(),
      tty: ctx.tty,
      columns: ctx.columns,
      openSession: ctx.openSession,
      lang: 'en',
      strict: false,
      hostname: podHostname(h),
      pid: 12,
      jobs: new JobTable(h.sim, 112),
      interactive: false,
    },
    { vars: Object.fromEntries(ctx.env), cwd: ctx.cwd, argv0: run.argv0 },
  )
  state.positional = [...run.args]
  const io: Io = { stdin: ctx.stdin === null ? null : { text: ctx.stdin, pos: 0 }, out: ctx.stdout, err: ctx.stderr, outTty: ctx.tty, time: ctx.time, cancel: ctx.cancel }
  try {
    // ash and dash name themselves in -c errors (`sh: foo: not found`); bash says `bash: line 1:`.
    return await runScriptText(new Interpreter(state), text, io, { interactive: run.kind !== 'bash', name: run.argv0 })
  } catch (e) {
    if (e instanceof ExitSignal) return e.code
    if (e instanceof CancelSignal) return 130
    throw e
  }
}

function cannotOpen(kind: ShellKind, argv0: string, file: string): { message: string; status: number } {
  if (kind === 'dash') return { message: `${argv0}: 0: cannot open ${file}: No such file\n`, status: 2 }
  if (kind === 'bash') return { message: `${argv0}: ${file}: No such file or directory\n`, status: 127 }
  return { message: `${argv0}: can't open '${file}': No such file or directory\n`, status: 2 }
}

/** /bin/sh (or bash, ash, dash) as a program of the container. */
export function shellProgram(h: ContainerHandle, kind: ShellKind) {
  return {
    name: 'sh',
    async run(ctx: CommandContext): Promise<number> {
      const argv = ctx.argv
      const argv0 = argv[0].split('/').pop() || 'sh'
      let i = 1
      let command = false
      for (; i < argv.length; i++) {
        const a = argv[i]
        if (a === '--') {
          i++
          break
        }
        if (!/^[-+][a-zA-Z]+$/.test(a)) break
        if (a.includes('c')) command = true
      }
      if (command) {
        if (i >= argv.length) {
          ctx.stderr(kind === 'bash' ? `${argv0}: -c: option requires an argument\n` : kind === 'dash' ? `${argv0}: 0: -c requires an argument\n` : `${argv0}: -c requires an argument\n`)
          return 2
        }
        return runContainerScript(h, argv[i], { kind, argv0: argv[i + 1] ?? argv0, args: argv.slice(i + 2), ctx })
      }
      if (i < argv.length) {
        const file = argv[i]
        const path = normalizePath(file, ctx.cwd)
        if (!ctx.fs.exists(path) || ctx.fs.isDir(path)) {
          const { message, status } = cannotOpen(kind, argv0, file)
          ctx.stderr(message)
          return status
        }
        return runContainerScript(h, ctx.fs.readFile(path).replace(/^#![^\n]*\n/, ''), { kind, argv0: file, args: argv.slice(i + 1), ctx })
      }
      // Commands come from standard input: a pipe or file, or the terminal (an interactive shell).
      const stdin = ctx.stdin
      if (stdin !== null) return runContainerScript(h, stdin, { kind, argv0, args: [], ctx })
      if (!ctx.openSession) return 0
      const nested = containerShell(h, { tty: ctx.tty, columns: ctx.columns, kind, openSession: ctx.openSession, vars: Object.fromEntries(ctx.env), cwd: ctx.cwd, pid: 20 })
      return ctx.openSession(nested)
    },
  }
}
