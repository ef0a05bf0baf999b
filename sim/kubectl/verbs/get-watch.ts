// `kubectl get -w / --watch-only / --output-watch-events` (get.go watch()): the current state, then
// one row (or object) per watch event, each flushed on its own through a tabwriter that remembers
// column widths, so a wider cell widens its column from that line on and earlier lines stay as they
// were. It runs until Ctrl-C (exit 1, no summary) or until --request-timeout passes (exit 0).

import type { KindInfo } from '../../api/kinds'
import { matches, type Selector } from '../../api/selectors'
import type { KubeObject, WatchEvent } from '../../api/types'
import type { Invocation } from '../command'
import { KubectlError } from '../errors'
import { parseRequestTimeout } from '../flags/global'
import { toTable } from '../printers/columns'
import { toGoYaml } from '../printers/go-yaml'
import { toGoJsonCompact } from '../printers/json'
import { nameLine } from '../printers/name'
import type { OutputMode } from '../printers/registry'
import { TablePrinter } from '../printers/table'
import { TabWriter } from '../printers/tabwriter'
import { parseResourceArgs, selectResources } from '../resource-args'
import { type FieldTerm, matchesFields, parseFieldSelector, parseLabelSelector } from '../selectors'
import { listObjects } from './get-collect'
import { sortObjects } from './get-print'

export interface WatchOptions {
  labelSelector: string
  fieldSelector: string
  allNamespaces: boolean
  watchOnly: boolean
  outputWatchEvents: boolean
  noHeaders: boolean
  showLabels: boolean
  labelColumns: readonly string[]
  sortBy: string
}

/** Prints objects (all from one event, or the initial list) and flushes. */
type Emit = (type: string, objs: readonly KubeObject[]) => void

function emitterFor(inv: Invocation, mode: OutputMode, mapping: KindInfo, o: WatchOptions): Emit {
  if (mode.type === 'table') {
    const w = TabWriter.forTables((t) => inv.out(t))
    const printer = new TablePrinter({
      wide: mode.wide,
      noHeaders: o.noHeaders,
      withNamespace: o.allNamespaces && mapping.namespaced,
      showLabels: o.showLabels,
      columnLabels: o.labelColumns,
    })
    return (type, objs) => {
      printer.print(toTable(mapping.kind, objs, inv.now(), mode.wide), w, o.outputWatchEvents ? type : undefined)
      w.flush()
    }
  }
  let printed = 0
  return (type, objs) => {
    for (const obj of objs) {
      const event = { object: obj, type }
      let text: string
      if (mode.format === 'name') text = nameLine(obj)
      // metav1.WatchEvent marshals its fields in struct order (type, then object), compactly.
      else if (mode.format === 'json') text = o.outputWatchEvents ? `{"type":${toGoJsonCompact(type)},"object":${toGoJsonCompact(obj)}}\n` : mode.printer.print(obj)
      else if (mode.format === 'yaml') text = (printed > 0 ? '---\n' : '') + (o.outputWatchEvents ? toGoYaml(event) : toGoYaml(obj))
      else text = mode.printer.print(obj)
      printed++
      inv.out(text)
    }
  }
}

export async function runWatch(inv: Invocation, mode: OutputMode, o: WatchOptions): Promise<number> {
  if (o.sortBy) {
    inv.err(
      o.watchOnly && !inv.flags.bool('watch')
        ? 'warning: --watch-only requested, --sort-by will be ignored\n'
        : 'warning: --watch requested, --sort-by will be ignored for watch events received\n',
    )
  }
  const { namespace } = inv.namespace()
  const selection = selectResources(parseResourceArgs(inv.args), {
    allowEmptySelector: true,
    labelSelector: o.labelSelector,
    fieldSelector: o.fieldSelector,
    singleResourceType: true,
    namespace,
    allNamespaces: o.allNamespaces,
  })
  const mappings = selection.type === 'list' ? selection.mappings : [...new Set(selection.targets.map((t) => t.mapping))]
  if (mappings.length > 1) throw new KubectlError('watch is only supported on individual resources and resource collections - more than 1 resource was found')
  const mapping = mappings[0]
  const ns = mapping.namespaced && !o.allNamespaces ? namespace : ''
  const names = selection.type === 'named' ? selection.targets.map((t) => t.name) : undefined

  // The state the watch starts from: the list, or the named object(s).
  let initial = names ? names.map((n) => inv.api.read(mapping.kind, ns, n)) : listObjects(inv, mapping, ns, o)
  if (o.sortBy && !o.watchOnly && initial.length > 1) {
    try {
      initial = sortObjects(initial, o.sortBy)
    } catch (e) {
      throw new KubectlError(`unable to output the provided object: ${(e as Error).message}`)
    }
  }
  const emit = emitterFor(inv, mode, mapping, o)
  // --watch-only prints nothing yet; the header comes with the first event's row.
  if (!o.watchOnly && initial.length) emit('ADDED', initial)

  const selector: Selector | undefined = o.labelSelector ? parseLabelSelector(o.labelSelector) : undefined
  const fields: FieldTerm[] = o.fieldSelector ? parseFieldSelector(o.fieldSelector, mapping) : []
  const visible = (obj: KubeObject | undefined) =>
    obj !== undefined &&
    (!ns || obj.metadata.namespace === ns) &&
    (!names || names.includes(obj.metadata.name ?? '')) &&
    (selector === undefined || matches(selector, obj.metadata.labels)) &&
    matchesFields(obj, fields)
  const stop = inv.api.watch((ev: WatchEvent) => {
    const now = visible(ev.object)
    const before = ev.type === 'MODIFIED' ? visible(ev.old) : now
    // A filtered watch turns objects entering or leaving the selection into ADDED/DELETED events.
    if (ev.type === 'MODIFIED' && now !== before) emit(now ? 'ADDED' : 'DELETED', [ev.object])
    else if (now) emit(ev.type, [ev.object])
  }, [mapping.kind])
  try {
    const timeout = parseRequestTimeout(inv.flags.string('request-timeout'))
    await inv.ctx.time.until(() => false, timeout > 0 ? timeout : undefined, inv.ctx.cancel)
    // Ctrl-C: kubectl's interrupt handler exits with status 1 and prints nothing more.
    return timeout > 0 && !inv.ctx.cancel.cancelled ? 0 : 1
  } finally {
    stop()
  }
}
