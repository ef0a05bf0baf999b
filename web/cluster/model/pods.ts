// A pod as the view shows it. STATUS, READY and RESTARTS are kubectl's own cells (the simulator's
// printer, printers.go printPod), so the picture never disagrees with `kubectl get pods`; the stage
// only groups those texts for colour and animation.

import type { Obj } from '../../../sim'
import { pvcRow } from '../../../sim/kubectl/printers/columns/storage'
import { podRow } from '../../../sim/kubectl/printers/columns/pods'
import { parseRfc3339 } from '../../../sim/core/time'
import type { ViewCache } from './memo'
import type { NamespaceIndex } from './snapshot-index'
import type { ClaimView, PodStage, PodView } from './types'

/** Waiting/terminated reasons kubectl shows for a pod that is failing, not merely on its way. */
const FAILING = new Set([
  'CrashLoopBackOff',
  'ErrImagePull',
  'ImagePullBackOff',
  'ErrImageNeverPull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'PreStartHookError',
  'PostStartHookError',
  'Error',
  'OOMKilled',
  'ContainerStatusUnknown',
  'ContainerCannotRun',
  'DeadlineExceeded',
  'Failed',
  'Evicted',
])

export function podStage(status: string, isReady: boolean, deleting: boolean): PodStage {
  if (status === 'Unknown') return 'unknown'
  if (deleting || status === 'Terminating') return 'terminating'
  if (status === 'Running') return isReady ? 'ready' : 'running'
  if (status === 'NotReady') return 'running'
  if (status === 'Pending' || status === 'SchedulingGated') return 'pending'
  if (status === 'Completed' || status === 'Succeeded') return 'succeeded'
  if (FAILING.has(status) || status.startsWith('ExitCode:') || status.startsWith('Signal:')) return 'error'
  if (status.startsWith('Init:')) return /^Init:\d+\/\d+$/.test(status) ? 'creating' : 'error'
  // ContainerCreating, PodInitializing, and whatever else a container waits for.
  return 'creating'
}

/** getParentNameAndOrdinal (stateful_set_utils.go): the number after the last dash. */
export function ordinalOf(pod: Obj<'Pod'>): number | undefined {
  const label = pod.metadata.labels?.['apps.kubernetes.io/pod-index']
  if (label !== undefined && /^\d+$/.test(label)) return Number(label)
  const m = /-(\d+)$/.exec(pod.metadata.name ?? '')
  return m ? Number(m[1]) : undefined
}

/** The node a volume is pinned to: a local volume's required nodeAffinity on kubernetes.io/hostname. */
export function volumeNode(pv: Obj<'PersistentVolume'>): string | undefined {
  for (const term of pv.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? []) {
    for (const e of term.matchExpressions ?? []) {
      if (e.key === 'kubernetes.io/hostname' && e.operator === 'In' && e.values?.length) return e.values[0]
    }
  }
  return undefined
}

export function claimView(cache: ViewCache, ix: NamespaceIndex, pvc: Obj<'PersistentVolumeClaim'>): ClaimView {
  const volumeName = pvc.spec?.volumeName || undefined
  const pv = volumeName ? ix.volumes.get(volumeName) : undefined
  return cache.memo(`pvc/${pvc.metadata.uid}`, [pvc, pv], () => {
    // STATUS, CAPACITY and STORAGECLASS cells of `kubectl get pvc` (the clock only matters for AGE).
    const [name, phase, , capacity, , storageClass] = pvcRow(pvc, 0)
    return {
      key: pvc.metadata.uid ?? String(name),
      ref: { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace ?? '', name: String(name) },
      name: String(name),
      phase: String(phase),
      volume: volumeName,
      volumeRef: volumeName ? { kind: 'PersistentVolume', namespace: '', name: volumeName } : undefined,
      volumePhase: pv ? (pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? '')) : undefined,
      volumeNode: pv ? volumeNode(pv) : undefined,
      capacity: String(capacity) || pvc.spec?.resources?.requests?.storage,
      storageClass: String(storageClass) || undefined,
    }
  })
}

/** The claims a pod's volumes name, in the pod's order (a missing claim is left out). */
function claimNames(pod: Obj<'Pod'>): string[] {
  const out: string[] = []
  for (const v of pod.spec?.volumes ?? []) {
    const name = v.persistentVolumeClaim?.claimName
    if (name) out.push(name)
  }
  return out
}

function lastRestart(pod: Obj<'Pod'>): number | undefined {
  let latest: number | undefined
  for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    const t = parseRfc3339(s.lastState?.terminated?.finishedAt)
    if (t !== undefined && (latest === undefined || t > latest)) latest = t
  }
  return latest
}

export function podView(cache: ViewCache, ix: NamespaceIndex, pod: Obj<'Pod'>): PodView {
  const claims = claimNames(pod)
    .map((n) => ix.claims.get(n))
    .filter((c): c is Obj<'PersistentVolumeClaim'> => c !== undefined)
    .map((c) => claimView(cache, ix, c))
  return cache.memo(`pod/${pod.metadata.uid}`, [pod, ...claims], () => {
    // podRow's clock only feeds AGE and the "(5s ago)" of RESTARTS, which the components format.
    const cells = podRow(pod, 0)
    const status = String(cells[2])
    const isReady = (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
    const name = pod.metadata.name ?? ''
    return {
      key: pod.metadata.uid ?? name,
      ref: { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name },
      name,
      ordinal: ordinalOf(pod),
      status,
      stage: podStage(status, isReady, !!pod.metadata.deletionTimestamp),
      ready: String(cells[1]),
      isReady,
      restarts: parseInt(String(cells[3]), 10) || 0,
      lastRestartAt: lastRestart(pod),
      node: pod.spec?.nodeName || undefined,
      ip: pod.status?.podIP || undefined,
      revision: pod.metadata.labels?.['controller-revision-hash'],
      templateHash: pod.metadata.labels?.['pod-template-hash'],
      claims,
      createdAt: parseRfc3339(pod.metadata.creationTimestamp),
      resourceVersion: pod.metadata.resourceVersion ?? '',
    }
  })
}
