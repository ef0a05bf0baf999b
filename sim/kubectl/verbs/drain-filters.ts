// Which pods `kubectl drain` may remove from a node (kubectl pkg/drain/filters.go): the filters run in
// order (deleted long ago, DaemonSet, mirror, local storage, no controller) and the first one that
// says "do not delete" decides; otherwise the LAST status is kept, so a warning from an earlier filter
// is lost when a later one says Okay (upstream's TODO). Errors and warnings are grouped by message.
// Pure: the caller says which DaemonSets exist (this cluster serves none).

import { controllerOf } from '../../api/owners'
import { parseRfc3339 } from '../../core/time'
import type { Obj } from '../../api/types'

type Pod = Obj<'Pod'>

export type DeleteStatus =
  | { reason: 'Okay'; delete: true }
  | { reason: 'Skip'; delete: false }
  | { reason: 'Warning'; delete: boolean; message: string }
  | { reason: 'Error'; delete: false; message: string }

export interface FilterOptions {
  force: boolean
  ignoreDaemonSets: boolean
  deleteEmptyDirData: boolean
  skipWaitForDeleteTimeoutSeconds: number
  now: number
  /** Whether the pod's DaemonSet still exists (a Get of it). */
  daemonSetExists(namespace: string, name: string): boolean
}

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)'
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods'
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)'
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage'
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)'
const UNMANAGED_WARNING = 'deleting Pods that declare no controller'
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror'

const OKAY: DeleteStatus = { reason: 'Okay', delete: true }
const finished = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed'

/** shouldSkipPod: deleted more than N seconds ago (N > 0). */
export function shouldSkipPod(pod: Pod, skipSeconds: number, now: number): boolean {
  const ts = parseRfc3339(pod.metadata.deletionTimestamp ?? undefined)
  return skipSeconds > 0 && ts !== undefined && Math.floor((now - ts) / 1000) > skipSeconds
}

type Filter = (pod: Pod, o: FilterOptions) => DeleteStatus

const filters: Filter[] = [
  (pod, o) => (shouldSkipPod(pod, o.skipWaitForDeleteTimeoutSeconds, o.now) ? { reason: 'Skip', delete: false } : OKAY),
  (pod, o) => {
    const ref = controllerOf(pod)
    if (!ref || ref.kind !== 'DaemonSet' || finished(pod)) return OKAY
    if (!o.daemonSetExists(pod.metadata.namespace ?? '', ref.name)) {
      const notFound = `daemonsets.apps "${ref.name}" not found`
      return o.force ? { reason: 'Warning', delete: true, message: notFound } : { reason: 'Error', delete: false, message: notFound }
    }
    if (!o.ignoreDaemonSets) return { reason: 'Error', delete: false, message: DAEMONSET_FATAL }
    return { reason: 'Warning', delete: false, message: DAEMONSET_WARNING }
  },
  (pod) => (pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined ? { reason: 'Skip', delete: false } : OKAY),
  (pod, o) => {
    if (!(pod.spec?.volumes ?? []).some((v) => v.emptyDir) || finished(pod)) return OKAY
    if (!o.deleteEmptyDirData) return { reason: 'Error', delete: false, message: LOCAL_STORAGE_FATAL }
    return { reason: 'Warning', delete: true, message: LOCAL_STORAGE_WARNING }
  },
  (pod, o) => {
    if (finished(pod) || controllerOf(pod)) return OKAY
    if (o.force) return { reason: 'Warning', delete: true, message: UNMANAGED_WARNING }
    return { reason: 'Error', delete: false, message: UNMANAGED_FATAL }
  },
]

export function filterPod(pod: Pod, o: FilterOptions): DeleteStatus {
  let status: DeleteStatus = OKAY
  for (const f of filters) {
    status = f(pod, o)
    if (!status.delete) break
  }
  return status
}

export interface PodDeleteList {
  /** The pods to evict or delete, in list order. */
  pods: Pod[]
  /** `<message>: ns/a, ns/b; <message>: ...` ('' when none). */
  warnings: string
  /** `cannot delete <message>: ns/a, ns/b`, one per message. */
  errors: string[]
}

function grouped(items: { message: string; pod: Pod }[]): [string, string[]][] {
  const by = new Map<string, string[]>()
  for (const { message, pod } of items) {
    const list = by.get(message) ?? []
    list.push(`${pod.metadata.namespace}/${pod.metadata.name}`)
    by.set(message, list)
  }
  // Upstream walks a Go map (random order); first-seen order is one it could print.
  return [...by.entries()]
}

/** filterPods + PodDeleteList.Pods/Warnings/errors. */
export function podsForDeletion(pods: readonly Pod[], o: FilterOptions): PodDeleteList {
  const statuses = pods.map((pod) => ({ pod, status: filterPod(pod, o) }))
  const warnings = grouped(statuses.flatMap(({ pod, status }) => (status.reason === 'Warning' ? [{ message: status.message, pod }] : [])))
  const errors = grouped(statuses.flatMap(({ pod, status }) => (status.reason === 'Error' ? [{ message: status.message || 'unexpected error', pod }] : [])))
  return {
    pods: statuses.filter((s) => s.status.delete).map((s) => s.pod),
    warnings: warnings.map(([m, ps]) => `${m}: ${ps.join(', ')}`).join('; '),
    errors: errors.map(([m, ps]) => `cannot delete ${m}: ${ps.join(', ')}`),
  }
}
