// `kubectl describe` compared byte for byte with what the real kubectl v1.33.1 printed for the same
// objects at the same instant: each world of __golden__/worlds.ts was run in the simulator and dumped
// (dump.ts), served to the real binary by shared/tools/fakeapi, and its stdout, stderr and exit code
// kept in __golden__ (generate.mjs; scripts/golden-describe.sh). Here the same objects are loaded into
// an API server with nothing reconciling and described by our kubectl at the world's epoch.

import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../api/types'
import type { NodeOutage } from '../../node-health'
import { worldEnv, type KubectlEnv } from '../__fixtures__/env'

const dir = path.join(__dirname, '__golden__')
interface Case {
  name: string
  world: string
  args: string[]
  exit: number
  stderr: string
}
const index: Case[] = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'))

interface World {
  epoch: string
  nodeOutages: NodeOutage[]
  items: KubeObject[]
}

/** The world as our API server holds it: Leases are derived by describe node, not stored. */
function envFor(name: string): KubectlEnv {
  const world: World = JSON.parse(fs.readFileSync(path.join(dir, 'worlds', `${name}.json`), 'utf8'))
  const env = worldEnv({ epoch: world.epoch, items: world.items.filter((o) => o.kind !== 'Lease') })
  env.sim.nodeHealth.load(world.nodeOutages)
  const manifests = path.join(dir, 'manifests')
  for (const f of fs.readdirSync(manifests)) env.fs.writeFile(`/root/${f}`, fs.readFileSync(path.join(manifests, f), 'utf8'))
  return env
}

describe('kubectl describe goldens (real kubectl v1.33.1 over fakeapi)', () => {
  it.each(index)('$name: kubectl $args', async (c) => {
    const r = await envFor(c.world).run(c.args)
    expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exitCode }).toEqual({
      stdout: fs.readFileSync(path.join(dir, `${c.name}.txt`), 'utf8'),
      stderr: c.stderr,
      exit: c.exit,
    })
  })
})
