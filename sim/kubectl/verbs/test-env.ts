// Test support for verbs that wait (rollout status, wait, drain): the emulated kubectl against a booted
// simulation (testSim: seed 7, strict), with the headless runner's TimeControl, so waiting moves the
// virtual clock from timer to timer while the controllers and kubelets work.

import type { KubeObject } from '../../api/types'
import { headlessTime } from '../../shell/headless-time'
import type { CancelToken, CommandContext } from '../../shell/types'
import type { Simulation } from '../../simulation'
import { MemFs } from '../../storage/memfs'
import { testSim } from '../../testing/harness'
import type { KubectlCommand } from '../command'
import { createKubectl } from '../kubectl'
import { KubeconfigState } from '../kubeconfig'

export interface RunResult {
  stdout: string
  stderr: string
  exitCode: number
}

export interface BootedEnv {
  sim: Simulation
  fs: MemFs
  kubeconfig: KubeconfigState
  run(args: readonly string[], opts?: { stdin?: string }): Promise<RunResult>
  /** Creates objects as the student would (kubectl create), without letting time pass. */
  create(...objects: unknown[]): KubeObject[]
}

const NEVER: CancelToken = { cancelled: false, onCancel: () => () => {} }

export function bootedEnv(opts: { sim?: Simulation; verbs?: readonly KubectlCommand[] } = {}): BootedEnv {
  const sim = opts.sim ?? testSim()
  const fs = new MemFs()
  fs.mkdirp('/root')
  const kubeconfig = new KubeconfigState()
  const kubectl = createKubectl({ kubeconfig, verbs: opts.verbs })
  const time = headlessTime(sim)
  return {
    sim,
    fs,
    kubeconfig,
    async run(args, o = {}) {
      const out: RunResult = { stdout: '', stderr: '', exitCode: -1 }
      const ctx: CommandContext = {
        argv: ['kubectl', ...args],
        stdin: o.stdin ?? null,
        env: new Map([['HOME', '/root']]),
        cwd: '/root',
        fs,
        sim,
        time,
        cancel: NEVER,
        tty: false,
        columns: 120,
        stdout: (t) => (out.stdout += t),
        stderr: (t) => (out.stderr += t),
      }
      out.exitCode = await kubectl.run(ctx)
      sim.drain()
      return out
    },
    create(...objects) {
      return objects.map((o) => sim.api.create(o as KubeObject, { actor: 'kubectl' }))
    },
  }
}

/** Lines of text, without the final empty string. */
export function lines(text: string): string[] {
  const l = text.split('\n')
  if (l[l.length - 1] === '') l.pop()
  return l
}

/** Consecutive repeats folded: rollout status prints a line per status write, repeats included. */
export function distinctRuns(items: readonly string[]): string[] {
  return items.filter((s, i) => i === 0 || s !== items[i - 1])
}
