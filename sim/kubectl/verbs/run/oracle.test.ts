// Every case of __oracle__/cases.txt (run's generated objects and the argument errors of run, exec,
// logs, attach, port-forward and proxy), replayed in the simulator's shell against the world the real
// kubectl v1.33.1 saw (sim/kubectl/__fixtures__/web-world.json, the fakeapi objects), must print what
// the real binary printed (__oracle__/oracle.txt, made by capture.sh) byte for byte, with the same
// exit status.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../api/types'
import { parseRfc3339 } from '../../../core/time'
import { NEVER } from '../../../shell/cancel'
import { headlessTime } from '../../../shell/headless-time'
import { createHostShell, hostCommands } from '../../../shell/host'
import { Simulation } from '../../../simulation'
import webWorld from '../../__fixtures__/web-world.json'
import { createKubectl } from '../../kubectl'

interface Case {
  line: string
  stdout: string
  stderr: string
  exit: number
}

function parseOracle(text: string): Case[] {
  return text
    .split(/^### /m)
    .slice(1)
    .map((b) => {
      const line = b.slice(0, b.indexOf('\n'))
      const section = (name: string, next: string) => {
        const start = b.indexOf(`@@@ ${name}\n`) + `@@@ ${name}\n`.length
        const body = b.slice(start, b.indexOf(`@@@ ${next}`, start))
        return body.endsWith('\n@@@ no newline\n') ? body.slice(0, -'\n@@@ no newline\n'.length) : body
      }
      return { line, stdout: section('stdout', 'stderr'), stderr: section('stderr', 'exit'), exit: Number(/@@@ exit (\d+)/.exec(b)![1]) }
    })
}

async function replay(line: string): Promise<Omit<Case, 'line'>> {
  const world = webWorld as unknown as { epoch: string; items: KubeObject[] }
  const sim = new Simulation({ epoch: parseRfc3339(world.epoch)!, clusterAgeMs: 0, seed: 1 })
  sim.api.restore(world.items, Math.max(...world.items.map((o) => Number(o.metadata.resourceVersion ?? 0))))
  const shell = createHostShell({ sim, commands: hostCommands().add(createKubectl()), tty: false, strict: true })
  let stdout = ''
  let stderr = ''
  const exit = await shell.execute(line, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cancel: NEVER, time: headlessTime(sim) })
  return { stdout, stderr, exit }
}

const cases = parseOracle(readFileSync(join(__dirname, '__oracle__', 'oracle.txt'), 'utf8'))

describe('run, exec, logs, attach, port-forward and proxy answer as kubectl v1.33.1 does', () => {
  it.each(cases.map((c) => [c.line, c] as const))('%s', async (_line, c) => {
    expect(await replay(c.line)).toEqual({ stdout: c.stdout, stderr: c.stderr, exit: c.exit })
  })
})
