// Replaying real kubectl's answers (an oracle directory: cases.txt, oracle.txt made by
// mutate/__oracle__/capture.sh, the files the cases read) in the simulator's shell, against the same
// objects the real kubectl v1.33.1 saw through shared/tools/fakeapi. Only klog's timestamp/pid header
// and edit's random temp-file name are normalized.

import { readdirSync, statSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { KubeObject } from '../api/types'
import { parseRfc3339 } from '../core/time'
import { headlessTime } from '../shell/headless-time'
import { createHostFs, createHostShell, hostCommands } from '../shell/host'
import type { CancelToken } from '../shell/types'
import { Simulation } from '../simulation'
import { createKubectl } from '../kubectl/kubectl'

/** The objects a fakeapi world file serves. */
export interface OracleWorld {
  epoch: string
  items: KubeObject[]
}

/** The cases of `dir`/oracle.txt. */
export function readOracle(dir: string): OracleCase[] {
  return parseOracle(readFileSync(join(dir, 'oracle.txt'), 'utf8'))
}

export interface OracleCase {
  line: string
  stdout: string
  stderr: string
  exit: number
}

export function parseOracle(text: string): OracleCase[] {
  const cases: OracleCase[] = []
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

export function normalize(s: string): string {
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

/** Runs one command line in the simulator's shell against `world`'s objects, from a directory holding `filesDir`'s files. */
export async function replayInWorld(world: OracleWorld, line: string, filesDir?: string): Promise<{ stdout: string; stderr: string; exit: number }> {
  const sim = new Simulation({ epoch: parseRfc3339(world.epoch)!, clusterAgeMs: 0, seed: 1 })
  sim.api.restore(world.items, Math.max(...world.items.map((o) => Number(o.metadata.resourceVersion ?? 0))))
  const fs = createHostFs(sim.now())
  if (filesDir) copyTree(filesDir, fs, '/root')
  const shell = createHostShell({ sim, fs, commands: hostCommands().add(createKubectl()), tty: false, strict: true })
  let stdout = ''
  let stderr = ''
  const exit = await shell.execute(line, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cancel: NEVER, time: headlessTime(sim) })
  return { stdout, stderr, exit }
}
