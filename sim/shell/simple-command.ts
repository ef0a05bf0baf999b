// One simple command: expand its words, apply its redirections, then run a builtin, a program from
// the machine's command table, or a file named with a slash — or say `command not found` (127).

import type { Command as Ast } from './ast'
import type { BuiltinContext } from './builtins/types'
import { expandFields, expandString, ExpandError } from './expand'
import { AbortSignal, CancelSignal, drain, ExitSignal, livePipe, LoopSignal, ReturnSignal, type Input, type Io } from './io'
import type { Interpreter } from './interpreter'
import { applyRedirs } from './redirect'
import { runScriptText } from './script'
import type { CommandContext } from './types'
import { normalizePath } from '../storage/memfs'

export async function runSimple(it: Interpreter, c: Ast & { type: 'simple' }, io: Io): Promise<number> {
  const st = it.state
  const files = st.procFiles.length
  try {
    return await simple(it, c, io)
  } finally {
    for (const f of st.procFiles.splice(files)) if (st.env.fs.exists(f)) st.env.fs.remove(f)
  }
}

async function simple(it: Interpreter, c: Ast & { type: 'simple' }, io: Io): Promise<number> {
  const st = it.state
  const d = st.env.dialect
  const ectx = it.expandContext(io)
  st.substStatus = undefined
  const argv: string[] = []
  const assigns: [string, string, boolean][] = []
  try {
    for (const w of c.words) argv.push(...(await expandFields(w, ectx)))
    for (const a of c.assigns) assigns.push([a.name, await expandString(a.value, ectx), a.append])
  } catch (e) {
    if (!(e instanceof ExpandError)) throw e
    io.err(`${st.diag()}${e.message}\n`)
    throw new AbortSignal(1)
  }
  const rio = await applyRedirs(c.redirs, io, st, ectx)
  if (argv.length === 0) {
    for (const [name, value, append] of assigns) st.set(name, append ? (st.get(name) ?? '') + value : value)
    return rio ? (st.substStatus ?? 0) : 1
  }
  if (!rio) return 1
  const temp: Record<string, string> = {}
  for (const [name, value, append] of assigns) temp[name] = append ? (st.get(name) ?? '') + value : value
  const name = argv[0]
  const fn = st.functions.get(name)
  const builtin = fn ? undefined : st.env.builtins.get(name)
  const cmd = fn || builtin || name.includes('/') ? undefined : st.env.commands.get(name)
  // Fed by a pipeline member that still runs: only a program that follows its input line by line
  // starts now; anything else reads the input whole once the writer is done (a function's own
  // commands decide for themselves).
  const live = livePipe(rio.stdin)
  if (live && !fn && !cmd?.followsStdin?.(argv)) await live.whenClosed()
  const base = commandContext(it, argv, rio, temp)
  try {
    if (fn) return await it.callFunction(fn, argv.slice(1), rio)
    if (builtin) return await builtin.run(builtinContext(it, base, rio))
    if (name.includes('/')) return await runFile(it, name, argv, base, rio)
    if (cmd) return await cmd.run(base)
    rio.err(`${st.diag()}${d.notFound(name)}\n`)
    return 127
  } catch (e) {
    if (e instanceof ExitSignal || e instanceof LoopSignal || e instanceof CancelSignal || e instanceof AbortSignal || e instanceof ReturnSignal || st.env.strict) throw e
    // A bug in a simulated program must not take the terminal down with it.
    rio.err(`${st.diag()}${name}: ${e instanceof Error ? e.message : String(e)}\n`)
    return 1
  }
}

function commandContext(it: Interpreter, argv: string[], io: Io, temp: Record<string, string>): CommandContext {
  const st = it.state
  const env = st.env
  const input: Input | null = io.stdin
  let stdin: string | null | undefined
  return {
    argv,
    // Read lazily: a program that never reads stdin must not swallow the rest of a `while read` loop.
    get stdin() {
      if (stdin === undefined) stdin = drain(input)
      return stdin
    },
    stdinPipe: livePipe(input),
    env: st.exported(temp),
    cwd: st.cwd,
    fs: env.fs,
    sim: env.sim,
    time: io.time,
    cancel: io.cancel,
    editor: env.editor,
    tty: env.tty && io.outTty,
    columns: env.columns,
    stdout: io.out,
    stderr: io.err,
    openSession: env.openSession,
  }
}

function builtinContext(it: Interpreter, base: CommandContext, io: Io): BuiltinContext {
  const st = it.state
  const ctx = Object.create(base) as BuiltinContext
  ctx.shell = st
  ctx.input = io.stdin
  ctx.error = (message) => io.err(`${st.diag()}${message}\n`)
  ctx.runText = async (text, opts) => {
    const target = opts.subshell ? it.fork() : it
    if (opts.argv0 !== undefined) target.state.argv0 = opts.argv0
    if (opts.args) target.state.positional = opts.args
    const runIo = { ...io, out: opts.stdout ?? io.out, err: opts.stderr ?? io.err, outTty: opts.stdout ? false : io.outTty }
    return opts.subshell ? runChild(target, text, runIo, opts.argv0 ?? st.argv0) : runScriptText(target, text, runIo, { interactive: false, name: opts.argv0 ?? st.argv0 })
  }
  return ctx
}

/** `./script.sh`, `/usr/bin/kubectl`: a path rather than a command name. */
async function runFile(it: Interpreter, name: string, argv: string[], base: CommandContext, io: Io): Promise<number> {
  const st = it.state
  const d = st.env.dialect
  const path = normalizePath(name, st.cwd)
  const entry = st.env.fs.stat(path)
  const fail = (why: 'ENOENT' | 'EISDIR' | 'EACCES') => {
    const { message, status } = d.execError(name, why)
    io.err(`${st.diag()}${message}\n`)
    return status
  }
  if (!entry) {
    // A program of the table called by its full path (`/usr/bin/kubectl get pods`).
    const byPath = st.env.commands.names().find((n) => st.env.commands.path(n) === path)
    if (byPath) return st.env.commands.get(byPath)!.run(base)
    return fail('ENOENT')
  }
  if (entry.type === 'dir') return fail('EISDIR')
  if (((entry.mode ?? 0o644) & 0o111) === 0) return fail('EACCES')
  const child = it.fork()
  child.state.argv0 = name
  child.state.positional = argv.slice(1)
  const text = entry.content.replace(/^#![^\n]*\n/, '')
  return runChild(child, text, io, name)
}

/** Runs a script in a child shell: its `exit` ends the child only. */
async function runChild(child: Interpreter, text: string, io: Io, name: string): Promise<number> {
  try {
    return await runScriptText(child, text, io, { interactive: false, name })
  } catch (e) {
    if (e instanceof ExitSignal) return e.code
    if (e instanceof ReturnSignal || e instanceof LoopSignal) return child.state.status
    throw e
  }
}
