// Errors of the strategic merge patch code, worded as apimachinery's strategicpatch and mergepatch
// packages word them (errors.go), with Go's `%v` rendering of the JSON values they quote. How the
// API server turns each into a Status is in toApiError (apiserver handlers/patch.go,
// interpretStrategicMergePatchError).

import { ApiError } from './errors'

/**
 * What the API server makes of an error: `BadRequest` for mergepatch's sentinel errors, `Invalid`
 * (422, generic text) for ErrNoListOfLists, and `Unknown` (500, the error's own text) for any other.
 */
export type SmpErrorClass = 'BadRequest' | 'Invalid' | 'Unknown'

export class SmpError extends Error {
  constructor(
    message: string,
    readonly errorClass: SmpErrorClass = 'Unknown',
  ) {
    super(message)
    this.name = 'SmpError'
  }
}

// mergepatch/errors.go sentinels (returned as BadRequest by the API server).
export const errBadJSONDoc = (): SmpError => new SmpError('invalid JSON document', 'BadRequest')
export const errBadPatchFormatForPrimitiveList = (): SmpError => new SmpError('invalid patch format of primitive list', 'BadRequest')
export const errBadPatchFormatForRetainKeys = (): SmpError => new SmpError('invalid patch format of retainKeys', 'BadRequest')
export const errBadPatchFormatForSetElementOrderList = (): SmpError =>
  new SmpError('invalid patch format of setElementOrder list', 'BadRequest')
export const errNoListOfLists = (): SmpError => new SmpError('lists of lists are not supported', 'Invalid')

export function errNoMergeKey(m: unknown, key: string): SmpError {
  return new SmpError(`map: ${goValue(m)} does not contain declared merge key: ${key}`)
}

/** mergepatch.ErrBadArgType: `expected a map[string]interface {}, but received a string`. */
export function errBadArgType(expected: 'map' | 'slice', actual: unknown): SmpError {
  const want = expected === 'map' ? 'map[string]interface {}' : '[]interface {}'
  return new SmpError(`expected a ${want}, but received a ${goTypeName(actual)}`)
}

export function errBadPatchType(t: unknown, m: Record<string, unknown>): SmpError {
  return new SmpError(`unknown patch type: ${goString(t)} in map: ${goValue(m)}`)
}

/**
 * The Status the API server answers a failed strategic merge patch with. Errors that are not
 * SmpErrors are bugs and are rethrown.
 */
export function toApiError(e: unknown): unknown {
  if (!(e instanceof SmpError)) return e
  switch (e.errorClass) {
    case 'BadRequest':
      return new ApiError('BadRequest', e.message)
    case 'Invalid':
      // errors.NewGenericServerResponse(422, ...) keeps its own text, not the server's message.
      return new ApiError('Invalid', 'the server rejected our request due to an error in our request')
    case 'Unknown':
      // A plain error: responsewriters.ErrorToAPIStatus makes it a 500 with an empty reason.
      return new ApiError('Unknown', e.message)
  }
}

// ---- Go's fmt %v of JSON values (map keys sorted, as fmt prints maps) ----

/** fmt.Sprintf("%v", v) of a value decoded from JSON into interface{}. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    const keys = Object.keys(o).sort()
    return `map[${keys.map((k) => `${k}:${goValue(o[k])}`).join(' ')}]`
  }
  return goScalar(v)
}

/** %v of a scalar: strings raw; integers (int64 after decoding) in decimal; other numbers as JS prints them. */
export function goScalar(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  return String(v)
}

/** %s of an interface{} value: a non-string shows as `%!s(type=value)`. */
function goString(v: unknown): string {
  if (typeof v === 'string') return v
  if (v === null || v === undefined) return '%!s(<nil>)'
  return `%!s(${goTypeName(v)}=${goValue(v)})`
}

/** reflect.TypeOf(v).String() for a JSON-decoded value (apimachinery decodes integers as int64). */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '%!s(<nil>)'
  if (Array.isArray(v)) return '[]interface {}'
  switch (typeof v) {
    case 'object':
      return 'map[string]interface {}'
    case 'string':
      return 'string'
    case 'boolean':
      return 'bool'
    case 'number':
      return Number.isInteger(v) ? 'int64' : 'float64'
    default:
      return typeof v
  }
}

/** The Go dynamic type of a JSON value, as the package compares them with reflect.TypeOf. */
export type GoKind = 'nil' | 'bool' | 'int64' | 'float64' | 'string' | 'slice' | 'map'

export function goKind(v: unknown): GoKind {
  if (v === null || v === undefined) return 'nil'
  if (Array.isArray(v)) return 'slice'
  switch (typeof v) {
    case 'object':
      return 'map'
    case 'string':
      return 'string'
    case 'boolean':
      return 'bool'
    default:
      return Number.isInteger(v) ? 'int64' : 'float64'
  }
}
