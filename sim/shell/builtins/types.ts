// Builtins are commands that live inside the shell: they change its state (cd, export, exit) or need
// to read its stdin line by line (read). They get the ordinary command context plus the shell.

import type { Input } from '../io'
import type { ShellState } from '../state'
import type { CommandContext } from '../types'

export interface BuiltinContext extends CommandContext {
  shell: ShellState
  /** Standard input as a stream (null = the terminal). */
  input: Input | null
  /** Runs shell text in this shell (`source`) or a child (`bash -c`), returning its status. */
  runText(text: string, opts: { subshell: boolean; argv0?: string; args?: string[]; stdout?: (t: string) => void; stderr?: (t: string) => void }): Promise<number>
  /** Writes `bash: <message>` (in the shell's dialect) on stderr. */
  error(message: string): void
}

export interface Builtin {
  readonly name: string
  /** Set for programs implemented inside the shell (`bash`, `which`): where `type` says they live. */
  readonly path?: string
  run(ctx: BuiltinContext): number | Promise<number>
}
