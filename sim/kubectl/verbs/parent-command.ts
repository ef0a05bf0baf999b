// A command that only groups subcommands (`kubectl rollout`, `kubectl config`), run the way
// kubectl's cmdutil.DefaultSubCommandRun runs it: with arguments it is an unknown subcommand
// (`error: unknown command "foo"` and the `-h` hint); without, it prints its help and exits 1. rollout
// prints that help to stdout, config to stderr (each passes its own stream).

import type { KubectlCommand } from '../command'
import { UsageError } from '../errors'
import { loadHelp } from '../help'

export interface ParentSpec {
  name: string
  short: string
  helpTo: 'stdout' | 'stderr'
  subcommands: readonly KubectlCommand[]
}

export function parentCommand(spec: ParentSpec): KubectlCommand {
  return {
    name: spec.name,
    short: spec.short,
    subcommands: spec.subcommands,
    async run(inv) {
      if (inv.args.length) throw new UsageError(inv.commandPath, `unknown command "${inv.args.join(' ')}"`)
      const text = (await loadHelp(inv.commandPath)) ?? ''
      if (spec.helpTo === 'stdout') inv.out(text)
      else inv.err(text)
      return 1
    },
  }
}
