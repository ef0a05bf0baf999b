// Test support: a terminal on the student's machine of a booted cluster, as the app drives it — the
// host bash with the real kubectl and curl, a session stack so `kubectl exec -it` / `kubectl run -it`
// open a shell that the next typed lines go to, and headless time. `type(line)` returns what the
// terminal shows for that line: the prompt it was typed at (when `prompts` is on), the line, then the
// output, in order.

import { createKubectl } from '../../kubectl'
import { KubeconfigState } from '../../kubeconfig'
import { NEVER } from '../../../shell/cancel'
import { SessionStack } from '../../../shell/driver'
import { headlessTime } from '../../../shell/headless-time'
import { createHostShell, hostCommands, type HostShell } from '../../../shell/host'
import type { Simulation } from '../../../simulation'
import { testSim } from '../../../testing/harness'
import { WEB_YAML } from '../../../testing/fixtures'

export { WEB_YAML }

export interface Terminal {
  sim: Simulation
  shell: HostShell
  stack: SessionStack
  /** Types one line; returns the screen text it produced (stdout and stderr interleaved). */
  type(line: string): Promise<string>
  /** Types one line and returns only its output, split by stream. */
  run(line: string): Promise<{ stdout: string; stderr: string }>
  write(path: string, content: string): void
  /** Lets background jobs (`kubectl proxy &`) run up to the point where they wait. */
  idle(): Promise<void>
  /** Starts `line &` and returns what the job printed until it started waiting. */
  background(line: string): Promise<{ stdout: string; stderr: string }>
}

export function terminal(opts: { sim?: Simulation; tty?: boolean; prompts?: boolean } = {}): Terminal {
  const sim = opts.sim ?? testSim()
  const stack = new SessionStack()
  const commands = hostCommands().add(createKubectl({ kubeconfig: new KubeconfigState() }))
  const shell = createHostShell({ sim, commands, tty: opts.tty ?? true, strict: true, openSession: stack.openSession })
  stack.setRoot(shell)
  const time = headlessTime(sim, { onAdvance: () => shell.jobs.poke() })
  // One screen for the whole terminal: a command that opened a session keeps writing to it after the
  // line that started it returned (`pod "dns-test" deleted` appears after `exit`).
  let screen = ''
  const streams = { stdout: '', stderr: '' }
  const io = {
    stdout: (t: string) => ((screen += t), (streams.stdout += t)),
    stderr: (t: string) => ((screen += t), (streams.stderr += t)),
    cancel: NEVER,
    time,
  }
  const submit = async (line: string) => {
    await stack.submit(line, io)
    sim.drain()
  }
  return {
    sim,
    shell,
    stack,
    async type(line) {
      const start = screen.length
      if (opts.prompts) screen += `${stack.current().prompt()}${line}\n`
      await submit(line)
      return screen.slice(start)
    },
    async run(line) {
      const before = { ...streams }
      await submit(line)
      return { stdout: streams.stdout.slice(before.stdout.length), stderr: streams.stderr.slice(before.stderr.length) }
    },
    async idle() {
      for (let i = 0; i < 50; i++) await Promise.resolve()
    },
    async background(line) {
      const before = { ...streams }
      await submit(`${line} &`)
      await this.idle()
      return { stdout: streams.stdout.slice(before.stdout.length), stderr: streams.stderr.slice(before.stderr.length) }
    },
    write(path, content) {
      shell.fs.writeFile(path.startsWith('/') ? path : `/root/${path}`, content, sim.now())
    },
  }
}


/** A terminal whose cluster runs web.yaml, settled (three ready pods). */
export async function webTerminal(opts: Parameters<typeof terminal>[0] = {}): Promise<Terminal> {
  const t = terminal(opts)
  t.write('web.yaml', WEB_YAML)
  const r = await t.run('kubectl apply -f web.yaml')
  if (r.stderr) throw new Error(`apply failed: ${r.stderr}`)
  t.sim.settle()
  return t
}
