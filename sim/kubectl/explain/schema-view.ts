// The API schema as `kubectl explain` sees it in the server's OpenAPI v3 document: a field of a
// struct or special type is `{description, allOf: [{$ref}]}`, named string types are inlined as
// `{type: string, enum}`, named maps and slices as `additionalProperties` / `items`, integers are
// "integer", []byte is a "string". Built from the structural schema and the descriptions.

import { isStruct, mapParts, schemaType } from '../../api/schema/structure'

/** sim/api/schema/generated/descriptions.json: {type: {'': type description, field: description}}. */
export type Descriptions = Readonly<Record<string, Readonly<Record<string, string>>>>

export type SchemaNode =
  | { t: 'ref'; name: string; description?: string }
  | { t: 'array'; items: SchemaNode; description?: string }
  | { t: 'map'; value: SchemaNode; description?: string }
  | { t: 'scalar'; type: 'string' | 'integer' | 'number' | 'boolean'; enum?: readonly string[]; description?: string }

export interface Property {
  name: string
  node: SchemaNode
  required: boolean
}

const SCALARS: Record<string, 'string' | 'integer' | 'number' | 'boolean'> = {
  string: 'string',
  bytes: 'string',
  bool: 'boolean',
  int32: 'integer',
  int64: 'integer',
  float64: 'number',
}

/** The schema of a value of Go type `expr`, with the description its field gives it. */
export function nodeFor(expr: string, description?: string): SchemaNode {
  if (SCALARS[expr]) return { t: 'scalar', type: SCALARS[expr], description }
  if (expr.startsWith('[]')) return { t: 'array', items: nodeFor(expr.slice(2)), description }
  const map = mapParts(expr)
  if (map) return { t: 'map', value: nodeFor(map.value), description }
  const st = schemaType(expr)
  if (!st) throw new Error(`explain: unknown type ${expr}`)
  if ('str' in st) return { t: 'scalar', type: 'string', enum: st.enum, description }
  if ('of' in st) return nodeFor(st.of, description)
  return { t: 'ref', name: expr, description }
}

/** What a $ref points at: a struct's properties, or a type with a JSON type of its own. */
export interface Resolved {
  name: string
  /** The OpenAPI `type` of the referenced schema: Quantity and IntOrString have none (oneOf). */
  type?: 'object' | 'string'
  description?: string
  properties: Property[]
}

const SPECIAL_TYPES: Record<string, 'object' | 'string' | undefined> = {
  'meta.Time': 'string',
  'meta.MicroTime': 'string',
  'meta.FieldsV1': 'object',
  'runtime.RawExtension': 'object',
  'resource.Quantity': undefined,
  'intstr.IntOrString': undefined,
}

export function resolve(name: string, docs: Descriptions): Resolved {
  const st = schemaType(name)
  const d = docs[name] ?? {}
  if (!isStruct(st)) return { name, type: SPECIAL_TYPES[name], description: d[''], properties: [] }
  const required = new Set(st.req ?? [])
  const properties = Object.keys(st.f)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((f) => ({ name: f, node: nodeFor(st.f[f], d[f]), required: required.has(f) }))
  return { name, type: 'object', description: d[''], properties }
}

/** The plaintext template's typeGuess: `string`, `[]Container`, `map[string]Quantity`, `StatefulSetSpec`. */
export function typeGuess(node: SchemaNode, docs: Descriptions): string {
  switch (node.t) {
    case 'array':
      return '[]' + typeGuess(node.items, docs)
    case 'map':
      return 'map[string]' + typeGuess(node.value, docs)
    case 'scalar':
      return node.type
    case 'ref': {
      // Only objects (and types without a JSON type) are shown by name: Time is a "string".
      const r = resolve(node.name, docs)
      return r.type === undefined || r.type === 'object' ? node.name.slice(node.name.indexOf('.') + 1) : r.type
    }
  }
}

/** The "description" template: the field's description, then those of what it refers to, one per line. */
export function descriptionChain(node: SchemaNode, docs: Descriptions): string {
  let out = node.description ? node.description + '\n' : ''
  if (node.t === 'ref') {
    const d = resolve(node.name, docs).description
    if (d) out += d + '\n'
  } else if (node.t === 'array') {
    out += descriptionChain(node.items, docs)
  } else if (node.t === 'map') {
    out += descriptionChain(node.value, docs)
  }
  return out
}
