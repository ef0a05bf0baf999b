// `kubectl get -f` over the fixture manifests (files, directories, -R, globs, stdin, YAML and JSON
// streams, `kind: List`) and the errors kubectl v1.33.1 gives for missing paths, undecodable and
// unmappable documents and YAML syntax errors (sim/kubectl/__golden__/files, made by generate.mjs).

import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { MemFs } from '../../storage/memfs'
import { webWorldEnv } from '../__fixtures__/env'

const dir = path.join(__dirname, '../__golden__/files')
const manifests = path.join(__dirname, '../__fixtures__/manifests')
const cases: { name: string; stdin?: string }[] = JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8'))
const index: { name: string; args: string[]; exit: number; stderr: string }[] = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'))

function copyInto(target: MemFs, from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name)
    if (entry.isDirectory()) copyInto(target, src, `${to}/${entry.name}`)
    else target.writeFile(`${to}/${entry.name}`, fs.readFileSync(src, 'utf8'))
  }
}

describe('kubectl get -f goldens', () => {
  it.each(index)('$name: kubectl $args', async (c) => {
    const env = webWorldEnv()
    copyInto(env.fs, manifests, '/root/manifests')
    const stdin = cases.find((x) => x.name === c.name)?.stdin
    const r = await env.run(c.args, { cwd: '/root/manifests', stdin })
    expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exitCode }).toEqual({
      stdout: fs.readFileSync(path.join(dir, `${c.name}.txt`), 'utf8'),
      stderr: c.stderr,
      exit: c.exit,
    })
  })
})
