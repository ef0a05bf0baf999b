// Tables of Nodes, Namespaces, Events, ConfigMaps, Secrets and ServiceAccounts (printers.go printNode,
// printNamespace, printEvent, printConfigMap, printSecret, printServiceAccount).

import type { Obj } from '../../../api/types'
import { parseRfc3339 } from '../../../core/time'
import { humanDuration, timestampSince } from '../duration'
import type { Cell, Column } from '../table'

const NAME: Column = { name: 'Name', format: 'name' }
const AGE: Column = { name: 'Age' }

export const nodeColumns: Column[] = [
  NAME,
  { name: 'Status' },
  { name: 'Roles' },
  AGE,
  { name: 'Version' },
  { name: 'Internal-IP', priority: 1 },
  { name: 'External-IP', priority: 1 },
  { name: 'OS-Image', priority: 1 },
  { name: 'Kernel-Version', priority: 1 },
  { name: 'Container-Runtime', priority: 1 },
]

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role=<role>`, sorted. */
function nodeRoles(node: Obj<'Node'>): string[] {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length)
      if (role) roles.add(role)
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v)
  }
  return [...roles].sort()
}

export function nodeRow(node: Obj<'Node'>, now: number): Cell[] {
  const status: string[] = []
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').pop()
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady')
  if (status.length === 0) status.push('Unknown')
  if (node.spec?.unschedulable) status.push('SchedulingDisabled')
  const info = node.status?.nodeInfo
  const address = (type: string) => node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>'
  return [
    node.metadata.name ?? '',
    status.join(','),
    nodeRoles(node).join(',') || '<none>',
    timestampSince(node.metadata.creationTimestamp, now),
    info?.kubeletVersion ?? '',
    address('InternalIP'),
    address('ExternalIP'),
    info?.osImage || '<unknown>',
    info?.kernelVersion || '<unknown>',
    info?.containerRuntimeVersion || '<unknown>',
  ]
}

export const namespaceColumns: Column[] = [NAME, { name: 'Status' }, AGE]

export function namespaceRow(ns: Obj<'Namespace'>, now: number): Cell[] {
  return [ns.metadata.name ?? '', ns.status?.phase ?? '', timestampSince(ns.metadata.creationTimestamp, now)]
}

export const eventColumns: Column[] = [
  { name: 'Last Seen' },
  { name: 'Type' },
  { name: 'Reason' },
  { name: 'Object' },
  { name: 'Subobject', priority: 1 },
  { name: 'Source', priority: 1 },
  { name: 'Message' },
  { name: 'First Seen', priority: 1 },
  { name: 'Count', priority: 1 },
  { name: 'Name', priority: 1, format: 'name' },
]

function since(ts: string | undefined, now: number): string {
  const t = parseRfc3339(ts)
  return t === undefined ? '<unknown>' : humanDuration(now - t)
}

export function eventRow(ev: Obj<'Event'>, now: number): Cell[] {
  // FIRST SEEN: firstTimestamp, else eventTime; LAST SEEN: series.lastObservedTime, else lastTimestamp, else first.
  const first = ev.firstTimestamp ? since(ev.firstTimestamp, now) : since(ev.eventTime, now)
  let last = ev.lastTimestamp ? since(ev.lastTimestamp, now) : first
  let count = ev.count ?? 0
  if (ev.series) {
    last = since(ev.series.lastObservedTime, now)
    count = ev.series.count ?? 0
  } else if (count === 0) {
    count = 1
  }
  const io = ev.involvedObject
  const target = io.name ? `${(io.kind ?? '').toLowerCase()}/${io.name}` : (io.kind ?? '').toLowerCase()
  const component = ev.source?.component || ev.reportingComponent || ''
  const instance = ev.source?.host || ev.reportingInstance || ''
  const source = instance ? `${component}, ${instance}` : component
  return [last, ev.type ?? '', ev.reason ?? '', target, io.fieldPath ?? '', source, (ev.message ?? '').trim(), first, count, ev.metadata.name ?? '']
}

export const configMapColumns: Column[] = [NAME, { name: 'Data' }, AGE]

export function configMapRow(cm: Obj<'ConfigMap'>, now: number): Cell[] {
  const n = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length
  return [cm.metadata.name ?? '', n, timestampSince(cm.metadata.creationTimestamp, now)]
}

export const secretColumns: Column[] = [NAME, { name: 'Type' }, { name: 'Data' }, AGE]

export function secretRow(s: Obj<'Secret'>, now: number): Cell[] {
  return [s.metadata.name ?? '', s.type ?? '', Object.keys(s.data ?? {}).length, timestampSince(s.metadata.creationTimestamp, now)]
}

export const serviceAccountColumns: Column[] = [NAME, { name: 'Secrets' }, AGE]

export function serviceAccountRow(sa: Obj<'ServiceAccount'>, now: number): Cell[] {
  return [sa.metadata.name ?? '', (sa.secrets ?? []).length, timestampSince(sa.metadata.creationTimestamp, now)]
}
