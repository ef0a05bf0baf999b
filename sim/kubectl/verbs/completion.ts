// `kubectl completion SHELL` (kubectl pkg/cmd/completion/completion.go): prints the shell completion
// script of the real kubectl v1.33.1 (captured by scripts/gen-kubectl-help.mjs, loaded on first use).
// The terminal here completes kubectl itself (sim/kubectl/complete.ts); the script is what a student
// would add to ~/.bashrc on a real machine.

import type { KubectlCommand } from '../command'
import { UsageError } from '../errors'

type Scripts = Record<string, string>

let scripts: Promise<Scripts> | undefined

function load(): Promise<Scripts> {
  scripts ??= import('../help/generated/completion-scripts.json').then((m) => ((m as { default?: Scripts }).default ?? m) as Scripts)
  return scripts
}

export const completionCommand: KubectlCommand = {
  name: 'completion',
  short: 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)',
  async run(inv) {
    if (inv.args.length === 0) throw new UsageError(inv.commandPath, 'Shell not specified.')
    if (inv.args.length > 1) throw new UsageError(inv.commandPath, 'Too many arguments. Expected only the shell type.')
    const all = await load()
    const script = Object.prototype.hasOwnProperty.call(all, inv.args[0]) ? all[inv.args[0]] : undefined
    if (script === undefined) throw new UsageError(inv.commandPath, `Unsupported shell type "${inv.args[0]}".`)
    inv.out(script)
    return 0
  },
}
