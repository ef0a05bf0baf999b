// Deployment arithmetic (pkg/controller/deployment/util/deployment_util.go and the ReplicaSet sort
// orders of pkg/controller/controller_utils.go): effective spec values, maxSurge/maxUnavailable,
// revisions, sums over ReplicaSets, and which ReplicaSet is "new".

import { deepEqual } from '../../core/json'
import { parseRfc3339 } from '../../core/time'
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../api/types'

export const REVISION = 'deployment.kubernetes.io/revision'
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history'
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas'
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas'
/** apps.DefaultDeploymentUniqueLabelKey */
export const POD_TEMPLATE_HASH = 'pod-template-hash'
/** Go's math.MaxInt32: a progressDeadlineSeconds that means "no deadline". */
const MAX_INT32 = 2147483647

// ---------------------------------------------------------------- the spec, with apps/v1 defaults
// (pkg/apis/apps/v1/defaults.go SetDefaults_Deployment). The API server normally fills these in;
// reading them through here keeps the controller right even for an object stored without them.

export function specReplicas(d: Deployment): number {
  return d.spec?.replicas ?? 1
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate'
}

export function isRecreate(d: Deployment): boolean {
  return d.spec?.strategy?.type === 'Recreate'
}

function rawMaxSurge(d: Deployment): number | string {
  return d.spec?.strategy?.rollingUpdate?.maxSurge ?? '25%'
}

function rawMaxUnavailable(d: Deployment): number | string {
  return d.spec?.strategy?.rollingUpdate?.maxUnavailable ?? '25%'
}

export function revisionHistoryLimit(d: Deployment): number {
  return d.spec?.revisionHistoryLimit ?? 10
}

/** HasProgressDeadline: set (defaulted to 600) and not MaxInt32. */
export function progressDeadlineSeconds(d: Deployment): number | undefined {
  const v = d.spec?.progressDeadlineSeconds ?? 600
  return v === MAX_INT32 ? undefined : v
}

export function rsReplicas(rs: ReplicaSet): number {
  return rs.spec?.replicas ?? 1
}

// ---------------------------------------------------------------- surge and unavailability

/**
 * intstr.GetScaledValueFromIntOrPercent: a percentage of `total`, rounded up or down; invalid
 * values (validation rejects them) count as 0.
 */
export function scaledValue(v: number | string, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v
  const m = /^(-?\d+)%$/.exec(v)
  if (!m) return 0
  const exact = (Number(m[1]) * total) / 100
  return roundUp ? Math.ceil(exact) : Math.floor(exact)
}

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down, and when both come out 0
 * maxUnavailable becomes 1 (a rollout must be able to move).
 */
export function resolveFenceposts(maxSurge: number | string, maxUnavailable: number | string, desired: number): [number, number] {
  const surge = scaledValue(maxSurge, desired, true)
  let unavailable = scaledValue(maxUnavailable, desired, false)
  if (surge === 0 && unavailable === 0) unavailable = 1
  return [surge, unavailable]
}

/** MaxSurge: 0 unless RollingUpdate. */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0
  return resolveFenceposts(rawMaxSurge(d), rawMaxUnavailable(d), specReplicas(d))[0]
}

/** MaxUnavailable: 0 unless RollingUpdate with replicas > 0; never more than replicas. */
export function maxUnavailable(d: Deployment): number {
  const replicas = specReplicas(d)
  if (!isRollingUpdate(d) || replicas === 0) return 0
  return Math.min(resolveFenceposts(rawMaxSurge(d), rawMaxUnavailable(d), replicas)[1], replicas)
}

// ---------------------------------------------------------------- revisions and annotations

/** Revision: the revision annotation as a number; 0 when absent, NaN when unparsable. */
export function revisionOf(rs: { metadata?: { annotations?: Record<string, string> } }): number {
  const v = rs.metadata?.annotations?.[REVISION]
  if (v === undefined) return 0
  return /^\d+$/.test(v) ? Number(v) : NaN
}

