// Tables of the apps and policy kinds (printers.go printStatefulSet, printDeployment, printReplicaSet,
// printControllerRevision, printPodDisruptionBudget).

import type { Container, LabelSelector, Obj } from '../../../api/types'
import { timestampSince } from '../duration'
import type { Cell, Column } from '../table'

const NAME: Column = { name: 'Name', format: 'name' }
const AGE: Column = { name: 'Age' }
const WIDE = 1

/** layoutContainerCells: names and images joined with commas, no spaces. */
export function containerCells(containers: readonly Container[] | undefined): [string, string] {
  const cs = containers ?? []
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')]
}

/**
 * metav1.LabelSelectorAsSelector(sel).String(): matchLabels as `k=v`, expressions as `k in (a,b)`,
 * `k notin (a)`, `k`, `!k`, sorted by key; undefined when an operator is invalid; '' for nil or empty.
 */
export function labelSelectorString(sel: LabelSelector | undefined): string | undefined {
  if (!sel) return ''
  const reqs: { key: string; text: string }[] = []
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` })
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',')
    switch (e.operator) {
      case 'In':
        reqs.push({ key: e.key, text: `${e.key} in (${values})` })
        break
      case 'NotIn':
        reqs.push({ key: e.key, text: `${e.key} notin (${values})` })
        break
      case 'Exists':
        reqs.push({ key: e.key, text: e.key })
        break
      case 'DoesNotExist':
        reqs.push({ key: e.key, text: `!${e.key}` })
        break
      default:
        return undefined
    }
  }
  // A stable sort by key, as labels.internalSelector's ByKey.
  return reqs
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.text)
    .join(',')
}

/** metav1.FormatLabelSelector: `<none>` when empty, `<error>` for an invalid operator. */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  const s = labelSelectorString(sel)
  if (s === undefined) return '<error>'
  return s === '' ? '<none>' : s
}

export const statefulSetColumns: Column[] = [NAME, { name: 'Ready' }, AGE, { name: 'Containers', priority: WIDE }, { name: 'Images', priority: WIDE }]

export function statefulSetRow(o: Obj<'StatefulSet'>, now: number): Cell[] {
  const [names, images] = containerCells(o.spec?.template?.spec?.containers)
  return [o.metadata.name ?? '', `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`, timestampSince(o.metadata.creationTimestamp, now), names, images]
}

export const deploymentColumns: Column[] = [
  NAME,
  { name: 'Ready' },
  { name: 'Up-to-date' },
  { name: 'Available' },
  AGE,
  { name: 'Containers', priority: WIDE },
  { name: 'Images', priority: WIDE },
  { name: 'Selector', priority: WIDE },
]

/** printDeployment: the selector's String(), `<invalid>` when it cannot be converted. */
function selectorCell(sel: LabelSelector | undefined): string {
  return labelSelectorString(sel) ?? '<invalid>'
}

export function deploymentRow(o: Obj<'Deployment'>, now: number): Cell[] {
  const [names, images] = containerCells(o.spec?.template?.spec?.containers)
  const st = o.status ?? {}
  return [
    o.metadata.name ?? '',
    `${st.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`,
    st.updatedReplicas ?? 0,
    st.availableReplicas ?? 0,
    timestampSince(o.metadata.creationTimestamp, now),
    names,
    images,
    selectorCell(o.spec?.selector),
  ]
}

export const replicaSetColumns: Column[] = [
  NAME,
  { name: 'Desired' },
  { name: 'Current' },
  { name: 'Ready' },
  AGE,
  { name: 'Containers', priority: WIDE },
  { name: 'Images', priority: WIDE },
  { name: 'Selector', priority: WIDE },
]

export function replicaSetRow(o: Obj<'ReplicaSet'>, now: number): Cell[] {
  const [names, images] = containerCells(o.spec?.template?.spec?.containers)
  return [
    o.metadata.name ?? '',
    o.spec?.replicas ?? 0,
    o.status?.replicas ?? 0,
    o.status?.readyReplicas ?? 0,
    timestampSince(o.metadata.creationTimestamp, now),
    names,
    images,
    formatLabelSelector(o.spec?.selector),
  ]
}

export const controllerRevisionColumns: Column[] = [NAME, { name: 'Controller' }, { name: 'Revision' }, AGE]

export function controllerRevisionRow(o: Obj<'ControllerRevision'>, now: number): Cell[] {
  const ref = o.metadata.ownerReferences?.find((r) => r.controller)
  let controller = '<none>'
  if (ref) {
    // formatResourceName: lower(Kind.group) + "/" + name, the group taken from the ref's apiVersion.
    const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : ''
    controller = `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`
  }
  return [o.metadata.name ?? '', controller, o.revision, timestampSince(o.metadata.creationTimestamp, now)]
}

export const podDisruptionBudgetColumns: Column[] = [NAME, { name: 'Min Available' }, { name: 'Max Unavailable' }, { name: 'Allowed Disruptions' }, AGE]

export function podDisruptionBudgetRow(o: Obj<'PodDisruptionBudget'>, now: number): Cell[] {
  const intOrString = (v: number | string | undefined) => (v === undefined ? 'N/A' : String(v))
  return [
    o.metadata.name ?? '',
    intOrString(o.spec?.minAvailable),
    intOrString(o.spec?.maxUnavailable),
    o.status?.disruptionsAllowed ?? 0,
    timestampSince(o.metadata.creationTimestamp, now),
  ]
}
