// A server-side Table (columns + rows, as the API server's printers.go would send) and kubectl's
// client-side rendering of it (cli-runtime tableprinter.go HumanReadablePrinter): decorations
// (NAMESPACE first, kind/ prefix, -L and LABELS last), wide filtering by column priority, upper-cased
// headers, no header when there are no rows, and headers only once while the columns stay the same.

import type { KubeObject } from '../../api/types'
import type { TabWriter } from './tabwriter'

export type Cell = string | number | boolean | null

export interface Column {
  name: string
  /** 0 for default columns; 1 for the ones only `-o wide` shows. */
  priority?: number
  /** 'name' marks the column that gets the `kind/` prefix. */
  format?: 'name'
}

export interface TableRow {
  cells: Cell[]
  object: KubeObject
}

export interface Table {
  columns: readonly Column[]
  rows: TableRow[]
}

export interface PrintOptions {
  wide?: boolean
  noHeaders?: boolean
  withNamespace?: boolean
  /** `kind.group` in lower case, prefixed to names when several kinds are printed. */
  kindPrefix?: string
  showLabels?: boolean
  /** `-L` keys. */
  columnLabels?: readonly string[]
}

/** labels.FormatLabels: `k=v,k2=v2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) return '<none>'
  return keys.map((k) => `${k}=${labels![k]}`).join(',')
}

/** `-L app.kubernetes.io/name` gives the header NAME (last path segment, upper-cased). */
function labelHeader(key: string): string {
  const parts = key.split('/')
  return parts[parts.length - 1].toUpperCase()
}

/** decorateTable: adds the NAMESPACE, -L and LABELS columns and the kind/ prefix. */
function decorate(table: Table, o: PrintOptions): Table {
  const columns: Column[] = []
  if (o.withNamespace) columns.push({ name: 'Namespace' })
  columns.push(...table.columns)
  for (const l of o.columnLabels ?? []) columns.push({ name: labelHeader(l) })
  if (o.showLabels) columns.push({ name: 'Labels' })
  const nameColumn = o.kindPrefix ? table.columns.findIndex((c) => c.format === 'name') : -1
  const rows = table.rows.map((r) => {
    const cells = [...r.cells]
    if (nameColumn >= 0) cells[nameColumn] = `${o.kindPrefix}/${cells[nameColumn]}`
    const labels = r.object.metadata.labels ?? {}
    const out: Cell[] = []
    if (o.withNamespace) out.push(r.object.metadata.namespace ?? '')
    out.push(...cells)
    for (const l of o.columnLabels ?? []) out.push(labels[l] ?? '')
    if (o.showLabels) out.push(formatLabels(labels))
    return { cells: out, object: r.object }
  })
  return { columns, rows }
}

/** printers.WriteEscaped: ESC and CR would let object data drive the terminal. */
function escapeTerminal(s: string): string {
  return s.split('\u001b').join('^[').split('\r').join('\\r')
}

function cellText(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell !== 'string') return escapeTerminal(String(cell))
  // A cell is cut at its first newline, carriage return or form feed, and gets "..." appended.
  const cut = cell.search(/[\f\n\r]/)
  return cut >= 0 ? escapeTerminal(cell.slice(0, cut)) + '...' : escapeTerminal(cell)
}

function printTable(table: Table, w: TabWriter, o: PrintOptions, eventType?: string): void {
  const visible = (c: Column) => o.wide || !c.priority
  // EVENT is added in front after decoration (--output-watch-events), padded to 8 by formatEventType.
  if (!o.noHeaders) {
    if (table.rows.length === 0) return
    const headers = table.columns.filter(visible).map((c) => c.name.toUpperCase())
    w.write([...(eventType !== undefined ? ['EVENT'] : []), ...headers].join('\t') + '\n')
  }
  for (const row of table.rows) {
    const cells: string[] = []
    if (eventType !== undefined) cells.push(eventType)
    row.cells.forEach((cell, i) => {
      if (i < table.columns.length && visible(table.columns[i])) cells.push(cellText(cell))
    })
    w.write(cells.join('\t') + '\n')
  }
}

const EVENT_TYPES: Record<string, string> = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ', ERROR: 'ERROR   ' }

function sameColumns(a: readonly Column[], b: readonly Column[] | undefined): boolean {
  if (!b || a.length !== b.length) return false
  return a.every((c, i) => c.name === b[i].name && (c.priority ?? 0) === (b[i].priority ?? 0) && c.format === b[i].format)
}

/**
 * One printer per resource type (get creates a new one when the type changes): it prints the header
 * with the first table that has rows and leaves it out for later tables with the same columns.
 */
export class TablePrinter {
  private lastColumns: readonly Column[] | undefined
  private printedHeaders = false

  constructor(private readonly options: PrintOptions) {}

  print(table: Table, w: TabWriter, eventType?: string): void {
    const local = { ...this.options }
    if (this.printedHeaders && sameColumns(table.columns, this.lastColumns)) local.noHeaders = true
    if (!sameColumns(table.columns, this.lastColumns)) {
      this.lastColumns = table.columns
      this.printedHeaders = false
    }
    if (table.rows.length > 0) this.printedHeaders = true
    printTable(decorate(table, local), w, local, eventType === undefined ? undefined : (EVENT_TYPES[eventType] ?? eventType))
  }
}
