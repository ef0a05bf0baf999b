// Whether resource.Quantity's UnmarshalJSON accepts a JSON value, and with which of ParseQuantity's
// errors it refuses it (apimachinery pkg/api/resource/quantity.go: parseQuantityString, then the
// suffixer's interpret). The value's JSON text is parsed: a string without its quotes, anything
// else as it is (`true`, `{}` -> the format error).

import { QUANTITY_FORMAT_ERROR } from '../defaults/quantity'
import { jsonKind, numberText } from './go-json'

export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix"

const SUFFIX_CHARS = 'eEinumkKMGTP'
const KNOWN_SUFFIXES = new Set(['n', 'u', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'])

/** The decode error for a quantity value, or undefined when it parses. null is an empty quantity. */
export function quantityDecodeError(v: unknown): string | undefined {
  const kind = jsonKind(v)
  if (kind === 'null') return undefined
  let text: string
  if (kind === 'string') text = (v as string).trim()
  else if (kind === 'number') text = numberText(v as number)
  else text = kind === 'bool' ? String(v) : '{'
  if (text === '') return QUANTITY_FORMAT_ERROR
  if (text === '0') return undefined
  const suffix = splitSuffix(text)
  if (suffix === undefined) return QUANTITY_FORMAT_ERROR
  if (KNOWN_SUFFIXES.has(suffix)) return undefined
  // A decimal exponent: e/E and a number strconv.ParseInt reads.
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1))) return undefined
  return QUANTITY_SUFFIX_ERROR
}

/** parseQuantityString: sign, digits, an optional fraction, then the suffix; undefined on ErrFormatWrong. */
function splitSuffix(str: string): string | undefined {
  let pos = 0
  const end = str.length
  if (str[0] === '-' || str[0] === '+') pos++
  while (pos < end && isDigit(str[pos])) pos++
  if (pos >= end) return ''
  if (str[pos] === '.') {
    pos++
    while (pos < end && isDigit(str[pos])) pos++
    if (pos >= end) return ''
  }
  const suffixStart = pos
  while (pos < end && SUFFIX_CHARS.includes(str[pos])) pos++
  if (pos >= end) return str.slice(suffixStart)
  if (str[pos] === '-' || str[pos] === '+') pos++
  while (pos < end && isDigit(str[pos])) pos++
  // A character that is neither a suffix letter nor part of an exponent.
  return pos >= end ? str.slice(suffixStart) : undefined
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9'
}
