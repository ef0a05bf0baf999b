// Every case of __oracle__/cases.txt, replayed in the simulator's shell against the same world the real
// kubectl v1.33.1 saw (sim/kubectl/__fixtures__/web-world.json, the fakeapi objects), must print what
// the real binary printed (__oracle__/oracle.txt, made by capture.sh) byte for byte, with the same exit
// status. Only klog's timestamp/pid header and edit's random temp-file name are normalized.

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../api/types'
import { parseRfc3339 } from '../../core/time'
import { headlessTime } from '../../shell/headless-time'
import { createHostFs, createHostShell, hostCommands } from '../../shell/host'
import type { CancelToken } from '../../shell/types'
import { Simulation } from '../../simulation'
import webWorld from '../__fixtures__/web-world.json'
import { createKubectl } from '../kubectl'

const DIR = join(__dirname, '__oracle__')

interface Case {
  line: string
  stdout: string
  stderr: string
  exit: number
}

function parseOracle(text: string): Case[] {
  const cases: Case[] = []
  const blocks = text.split(/^### /m).slice(1)
  for (const b of blocks) {
    const nl = b.indexOf('\n')
    const line = b.slice(0, nl)
    const section = (name: string, next: string) => {
      const start = b.indexOf(`@@@ ${name}\n`) + `@@@ ${name}\n`.length
      let body = b.slice(start, b.indexOf(`@@@ ${next}`, start))
      if (body.endsWith('\n@@@ no newline\n')) body = body.slice(0, -'\n@@@ no newline\n'.length)
      return body
    }
    const exit = Number(/@@@ exit (\d+)/.exec(b)![1])
    cases.push({ line, stdout: section('stdout', 'stderr'), stderr: section('stderr', 'exit'), exit })
  }
  return cases
}

function normalize(s: string): string {
  return s.replace(/^([WEI])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, '$1mmdd hh:mm:ss.uuuuuu pid ').replace(/\/tmp\/kubectl-edit-\d+\.(yaml|json)/g, '/tmp/kubectl-edit-N.$1')
}

function copyTree(src: string, fs: ReturnType<typeof createHostFs>, dest: string): void {
  for (const name of readdirSync(src)) {
    const p = join(src, name)
    if (statSync(p).isDirectory()) {
      fs.mkdirp(`${dest}/${name}`)
      copyTree(p, fs, `${dest}/${name}`)
    } else fs.writeFile(`${dest}/${name}`, readFileSync(p, 'utf8'))
  }
}

const NEVER: CancelToken = { cancelled: false, onCancel: () => () => {} }

async function replay(line: string): Promise<{ stdout: string; stderr: string; exit: number }> {
  const world = webWorld as unknown as { epoch: string; items: KubeObject[] }
  const sim = new Simulation({ epoch: parseRfc3339(world.epoch)!, clusterAgeMs: 0, seed: 1 })
  sim.api.restore(world.items, Math.max(...world.items.map((o) => Number(o.metadata.resourceVersion ?? 0))))
  const fs = createHostFs(sim.now())
  copyTree(join(DIR, 'files'), fs, '/root')
  const shell = createHostShell({ sim, fs, commands: hostCommands().add(createKubectl()), tty: false, strict: true })
  let stdout = ''
  let stderr = ''
  const exit = await shell.execute(line, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cancel: NEVER, time: headlessTime(sim) })
  return { stdout, stderr, exit }
}

const cases = parseOracle(readFileSync(join(DIR, 'oracle.txt'), 'utf8'))

describe('kubectl mutating verbs answer as kubectl v1.33.1 does', () => {
  it.each(cases.map((c) => [c.line, c] as const))('%s', async (_line, c) => {
    const got = await replay(c.line)
    expect({ stdout: normalize(got.stdout), stderr: normalize(got.stderr), exit: got.exit }).toEqual({
      stdout: normalize(c.stdout),
      stderr: normalize(c.stderr),
      exit: c.exit,
    })
  })
})
