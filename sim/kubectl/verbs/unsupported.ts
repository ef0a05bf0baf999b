// Commands kubectl v1.33 has and this simulator does not run, with the subcommands they have, so that
// `kubectl top pod --help` finds `top pod` and prints its real help (help/), and running one says
// honestly that it is not available (the root's placeholder does the same for commands without
// subcommands). `kubectl options` is here too: it only prints the global flags' help.

import type { KubectlCommand } from '../command'
import { KubectlError } from '../errors'
import { loadHelp } from '../help'

function notAvailable(name: string, subcommands: readonly KubectlCommand[] = [], aliases?: readonly string[]): KubectlCommand {
  return {
    name,
    aliases,
    subcommands: subcommands.length ? subcommands : undefined,
    unavailable: true,
    run: (inv) => {
      throw new KubectlError(`"${inv.commandPath}" is not available in this simulator`)
    },
  }
}

export const unsupportedCommands: readonly KubectlCommand[] = [
  notAvailable('certificate', [notAvailable('approve'), notAvailable('deny')]),
  notAvailable('auth', [notAvailable('can-i'), notAvailable('reconcile'), notAvailable('whoami')]),
  notAvailable('plugin', [notAvailable('list')]),
]

/** `kubectl options`: the global command-line options (help/). */
export const optionsCommand: KubectlCommand = {
  name: 'options',
  async run(inv) {
    inv.out((await loadHelp('options')) ?? '')
    return 0
  },
}
