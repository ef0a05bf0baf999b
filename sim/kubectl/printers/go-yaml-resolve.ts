// go-yaml v2's resolver (resolve.go): what a plain (unquoted) YAML 1.1 scalar means. kubectl's YAML
// goes through it twice: reading a manifest (`replicas: 3` is a number, `yes` is true, `"3"` stays a
// string) and writing `-o yaml` (a string that would read back as something else gets quoted).

export type Resolved =
  | { tag: 'str'; value: string }
  | { tag: 'bool'; value: boolean }
  | { tag: 'null'; value: null }
  | { tag: 'int' | 'float'; value: number }
  | { tag: 'timestamp'; value: string }
  | { tag: 'merge'; value: '<<' }

const MAP: Record<string, Resolved> = {}
const add = (r: Resolved, words: string[]) => words.forEach((w) => (MAP[w] = r))
add({ tag: 'bool', value: true }, ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'])
add({ tag: 'bool', value: false }, ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'])
add({ tag: 'null', value: null }, ['', '~', 'null', 'Null', 'NULL'])
add({ tag: 'float', value: NaN }, ['.nan', '.NaN', '.NAN'])
add({ tag: 'float', value: Infinity }, ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'])
add({ tag: 'float', value: -Infinity }, ['-.inf', '-.Inf', '-.INF'])
add({ tag: 'merge', value: '<<' }, ['<<'])

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/

/** strconv.ParseInt(s, 0, 64) / ParseUint: sign, 0x/0o/0b/leading-0 octal, underscores already removed. */
function parseGoInt(s: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s)
  if (!m) return undefined
  const body = m[2]
  let n: number
  if (/^0[xX]/.test(body)) n = parseInt(body.slice(2), 16)
  else if (/^0[oO]/.test(body)) n = parseInt(body.slice(2), 8)
  else if (/^0[bB]/.test(body)) n = parseInt(body.slice(2), 2)
  else if (body.length > 1 && body[0] === '0') n = parseInt(body.slice(1), 8)
  else n = parseInt(body, 10)
  return m[1] === '-' ? -n : n
}

/** parseTimestamp: YYYY-M-D, optionally with a time (T/t/space separated). */
function isTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false
  return (
    /^\d{4}-\d{1,2}-\d{1,2}$/.test(s) ||
    /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) ||
    /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?$/.test(s)
  )
}

export function resolvePlain(s: string): Resolved {
  const c = s[0]
  const hint = s === '' ? 'N' : c === '+' || c === '-' ? 'S' : c >= '0' && c <= '9' ? 'D' : 'yYnNtTfFoO~'.includes(c) ? 'M' : c === '.' ? '.' : ''
  if (hint === '') return { tag: 'str', value: s }
  const known = MAP[s]
  if (known) return known
  if (hint === '.') {
    if (YAML_STYLE_FLOAT.test(s)) return { tag: 'float', value: Number(s) }
  } else if (hint === 'D' || hint === 'S') {
    if (isTimestamp(s)) return { tag: 'timestamp', value: s }
    const plain = s.replace(/_/g, '')
    const i = parseGoInt(plain)
    if (i !== undefined) return { tag: 'int', value: i }
    if (YAML_STYLE_FLOAT.test(plain)) return { tag: 'float', value: Number(plain) }
    if (plain.startsWith('-0b') && /^[01]+$/.test(plain.slice(3))) return { tag: 'int', value: -parseInt(plain.slice(3), 2) }
  }
  return { tag: 'str', value: s }
}

/** Whether a string written plain would read back as something other than that string. */
export function resolvesToNonString(s: string): boolean {
  return resolvePlain(s).tag !== 'str'
}
