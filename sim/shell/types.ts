// The contract between the emulated shell and the commands it runs (kubectl, coreutils-like
// builtins, the tools inside containers). A command gets argv, stdin, the environment and a file
// system, writes to stdout/stderr in order, and returns an exit code. Commands that wait (sleep,
// `kubectl wait`, `rollout status`, `get -w`, an interactive `exec -it`) wait through `ctx.time`, which
// the host implements: the browser waits for its real-time ticks, the headless runner advances
// the simulation's virtual clock at once.

import type { Simulation } from '../simulation'
import type { MemFs } from '../storage/memfs'
import type { Pipe } from './io'

export type StreamId = 'stdout' | 'stderr'

export interface OutputChunk {
  stream: StreamId
  text: string
}

/** Cancellation (Ctrl-C). Long-running commands check `cancelled` or register `onCancel`. */
export interface CancelToken {
  readonly cancelled: boolean
  onCancel(cb: () => void): () => void
}

/** How commands let virtual time pass. */
export interface TimeControl {
  now(): number
  /** Lets `ms` of virtual time pass (`sleep 5`). Resolves early with false when cancelled. */
  sleep(ms: number, cancel?: CancelToken): Promise<boolean>
  /**
   * Lets time pass until `done()` holds (checked after every change of the cluster) or `timeoutMs`
   * elapses. Resolves true when done. With `timeoutMs` undefined it waits indefinitely (until
   * cancelled; the headless runner stops when the cluster has settled and nothing can change).
   */
  until(done: () => boolean, timeoutMs: number | undefined, cancel?: CancelToken): Promise<boolean>
}

/** Opens a file in the app's YAML editor (`vi web.yaml`, `kubectl edit`). Headless: no editor. */
export interface EditorHook {
  /** Resolves with the saved content, or undefined when the user closed without saving. */
  edit(path: string, content: string): Promise<string | undefined>
}

export interface CommandContext {
  argv: readonly string[]
  /** Input from a pipe, a redirection or a heredoc; null when it would be the terminal. */
  stdin: string | null
  /**
   * The pipe standard input comes from while its writer still runs, for a command whose
   * followsStdin() said yes (read it with follow(); `stdin` would only hold what is there so far).
   */
  stdinPipe?: Pipe
  env: Map<string, string>
  cwd: string
  /** The machine's file system (the student's files on the host, or a container's). */
  fs: MemFs
  sim: Simulation
  time: TimeControl
  cancel: CancelToken
  editor?: EditorHook
  /** True when attached to a terminal (the browser), false in pipes and in the headless runner. */
  tty: boolean
  columns: number
  stdout(text: string): void
  stderr(text: string): void
  /**
   * Starts an interactive session (`kubectl exec -it web-0 -- sh`, `kubectl run -it ... -- sh`):
   * later input lines go to it until it exits. Returns when the session ends.
   */
  openSession?(session: ShellSession): Promise<number>
}

export interface Command {
  readonly name: string
  run(ctx: CommandContext): number | Promise<number>
  /**
   * Whether, with these arguments, the command passes its standard input on line by line as it
   * comes (grep without options that need the whole input). Others start once their input is whole.
   */
  followsStdin?(argv: readonly string[]): boolean
  /**
   * Completion candidates for one of this command's arguments (kubectl: verbs, kinds, names, flags).
   * Return undefined to fall back to file names.
   */
  complete?(req: CompletionRequest): string[] | undefined
}

/** What a command's completer sees: the words of the command line up to the cursor. */
export interface CompletionRequest {
  /** The command's words, argv-style (`['kubectl', 'get', 'po']`); the last one is being completed. */
  words: readonly string[]
  /** The (possibly empty) word under the cursor, as typed so far. */
  current: string
  cwd: string
  fs: MemFs
  sim: Simulation
}

/** A shell that reads lines: the host shell, or a shell inside a container. */
export interface ShellSession {
  /** The prompt to show before the next line (`$ `, `/ # `). */
  prompt(): string
  /** Runs one line (or a complete multi-line construct) and returns its exit code. */
  execute(line: string, io: { stdout(t: string): void; stderr(t: string): void; cancel: CancelToken; time: TimeControl }): Promise<number>
  /** Whether `line` needs more lines to be complete (open quote, heredoc, trailing backslash, `do` without `done`). */
  needsMore(line: string): boolean
  /** True once the session has ended (`exit`). */
  readonly ended: boolean
  /** Completion candidates for the word at the cursor. */
  complete?(line: string, cursor: number): string[]
}
