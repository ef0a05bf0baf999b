// Test support: runs the emulated kubectl against a fixed world (objects as a v1.33 cluster stores
// them, with the clock at the world's epoch) and captures stdout, stderr and the exit code. Nothing
// reconciles: the world only changes when a test writes to the API server.

import type { KubeObject } from '../../api/types'
import { parseRfc3339 } from '../../core/time'
import type { CancelToken, CommandContext, TimeControl } from '../../shell/types'
import { Simulation } from '../../simulation'
import { MemFs } from '../../storage/memfs'
import { createKubectl, type KubectlOptions } from '../kubectl'
import webWorld from './web-world.json'

export interface RunResult {
  stdout: string
  stderr: string
  exitCode: number
}

export interface KubectlEnv {
  sim: Simulation
  fs: MemFs
  run(args: readonly string[], opts?: { stdin?: string; cwd?: string }): Promise<RunResult>
  /** Starts a command that waits (get -w); `stop()` presses Ctrl-C and returns what it printed. */
  start(args: readonly string[]): { output(): RunResult; stop(): Promise<RunResult> }
}

/** A world like shared/tools/fakeapi/web-world.json: §10 of the kubectl reference. */
export function webWorldEnv(opts: KubectlOptions = {}): KubectlEnv {
  return worldEnv(webWorld as { epoch: string; items: KubeObject[] }, opts)
}

export function worldEnv(world: { epoch: string; items: KubeObject[] }, opts: KubectlOptions = {}): KubectlEnv {
  const epoch = parseRfc3339(world.epoch)!
  const sim = new Simulation({ epoch, clusterAgeMs: 0, seed: 1 })
  let rv = 0
  for (const o of world.items) rv = Math.max(rv, Number(o.metadata.resourceVersion ?? 0))
  sim.api.restore(world.items, rv)
  const fs = new MemFs()
  fs.mkdirp('/root')
  const kubectl = createKubectl(opts)

  function context(args: readonly string[], out: RunResult, cancel: CancelToken, o: { stdin?: string; cwd?: string } = {}): CommandContext {
    const time: TimeControl = {
      now: () => sim.now(),
      sleep: async () => !cancel.cancelled,
      until: (done, timeoutMs, c) =>
        new Promise<boolean>((resolve) => {
          if (done()) return resolve(true)
          if (timeoutMs !== undefined) {
            sim.clock.advanceTo(sim.now() + timeoutMs)
            return resolve(done())
          }
          c?.onCancel(() => resolve(false))
        }),
    }
    return {
      argv: ['kubectl', ...args],
      stdin: o.stdin ?? null,
      env: new Map([['HOME', '/root']]),
      cwd: o.cwd ?? '/root',
      fs,
      sim,
      time,
      cancel,
      tty: false,
      columns: 120,
      stdout: (t) => (out.stdout += t),
      stderr: (t) => (out.stderr += t),
    }
  }

  function token(): CancelToken & { fire(): void } {
    const cbs: (() => void)[] = []
    const t = {
      cancelled: false,
      onCancel(cb: () => void) {
        cbs.push(cb)
        return () => cbs.splice(cbs.indexOf(cb), 1)
      },
      fire() {
        t.cancelled = true
        for (const cb of [...cbs]) cb()
      },
    }
    return t
  }

  return {
    sim,
    fs,
    async run(args, o) {
      const out: RunResult = { stdout: '', stderr: '', exitCode: -1 }
      out.exitCode = await kubectl.run(context(args, out, token(), o))
      return out
    },
    start(args) {
      const out: RunResult = { stdout: '', stderr: '', exitCode: -1 }
      const cancel = token()
      const done = Promise.resolve(kubectl.run(context(args, out, cancel))).then((code) => {
        out.exitCode = code
        return out
      })
      return {
        output: () => out,
        stop: async () => {
          cancel.fire()
          return done
        },
      }
    },
  }
}
