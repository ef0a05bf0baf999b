// Records what the REAL kubectl v1.33.1 prints for the template printers (-o jsonpath, custom-columns,
// go-template and their -file forms), so the tests can compare our printers with its bytes. Not part
// of the simulator: a developer runs it by hand after changing world.json or cases.mjs:
//
//   node sim/kubectl/printers/jsonpath/__oracle__/capture.mjs
//
// It serves world.json with the shared fake API server (shared/tools/fakeapi, timestamps unshifted),
// runs kubectl for every case of cases.mjs, and writes cases.json: the `-o json` text of every query
// (the object the printers receive) and each case's stdout, stderr and exit code.
/* global process, console */

import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CASES } from './cases.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../../../../..')
const fakeapi = process.env.FAKEAPI ?? resolve(root, '../shared/tools/fakeapi')
const kubectl = process.env.KUBECTL ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.33'

function startServer() {
  return new Promise((res, rej) => {
    const srv = spawn('node', [join(fakeapi, 'server.mjs'), join(here, 'world.json'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] })
    let buf = ''
    srv.stdout.on('data', (d) => {
      buf += d
      const m = /FAKEAPI READY port=(\d+)/.exec(buf)
      if (m) res({ srv, port: Number(m[1]) })
    })
    srv.on('exit', () => rej(new Error('fake API server exited')))
  })
}

const { srv, port } = await startServer()
const work = mkdtempSync(join(tmpdir(), 'printers-oracle-'))
const kubeconfig = join(work, 'kubeconfig')
writeFileSync(
  kubeconfig,
  `apiVersion: v1\nkind: Config\nclusters:\n- name: f\n  cluster:\n    server: http://127.0.0.1:${port}\ncontexts:\n- name: f\n  context:\n    cluster: f\n    user: f\n    namespace: default\ncurrent-context: f\nusers:\n- name: f\n  user: {}\n`,
)

function run(args, files = {}) {
  const cwd = mkdtempSync(join(work, 'case-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text)
  const r = spawnSync(kubectl, ['--kubeconfig', kubeconfig, '--cache-dir', join(work, 'cache'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, HOME: work, TZ: 'UTC' },
  })
  rmSync(cwd, { recursive: true, force: true })
  return { stdout: r.stdout, stderr: r.stderr, exit: r.status }
}

export function kubectlArgs(c) {
  const args = ['get', ...c.query]
  if (c.output !== undefined) args.push('-o', c.output)
  if (c.template !== undefined) args.push('--template', c.template)
  return [...args, ...(c.flags ?? [])]
}

try {
  const inputs = {}
  for (const c of CASES) {
    const key = c.query.join(' ')
    if (!(key in inputs)) {
      const r = run(['get', ...c.query, '-o', 'json'])
      if (r.exit !== 0) throw new Error(`get ${key} -o json failed: ${r.stderr}`)
      inputs[key] = r.stdout
    }
  }
  const cases = CASES.map((c) => ({ ...c, ...run(kubectlArgs(c), c.files) }))
  const previous = (() => {
    try {
      return readFileSync(join(here, 'cases.json'), 'utf8')
    } catch {
      return ''
    }
  })()
  const text = JSON.stringify({ kubectl: run(['version', '--client', '-o', 'json']).stdout.match(/"gitVersion": "([^"]+)"/)[1], inputs, cases }, null, 1) + '\n'
  writeFileSync(join(here, 'cases.json'), text)
  console.log(`${cases.length} cases${previous && previous !== text ? ' (changed)' : ''}`)
} finally {
  srv.kill()
  rmSync(work, { recursive: true, force: true })
}
