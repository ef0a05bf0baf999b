// Objects seen as the Go values the API server holds: typed structs in field order, slices, maps,
// pointers and scalars. go-diff.ts compares and prints these trees the way go-cmp does.

import { goQuote } from '../field-errors'
import { parseQuantity, formatQuantity } from '../defaults/quantity'
import { GO_ALIASES, goFields } from './go-types'

export type GoTree =
  | { k: 'nil'; type: string }
  | { k: 'scalar'; type: string; text: string; zero: boolean }
  | { k: 'struct'; type: string; fields: { name: string; v: GoTree }[] }
  | { k: 'slice'; type: string; elems: GoTree[] }
  | { k: 'map'; type: string; entries: { key: string; v: GoTree }[] }
  | { k: 'ptr'; type: string; elem: GoTree }

const INT_TYPES = new Set(['int', 'int32', 'int64', 'intstr.Type', 'resource.Scale'])

/** Named types whose String method go-cmp calls (printing s"..."). */
const STRINGERS = new Set(['core.ResourceName'])

function scalar(type: string, v: unknown): GoTree {
  if (type === 'bool') return { k: 'scalar', type, text: String(!!v), zero: !v }
  if (INT_TYPES.has(type)) {
    const n = typeof v === 'number' ? v : Number(v ?? 0)
    return { k: 'scalar', type, text: String(Number.isFinite(n) ? n : 0), zero: !n }
  }
  const s = v === undefined || v === null ? '' : String(v)
  return { k: 'scalar', type, text: (STRINGERS.has(type) ? 's' : '') + goQuote(s), zero: s === '' }
}

export function isZero(t: GoTree): boolean {
  switch (t.k) {
    case 'nil':
      return true
    case 'scalar':
      return t.zero
    case 'struct':
      return t.fields.every((f) => isZero(f.v))
    default:
      return false
  }
}

function structOf(type: string, fields: { name: string; v: GoTree }[]): GoTree {
  return { k: 'struct', type, fields }
}

/** resource.Quantity: unexported i (int64Amount), d (infDecAmount), s (cached string), Format. */
function quantity(v: unknown): GoTree {
  const q = v === undefined || v === null ? undefined : parseQuantity(v as string)
  const i = structOf('resource.int64Amount', [
    { name: 'value', v: scalar('int64', q ? Number(q.unscaled) : 0) },
    { name: 'scale', v: scalar('resource.Scale', q ? q.exp : 0) },
  ])
  return structOf('resource.Quantity', [
    { name: 'i', v: i },
    { name: 'd', v: structOf('resource.infDecAmount', []) },
    { name: 's', v: scalar('string', q ? formatQuantity(q) : '') },
    { name: 'Format', v: scalar('resource.Format', q?.format ?? '') },
  ])
}

function intOrString(v: unknown): GoTree {
  const isStr = typeof v === 'string'
  return structOf('intstr.IntOrString', [
    { name: 'Type', v: scalar('intstr.Type', isStr ? 1 : 0) },
    { name: 'IntVal', v: scalar('int32', isStr ? 0 : v) },
    { name: 'StrVal', v: scalar('string', isStr ? v : '') },
  ])
}

/** Builds the Go value of `type` from its JSON form. */
export function goTree(type: string, v: unknown): GoTree {
  if (type.startsWith('*')) {
    if (v === undefined || v === null) return { k: 'nil', type }
    return { k: 'ptr', type, elem: goTree(type.slice(1), v) }
  }
  if (type.startsWith('[]')) {
    if (!Array.isArray(v)) return { k: 'nil', type }
    return { k: 'slice', type, elems: v.map((e) => goTree(type.slice(2), e)) }
  }
  const alias = GO_ALIASES[type]
  if (alias) {
    const t = goTree(alias, v)
    return { ...t, type } as GoTree
  }
  const m = /^map\[([^\]]+)\](.*)$/.exec(type)
  if (m) {
    if (v === undefined || v === null || typeof v !== 'object') return { k: 'nil', type }
    const keyType = m[1]
    const entries = Object.keys(v as object)
      .sort()
      .map((key) => ({ key: (STRINGERS.has(keyType) ? 's' : '') + goQuote(key), v: goTree(m[2], (v as Record<string, unknown>)[key]) }))
    return { k: 'map', type, entries }
  }
  if (type === 'resource.Quantity') return quantity(v)
  if (type === 'intstr.IntOrString') return intOrString(v)
  const fields = goFields(type)
  if (!fields) return scalar(type, v)
  const obj = (v ?? {}) as Record<string, unknown>
  return structOf(
    type,
    fields.map((f) => ({ name: f.name, v: goTree(f.type, f.json === '' ? obj : obj[f.json]) })),
  )
}

/** Deep equality of two Go values (apiequality.Semantic.DeepEqual, near enough). */
export function goEqual(a: GoTree | undefined, b: GoTree | undefined): boolean {
  if (!a || !b) return a === b
  if (a.k !== b.k) return false
  switch (a.k) {
    case 'nil':
      return true
    case 'scalar':
      return a.text === (b as typeof a).text
    case 'ptr':
      return goEqual(a.elem, (b as typeof a).elem)
    case 'struct':
      return a.fields.every((f, i) => goEqual(f.v, (b as typeof a).fields[i]?.v))
    case 'slice': {
      const e = (b as typeof a).elems
      return a.elems.length === e.length && a.elems.every((x, i) => goEqual(x, e[i]))
    }
    case 'map': {
      const e = (b as typeof a).entries
      return a.entries.length === e.length && a.entries.every((x, i) => x.key === e[i].key && goEqual(x.v, e[i].v))
    }
  }
}
