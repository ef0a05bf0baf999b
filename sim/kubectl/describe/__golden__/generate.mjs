#!/usr/bin/env node
/* global process, console, URL */
// Regenerates the describe goldens from the REAL kubectl v1.33.1: each case in cases.json runs
// against shared/tools/fakeapi serving worlds/<world>.json (written by dump.ts), ages shifted so they
// read as at the world's epoch, with manifests/ as the working directory (for -f). RFC1123Z dates are
// mapped back from the wall clock to the world's clock (they are fixed width, so no alignment moves),
// and so are RFC3339 timestamps that kubectl prints as they are.
// `@first:<Kind>[:<prefix>]` in args stands for the first object of that kind (by name, with that
// prefix) in the world. kubectl 1.33 prints ConfigMap/Secret data in Go map order, which is random: a
// case with `keysInOrder` is run until the keys come out in that order (one of the real outputs).
// Writes <name>.txt (stdout, byte for byte) and index.json (resolved args, exit code, stderr).
// Tests never run this; they read the files it wrote. See scripts/golden-describe.sh.
//
//   node sim/kubectl/describe/__golden__/generate.mjs [case-name]
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const here = path.dirname(new URL(import.meta.url).pathname)
const wrapper = process.env.FAKEAPI_WRAPPER ?? '/work/shared/tools/fakeapi/kubectl-real.sh'
const kubectl = process.env.KUBECTL ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.33'
const cases = JSON.parse(fs.readFileSync(path.join(here, 'cases.json'), 'utf8'))
const only = process.argv[2]
const indexPath = path.join(here, 'index.json')
const previous = fs.existsSync(indexPath) ? JSON.parse(fs.readFileSync(indexPath, 'utf8')) : []

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const p2 = (n) => String(n).padStart(2, '0')
function rfc1123z(ms) {
  const d = new Date(ms)
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`
}
const DATE = /\b(Sun|Mon|Tue|Wed|Thu|Fri|Sat), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d \+0000/g
// fakeapi also shifts RFC3339 strings inside objects (annotations, and every field the generic
// describer prints raw): those are mapped back too, fraction kept.
const RFC3339 = /\b(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z\b/g
const unshift = (text, delta) =>
  text
    .replace(DATE, (s) => rfc1123z(Date.parse(s) - delta))
    .replace(RFC3339, (s, base, frac) => new Date(Date.parse(base + 'Z') - delta).toISOString().slice(0, 19) + (frac ?? '') + 'Z')

function resolve(arg, items) {
  const m = /^@first:(\w+)(?::(.*))?$/.exec(arg)
  if (!m) return arg
  const names = items.filter((o) => o.kind === m[1] && o.metadata.name.startsWith(m[2] ?? '')).map((o) => o.metadata.name)
  if (!names.length) throw new Error(`no ${m[1]} named ${m[2] ?? ''}*`)
  return names.sort()[0]
}

function inOrder(text, keys) {
  const pos = keys.map((k) => text.indexOf(`\n${k}`))
  return pos.every((p, i) => p >= 0 && (i === 0 || p > pos[i - 1]))
}

const index = []
for (const c of cases) {
  if (only && c.name !== only) {
    const old = previous.find((p) => p.name === c.name)
    if (old) index.push(old)
    continue
  }
  const worldFile = path.join(here, 'worlds', `${c.world}.json`)
  const world = JSON.parse(fs.readFileSync(worldFile, 'utf8'))
  const args = c.args.map((a) => resolve(a, world.items))
  const nowFile = path.join(fs.mkdtempSync('/tmp/describe-golden-'), 'now')
  let r
  for (let attempt = 0; attempt < 40; attempt++) {
    r = spawnSync(wrapper, [worldFile, '--', ...args], {
      cwd: path.join(here, 'manifests'),
      env: { ...process.env, KUBECTL: kubectl, TZ: 'UTC', FAKEAPI_NOW_FILE: nowFile },
      encoding: 'utf8',
    })
    if (!c.keysInOrder || inOrder(r.stdout, c.keysInOrder)) break
  }
  if (c.keysInOrder && !inOrder(r.stdout, c.keysInOrder)) throw new Error(`${c.name}: keys never came out in order`)
  const delta = Number(fs.readFileSync(nowFile, 'utf8').trim()) * 1000 - Date.parse(world.epoch)
  const fix = (s) => unshift(s, delta).replaceAll('kubectl.1.33', 'kubectl')
  fs.writeFileSync(path.join(here, `${c.name}.txt`), fix(r.stdout))
  index.push({ name: c.name, world: c.world, args, exit: r.status, stderr: fix(r.stderr) })
  console.log(`${c.name}: exit ${r.status}`)
}
fs.writeFileSync(indexPath, '[\n' + index.map((i) => '  ' + JSON.stringify(i)).join(',\n') + '\n]\n')
