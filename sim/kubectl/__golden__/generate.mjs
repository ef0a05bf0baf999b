#!/usr/bin/env node
/* global process, console, URL */
// Regenerates the kubectl goldens from the REAL kubectl v1.33.1: each case in <dir>/cases.json is run
// against shared/tools/fakeapi serving sim/kubectl/__fixtures__/web-world.json (or the case's "world"; ages shifted so they
// read as at the world's epoch; "noShift" keeps timestamps as in the file for -o yaml/json), with the
// fixture manifests directory as cwd. Writes <dir>/<name>.txt (stdout, byte for byte) and
// <dir>/index.json (args, exit code, stderr). Table CELLS from fakeapi come from its tables.mjs, which
// follows the kubectl reference; layout, errors, decorations and -o printers are the real binary's.
// Tests never run this; they read the files it wrote.
//
//   node sim/kubectl/__golden__/generate.mjs sim/kubectl/__golden__/get
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const dir = process.argv[2]
const here = path.dirname(new URL(import.meta.url).pathname)
const world = path.resolve(here, '../__fixtures__/web-world.json')
const manifests = path.resolve(here, '../__fixtures__/manifests')
const wrapper = '/work/shared/tools/fakeapi/kubectl-real.sh'
const kubectl = '/usr/lib/google-cloud-sdk/bin/kubectl.1.33'
const cases = JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8'))
const only = process.argv[3]
const indexPath = path.join(dir, 'index.json')
const previous = fs.existsSync(indexPath) ? JSON.parse(fs.readFileSync(indexPath, 'utf8')) : []
const index = []
for (const c of cases) {
  if (only && c.name !== only) {
    const old = previous.find((p) => p.name === c.name)
    if (old) index.push(old)
    continue
  }
  // The wrapper always passes --kubeconfig first; `root` cases (no server needed) run the bare binary.
  const w = c.world ? path.resolve(here, '../__fixtures__', c.world) : world
  const argv = c.root ? [kubectl, ...(c.args ?? [])] : [wrapper, w, ...(c.noShift ? ['--no-shift'] : []), '--', ...c.args]
  const r = spawnSync(argv[0], argv.slice(1), {
    cwd: fs.existsSync(manifests) ? manifests : here,
    env: { ...process.env, KUBECTL: kubectl, TZ: 'UTC', HOME: '/root' },
    encoding: 'utf8',
    input: c.stdin ?? '',
  })
  // Messages that name the binary use os.Args[0]; the emulated one is called kubectl. The manifests
  // directory is /root/manifests in the tests' shell.
  const fix = (s) => s.replaceAll('kubectl.1.33', 'kubectl').replaceAll(manifests, '/root/manifests')
  fs.writeFileSync(path.join(dir, `${c.name}.txt`), fix(r.stdout))
  index.push({ name: c.name, ...(c.world ? { world: c.world } : {}), args: c.args ?? [], exit: r.status, stderr: fix(r.stderr) })
  console.log(`${c.name}: exit ${r.status}`)
}
fs.writeFileSync(indexPath, '[\n' + index.map((i) => '  ' + JSON.stringify(i)).join(',\n') + '\n]\n')
