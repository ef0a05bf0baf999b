// Test support for the mutating verbs: the student's host shell with the real kubectl, on a booted
// simulation (controllers, kubelet and all), with headless time: a command that waits (`delete`
// waiting for a pod to go) lets virtual time pass until it is done. `sh(line)` runs one command line
// as typed in the terminal (quotes, pipes, heredocs) and returns what it printed.

import { createKubectl } from '../kubectl'
import { createHostShell, hostCommands, type HostShell } from '../../shell/host'
import { headlessTime } from '../../shell/headless-time'
import type { CancelToken, EditorHook } from '../../shell/types'
import type { Simulation } from '../../simulation'
import { testSim } from '../../testing/harness'
import { WEB_YAML } from '../../testing/fixtures'

export { WEB_YAML }

export interface ShellResult {
  stdout: string
  stderr: string
  exitCode: number
}

export interface TestShell {
  sim: Simulation
  shell: HostShell
  sh(line: string): Promise<ShellResult>
  /** Writes a file in the student's home (/root). */
  write(path: string, content: string): void
}


/** A shell whose cluster runs web.yaml (applied, settled: three ready pods). */
export async function webShell(opts: Parameters<typeof testShell>[0] = {}): Promise<TestShell> {
  const t = testShell(opts)
  t.write('web.yaml', WEB_YAML)
  const r = await t.sh('kubectl apply -f web.yaml')
  if (r.exitCode !== 0) throw new Error(`apply failed: ${r.stderr}`)
  t.sim.settle()
  return t
}

const NEVER: CancelToken = { cancelled: false, onCancel: () => () => {} }

export function testShell(opts: { sim?: Simulation; editor?: EditorHook; env?: Record<string, string> } = {}): TestShell {
  const sim = opts.sim ?? testSim()
  const commands = hostCommands().add(createKubectl())
  const shell = createHostShell({ sim, commands, tty: false, strict: true, editor: opts.editor, env: opts.env })
  const time = headlessTime(sim)
  return {
    sim,
    shell,
    async sh(line) {
      const out: ShellResult = { stdout: '', stderr: '', exitCode: -1 }
      out.exitCode = await shell.execute(line, { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), cancel: NEVER, time })
      return out
    },
    write(path, content) {
      shell.fs.writeFile(path.startsWith('/') ? path : `/root/${path}`, content, sim.now())
    },
  }
}
