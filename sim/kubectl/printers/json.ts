// `-o json` as kubectl prints it: Go's json.MarshalIndent(obj, "", "    ") of an unstructured object,
// so map keys come out in byte order (a typed object's members in its struct's order), and strings
// use Go's escaping (\u003c \u003e \u0026 for < > &, \u2028 \u2029, \b \f \n \r \t, other control
// characters as \u00XX in lower-case hex).

function goJsonString(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    switch (ch) {
      case '"':
        out += '\\"'
        continue
      case '\\':
        out += '\\\\'
        continue
      case '\b':
        out += '\\b'
        continue
      case '\f':
        out += '\\f'
        continue
      case '\n':
        out += '\\n'
        continue
      case '\r':
        out += '\\r'
        continue
      case '\t':
        out += '\\t'
        continue
    }
    if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += '\\u' + c.toString(16).padStart(4, '0')
    } else {
      out += ch
    }
  }
  return out + '"'
}

/**
 * Objects built in a Go struct's field order (a typed object kubectl made itself, such as the EventList
 * of `kubectl events`): json.Marshal writes their members in that order instead of sorting them.
 */
export const inStructOrder = new WeakSet<object>()

function members(v: object): [string, unknown][] {
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined)
  return inStructOrder.has(v) ? entries : entries.sort(([a], [b]) => byteOrder(a, b))
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function encode(v: unknown, indent: string | undefined): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string') return goJsonString(v)
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v)
  if (indent === undefined) return compact(v)
  const inner = indent + '    '
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]'
    return `[\n${v.map((x) => inner + encode(x, inner)).join(',\n')}\n${indent}]`
  }
  const entries = members(v)
  if (entries.length === 0) return '{}'
  return `{\n${entries.map(([k, x]) => `${inner}${goJsonString(k)}: ${encode(x, inner)}`).join(',\n')}\n${indent}}`
}

/** json.Marshal: no whitespace at all. */
function compact(v: object): string {
  if (Array.isArray(v)) return `[${v.map((x) => encode(x, undefined)).join(',')}]`
  const entries = members(v)
  return `{${entries.map(([k, x]) => `${goJsonString(k)}:${encode(x, undefined)}`).join(',')}}`
}

/** Go's json.Marshal of a JSON value (keys sorted, Go escaping, no spaces). */
export function toGoJsonCompact(value: unknown): string {
  return encode(value, undefined)
}

/** The bytes `kubectl get -o json` prints for a JSON-plain object (with the final newline). */
export function toGoJson(value: unknown): string {
  return encode(value, '') + '\n'
}
