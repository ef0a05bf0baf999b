// Small pieces of Go's encoding/json and encoding/base64 behaviour that decoding errors show:
// how a JSON value is named in UnmarshalTypeError ("string", "number 1.5"), integer ranges, and
// where base64 decoding of a []byte field fails.

export type JsonKind = 'null' | 'bool' | 'number' | 'string' | 'array' | 'object'

export function jsonKind(v: unknown): JsonKind {
  if (v === null || v === undefined) return 'null'
  if (Array.isArray(v)) return 'array'
  switch (typeof v) {
    case 'boolean':
      return 'bool'
    case 'number':
      return 'number'
    case 'string':
      return 'string'
    default:
      return 'object'
  }
}

/**
 * The JSON text kubectl sends for a number (Go's json.Marshal of the float64 or int64 YAML gave):
 * integers in full, other values in the shortest form, with an exponent from 1e21 (as JS does).
 */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString()
  return String(n)
}

const INT_RANGES: Record<string, [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 255n],
}

/** strconv.ParseInt(text, 10, 64) plus reflect's OverflowInt for the target type. */
export function fitsInt(text: string, goType: 'int32' | 'int64' | 'uint8'): boolean {
  if (!/^-?[0-9]+$/.test(text)) return false
  const n = BigInt(text)
  const [min, max] = INT_RANGES[goType]
  return n >= min && n <= max
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/**
 * Where base64.StdEncoding.Decode gives up on `s`, as the byte offset its CorruptInputError names
 * (`illegal base64 data at input byte 4`); undefined when `s` decodes. Follows decodeQuantum: groups
 * of four, newlines skipped, `=` padding only at the end, nothing after it.
 */
export function base64ErrorOffset(s: string): number | undefined {
  const src = new TextEncoder().encode(s)
  let si = 0
  while (si < src.length) {
    let j = 0
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return undefined
        // A partial group: only whole groups (or `=`-padded ones) are valid with StdEncoding.
        return si - j
      }
      const c = src[si++]
      if (c === 0x0a || c === 0x0d) {
        j--
        continue
      }
      if (B64.includes(String.fromCharCode(c))) continue
      if (c !== 0x3d) return si - 1
      // Padding: allowed in the third or fourth place, `==` in the third.
      if (j < 2) return si - 1
      if (j === 2) {
        while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++
        if (si === src.length) return src.length
        if (src[si] !== 0x3d) return si - 1
        si++
      }
      while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++
      return si < src.length ? si : undefined
    }
  }
  return undefined
}
