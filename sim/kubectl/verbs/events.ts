// `kubectl events` (kubectl pkg/cmd/events/events.go, event_printer.go): the namespace's events (or
// all, with -A), optionally only those of one object (--for TYPE/NAME) or of some types, oldest
// first, as LAST SEEN / TYPE / REASON / OBJECT (Kind/name) / MESSAGE — or watched as they come (-w).
// Unlike `get events` it prints the object's Kind as written and the repeat count in LAST SEEN.

import type { Obj } from '../../api/types'
import { parseRfc3339 } from '../../core/time'
import { normalizePath } from '../../storage/memfs'
import type { Invocation, KubectlCommand } from '../command'
import { interval } from '../describe/events'
import { KubectlError, RawError } from '../errors'
import { OUTPUT_FLAGS } from '../mutate/flags'
import { parseRequestTimeout } from '../flags/global'
import { goSortBy } from '../go-sort'
import { selectOutput } from '../printers/registry'
import { typedEventList } from './events-typed'
import { TabWriter } from '../printers/tabwriter'
import { mappingFor } from '../resource-mapping'

type Event = Obj<'Event'>

interface ForObject {
  kind: string
  apiVersion: string
  name: string
}

/** decodeResourceTypeName: TYPE/NAME, or nothing when there is no slash. */
function forObject(spec: string): ForObject {
  if (!spec.includes('/')) throw new KubectlError('--for must be in resource/name form')
  const seg = spec.split('/')
  if (seg.length !== 2) throw new KubectlError('arguments in resource/name form may not have more than one slash')
  let m
  try {
    m = mappingFor(seg[0].toLowerCase())
  } catch (e) {
    // The RESTMapper's error reaches CheckErr as is: no "error: " in front.
    throw e instanceof KubectlError ? new RawError(e.message) : e
  }
  return { kind: m.kind, apiVersion: m.apiVersion, name: seg[1] }
}

/** eventTime: the series' last observation, else lastTimestamp, else eventTime (zero sorts first). */
function eventTime(e: Event): number {
  const t = (s: unknown) => parseRfc3339(s as string | undefined) ?? -Infinity
  if (e.series) return t(e.series.lastObservedTime)
  const last = t(e.lastTimestamp)
  return last !== -Infinity ? last : t(e.eventTime)
}

function row(e: Event, now: number, allNamespaces: boolean): string {
  const o = e.involvedObject ?? {}
  const ns = allNamespaces ? `${e.metadata.namespace ?? ''}\t` : ''
  return `${ns}${interval(e, now)}\t${e.type ?? ''}\t${e.reason ?? ''}\t${o.kind ?? ''}/${o.name ?? ''}\t${(e.message ?? '').trim()}\n`
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags
  const types = [...new Set(f.strings('types'))].sort()
  for (const t of types) if (!/^(normal|warning)$/i.test(t)) throw new KubectlError('valid --types are Normal or Warning')
  const target = f.string('for') ? forObject(f.string('for')) : undefined
  const allNamespaces = f.bool('all-namespaces')
  const { namespace } = inv.namespace()
  const wanted = (e: Event) => {
    if (!allNamespaces && e.metadata.namespace !== namespace) return false
    if (types.length && !types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase())) return false
    const o = e.involvedObject ?? {}
    return !target || (o.kind === target.kind && o.apiVersion === target.apiVersion && o.name === target.name)
  }
  const w = TabWriter.forTables((t) => inv.out(t))
  let headed = f.bool('no-headers')
  const print = (events: readonly Event[]) => {
    if (!headed) w.write(`${allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`)
    headed = true
    for (const e of events) w.write(row(e, inv.now(), allNamespaces))
    w.flush()
  }
  const output = outputPrinter(inv)
  if (f.bool('watch')) return watch(inv, allNamespaces ? undefined : namespace, wanted, output ? (events) => output(events) : print)
  const events = (inv.api.list('Event', allNamespaces ? {} : { namespace }) as Event[]).filter(wanted)
  if (events.length === 0) {
    inv.err(allNamespaces ? 'No events found.\n' : `No events found in ${namespace} namespace.\n`)
    return 0
  }
  const sorted = goSortBy(events, (a, b) => eventTime(a) < eventTime(b))
  if (output) output(sorted)
  else print(sorted)
  return 0
}

/** The formats of events' PrintFlags (no custom columns, no wide). */
const FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml']

/** -o: the events as a typed EventList through kubectl's printer (the name printer prints nothing for it). */
function outputPrinter(inv: Invocation): ((events: readonly Event[]) => void) | undefined {
  const format = inv.flags.string('output')
  if (!format) return undefined
  if (!FORMATS.includes(format.split('=')[0])) throw new KubectlError(`unable to match a printer suitable for the output format "${format}", allowed formats are: ${FORMATS.join(',')}`)
  if (format === 'name') return () => {}
  const mode = selectOutput(
    { output: format, template: inv.flags.string('template'), allowMissingTemplateKeys: inv.flags.bool('allow-missing-template-keys'), noHeaders: false, readFile: (p) => inv.ctx.fs.readFile(normalizePath(p, inv.ctx.cwd)) },
    inv.outputFormats,
  )
  if (mode.type !== 'generic') return undefined
  // Only json.Marshal of the typed list keeps the structs' field order; the other printers see the
  // list as a map (jsonpath and templates after a round trip through JSON, yaml sorted).
  const ordered = format === 'json'
  return (events) => inv.out(mode.printer.print(typedEventList(events, ordered) as never))
}

/**
 * runWatch: a watch without a resourceVersion, so it starts with the events there are (ADDED, in
 * storage order, unsorted), then every new or changed one as it comes, until Ctrl-C (or --request-timeout).
 */
async function watch(inv: Invocation, namespace: string | undefined, wanted: (e: Event) => boolean, print: (events: readonly Event[]) => void): Promise<number> {
  for (const e of inv.api.list('Event', namespace === undefined ? {} : { namespace }) as Event[]) if (wanted(e)) print([e])
  const stop = inv.api.watch((ev) => {
    // Events are deleted after an hour: that is not printed.
    if (ev.type !== 'DELETED' && wanted(ev.object as Event)) print([ev.object as Event])
  }, ['Event'])
  try {
    const timeout = parseRequestTimeout(inv.flags.string('request-timeout'))
    await inv.ctx.time.until(() => false, timeout > 0 ? timeout : undefined, inv.ctx.cancel)
    return timeout > 0 && !inv.ctx.cancel.cancelled ? 0 : 1
  } finally {
    stop()
  }
}

export const eventsCommand: KubectlCommand = {
  name: 'events',
  short: 'List events',
  flags: [
    ...OUTPUT_FLAGS,
    { name: 'watch', shorthand: 'w', type: 'bool' },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
    { name: 'for', type: 'string' },
    { name: 'types', type: 'stringSlice' },
    { name: 'no-headers', type: 'bool' },
    { name: 'chunk-size', type: 'int', default: '500' },
  ],
  run,
}
