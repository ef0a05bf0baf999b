// The tiny process model behind images: a program is a function from argv to what the process does
// (prints, waits, exits, or keeps running and serving). Shell scripts, coreutils and each image's own
// daemons (nginx, node, zkServer.sh...) are all programs.

import type { ContainerEnv, ProcessPlan } from '../types'

/** Whose tools these are: busybox applets and GNU coreutils word their errors differently. */
export type Flavor = 'busybox' | 'gnu'

/** The /bin/sh of an image: the name it prints in errors and whether `sh -c 'cmd'` execs the last command. */
export interface ShellInfo {
  kind: 'ash' | 'dash' | 'bash'
  /**
   * Modern dash (≥0.5.11), busybox ash and bash replace themselves with the last simple command of a
   * `-c` string, so that command becomes PID 1 and receives SIGTERM itself. Ubuntu 16.04's dash
   * 0.5.8 does not: `sh -c '...'` stays PID 1 (ZooKeeper tutorial's `ps -ef`).
   */
  execsLastCommand: boolean
}

export type Sigterm = ProcessPlan['onSigterm']

/** What a process that keeps running does: its ports and how it stops. */
export interface Serve {
  listens: readonly number[]
  listenAfterMs?: number
  repeatLog?: ProcessPlan['repeatLog']
  stopLog?: ProcessPlan['stopLog']
}

/** Output written `ms` into a process's life. */
export interface TimedText {
  ms: number
  text: string
}

/** The outcome of running a program. Output is kept per stream and, for the container log, merged. */
export interface RunResult {
  /** Exit status, or 'running' when the process does not end by itself. */
  status: number | 'running'
  out: string
  err: string
  /** stdout and stderr interleaved, as the container log shows them. */
  log: string
  /**
   * When `log` was written, where the process took time between writes (`echo a; sleep 2; echo b`):
   * its pieces in order, each at its offset from the start. Absent: all of it at the start.
   */
  logTimes?: readonly TimedText[]
  /** Virtual time spent before exiting (or before settling into running). */
  ms: number
  serve?: Serve
  /** How this process, if it is PID 1, reacts to SIGTERM (the image's stop signal). Default: ignore. */
  sigterm?: Sigterm
}

/** A running process's view of its container. */
export interface Proc {
  env: ContainerEnv
  image: ImageRuntime
  /** Its environment variables (exported). */
  vars: Record<string, string>
  cwd: string
  /** What it reads on stdin; undefined = EOF at once (/dev/null). */
  stdin: string | undefined
  /** Stdin stays open (a container with `stdin: true`): shells and `cat` wait instead of exiting. */
  stdinOpen: boolean
  /** PID 1 of the container, or a process started by `kubectl exec`/probes. */
  pid: number
  main: boolean
}

export type Program = (argv: readonly string[], p: Proc) => RunResult

/** Everything the interpreter needs to know about an image to run commands in it. */
export interface ImageRuntime {
  flavor: Flavor
  shell: ShellInfo
  /** Executables by absolute path → program name (a key of `programs`). */
  bins: ReadonlyMap<string, string>
  programs: Readonly<Record<string, Program>>
  /** PATH when the container's environment does not set one. */
  defaultPath: string
  /** `uname -r` as the container sees it (the node's kernel). */
  kernel: string
  /** Busybox before 1.31 has no `sleep infinity` ("invalid number 'infinity'"). */
  sleepInfinity?: boolean
}

export function done(status: number, out = '', err = '', ms = 0): RunResult {
  return { status, out, err, log: out + err, ms }
}
