// Reads the goldens of verbs/__golden__/<dir> (the real kubectl v1.33.1's output, made by
// __golden__/generate.mjs) and gives each case the world it was captured against.

import fs from 'node:fs'
import path from 'node:path'
import type { KubeObject } from '../../api/types'
import { isKind } from '../../api/kinds'
import { type KubectlEnv, webWorldEnv, worldEnv } from '../__fixtures__/env'

export interface GoldenCase {
  name: string
  args: string[]
  exit: number
  stderr: string
  world?: string
  kubeconfig?: string
  after?: string
}

const root = path.join(__dirname, '__golden__')

export function goldenCases(dir: string): GoldenCase[] {
  return JSON.parse(fs.readFileSync(path.join(root, dir, 'index.json'), 'utf8'))
}

export function goldenStdout(dir: string, c: GoldenCase): string {
  return fs.readFileSync(path.join(root, dir, `${c.name}.txt`), 'utf8')
}

/** The world a case ran against: web-world (the framework's fixture) or one of __golden__/worlds. */
export function envFor(c: GoldenCase): KubectlEnv {
  if (!c.world || c.world === 'web-world') return webWorldEnv()
  const world = JSON.parse(fs.readFileSync(path.join(root, 'worlds', `${c.world}.json`), 'utf8')) as { epoch: string; items: KubeObject[] }
  return worldEnv({ epoch: world.epoch, items: world.items.filter((o) => isKind(o.kind)) })
}
