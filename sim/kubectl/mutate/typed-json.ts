// JSON as Go marshals a *typed* object (a corev1.ConfigMap, not an unstructured map): struct fields in
// their Go declaration order (`kind`, `apiVersion`, `metadata`, then the type's own fields), map keys
// sorted. kubectl prints typed objects for the `create <generator>` commands and `set image`; every
// other verb works on unstructured objects, whose keys come out sorted (printers/json.ts). The field
// order comes from the generated structural schema (api/schema/structure.ts).

import type { Kind } from '../../api/kinds'
import { isStruct, mapParts, rootType, schemaType } from '../../api/schema/structure'
import { toGoJsonCompact } from '../printers/json'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The value with its object keys in the order encoding/json writes them for the Go type `expr`. */
function ordered(v: unknown, expr: string | undefined): unknown {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map((e) => ordered(e, expr?.startsWith('[]') ? expr.slice(2) : undefined))
  const obj = v as Record<string, unknown>
  const map = expr ? mapParts(expr) : undefined
  const t = expr && !map ? schemaType(expr) : undefined
  if (t && 'of' in t) return ordered(v, t.of)
  const out: Record<string, unknown> = {}
  if (isStruct(t)) {
    for (const [k, fieldType] of Object.entries(t.f)) if (k in obj) out[k] = ordered(obj[k], fieldType)
    for (const k of Object.keys(obj).sort(byteOrder)) if (!(k in out)) out[k] = ordered(obj[k], undefined)
    return out
  }
  for (const k of Object.keys(obj).sort(byteOrder)) out[k] = ordered(obj[k], map?.value)
  return out
}

function encode(v: unknown, indent: string | undefined): string {
  if (v === undefined || v === null || typeof v !== 'object') return toGoJsonCompact(v ?? null)
  const inner = indent === undefined ? undefined : indent + '    '
  const nl = indent === undefined ? '' : '\n'
  const sep = indent === undefined ? ',' : ',\n'
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]'
    return `[${nl}${v.map((x) => (inner ?? '') + encode(x, inner)).join(sep)}${nl}${indent ?? ''}]`
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined)
  if (entries.length === 0) return '{}'
  const colon = indent === undefined ? ':' : ': '
  return `{${nl}${entries.map(([k, x]) => `${inner ?? ''}${toGoJsonCompact(k)}${colon}${encode(x, inner)}`).join(sep)}${nl}${indent ?? ''}}`
}

/** `kubectl create configmap ... -o json`: MarshalIndent of the typed object, four spaces, newline. */
export function toTypedGoJson(kind: Kind, obj: unknown): string {
  return encode(ordered(obj, rootType(kind)), '') + '\n'
}

/** json.Marshal of the typed object: what scheme.DefaultJSONEncoder writes into last-applied. */
export function toTypedGoJsonCompact(kind: Kind, obj: unknown): string {
  return encode(ordered(obj, rootType(kind)), undefined)
}

/**
 * A `kind: List` kubectl builds itself (apply -o json with several objects): the typed corev1.List
 * (kind, apiVersion, metadata, items) holding unstructured items, whose keys come out sorted.
 */
export function toListGoJson(items: readonly unknown[]): string {
  return encode({ kind: 'List', apiVersion: 'v1', metadata: {}, items: items.map((i) => ordered(i, undefined)) }, '') + '\n'
}

export type { Json }
