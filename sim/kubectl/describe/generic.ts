// The generic describer kubectl falls back to for kinds without their own (describe.go
// genericDescriber + printUnstructuredContent): here ControllerRevision and Event. Every field of the
// object's JSON, sorted by name, labelled by smartLabelFor (camel case split and title-cased, common
// acronyms upper-cased), nested maps and lists indented a level, scalars with Go's `%v`.

import type { Kind } from '../../api/kinds'
import type { KubeObject } from '../../api/types'
import type { DescribeContext } from './context'
import { describeEvents, eventsFor } from './events'
import { printAnnotationsMultiline, printLabelsMultiline, sortedStrings } from './format'
import { type DescribeWriter, LEVEL_0, tabbed } from './writer'

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID'])

function charClass(ch: string): number {
  if (ch.toLowerCase() === ch && ch.toUpperCase() !== ch) return 1
  if (ch.toUpperCase() === ch && ch.toLowerCase() !== ch) return 2
  if (/\p{Nd}/u.test(ch)) return 3
  return 4
}

/** fatih/camelcase Split: runs of one character class, an upper-case letter moved onto a following lower-case run. */
export function camelSplit(src: string): string[] {
  const runs: string[][] = []
  let last = 0
  for (const ch of src) {
    const c = charClass(ch)
    if (c === last) runs[runs.length - 1].push(ch)
    else runs.push([ch])
    last = c
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (charClass(runs[i][0]) === 2 && charClass(runs[i + 1][0]) === 1) {
      runs[i + 1].unshift(runs[i].pop()!)
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''))
}

/** smartLabelFor: `apiVersion` → `API Version`; names with anything but letters and `-` stay as they are. */
export function smartLabelFor(field: string): string {
  if ([...field].some((ch) => ch !== '-' && !/\p{L}/u.test(ch))) return field
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ')
}

/** Go's `%v` of a decoded JSON scalar (integers as int64, other numbers as float64 `%v`). */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v)
    const s = String(v)
    return s.includes('e') ? s.replace(/e([+-])(\d)$/, 'e$10$2') : s
  }
  return String(v)
}

/** What the generic describer leaves out of the content (it prints these itself, or never). */
const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']

/** printUnstructuredContent: `skip` holds paths like `.metadata.name`. */
export function printUnstructuredContent(w: DescribeWriter, level: number, content: Record<string, unknown>, prefix: string, skip: readonly string[]): void {
  for (const field of sortedStrings(Object.keys(content))) {
    const value = content[field]
    const path = `${prefix}.${field}`
    if (skip.includes(path)) continue
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      printUnstructuredContent(w, level + 1, value as Record<string, unknown>, path, skip)
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) printUnstructuredContent(w, level + 1, child as Record<string, unknown>, path, skip)
        else w.write(level + 1, `${Array.isArray(child) ? `[${child.map(goValue).join(' ')}]` : goValue(child)}\n`)
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`)
    }
  }
}

export function describeGeneric(kind: Kind) {
  return (ctx: DescribeContext, namespace: string, name: string): string => {
    const obj = ctx.api.read(kind, namespace, name) as KubeObject
    const events = eventsFor(ctx, obj as never)
    return tabbed((w) => {
      w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`)
      w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
      printLabelsMultiline(w, 'Labels', obj.metadata.labels)
      printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
      printUnstructuredContent(w, LEVEL_0, obj as unknown as Record<string, unknown>, '', SKIP)
      if (events) describeEvents(events, w, ctx.now)
    })
  }
}
