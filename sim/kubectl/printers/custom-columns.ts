// `-o custom-columns=NAME:.metadata.name,IP:.status.podIP` and `-o custom-columns-file=FILE`, as
// kubectl's pkg/cmd/get/customcolumn.go prints them: a header row (unless --no-headers), then one row
// per object (each item of a List), through the same tabwriter as `get` tables. A column's JSONPath is
// the relaxed form (`.a.b`, `a.b`, `{.a.b}`, `{a.b}`), evaluated with missing keys allowed; its values
// print with Go's %v (maps as `map[k:v]`, null as `<nil>`) joined by commas, or `<none>`.

import type { KubeObject } from '../../api/types'
import { KubectlError } from '../errors'
import { goSprint } from './go-template/fmt'
import { JsonPath, JsonPathExecError } from './jsonpath/evaluate'
import { JsonPathParseError, parseJsonPath } from './jsonpath/parser'
import { PartialOutputError } from './jsonpath/partial-output'
import type { ObjectPrinter } from './registry'
import { TabWriter } from './tabwriter'

export interface Column {
  header: string
  /** The JSONPath template, `{.a.b}`. */
  fieldSpec: string
}

// customcolumn.go jsonRegexp: `{.a.b}`, `{a.b}`, `.a.b` or `a.b`.
const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/

/** RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` all become `{.a.b}`; '' stays ''. */
export function relaxedJsonPathExpression(path: string): string {
  if (path === '') return path
  const m = RELAXED.exec(path)
  if (!m) {
    throw new KubectlError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
  }
  return `{.${m[1] ?? m[2]}}`
}

/** NewCustomColumnsPrinterFromSpec: `HEADER:path,HEADER:path`. */
export function columnsFromSpec(spec: string): Column[] {
  if (spec === '') throw new KubectlError('custom-columns format specified but no custom columns given')
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':')
    if (colon < 0) throw new KubectlError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`)
    return { header: part.slice(0, colon), fieldSpec: relaxedJsonPathExpression(part.slice(colon + 1)) }
  })
}

const TEMPLATE_FORMAT = 'Expected format is one line of space separated headers, one line of space separated column specs.'

/** bufio.ScanLines: lines without their "\n" (and a "\r" before it); no line for a trailing newline. */
function scanLines(text: string): string[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''))
  if (text.endsWith('\n') || text === '') lines.pop()
  return lines
}

/** NewCustomColumnsPrinterFromTemplate: a line of headers, then a line of paths, split on white space. */
export function columnsFromTemplate(text: string): Column[] {
  const lines = scanLines(text)
  if (lines.length < 1) throw new KubectlError(`invalid template, missing header line. ${TEMPLATE_FORMAT}`)
  const words = (l: string) => l.split(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/).filter(Boolean)
  const headers = words(lines[0])
  if (lines.length < 2) throw new KubectlError(`invalid template, missing spec line. ${TEMPLATE_FORMAT}`)
  const specs = words(lines[1])
  if (headers.length !== specs.length) {
    throw new KubectlError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`)
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJsonPathExpression(specs[i]) }))
}

/** printers.EscapeTerminal: ESC and CR can't reach the terminal raw. */
function escapeTerminal(s: string): string {
  return s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r')
}

export class CustomColumnsPrinter implements ObjectPrinter {
  constructor(
    readonly columns: readonly Column[],
    readonly noHeaders: boolean,
  ) {}

  print(obj: KubeObject): string {
    let out = ''
    const w = TabWriter.forTables((t) => (out += t))
    if (!this.noHeaders) w.write(this.columns.map((c) => c.header).join('\t') + '\n')
    let parsers: JsonPath[]
    try {
      parsers = this.columns.map((c) => new JsonPath(parseJsonPath(c.fieldSpec), true))
    } catch (e) {
      if (!(e instanceof JsonPathParseError)) throw e
      w.flush()
      throw new PartialOutputError(e.message, out)
    }
    const items = obj.kind === 'List' ? ((obj as unknown as { items?: KubeObject[] }).items ?? []) : [obj]
    try {
      for (const item of items) w.write(this.row(item, parsers).join('\t') + '\n')
    } catch (e) {
      if (!(e instanceof JsonPathExecError)) throw e
      w.flush()
      throw new PartialOutputError(e.message, out)
    }
    w.flush()
    return out
  }

  private row(obj: KubeObject, parsers: JsonPath[]): string[] {
    return parsers.map((p) => {
      const values = p.findResults(obj)
      const strings: string[] = []
      if (values.length === 0 || values[0].length === 0) strings.push('<none>')
      for (const list of values) for (const v of list) strings.push(escapeTerminal(goSprint(v)))
      return strings.join(',')
    })
  }
}
