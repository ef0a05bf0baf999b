// ControllerRevisions: the StatefulSet's template history (upstream stateful_set_utils.go getPatch /
// newRevision / ApplyRevision, and pkg/controller/history).

import { clone, deepFreeze, sortedJson } from '../../core/json'
import { fnv32, safeEncodeString } from '../../core/hash'
import { newControllerRef } from '../../api/owners'
import { parseRfc3339 } from '../../core/time'
import type { ControllerRevision, KubeObject, Obj, PodTemplateSpec } from '../../api/types'
import type { Set } from './identity'

export type Revision = Obj<'ControllerRevision'>

export const REVISION_HASH_LABEL = 'controller.kubernetes.io/hash'

type RevisionData = { spec: { template: PodTemplateSpec & { $patch: 'replace' } } }

// Every sync compares the set's template with its revisions. Stored objects are immutable (a status
// write keeps the very same template object), so the patch and its bytes are worked out once per
// template object and once per stored revision.
const dataByTemplate = new WeakMap<object, RevisionData>()
const bytesByData = new WeakMap<object, string>()
const hashesByData = new WeakMap<object, Map<number | undefined, string>>()

/** getPatch: a strategic merge patch that replaces the pod template, and nothing else. */
export function revisionData(set: Set): RevisionData {
  const template = set.spec?.template
  const cached = template && Object.isFrozen(template) ? dataByTemplate.get(template) : undefined
  if (cached) return cached
  const data: RevisionData = { spec: { template: { ...clone(template ?? {}), $patch: 'replace' } } }
  if (template && Object.isFrozen(template)) dataByTemplate.set(template, deepFreeze(data))
  return data
}

/** The bytes Go's json.Marshal gives for the patch: sorted keys, HTML characters escaped. */
export function revisionBytes(data: unknown): string {
  const cacheable = data !== null && typeof data === 'object' && Object.isFrozen(data)
  const cached = cacheable ? bytesByData.get(data) : undefined
  if (cached !== undefined) return cached
  const bytes = sortedJson(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
  if (cacheable) bytesByData.set(data, bytes)
  return bytes
}

/** HashControllerRevision: FNV-1 over the patch bytes and the collision count, SafeEncodeString'd. */
export function revisionHash(data: unknown, collisionCount: number | undefined): string {
  const cacheable = data !== null && typeof data === 'object' && Object.isFrozen(data)
  const known = cacheable ? hashesByData.get(data)?.get(collisionCount) : undefined
  if (known !== undefined) return known
  const text = revisionBytes(data) + (collisionCount === undefined ? '' : String(collisionCount))
  const hash = safeEncodeString(String(fnv32(text)))
  if (cacheable) {
    let byCount = hashesByData.get(data)
    if (!byCount) hashesByData.set(data, (byCount = new Map()))
    byCount.set(collisionCount, hash)
  }
  return hash
}

/** newRevision: the ControllerRevision for the set's current template (not yet named for collisions). */
export function newRevision(set: Set, revision: number, collisionCount: number): ControllerRevision {
  const data = revisionData(set)
  const hash = revisionHash(data, collisionCount)
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${set.metadata.name}-${hash}`,
      namespace: set.metadata.namespace,
      labels: { ...(set.spec?.template?.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
      annotations: set.metadata.annotations ? { ...set.metadata.annotations } : undefined,
      ownerReferences: [newControllerRef(set as unknown as KubeObject)],
    },
    data: data as never,
    revision,
  }
}

/** EqualRevision: the hash labels are not decimal numbers, so only the data decides. */
export function equalRevision(a: ControllerRevision, b: ControllerRevision): boolean {
  return revisionBytes(a.data) === revisionBytes(b.data)
}

/** SortControllerRevisions: by .revision, then creation time, then name. */
export function sortRevisions<T extends ControllerRevision>(revisions: readonly T[]): T[] {
  return [...revisions].sort((a, b) => {
    if (a.revision !== b.revision) return a.revision - b.revision
    const ta = parseRfc3339(a.metadata?.creationTimestamp) ?? 0
    const tb = parseRfc3339(b.metadata?.creationTimestamp) ?? 0
    if (ta !== tb) return ta - tb
    const na = a.metadata?.name ?? ''
    const nb = b.metadata?.name ?? ''
    return na < nb ? -1 : na > nb ? 1 : 0
  })
}

export function nextRevision(sorted: readonly ControllerRevision[]): number {
  return sorted.length === 0 ? 1 : sorted[sorted.length - 1].revision + 1
}

// The template a stored revision holds, worked out once per revision object (and frozen: it is shared).
const templateByRevision = new WeakMap<object, PodTemplateSpec>()

function revisionTemplate(revision: ControllerRevision): PodTemplateSpec {
  const cached = templateByRevision.get(revision)
  if (cached) return cached
  const template = clone((revision.data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template ?? {})
  delete template.$patch
  if (Object.isFrozen(revision)) {
    deepFreeze(template)
    templateByRevision.set(revision, template as PodTemplateSpec)
  }
  return template as PodTemplateSpec
}

/** ApplyRevision: the set with its pod template restored from the revision. */
export function applyRevision(set: Set, revision: ControllerRevision): Set {
  return { ...set, spec: { ...set.spec!, template: revisionTemplate(revision) } }
}

/**
 * truncateHistory: revisions not named by the current or update revision or by any pod's label are
 * history; the oldest are deleted until revisionHistoryLimit remain. Returns the names to delete.
 */
export function planTruncateHistory(
  sorted: readonly ControllerRevision[],
  live: ReadonlySet<string>,
  limit: number,
): string[] {
  const history = sorted.filter((r) => !live.has(r.metadata?.name ?? ''))
  if (limit < 0 || history.length <= limit) return []
  return history.slice(0, history.length - limit).map((r) => r.metadata!.name!)
}
