// Server-side field validation of a create/update body (apiserver endpoints/handlers/create.go and
// update.go; kubectl ≥1.25 sends fieldValidation=Strict by default, `--validate=warn` sends Warn,
// `--validate=false` sends Ignore). A wrong type fails in every mode; unknown fields fail the
// request (Strict), become warnings (Warn), or are dropped silently (Ignore). In every mode the
// stored object has no unknown fields: the typed Go object has nowhere to keep them.

import { ApiError } from '../errors'
import { kindInfo, type Kind } from '../kinds'
import { decodeFindings, unknownFieldText } from './decode'
import { isStruct, mapParts, rootType, schemaType } from './structure'

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore'

/** transformDecodeError: `StatefulSet in version "v1" cannot be handled as a StatefulSet: <err>`. */
function cannotBeHandled(kind: Kind, err: string): string {
  const k = kindInfo(kind)
  return `${k.kind} in version "${k.version}" cannot be handled as a ${k.kind}: ${err}`
}

/**
 * The server's verdict on a body of `kind`: `errors` holds the BadRequest message that fails the
 * request (at most one), `warnings` the texts kubectl prints after `Warning: `.
 */
export function decodeStrict(kind: Kind, obj: unknown, fieldValidation: FieldValidation = 'Strict'): { errors: string[]; warnings: string[] } {
  const f = decodeFindings(kind, obj)
  if (f.fatal !== undefined) return { errors: [cannotBeHandled(kind, f.fatal)], warnings: [] }
  if (f.unknown.length === 0 || fieldValidation === 'Ignore') return { errors: [], warnings: [] }
  const texts = f.unknown.map(unknownFieldText)
  if (fieldValidation === 'Warn') return { errors: [], warnings: texts }
  // runtime.strictDecodingError joins its errors with ", ".
  return { errors: [cannotBeHandled(kind, `strict decoding error: ${texts.join(', ')}`)], warnings: [] }
}

/**
 * Decodes a create/update body as the server does: throws the BadRequest ApiError, or returns the
 * object without its unknown fields and the warnings for the response.
 */
export function decodeBody<T>(kind: Kind, obj: T, fieldValidation: FieldValidation): { object: T; warnings: string[] } {
  const { errors, warnings } = decodeStrict(kind, obj, fieldValidation)
  if (errors.length) throw new ApiError('BadRequest', errors[0])
  return { object: pruneUnknown(kind, obj), warnings }
}

/** A copy of `obj` without the fields the kind's Go types do not have (what the typed object keeps). */
export function pruneUnknown<T>(kind: Kind, obj: T): T {
  return prune(obj, rootType(kind)) as T
}

function prune(v: unknown, expr: string): unknown {
  if (v === null || typeof v !== 'object') return v
  if (expr.startsWith('[]')) return Array.isArray(v) ? v.map((e) => prune(e, expr.slice(2))) : v
  const map = mapParts(expr)
  if (map) return Array.isArray(v) ? v : Object.fromEntries(Object.entries(v).map(([k, e]) => [k, prune(e, map.value)]))
  const t = schemaType(expr)
  if (t && 'of' in t) return prune(v, t.of)
  if (!isStruct(t) || Array.isArray(v)) return v
  const out: Record<string, unknown> = {}
  for (const [k, e] of Object.entries(v)) {
    if (Object.prototype.hasOwnProperty.call(t.f, k)) out[k] = prune(e, t.f[k])
  }
  return out
}
