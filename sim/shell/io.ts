// The plumbing between commands: a standard input that several commands of a compound command read
// in turn (`while read line`), output sinks, and the signals that unwind the interpreter.

import type { CancelToken, TimeControl } from './types'

/** Standard input that is a pipe, a file or a heredoc; consumed from `pos` on. */
export interface Input {
  text: string
  pos: number
}

export type Sink = (text: string) => void

/** Where a command's streams go while the interpreter runs it. */
export interface Io {
  /** null when standard input is the terminal. */
  stdin: Input | null
  out: Sink
  err: Sink
  /** True while standard output is the terminal itself (not a pipe, file or `$(...)`). */
  outTty: boolean
  time: TimeControl
  cancel: CancelToken
}

/** Reads the rest of an input (what a program like `cat` does with its stdin). */
export function drain(input: Input | null): string | null {
  if (!input) return null
  const rest = input.text.slice(input.pos)
  input.pos = input.text.length
  return rest
}

/** `exit N`: ends the shell (or the subshell it runs in). */
export class ExitSignal {
  constructor(readonly code: number) {}
}

/** `break N` / `continue N`. */
export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}

/** Ctrl-C: abandons the rest of the command line. */
export class CancelSignal {}

/** An expansion error (`$((1/0))`, `${x:?}`, bad substitution): bash abandons the rest of the line. */
export class AbortSignal {
  constructor(readonly status: number) {}
}

/** `return N` from a shell function. */
export class ReturnSignal {
  constructor(readonly status: number) {}
}
