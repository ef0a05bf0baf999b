// `-o yaml` and `-o json` byte for byte as kubectl v1.33.1 printed them (sim/kubectl/__golden__/output):
// go-yaml's quoting, key order, 80-column folding and literal blocks; Go's JSON escaping and indent.

import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../api/types'
import { webWorldEnv, worldEnv } from '../__fixtures__/env'

const dir = path.join(__dirname, '../__golden__/output')
const index: { name: string; world?: string; args: string[]; exit: number; stderr: string }[] = JSON.parse(
  fs.readFileSync(path.join(dir, 'index.json'), 'utf8'),
)

function envFor(world: string | undefined) {
  if (!world) return webWorldEnv()
  return worldEnv(JSON.parse(fs.readFileSync(path.join(__dirname, '../__fixtures__', world), 'utf8')) as { epoch: string; items: KubeObject[] })
}

describe('kubectl -o yaml/json goldens', () => {
  it.each(index)('$name: kubectl $args', async (c) => {
    const r = await envFor(c.world).run(c.args)
    expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exitCode }).toEqual({
      stdout: fs.readFileSync(path.join(dir, `${c.name}.txt`), 'utf8'),
      stderr: c.stderr,
      exit: c.exit,
    })
  })
})
