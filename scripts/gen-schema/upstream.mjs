// Builds the upstream overlay (scripts/gen-schema/upstream-v1.33.json) from checkouts of
// k8s.io/api and k8s.io/apimachinery at the server's version: the Go type and required-ness of every
// field reachable from the kinds the simulator serves, the enums, and the descriptions of the fields
// and types kubernetes-types (v1.30) does not have.

import { join } from 'node:path'
import { fmtRawDoc } from './go-doc.mjs'
import { enumValues, parseGoPackage, resolveConstRefs, SPECIAL } from './go-source.mjs'

export const ROOTS = {
  Namespace: 'core.Namespace',
  Node: 'core.Node',
  Pod: 'core.Pod',
  Service: 'core.Service',
  Endpoints: 'core.Endpoints',
  EndpointSlice: 'discovery.EndpointSlice',
  StatefulSet: 'apps.StatefulSet',
  ControllerRevision: 'apps.ControllerRevision',
  Deployment: 'apps.Deployment',
  ReplicaSet: 'apps.ReplicaSet',
  PersistentVolume: 'core.PersistentVolume',
  PersistentVolumeClaim: 'core.PersistentVolumeClaim',
  StorageClass: 'storage.StorageClass',
  ConfigMap: 'core.ConfigMap',
  Secret: 'core.Secret',
  ServiceAccount: 'core.ServiceAccount',
  PodDisruptionBudget: 'policy.PodDisruptionBudget',
  Event: 'core.Event',
}

const DIRS = {
  core: ['api', 'core/v1'],
  apps: ['api', 'apps/v1'],
  discovery: ['api', 'discovery/v1'],
  storage: ['api', 'storage/v1'],
  policy: ['api', 'policy/v1'],
  meta: ['apimachinery', 'pkg/apis/meta/v1'],
  intstr: ['apimachinery', 'pkg/util/intstr'],
}

/** The named types of the type expression `t` (`[]core.Container` -> core.Container). */
function namesIn(t) {
  if (t.startsWith('[]')) return namesIn(t.slice(2))
  const m = /^map\[([^\]]+)\](.*)$/.exec(t)
  if (m) return [...namesIn(m[1]), ...namesIn(m[2])]
  return t.includes('.') ? [t] : []
}

export function buildUpstream(dirs, tsTypes, version) {
  const pkgs = {}
  for (const [key, [root, sub]] of Object.entries(DIRS)) pkgs[key] = parseGoPackage(join(dirs[root], sub), key)
  const allConsts = resolveConstRefs(Object.values(pkgs).flatMap((p) => p.consts))
  const types = {}
  const queue = Object.values(ROOTS)
  const seen = new Set()
  while (queue.length) {
    const key = queue.shift()
    if (seen.has(key)) continue
    seen.add(key)
    if (SPECIAL.has(key)) {
      types[key] = { kind: 'special', ...docOverrides(key, undefined, pkgs, tsTypes) }
      continue
    }
    if (key === 'types.UID') {
      types[key] = { kind: 'string' }
      continue
    }
    const [pkg, name] = key.split('.')
    const p = pkgs[pkg]
    if (!p) throw new Error(`upstream: no package for ${key}`)
    const st = p.structs.get(name)
    if (st) {
      const fields = flatten(p, name, pkgs)
      const entry = { kind: 'struct', fields: fields.map((f) => [f.json, f.type, f.required ? 1 : 0]), ...docOverrides(key, fields, pkgs, tsTypes) }
      types[key] = entry
      for (const f of fields) queue.push(...namesIn(f.type))
      continue
    }
    const nt = p.named.get(name)
    if (!nt) throw new Error(`upstream: unknown type ${key}`)
    if (nt.underlying === 'string') {
      const e = { kind: 'string' }
      if (nt.enum) {
        const ev = enumValues(key, allConsts)
        if (ev.values.length) Object.assign(e, { enum: ev.values, enumLines: ev.lines })
      }
      types[key] = e
    } else if (nt.underlying.startsWith('map[') || nt.underlying.startsWith('[]')) {
      types[key] = { kind: 'alias', of: nt.underlying }
      queue.push(...namesIn(nt.underlying))
    } else if (['int32', 'int64', 'bool', 'float64'].includes(nt.underlying)) {
      types[key] = { kind: 'alias', of: nt.underlying }
    } else {
      throw new Error(`upstream: unsupported named type ${key} = ${nt.underlying}`)
    }
  }
  const sorted = Object.fromEntries(Object.keys(types).sort().map((k) => [k, types[k]]))
  return { version, roots: ROOTS, types: sorted }
}

/** The members of a struct with inlined (embedded) structs' members in their place, as encoding/json sees them. */
function flatten(p, name, pkgs) {
  const out = []
  for (const m of p.structs.get(name).members) {
    if (!m.inline) {
      out.push({ ...m, owner: `${p.pkg}.${name}` })
      continue
    }
    const [ipkg, iname] = m.type.split('.')
    out.push(...flatten(pkgs[ipkg], iname, pkgs))
  }
  return out
}

/**
 * Upstream descriptions (types_swagger_doc_generated.go: the same text the v1.33 OpenAPI carries)
 * wherever kubernetes-types (v1.30) has none or a different one: types and fields added since, and
 * descriptions rewritten since. Everything else keeps kubernetes-types' text, which is the same.
 */
function docOverrides(key, fields, pkgs, tsTypes) {
  const ts = tsTypes.get(key)
  const out = {}
  const [pkg, name] = key.split('.')
  const swagger = (owner, field) => {
    const [op, on] = owner.split('.')
    return pkgs[op]?.docs.get(on)?.get(field)
  }
  const raw = pkgs[pkg]?.structs.get(name)?.doc ?? pkgs[pkg]?.named.get(name)?.doc
  const typeDoc = swagger(key, '') ?? (!ts?.doc && raw ? fmtRawDoc(raw) : undefined)
  if (typeDoc && typeDoc !== ts?.doc) out.doc = typeDoc
  if (fields) {
    const docs = {}
    for (const f of fields) {
      const doc = swagger(f.owner, f.json)
      if (doc !== undefined && doc !== ts?.fields.get(f.json)?.doc) docs[f.json] = doc
    }
    if (Object.keys(docs).length) out.docs = docs
  }
  return out
}
