// `kubectl get` against the worked-example world, compared byte for byte with what the real kubectl
// v1.33.1 printed for the same objects (sim/kubectl/__golden__/get, made by __golden__/generate.mjs
// through shared/tools/fakeapi; the fakeapi's table cells follow the kubectl reference).

import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { webWorldEnv } from '../__fixtures__/env'

const dir = path.join(__dirname, '../__golden__/get')
const index: { name: string; args: string[]; exit: number; stderr: string }[] = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'))

describe('kubectl get goldens', () => {
  it.each(index)('$name: kubectl $args', async (c) => {
    const env = webWorldEnv()
    const r = await env.run(c.args)
    expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exitCode }).toEqual({
      stdout: fs.readFileSync(path.join(dir, `${c.name}.txt`), 'utf8'),
      stderr: c.stderr,
      exit: c.exit,
    })
  })
})
