#!/usr/bin/env node
// Generates the API schema of the kinds the simulated API server serves (sim/api/kinds.ts).
//
// Regenerate (after changing anything under scripts/gen-schema/ or upgrading kubernetes-types):
//
//   node scripts/gen-schema.mjs
//
// It reads kubernetes-types (node_modules; the descriptions, v1.30 text) and the committed upstream
// overlay scripts/gen-schema/upstream-v1.33.json (Go types, required fields, enums and the v1.33
// field set, which the TypeScript types cannot tell: `number` is int32 or int64, `string` may be a
// named Go type; plus the v1.33 text of the descriptions that changed since v1.30), and writes:
//
//   sim/api/schema/generated/structure.json     the structural schema strict decoding uses (no descriptions)
//   sim/api/schema/generated/descriptions.json  descriptions, loaded lazily (kubectl explain, editor hovers)
//   web/editor/schemas/<kind>.json, all.json    JSON Schema for the YAML editor (monaco-yaml)
//
// `node scripts/gen-schema.mjs --check` writes nothing and fails if a generated file is out of date.
//
// Refresh the overlay from checkouts of k8s.io/api and k8s.io/apimachinery (tag v0.33.x, e.g.
// `git -C api archive v0.33.1 core/v1 apps/v1 discovery/v1 storage/v1 policy/v1 | tar -x -C /tmp/api`):
//
//   node scripts/gen-schema.mjs --refresh-upstream /tmp/api /tmp/apimachinery v0.33.1

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readKubernetesTypes } from './gen-schema/ts-source.mjs'
import { buildUpstream } from './gen-schema/upstream.mjs'
import { buildModel } from './gen-schema/model.mjs'
import { descriptionsArtifact, stringifyByKey, stringifyStructure, structureArtifact } from './gen-schema/emit.mjs'
import { jsonSchemas } from './gen-schema/emit-json-schema.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const overlayPath = join(root, 'scripts/gen-schema/upstream-v1.33.json')
const tsTypes = readKubernetesTypes(join(root, 'node_modules/kubernetes-types'))

const args = process.argv.slice(2)
const check = args[0] === '--check'
if (args[0] === '--refresh-upstream') {
  const [, api, apimachinery, version = 'v0.33.1'] = args
  if (!api || !apimachinery) throw new Error('usage: gen-schema.mjs --refresh-upstream <k8s.io/api dir> <k8s.io/apimachinery dir> [version]')
  const upstream = buildUpstream({ api, apimachinery }, tsTypes, `k8s.io/api ${version}, k8s.io/apimachinery ${version}`)
  writeFileSync(overlayPath, `{\n  "version": ${JSON.stringify(upstream.version)},\n  "roots": ${JSON.stringify(upstream.roots)},\n  "types": ${stringifyByKey(upstream.types).trimEnd().replace(/\n/g, '\n  ')}\n}\n`)
  console.log(`wrote ${overlayPath}`)
}

const upstream = JSON.parse(readFileSync(overlayPath, 'utf8'))
const model = buildModel(upstream, tsTypes)
if (!check) for (const n of model.notes) console.log(`note: ${n}`)

const stale = []
function write(rel, text) {
  const path = join(root, rel)
  if (check) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) stale.push(rel)
    return
  }
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
  console.log(`wrote ${rel} (${text.length} bytes)`)
}

write('sim/api/schema/generated/structure.json', stringifyStructure(structureArtifact(model)))
write('sim/api/schema/generated/descriptions.json', stringifyByKey(descriptionsArtifact(model)))
for (const [file, schema] of Object.entries(jsonSchemas(model))) write(`web/editor/schemas/${file}`, JSON.stringify(schema) + '\n')
if (check && stale.length) {
  console.error(`out of date (run node scripts/gen-schema.mjs): ${stale.join(', ')}`)
  process.exit(1)
}
