// Test support: a host shell on a freshly booted cluster, fed a script the way the runner feeds it
// (one command at a time), with stdout and stderr collected in order.

import { createSimulation, type Simulation } from '../simulation'
import { NEVER } from './cancel'
import { headlessTime } from './headless-time'
import { createHostShell, type HostShell, type HostShellOptions } from './host'
import { splitScript } from './script-split'

export interface ShellRun {
  output: string
  status: number
  shell: HostShell
  sim: Simulation
}

export function testShell(opts: Partial<HostShellOptions> = {}): HostShell {
  const sim = opts.sim ?? createSimulation({ seed: 7, strict: true })
  return createHostShell({ tty: false, strict: true, ...opts, sim })
}

/** Runs a script in a shell (a new one unless given) and returns what it printed. */
export async function runScript(script: string, shell: HostShell = testShell()): Promise<ShellRun> {
  const sim = shell.state.env.sim
  const time = headlessTime(sim, { onAdvance: () => shell.jobs.poke() })
  let output = ''
  const io = { stdout: (t: string) => (output += t), stderr: (t: string) => (output += t), cancel: NEVER, time }
  for (const cmd of splitScript(script, (t) => shell.needsMore(t))) {
    if (shell.ended) break
    await shell.execute(cmd.text, io)
  }
  return { output, status: shell.state.status, shell, sim }
}
