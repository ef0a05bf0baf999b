// The student's terminal on the lab machine: the host shell (sim/shell) with the real kubectl
// (sim/kubectl) installed in place of its placeholder. The browser's terminal tabs, the headless
// runner and lab checks all open shells through here, so they run the same programs.

import { createKubectl } from './kubectl/kubectl'
import { createHostShell, hostCommands, type HostShell, type HostShellOptions } from './shell/host'

export function labCommands(): ReturnType<typeof hostCommands> {
  return hostCommands().add(createKubectl())
}

export function createLabShell(opts: HostShellOptions): HostShell {
  return createHostShell({ ...opts, commands: opts.commands ?? labCommands() })
}
