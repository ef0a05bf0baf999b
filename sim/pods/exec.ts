// A process started in a running container, as `kubectl exec` starts one (the CRI's ExecSync/Exec):
// argv[0] is looked up like execve does — a path must exist, a bare name is searched along PATH —
// and runc's message says why it could not start. The process gets the container's environment,
// working directory and files; with a terminal attached it may open an interactive shell.

import type { CommandContext } from '../shell/types'
import { processEnv, workingDir, type ContainerHandle } from './container'
import { containerMachine } from './session'

export interface ExecStreams {
  /** What the process reads: text from a pipe (`-i`), '' when stdin is not passed, null for the terminal. */
  stdin: string | null
  tty: boolean
  stdout(text: string): void
  stderr(text: string): void
}

export type ExecOutcome = { started: true; exitCode: number } | { started: false; reason: string }

/** runc's reason for an argv[0] it cannot execute (`exec: "ps": executable file not found in $PATH`). */
function cannotStart(name: string): string {
  if (name.includes('/')) return `exec: "${name}": stat ${name}: no such file or directory`
  return `exec: "${name}": executable file not found in $PATH`
}

export async function execInContainer(h: ContainerHandle, argv: readonly string[], streams: ExecStreams, outer: CommandContext): Promise<ExecOutcome> {
  const { table, fs } = containerMachine(h)
  const name = argv[0] ?? ''
  const cmd = name.includes('/') ? table.atPath(name) : table.get(name)
  if (!cmd) return { started: false, reason: cannotStart(name) }
  const ctx: CommandContext = {
    argv: [...argv],
    stdin: streams.stdin,
    env: new Map(Object.entries(processEnv(h, streams.tty))),
    cwd: workingDir(h),
    fs,
    sim: h.sim,
    time: outer.time,
    cancel: outer.cancel,
    tty: streams.tty,
    columns: outer.columns,
    stdout: streams.stdout,
    stderr: streams.stderr,
    openSession: streams.stdin === null ? outer.openSession : undefined,
  }
  return { started: true, exitCode: await cmd.run(ctx) }
}
