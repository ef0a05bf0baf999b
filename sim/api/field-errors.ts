// Field errors as apimachinery renders them (util/validation/field/errors.go, v1.33): the text after
// "<field>: " is the ErrorBody, and kubectl prints each one as a cause of an Invalid error.

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
}

/**
 * A value already written the way Go's `%#v` (or a Stringer) prints it, for bad values that are
 * structs, e.g. `apps.StatefulSetUpdateStrategy{Type:"Foo", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}`.
 */
export class GoValue {
  constructor(readonly text: string) {}
}

const OMIT = Symbol('omit')

export interface FieldError {
  type: FieldErrorType
  field: string
  badValue: unknown
  detail: string
}

/** Go's strconv.Quote for the strings that reach error messages. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0')
    else out += ch
  }
  return out + '"'
}

/** `%#v` of a map[string]string: keys sorted, `map[string]string{"a":"b", "c":"d"}`. */
export function goStringMap(m: Record<string, string> | undefined | null): GoValue {
  if (!m) return new GoValue('map[string]string(nil)')
  const body = Object.keys(m)
    .sort()
    .map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`)
    .join(', ')
  return new GoValue(`map[string]string{${body}}`)
}

function renderValue(v: unknown): string {
  if (v instanceof GoValue) return v.text
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v)
  if (typeof v === 'string') return goQuote(v)
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return `[]string{${v.map(goQuote).join(', ')}}`
  if (typeof v === 'object' && Object.values(v as object).every((x) => typeof x === 'string')) {
    return goStringMap(v as Record<string, string>).text
  }
  return JSON.stringify(v)
}

export function errorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type]
  const valueless =
    e.type === 'FieldValueRequired' ||
    e.type === 'FieldValueForbidden' ||
    e.type === 'FieldValueTooLong' ||
    e.type === 'InternalError' ||
    e.badValue === OMIT
  if (!valueless) s += `: ${renderValue(e.badValue)}`
  if (e.detail) s += `: ${e.detail}`
  return s
}

export function fieldErrorText(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`
}

export const fieldError = {
  required: (field: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field, badValue: OMIT, detail }),
  invalid: (field: string, value: unknown, detail: string): FieldError => ({ type: 'FieldValueInvalid', field, badValue: value, detail }),
  forbidden: (field: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field, badValue: OMIT, detail }),
  notFound: (field: string, value: unknown): FieldError => ({ type: 'FieldValueNotFound', field, badValue: value, detail: '' }),
  duplicate: (field: string, value: unknown): FieldError => ({ type: 'FieldValueDuplicate', field, badValue: value, detail: '' }),
  tooLong: (field: string, max: number): FieldError => ({
    type: 'FieldValueTooLong',
    field,
    badValue: OMIT,
    // apimachinery ≥1.32 wording.
    detail: `may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}`,
  }),
  tooMany: (field: string, actual: number, max: number): FieldError => ({
    type: 'FieldValueTooMany',
    field,
    badValue: actual,
    detail: `must have at most ${max} items`,
  }),
  notSupported: (field: string, value: unknown, supported: readonly string[]): FieldError => ({
    type: 'FieldValueNotSupported',
    field,
    badValue: value,
    detail: supported.length ? `supported values: ${supported.map(goQuote).join(', ')}` : '',
  }),
  /** An Invalid error whose value is left out of the message (field.OmitValueType). */
  invalidOmitValue: (field: string, detail: string): FieldError => ({ type: 'FieldValueInvalid', field, badValue: OMIT, detail }),
}
