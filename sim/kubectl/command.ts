// The shape of a kubectl (sub)command, and what a running one receives. A verb is a KubectlCommand in
// its own file under verbs/; verbs/index.ts lists them explicitly. The root parses flags the way
// cobra/pflag do (own flags + the global ones), resolves the namespace from the kubeconfig, and turns
// thrown errors into kubectl's stderr text (errors.ts), so a verb only does its work.

import type { ApiServer } from '../api/server'
import type { CommandContext } from '../shell/types'
import { warningLines } from './errors'
import type { FlagSpec, ParsedFlags } from './flags/pflag'
import type { KubeconfigState } from './kubeconfig'
import type { OutputFormats } from './printers/registry'

export interface KubectlCommand {
  /** The word after `kubectl` (or after the parent: `rollout status`). */
  name: string
  aliases?: readonly string[]
  /** Typos that should suggest this command (`list` -> get). */
  suggestFor?: readonly string[]
  hidden?: boolean
  /** One line for the root help. */
  short?: string
  /** Flags of this command only; the global ones are added by the root. */
  flags?: readonly FlagSpec[]
  subcommands?: readonly KubectlCommand[]
  /** Full `--help` text; a generic one is printed when absent. */
  help?: string
  /**
   * A command kubectl has and this simulator does not run: its flags are not known here, so none is
   * refused as unknown (`kubectl diff -f x.yaml` says it is not available, not that -f is unknown).
   */
  unavailable?: boolean
  /** Returns the exit code (0 when omitted); throws kubectl errors (errors.ts). */
  run?(inv: Invocation): number | void | Promise<number | void>
}

export interface Invocation {
  /** The shell context: file system, cwd, stdin, time, cancellation. */
  readonly ctx: CommandContext
  readonly api: ApiServer
  /** Virtual time now (ms). */
  now(): number
  readonly flags: ParsedFlags
  /** Positional arguments (flags removed). */
  readonly args: readonly string[]
  /** `kubectl get`, for messages that name the command. */
  readonly commandPath: string
  readonly kubeconfig: KubeconfigState
  /** The -o template-family printers this kubectl was assembled with (printers/registry.ts). */
  readonly outputFormats: OutputFormats
  out(text: string): void
  err(text: string): void
  /** The namespace to work in and whether the user chose it with -n (clientcmd Namespace()). */
  namespace(): { namespace: string; explicit: boolean }
  /** Prints the API server's warnings as kubectl does (`Warning: ...` on stderr). */
  warn(warnings: readonly string[]): void
}

export function makeInvocation(p: {
  ctx: CommandContext
  flags: ParsedFlags
  commandPath: string
  kubeconfig: KubeconfigState
  outputFormats: OutputFormats
}): Invocation {
  const { ctx, flags, kubeconfig } = p
  return {
    ctx,
    api: ctx.sim.api,
    now: () => ctx.sim.now(),
    flags,
    args: flags.args,
    commandPath: p.commandPath,
    kubeconfig,
    outputFormats: p.outputFormats,
    out: (t) => ctx.stdout(t),
    err: (t) => ctx.stderr(t),
    namespace: () => kubeconfig.namespace({ namespace: flags.string('namespace'), context: flags.string('context') }),
    warn: (w) => {
      if (w.length) ctx.stderr(warningLines(w))
    },
  }
}
