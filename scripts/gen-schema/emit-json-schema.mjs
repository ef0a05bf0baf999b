// JSON Schema (draft-07) for monaco-yaml: one self-contained file per kind, and all.json (every
// kind, shared definitions, `oneOf` by apiVersion+kind) for files that hold several kinds. Unlike a
// schema generated from the TypeScript types, integers are "integer", IntOrString accepts an integer
// or a string, a Quantity a string or a number, and unknown fields are errors as with
// `kubectl apply --validate=strict`.

const DRAFT = 'http://json-schema.org/draft-07/schema#'

function scalarSchema(expr) {
  switch (expr) {
    case 'string':
      return { type: 'string' }
    case 'bool':
      return { type: 'boolean' }
    case 'int32':
    case 'int64':
      return { type: 'integer', format: expr }
    case 'float64':
      return { type: 'number', format: 'double' }
    case 'bytes':
      return { type: 'string', format: 'byte' }
  }
  return undefined
}

const SPECIAL_SCHEMAS = {
  'resource.Quantity': { anyOf: [{ type: 'string' }, { type: 'number' }] },
  'intstr.IntOrString': { anyOf: [{ type: 'integer' }, { type: 'string' }], format: 'int-or-string' },
  'meta.Time': { type: 'string', format: 'date-time' },
  'meta.MicroTime': { type: 'string', format: 'date-time' },
  'meta.FieldsV1': { type: 'object' },
  'runtime.RawExtension': { type: 'object' },
}

function typeSchema(expr, model, refs) {
  const scalar = scalarSchema(expr)
  if (scalar) return scalar
  if (expr.startsWith('[]')) return { type: 'array', items: typeSchema(expr.slice(2), model, refs) }
  const map = /^map\[([^\]]+)\](.*)$/.exec(expr)
  if (map) return { type: 'object', additionalProperties: typeSchema(map[2], model, refs) }
  const t = model.types[expr]
  if (!t) throw new Error(`json-schema: unknown type ${expr}`)
  switch (t.kind) {
    case 'struct':
      refs.add(expr)
      return { $ref: `#/definitions/${expr}` }
    case 'string':
      return t.enum ? { type: 'string', enum: t.enum } : { type: 'string' }
    case 'alias':
      return typeSchema(t.of, model, refs)
    case 'special':
      return { ...SPECIAL_SCHEMAS[expr] }
  }
  throw new Error(`json-schema: ${expr}`)
}

function structSchema(key, model, refs, root) {
  const t = model.types[key]
  const properties = {}
  for (const f of t.fields) {
    let s = typeSchema(f.type, model, refs)
    if (root && f.name === 'apiVersion') s = { type: 'string', enum: [model.apiVersions[root]] }
    if (root && f.name === 'kind') s = { type: 'string', enum: [root] }
    if (f.doc) s.description = f.doc
    properties[f.name] = s
  }
  const out = { type: 'object' }
  if (t.doc) out.description = t.doc
  out.properties = properties
  const required = t.fields.filter((f) => f.required).map((f) => f.name)
  if (required.length) out.required = required
  out.additionalProperties = false
  if (root) {
    const [group, version] = model.apiVersions[root].includes('/') ? model.apiVersions[root].split('/') : ['', model.apiVersions[root]]
    out['x-kubernetes-group-version-kind'] = [{ group, kind: root, version }]
  }
  return out
}

function definitionsFrom(keys, model, rootOf) {
  const definitions = {}
  const refs = new Set(keys)
  const todo = [...keys]
  while (todo.length) {
    const key = todo.shift()
    if (definitions[key]) continue
    const before = new Set(refs)
    definitions[key] = structSchema(key, model, refs, rootOf.get(key))
    for (const r of refs) if (!before.has(r)) todo.push(r)
  }
  return Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, definitions[k]]))
}

/** {fileName: schema}: `<kind>.json` for every kind (lowercase) and all.json. */
export function jsonSchemas(model) {
  const out = {}
  const rootOf = new Map(Object.entries(model.roots).map(([kind, key]) => [key, kind]))
  for (const [kind, key] of Object.entries(model.roots)) {
    out[`${kind.toLowerCase()}.json`] = { $schema: DRAFT, $ref: `#/definitions/${key}`, definitions: definitionsFrom([key], model, rootOf) }
  }
  const keys = Object.values(model.roots)
  out['all.json'] = { $schema: DRAFT, oneOf: keys.map((k) => ({ $ref: `#/definitions/${k}` })), definitions: definitionsFrom(keys, model, rootOf) }
  return out
}
