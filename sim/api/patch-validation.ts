// Server-side field validation of a PATCH (apiserver endpoints/handlers/patch.go): the patched object
// is decoded into the kind's Go type. Unknown fields become warnings (Warn, the default when the
// request names no fieldValidation — kubectl patch sends none), vanish (Ignore), or fail the request
// (Strict, what kubectl apply and edit send). For a strategic merge patch the failure is an Invalid
// error on the field `patch` whose value is the patch map printed with Go's %+v
// (`The request is invalid: patch: Invalid value: "map[spec:map[replica:3]]": strict decoding
// error: unknown field "spec.replica"`, applyPatchToObject); for the other patch types a BadRequest.
// In every case the stored object keeps no unknown field.

import { ApiError } from './errors'
import { goQuote } from './field-errors'
import type { Kind } from './kinds'
import type { PatchType } from './patch'
import { decodeFindings, unknownFieldText } from './schema/decode'
import { type FieldValidation, pruneUnknown } from './schema/field-validation'

/** Go's %v of a value decoded from JSON into interface{} (maps sorted by key, integers as int64). */
export function goSprintValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return String(v)
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v)
    // strconv.FormatFloat(f, 'g', -1, 64): exponent form from 1e21 (and below 1e-4).
    const abs = Math.abs(v)
    if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) return v.toExponential().replace(/e([+-])(\d)$/, 'e$10$2')
    return String(v)
  }
  if (Array.isArray(v)) return `[${v.map(goSprintValue).join(' ')}]`
  const o = v as Record<string, unknown>
  const keys = Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return `map[${keys.map((k) => `${k}:${goSprintValue(o[k])}`).join(' ')}]`
}

function invalidPatch(patch: unknown, detail: string): ApiError {
  const message = `Invalid value: ${goQuote(goSprintValue(patch))}: ${detail}`
  return new ApiError('Invalid', ` "" is invalid: patch: ${message}`, { causes: [{ reason: 'FieldValueInvalid', message, field: 'patch' }] })
}

/** The patched object as the server stores it, and the warnings of the response; throws on Strict. */
export function validatePatched<T>(kind: Kind, type: PatchType, patch: unknown, patched: T, fieldValidation: FieldValidation): { object: T; warnings: string[] } {
  const f = decodeFindings(kind, patched)
  if (f.fatal !== undefined) {
    if (type === 'strategic') throw invalidPatch(patch, f.fatal)
    throw new ApiError('BadRequest', f.fatal)
  }
  const object = pruneUnknown(kind, patched)
  if (f.unknown.length === 0 || fieldValidation === 'Ignore') return { object, warnings: [] }
  const texts = f.unknown.map(unknownFieldText)
  if (fieldValidation === 'Warn') return { object, warnings: texts }
  const strict = `strict decoding error: ${texts.join(', ')}`
  if (type === 'strategic') throw invalidPatch(patch, strict)
  throw new ApiError('BadRequest', strict)
}
