// What exec, attach and run share about streams (kubectl pkg/cmd/exec StreamOptions.SetupTTY and
// cmdutil.AddPodRunningTimeoutFlag): -t only counts together with -i, and only when the input is a
// terminal; otherwise kubectl says so and carries on without one.

import type { Invocation } from '../../command'
import { UsageError } from '../../errors'
import type { FlagSpec } from '../../flags/pflag'

export function POD_RUNNING_TIMEOUT(def: string): FlagSpec {
  return { name: 'pod-running-timeout', type: 'duration', default: def }
}

/** cmdutil.GetPodRunningTimeoutFlag. */
export function podRunningTimeout(inv: Invocation): number {
  const ms = inv.flags.duration('pod-running-timeout')
  if (ms <= 0) throw new UsageError(inv.commandPath, '--pod-running-timeout must be higher than zero')
  return ms
}

/** StreamOptions.SetupTTY: the stdin and tty the remote command really gets. */
export function setupTty(inv: Invocation, stdin: boolean, tty: boolean, quiet: boolean): { stdin: boolean; tty: boolean } {
  if (!stdin) return { stdin: false, tty: false }
  if (!tty) return { stdin: true, tty: false }
  // A pipe or file on stdin, or the headless runner: not a terminal.
  if (inv.ctx.stdin !== null || !inv.ctx.tty) {
    if (!quiet) inv.err('Unable to use a TTY - input is not a terminal or the right kind of file\n')
    return { stdin: true, tty: false }
  }
  return { stdin: true, tty: true }
}
