#!/usr/bin/env node
/* global process, console, URL */
// Regenerates the goldens of the rollout/wait/drain/config/... verbs from the REAL kubectl v1.33.1.
// Each case in <dir>/cases.json runs against shared/tools/fakeapi serving a world ("world":
// "web-world" = sim/kubectl/__fixtures__/web-world.json, or a file in ./worlds) with ages shifted to
// the world's epoch; or ("discovery": true) against discovery-server.mjs serving the kinds of
// sim/api/kinds.ts; or ("root": true) as the bare binary with HOME=/root and, when
// "kubeconfig" names a file in ./kubeconfigs, --kubeconfig pointing at a scratch copy of it (config
// commands that write change the copy; "after": true also records the copy afterwards). Writes
// <name>.txt (stdout) and index.json (args, exit code, stderr, kubeconfig after). The local server's
// URL (http://127.0.0.1:PORT) is written as the simulated cluster's (https://192.168.56.10:6443).
// Tests never run this; they read what it wrote.
//
//   node sim/kubectl/verbs/__golden__/generate.mjs sim/kubectl/verbs/__golden__/rollout [case]
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const dir = process.argv[2]
const only = process.argv[3]
const here = path.dirname(new URL(import.meta.url).pathname)
const wrapper = '/work/shared/tools/fakeapi/kubectl-real.sh'
const kubectl = '/usr/lib/google-cloud-sdk/bin/kubectl.1.33'
const worldFile = (w) => (w === 'web-world' ? path.resolve(here, '../../__fixtures__/web-world.json') : path.join(here, 'worlds', `${w}.json`))

const cases = JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8'))

/** Starts discovery-server.mjs over a dump of KINDS; resolves with a kubeconfig file pointing at it. */
async function startDiscovery() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kdisc-'))
  const repo = path.resolve(here, '../../../..')
  const kinds = execFileSync('npx', ['tsx', '-e', "import { KINDS } from './sim/api/kinds'; console.log(JSON.stringify(KINDS))"], { cwd: repo, encoding: 'utf8' })
  fs.writeFileSync(path.join(tmp, 'kinds.json'), kinds)
  const child = spawn('node', [path.join(here, 'discovery-server.mjs'), path.join(tmp, 'kinds.json')], { stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise((resolve) => child.stdout.on('data', (d) => resolve(/port=(\d+)/.exec(String(d))[1])))
  const config = path.join(tmp, 'config')
  fs.writeFileSync(
    config,
    `apiVersion: v1\nkind: Config\nclusters:\n- name: d\n  cluster:\n    server: http://127.0.0.1:${port}\ncontexts:\n- name: d\n  context:\n    cluster: d\n    user: d\ncurrent-context: d\nusers:\n- name: d\n  user: {}\n`,
  )
  return { child, config, cache: path.join(tmp, 'cache') }
}
const discovery = cases.some((c) => c.discovery && (!only || c.name === only)) ? await startDiscovery() : undefined
const indexPath = path.join(dir, 'index.json')
const previous = fs.existsSync(indexPath) ? JSON.parse(fs.readFileSync(indexPath, 'utf8')) : []
const index = []
for (const c of cases) {
  if (only && c.name !== only) {
    const old = previous.find((p) => p.name === c.name)
    if (old) index.push(old)
    continue
  }
  let argv
  let scratch
  if (c.discovery) {
    argv = [kubectl, '--kubeconfig', discovery.config, '--cache-dir', discovery.cache, ...c.args]
  } else if (c.root) {
    argv = [kubectl]
    if (c.kubeconfig) {
      scratch = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kgold-')), 'config')
      fs.copyFileSync(path.join(here, 'kubeconfigs', c.kubeconfig), scratch)
      argv.push('--kubeconfig', scratch)
    }
    argv.push(...c.args)
  } else {
    argv = [wrapper, worldFile(c.world ?? 'web-world'), ...(c.noShift ? ['--no-shift'] : []), '--', ...c.args]
  }
  const r = spawnSync(argv[0], argv.slice(1), {
    cwd: here,
    env: { PATH: process.env.PATH, KUBECTL: kubectl, TZ: 'UTC', HOME: '/root', KUBECONFIG: c.root && !c.kubeconfig ? '/nonexistent' : '' },
    encoding: 'utf8',
    input: c.stdin ?? '',
  })
  // Messages that name the binary or the scratch file use what the emulator shows instead.
  const fix = (s) => {
    let t = s.replaceAll('kubectl.1.33', 'kubectl').replace(/http:\/\/127\.0\.0\.1:\d+/g, 'https://192.168.56.10:6443')
    if (scratch) t = t.replaceAll(scratch, '/root/.kube/config')
    return t
  }
  fs.writeFileSync(path.join(dir, `${c.name}.txt`), fix(r.stdout))
  const entry = { name: c.name, args: c.args, exit: r.status, stderr: fix(r.stderr) }
  if (c.world) entry.world = c.world
  if (c.kubeconfig) entry.kubeconfig = c.kubeconfig
  if (scratch && c.after) entry.after = fs.readFileSync(scratch, 'utf8')
  index.push(entry)
  console.log(`${c.name}: exit ${r.status}`)
}
discovery?.child.kill()
fs.writeFileSync(indexPath, '[\n' + index.map((i) => '  ' + JSON.stringify(i)).join(',\n') + '\n]\n')
