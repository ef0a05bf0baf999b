// How `kubectl get` prints what it fetched (get.go Run and printGeneric): one table per resource type
// with its own widths and a blank line between tables, `kind/` prefixes when several types are shown,
// or one object / a `kind: List` for -o name|json|yaml|templates. --sort-by sorts rows (or items) by
// a field path, quantities numerically, with kubectl's quirks kept (see sortRows).

import { parseQuantity } from '../../api/quantity'
import type { KindInfo } from '../../api/kinds'
import type { KubeObject } from '../../api/types'
import { KubectlError } from '../errors'
import { goSortBy } from '../go-sort'
import { SortPath } from '../printers/jsonpath/sort-path'
import { PartialOutputError } from '../printers/jsonpath/partial-output'
import { goQuote } from '../printers/go-template/fmt'
import { toTable } from '../printers/columns'
import { timestampSince } from '../printers/duration'
import type { ObjectPrinter } from '../printers/registry'
import { type Table, TablePrinter } from '../printers/table'
import { TabWriter } from '../printers/tabwriter'
import { groupKindLower } from '../resource-mapping'
import type { GetInfo } from './get-collect'

export interface TableOutputOptions {
  wide: boolean
  noHeaders: boolean
  allNamespaces: boolean
  showKind: boolean
  showLabels: boolean
  labelColumns: readonly string[]
  sortBy: string
  /** --server-print=false: kubectl's own NAME/AGE columns. */
  serverPrint: boolean
}

/** isLess for the values --sort-by finds: numbers by value, quantity strings by amount, else text. */
function less(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a)
    const qb = parseQuantity(b)
    if (qa !== undefined && qb !== undefined) return qa < qb
    return a < b
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b
  return false
}

function sortByPath<T>(items: T[], sortBy: string, objectOf: (t: T) => unknown): T[] {
  // The full JSONPath of kubectl's sorter (filters, escaped dots, [*]) and its parse errors.
  const path = new SortPath(sortBy)
  const keyed = items.map((item) => ({ item, value: path.valueOf(objectOf(item)) }))
  if (items.length > 0 && keyed.every((k) => k.value === undefined)) {
    throw new KubectlError(`couldn't find any field with path ${goQuote(path.field)} in the list of objects`)
  }
  // RuntimeSort/TableSorter.Less: an item without the field sorts first (even against another such
  // item); an explicit null sorts before any value (isLess on nil interfaces).
  const lessKeyed = (a: { value: unknown }, b: { value: unknown }) => {
    if (a.value === undefined) return true
    if (b.value === undefined) return false
    if (a.value === null || b.value === null) return a.value === null && b.value !== null
    return less(a.value, b.value)
  }
  return goSortBy(keyed, lessKeyed).map((k) => k.item)
}

/** Objects sorted by a --sort-by path; throws kubectl's error when no object has the field. */
export function sortObjects(objs: KubeObject[], sortBy: string): KubeObject[] {
  return sortByPath(objs, sortBy, (o) => o)
}

/** A template printer that fails mid-way has already written part of its output (kubectl prints it). */
function printWithPartial(printer: ObjectPrinter, obj: KubeObject, out: (t: string) => void): void {
  try {
    out(printer.print(obj))
  } catch (e) {
    if (e instanceof PartialOutputError && e.output) out(e.output)
    throw e
  }
}

/**
 * SortingPrinter on a server Table: rows are sorted by their objects. When the path matches no row,
 * kubectl's printer fails and get ignores that error, so the table is simply not printed.
 */
function sortRows(table: Table, sortBy: string): Table | undefined {
  if (!sortBy || table.rows.length <= 1) return table
  try {
    return { ...table, rows: sortByPath(table.rows, sortBy, (r) => r.object) }
  } catch {
    return undefined
  }
}

function tableFor(info: GetInfo, now: number, o: TableOutputOptions): Table {
  if (!o.serverPrint) {
    // printObjectMeta: the client's fallback columns.
    return {
      columns: [{ name: 'Name', format: 'name' }, { name: 'Age' }],
      rows: info.objects.map((object) => ({ cells: [object.metadata.name ?? '', timestampSince(object.metadata.creationTimestamp, now)], object })),
    }
  }
  return toTable(info.mapping.kind, info.objects, now, o.wide)
}

/** get.go Run for human-readable output; returns how many bytes reached stdout. */
export function printTables(infos: readonly GetInfo[], now: number, o: TableOutputOptions, out: (t: string) => void): number {
  if (o.sortBy && infos.length > 1) {
    // RuntimeSorter sorts the Table objects themselves, where only .kind/.apiVersion exist.
    const tableObject = { apiVersion: 'meta.k8s.io/v1', kind: 'Table' }
    sortByPath(infos.slice(), o.sortBy, () => tableObject)
  }
  let written = 0
  let separatorReady = false
  const write = (t: string) => {
    if (t.length && separatorReady) {
      out('\n')
      written += 1
      separatorReady = false
    }
    written += t.length
    out(t)
  }
  const w = TabWriter.forTables(write)
  const kinds = new Set(infos.map((i) => i.mapping))
  const withKind = o.showKind || kinds.size > 1
  let printer: TablePrinter | undefined
  let lastMapping: KindInfo | undefined
  for (const info of infos) {
    if (!printer || lastMapping !== info.mapping) {
      w.flush()
      w.setRememberedWidths(null)
      if (lastMapping && !o.noHeaders && written > 0) separatorReady = true
      printer = new TablePrinter({
        wide: o.wide,
        noHeaders: o.noHeaders,
        withNamespace: o.allNamespaces && info.mapping.namespaced,
        kindPrefix: withKind ? groupKindLower(info.mapping) : undefined,
        showLabels: o.showLabels,
        columnLabels: o.labelColumns,
      })
      lastMapping = info.mapping
    }
    const table = sortRows(tableFor(info, now, o), o.sortBy)
    if (table) printer.print(table, w)
  }
  w.flush()
  return written
}

function stripManagedFields(o: KubeObject): KubeObject {
  if (!o.metadata?.managedFields) return o
  const { managedFields: _, ...metadata } = o.metadata
  return { ...o, metadata }
}

/** printGeneric: one object, or every item in a `kind: List`. */
export function printGeneric(
  items: KubeObject[],
  singleItemImplied: boolean,
  printer: ObjectPrinter,
  opts: { sortBy: string; showManagedFields: boolean },
  out: (t: string) => void,
): void {
  const objs = opts.showManagedFields ? items : items.map(stripManagedFields)
  if (singleItemImplied && objs.length === 1) {
    printWithPartial(printer, objs[0], out)
    return
  }
  const sorted = opts.sortBy && objs.length > 0 ? sortByPath(objs, opts.sortBy, (x) => x) : objs
  const list = { apiVersion: 'v1', items: sorted, kind: 'List', metadata: { resourceVersion: '' } }
  printWithPartial(printer, list as unknown as KubeObject, out)
}
