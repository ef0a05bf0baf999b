// JSON the way the API server writes it for curl: encoding/json of the typed object (struct fields in
// Go declaration order, map keys sorted, `<`, `>`, `&` escaped as \u003c...), then — because the
// client's User-Agent starts with `curl` or `Wget` (apimachinery negotiate.go isPrettyPrint) —
// json.Indent with two spaces, and a final newline.

import type { Kind } from '../api/kinds'
import { isStruct, mapParts, rootType, schemaType } from '../api/schema/structure'

function goString(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16).padStart(4, '0')
    else out += ch
  }
  return out + '"'
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The value with object keys in the order encoding/json writes them for the Go type `expr`. */
export function goOrdered(v: unknown, expr: string | undefined): unknown {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map((e) => goOrdered(e, expr?.startsWith('[]') ? expr.slice(2) : undefined))
  const obj = v as Record<string, unknown>
  const map = expr ? mapParts(expr) : undefined
  const t = expr && !map ? schemaType(expr) : undefined
  if (t && 'of' in t) return goOrdered(v, t.of)
  const out: Record<string, unknown> = {}
  if (isStruct(t)) {
    for (const [k, fieldType] of Object.entries(t.f)) if (k in obj) out[k] = goOrdered(obj[k], fieldType)
    for (const k of Object.keys(obj).sort(byteOrder)) if (!(k in out)) out[k] = goOrdered(obj[k], undefined)
    return out
  }
  // Structs we do not know (metav1.Status, our own lists) keep the order they were written in.
  if (expr === undefined) return Object.fromEntries(Object.entries(obj).map(([k, x]) => [k, goOrdered(x, undefined)]))
  for (const k of Object.keys(obj).sort(byteOrder)) out[k] = goOrdered(obj[k], map?.value)
  return out
}

function encode(v: unknown, indent: string): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string') return goString(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  const inner = indent + '  '
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]'
    return `[\n${v.map((x) => inner + encode(x, inner)).join(',\n')}\n${indent}]`
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined)
  if (entries.length === 0) return '{}'
  return `{\n${entries.map(([k, x]) => `${inner}${goString(k)}: ${encode(x, inner)}`).join(',\n')}\n${indent}}`
}

/** Pretty JSON of a value whose key order is already right (a metav1.Status, a discovery document). */
export function prettyJson(v: unknown): string {
  return encode(v, '') + '\n'
}

/** Pretty JSON of a stored object of `kind`, fields in Go order. */
export function prettyObject(kind: Kind, obj: unknown): string {
  return prettyJson(goOrdered(obj, rootType(kind)))
}

/** A list as the API server returns it: kind, apiVersion, metadata, items (items without kind/apiVersion). */
export function prettyList(kind: Kind, apiVersion: string, resourceVersion: string, items: readonly unknown[]): string {
  const typed = items.map((i) => {
    const { kind: _k, apiVersion: _a, ...rest } = i as Record<string, unknown>
    return goOrdered(rest, rootType(kind))
  })
  return prettyJson({ kind: `${kind}List`, apiVersion, metadata: { resourceVersion }, items: typed })
}