/** MaxRevision: the highest parsable revision. */
export function maxRevision(rss: readonly ReplicaSet[]): number {
  let max = 0
  for (const rs of rss) {
    const v = revisionOf(rs)
    if (!Number.isNaN(v) && v > max) max = v
  }
  return max
}

/** getIntFromAnnotation: an integer annotation, or undefined. */
export function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const v = rs.metadata?.annotations?.[key]
  return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined
}

// ---------------------------------------------------------------- sums over ReplicaSets

const sum = (rss: readonly (ReplicaSet | undefined)[], f: (rs: ReplicaSet) => number) =>
  rss.reduce((n, rs) => n + (rs ? f(rs) : 0), 0)

/** GetReplicaCountForReplicaSets: the sum of spec.replicas. */
export const specTotal = (rss: readonly (ReplicaSet | undefined)[]) => sum(rss, rsReplicas)
/** GetActualReplicaCountForReplicaSets: the sum of status.replicas. */
export const actualTotal = (rss: readonly (ReplicaSet | undefined)[]) => sum(rss, (rs) => rs.status?.replicas ?? 0)
export const readyTotal = (rss: readonly (ReplicaSet | undefined)[]) => sum(rss, (rs) => rs.status?.readyReplicas ?? 0)
export const availableTotal = (rss: readonly (ReplicaSet | undefined)[]) => sum(rss, (rs) => rs.status?.availableReplicas ?? 0)

/** FilterActiveReplicaSets: those with spec.replicas > 0. */
export function filterActive<T extends ReplicaSet>(rss: readonly (T | undefined)[]): T[] {
  return rss.filter((rs): rs is T => rs !== undefined && rsReplicas(rs) > 0)
}

// ---------------------------------------------------------------- orders

const created = (rs: ReplicaSet) => parseRfc3339(rs.metadata?.creationTimestamp) ?? 0
const nameOf = (rs: ReplicaSet) => rs.metadata?.name ?? ''

/** ReplicaSetsByCreationTimestamp: oldest first, ties by name. */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const d = created(a) - created(b)
  if (d !== 0) return d
  return nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0
}

/** ReplicaSetsBySizeOlder: larger first, ties oldest first (scale-down order). */
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  return rsReplicas(a) === rsReplicas(b) ? byCreation(a, b) : rsReplicas(b) - rsReplicas(a)
}

/** ReplicaSetsBySizeNewer: larger first, ties newest first (scale-up order). */
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  return rsReplicas(a) === rsReplicas(b) ? byCreation(b, a) : rsReplicas(b) - rsReplicas(a)
}

/** ReplicaSetsByRevision: lowest revision first, ties by creation. */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revisionOf(a) || 0
  const rb = revisionOf(b) || 0
  return ra === rb ? byCreation(a, b) : ra - rb
}

// ---------------------------------------------------------------- the new ReplicaSet

/**
 * EqualIgnoreHash: templates equal once the pod-template-hash label is dropped. Like
 * apiequality.Semantic.DeepEqual, an empty label or annotation map equals a missing one.
 */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return deepEqual(normalizeTemplate(a), normalizeTemplate(b))
}

function normalizeTemplate(t: PodTemplateSpec | undefined): unknown {
  const meta: Record<string, unknown> = { ...(t?.metadata ?? {}) }
  const labels = { ...((meta.labels as Record<string, string>) ?? {}) }
  delete labels[POD_TEMPLATE_HASH]
  if (Object.keys(labels).length) meta.labels = labels
  else delete meta.labels
  if (meta.annotations && Object.keys(meta.annotations as object).length === 0) delete meta.annotations
  return { ...(t ?? {}), metadata: meta }
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template is the Deployment's. */
export function findNewReplicaSet<T extends ReplicaSet>(d: Deployment, rss: readonly T[]): T | undefined {
  return [...rss].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template))
}

/** FindOldReplicaSets (the "all old" list): every other ReplicaSet. */
export function findOldReplicaSets<T extends ReplicaSet>(d: Deployment, rss: readonly T[]): T[] {
  const n = findNewReplicaSet(d, rss)
  return rss.filter((rs) => rs !== n)
}
