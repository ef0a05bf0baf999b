// The Go values kubectl's template printers see. Both printers work on an object decoded from JSON into
// map[string]interface{} (apimachinery's json.Unmarshal turns whole numbers into int64, others into
// float64), so a JSON value maps onto Go's kinds like this:
//   object -> map[string]interface{}   array -> []interface{}   string, bool
//   null -> a nil interface{}          integer number -> int64   other number -> float64
// Values that templates make themselves carry their Go type with them: a float constant whose value
// happens to be whole (`1.0`), a plain `int` (len, range indexes, constants), a byte of a string.

/** A float64 whose JS number alone would read as an integer (a `1.0` constant). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** An integer of a Go type other than int64 (`int` from constants and len, `uint8` bytes, `int32` runes). */
export class GoInt {
  constructor(
    readonly value: number,
    readonly type: 'int' | 'uint8' | 'int32' = 'int',
  ) {}
}

/** reflect's zero Value: a missing map key, a field of nothing. Prints as `<no value>`. */
export const INVALID: unique symbol = Symbol('invalid reflect.Value')
export type Invalid = typeof INVALID

export type GoMap = { [key: string]: unknown }

export type GoKind = 'invalid' | 'nil' | 'bool' | 'int' | 'float' | 'string' | 'map' | 'slice'

export function kindOf(v: unknown): GoKind {
  if (v === INVALID || v === undefined) return 'invalid'
  if (v === null) return 'nil'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float'
  if (v instanceof GoFloat) return 'float'
  if (v instanceof GoInt) return 'int'
  if (Array.isArray(v)) return 'slice'
  return 'map'
}

export function isMap(v: unknown): v is GoMap {
  return kindOf(v) === 'map'
}

/** The number inside an int or float value. */
export function numberOf(v: unknown): number {
  if (v instanceof GoFloat || v instanceof GoInt) return v.value
  return v as number
}

/** reflect.Type.String() of a value (what `%T` and some errors print). */
export function goTypeName(v: unknown): string {
  if (v instanceof GoInt) return v.type
  switch (kindOf(v)) {
    case 'invalid':
      return '<nil>'
    case 'nil':
      return '<nil>'
    case 'bool':
      return 'bool'
    case 'string':
      return 'string'
    case 'int':
      return 'int64'
    case 'float':
      return 'float64'
    case 'slice':
      return '[]interface {}'
    case 'map':
      return 'map[string]interface {}'
  }
}

/** Go's byte-order string comparison (map keys print sorted, fmt's internal/fmtsort). */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function sortedKeys(m: GoMap): string[] {
  return Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort(byteOrder)
}

/** The UTF-8 bytes of a string (Go strings are bytes; len and index count them). */
export function utf8Bytes(s: string): number[] {
  const out: number[] = []
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}

/** Decodes UTF-8 bytes (invalid sequences become U+FFFD, as Go's string conversion shows them). */
export function fromUtf8(bytes: readonly number[]): string {
  let s = ''
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    let need: number
    let c: number
    if (b < 0x80) {
      s += String.fromCodePoint(b)
      i++
      continue
    } else if (b >= 0xc2 && b < 0xe0) {
      need = 1
      c = b & 0x1f
    } else if (b >= 0xe0 && b < 0xf0) {
      need = 2
      c = b & 0x0f
    } else if (b >= 0xf0 && b < 0xf5) {
      need = 3
      c = b & 0x07
    } else {
      s += '\ufffd'
      i++
      continue
    }
    let ok = i + need < bytes.length
    for (let k = 1; ok && k <= need; k++) {
      const x = bytes[i + k]
      if (x === undefined || (x & 0xc0) !== 0x80) ok = false
      else c = (c << 6) | (x & 0x3f)
    }
    if (!ok || (need === 2 && c < 0x800) || (need === 3 && (c < 0x10000 || c > 0x10ffff)) || (c >= 0xd800 && c < 0xe000)) {
      s += '\ufffd'
      i++
      continue
    }
    s += String.fromCodePoint(c)
    i += need + 1
  }
  return s
}
