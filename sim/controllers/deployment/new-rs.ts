// The new ReplicaSet of a rollout (pkg/controller/deployment/sync.go getNewReplicaSet and
// util/deployment_util.go SetNewReplicaSetAnnotations, NewRSNewReplicas): named
// <deployment>-<pod-template-hash>, the hash added to its labels, selector and template labels,
// annotated with the revision and the replica counts it was sized for.

import { clone } from '../../core/json'
import { newControllerRef } from '../../api/owners'
import type { Deployment, KubeObject, ReplicaSet } from '../../api/types'
import {
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  POD_TEMPLATE_HASH,
  REVISION,
  REVISION_HISTORY,
  isRecreate,
  maxSurge,
  rsReplicas,
  specReplicas,
  specTotal,
} from './util'

/** sync.go maxRevHistoryLengthInChars: revision-history keeps at most this many characters. */
export const MAX_REV_HISTORY_CHARS = 2000

/** annotationsToSkip: what is never copied from the Deployment to its ReplicaSets. */
const SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
])

export interface AnnotationUpdate {
  annotations: Record<string, string>
  changed: boolean
}

/**
 * SetNewReplicaSetAnnotations: copy the Deployment's annotations, raise the revision to
 * `newRevision` when it is lower (a rollback re-uses an old ReplicaSet and records its earlier
 * revisions in revision-history), and on creation record desired and max replicas.
 */
export function newReplicaSetAnnotations(d: Deployment, current: Readonly<Record<string, string>> | undefined, newRevision: number, exists: boolean): AnnotationUpdate {
  const out: Record<string, string> = { ...(current ?? {}) }
  let changed = false
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (SKIP.has(k) || out[k] === v) continue
    out[k] = v
    changed = true
  }
  const had = Object.prototype.hasOwnProperty.call(out, REVISION)
  const oldText = out[REVISION] ?? ''
  if (oldText !== '' && !/^\d+$/.test(oldText)) return { annotations: { ...(current ?? {}) }, changed: false }
  const oldRevision = oldText === '' ? 0 : Number(oldText)
  if (oldRevision < newRevision) {
    out[REVISION] = String(newRevision)
    changed = true
    if (had) out[REVISION_HISTORY] = appendRevisionHistory(out[REVISION_HISTORY] ?? '', oldText)
  }
  if (!exists) {
    const replicas = specReplicas(d)
    changed = setReplicasAnnotations(out, replicas, replicas + maxSurge(d)) || changed
  }
  return { annotations: out, changed }
}

/** revision-history: comma-separated earlier revisions, oldest dropped past the length limit. */
function appendRevisionHistory(history: string, oldRevision: string): string {
  if (history === '') return oldRevision
  const parts = history.split(',')
  let total = history.length + oldRevision.length + 1
  let start = 0
  while (total > MAX_REV_HISTORY_CHARS && start < parts.length) {
    total -= parts[start].length + 1
    start++
  }
  // Upstream leaves the history as it was when even the newest entry does not fit.
  if (total > MAX_REV_HISTORY_CHARS) return history
  return [...parts.slice(start), oldRevision].join(',')
}

/** SetReplicasAnnotations (in place); true when something changed. */
export function setReplicasAnnotations(ann: Record<string, string>, desired: number, max: number): boolean {
  let changed = false
  if (ann[DESIRED_REPLICAS] !== String(desired)) {
    ann[DESIRED_REPLICAS] = String(desired)
    changed = true
  }
  if (ann[MAX_REPLICAS] !== String(max)) {
    ann[MAX_REPLICAS] = String(max)
    changed = true
  }
  return changed
}

/** ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata?.annotations
  return !a || a[DESIRED_REPLICAS] !== String(desired) || a[MAX_REPLICAS] !== String(max)
}

/**
 * NewRSNewReplicas: how big the new ReplicaSet may be now. RollingUpdate: grow into the room left
 * under replicas + maxSurge, never past replicas. Recreate: all at once.
 */
export function newRSNewReplicas(d: Deployment, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet): number {
  const replicas = specReplicas(d)
  if (isRecreate(d)) return replicas
  const maxTotal = replicas + maxSurge(d)
  const current = specTotal(allRSs)
  if (current >= maxTotal) return rsReplicas(newRS)
  return rsReplicas(newRS) + Math.min(maxTotal - current, replicas - rsReplicas(newRS))
}

/** The ReplicaSet object getNewReplicaSet creates (before its size and annotations are set). */
export function newReplicaSetObject(d: Deployment & KubeObject, hash: string): ReplicaSet {
  const template = clone(d.spec?.template ?? {})
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash } }
  const sel = d.spec?.selector ?? {}
  const selector = { ...clone(sel), matchLabels: { ...(sel.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash } }
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      ownerReferences: [newControllerRef(d)],
      labels: { ...template.metadata.labels },
    },
    spec: { replicas: 0, selector, template },
  }
  if (d.spec?.minReadySeconds) rs.spec!.minReadySeconds = d.spec.minReadySeconds
  return rs
}
