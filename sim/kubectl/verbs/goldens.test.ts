// The verbs of rollout, wait, drain, config, version, api-resources, cluster-info, completion, top and
// `events -o`, compared byte for byte with what the real kubectl v1.33.1 printed (verbs/__golden__/<dir>,
// made by __golden__/generate.mjs: against shared/tools/fakeapi serving the worked-example worlds of
// §10 and §11.11 or a world in __golden__/worlds, or the bare binary with a kubeconfig from
// __golden__/kubeconfigs).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isKind } from '../../api/kinds'
import type { KubeObject } from '../../api/types'
import { type KubectlEnv, webWorldEnv, worldEnv } from '../__fixtures__/env'

interface GoldenCase {
  name: string
  args: string[]
  exit: number
  stderr: string
  world?: string
  kubeconfig?: string
  after?: string
}

const root = path.join(__dirname, '__golden__')
const dirs = fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'index.json')))

function cases(dir: string): GoldenCase[] {
  return JSON.parse(fs.readFileSync(path.join(root, dir, 'index.json'), 'utf8'))
}

/** The world a case ran against: web-world (the framework's fixture) or one of __golden__/worlds. */
function envFor(c: GoldenCase): KubectlEnv {
  if (!c.world || c.world === 'web-world') return webWorldEnv()
  const world = JSON.parse(fs.readFileSync(path.join(root, 'worlds', `${c.world}.json`), 'utf8')) as { epoch: string; items: KubeObject[] }
  return worldEnv({ epoch: world.epoch, items: world.items.filter((o) => isKind(o.kind)) })
}

// The kubeconfig file kubectl wrote may lack `preferences: {}` when nothing was changed.
const withoutPreferences = (s: string) => s.replace('preferences: {}\n', '')

describe.each(dirs)('kubectl %s goldens', (dir) => {
  it.each(cases(dir))('$name: kubectl $args', async (c) => {
    const env = envFor(c)
    const r = await env.run(c.args)
    expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exitCode }).toEqual({
      stdout: fs.readFileSync(path.join(root, dir, `${c.name}.txt`), 'utf8'),
      stderr: c.stderr,
      exit: c.exit,
    })
    // What a config command left in the kubeconfig, as `config view --raw` shows it afterwards.
    if (c.after !== undefined) expect(withoutPreferences((await env.run(['config', 'view', '--raw'])).stdout)).toBe(withoutPreferences(c.after))
  })
})
