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

/**
 * A pipe between two members of a pipeline while its writer runs. Programs that read their input
 * whole wait until it is closed (the simulated programs do not stream); a line filter (grep) can
 * follow it and pass each line on as it comes, as `kubectl get pods -w | grep web` shows lines live.
 */
export class Pipe implements Input {
  text = ''
  pos = 0
  closed = false
  /** The reading member has finished: the writer's next write gets SIGPIPE. */
  private readerGone = false
  /** A write found the reader gone (the writer is being ended, as SIGPIPE ends it). */
  broken = false
  /** Called once, at the first write after the reader is gone. */
  onBroken?: () => void
  private readonly listeners = new Set<() => void>()

  // Writes come from wherever the writer prints, even from inside a watch callback, so a broken pipe
  // never throws here: the text is dropped and the writer is stopped through onBroken.
  write(text: string): void {
    if (this.readerGone) {
      if (!this.broken) {
        this.broken = true
        this.onBroken?.()
      }
      return
    }
    if (text === '' || this.closed) return
    this.text += text
    this.notify()
  }

  /** Nothing reads this pipe any more (`head -3` has its lines, or the reader failed). */
  readerDone(): void {
    this.readerGone = true
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.notify()
  }

  /** Resolves once the writer is done. */
  whenClosed(): Promise<void> {
    if (this.closed) return Promise.resolve()
    return new Promise((resolve) => {
      const check = () => {
        if (!this.closed) return
        this.listeners.delete(check)
        resolve()
      }
      this.listeners.add(check)
    })
  }

  /**
   * Hands `take` what is unread now and then whatever is written, until the pipe is closed or `take`
   * answers true (it has read all it wants, as `head -3` does).
   */
  follow(take: (text: string) => boolean | void): Promise<void> {
    return new Promise((resolve) => {
      const flush = () => {
        if (this.pos < this.text.length) {
          const chunk = this.text.slice(this.pos)
          this.pos = this.text.length
          // Done reading: the pipe has no reader from now on, so the writer's very next write is
          // its last (before this reader's own exit is even noticed).
          if (take(chunk) === true) {
            this.readerDone()
            return finish()
          }
        }
        if (this.closed) finish()
      }
      const finish = () => {
        this.listeners.delete(flush)
        resolve()
      }
      this.listeners.add(flush)
      flush()
    })
  }

  private notify(): void {
    for (const l of [...this.listeners]) l()
  }
}

/** The input as a pipe whose writer still runs, if it is one. */
export function livePipe(input: Input | null): Pipe | undefined {
  return input instanceof Pipe && !input.closed ? input : undefined
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
