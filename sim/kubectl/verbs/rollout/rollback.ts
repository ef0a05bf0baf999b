// Rolling a workload back to an earlier revision, client side as kubectl does it
// (kubectl pkg/polymorphichelpers/rollback.go). StatefulSet: the ControllerRevision's data is a
// strategic merge patch that replaces the template; it is sent as it is (the controller then finds the
// equivalent revision and re-numbers it). Deployment: a JSON patch replacing the template with the
// old ReplicaSet's (minus pod-template-hash) and the annotations with the old ReplicaSet's.

import type { ApiServer } from '../../../api/server'
import type { KindInfo } from '../../../api/kinds'
import { deepEqual } from '../../../core/json'
import type { ControllerRevision, Deployment, KubeObject, PodTemplateSpec, StatefulSet } from '../../../api/types'
import { KubectlError } from '../../errors'
import type { DryRun } from '../../mutate/flags'
import { deploymentReplicaSets, podTemplateText, replicaSetRevision, revisionTemplate, statefulSetRevisions } from './history-viewer'
import { noViewerError } from './history-viewer'

const ROLLBACK_SUCCESS = 'rolled back'
const ROLLBACK_SKIPPED = 'skipped rollback'
const POD_TEMPLATE_HASH = 'pod-template-hash'

/** Annotations a rollback keeps from the Deployment rather than taking from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
])

export interface RollbackRequest {
  api: ApiServer
  mapping: KindInfo
  object: KubeObject
  toRevision: number
  dryRun: DryRun
  actor: string
}

function revisionNotFound(r: number): KubectlError {
  return new KubectlError(`unable to find specified revision ${r} in history`)
}

/** Rollback: returns the operation to print (`rolled back`, `skipped rollback (...)`, or the dry-run template). */
export function rollback(req: RollbackRequest): string {
  if (req.mapping.kind === 'StatefulSet') return rollbackStatefulSet(req)
  if (req.mapping.kind === 'Deployment') return rollbackDeployment(req)
  throw noViewerError(req.mapping, 'rollbacker', 'retrieving rollbacker')
}

/** findHistory: the one before the newest (toRevision 0), or the one with that number. */
function findHistory(toRevision: number, history: readonly ControllerRevision[]): ControllerRevision | undefined {
  if (toRevision === 0) {
    if (history.length <= 1) return undefined
    // sort.Sort is not stable; revisions are unique numbers, so it does not matter here.
    return [...history].sort((a, b) => a.revision - b.revision)[history.length - 2]
  }
  return history.find((h) => h.revision === toRevision)
}

function rollbackStatefulSet(req: RollbackRequest): string {
  if (req.toRevision < 0) throw revisionNotFound(req.toRevision)
  const ns = req.object.metadata.namespace ?? ''
  const name = req.object.metadata.name ?? ''
  const sts = req.api.get('StatefulSet', ns, name) as StatefulSet | undefined
  if (!sts) throw new KubectlError(`failed to retrieve Statefulset ${name}: statefulsets.apps "${name}" not found`)
  const history = statefulSetRevisions(req.api, sts)
  if (req.toRevision === 0 && history.length <= 1) throw new KubectlError('no last revision to roll back to')
  const to = findHistory(req.toRevision, history)
  if (!to) throw revisionNotFound(req.toRevision)
  if (req.dryRun === 'client') return `will roll back to ${podTemplateText(revisionTemplate(to))}`
  // statefulsetMatch: the set's own template patch, byte for byte the revision's data.
  if (deepEqual(templateOf(sts.spec?.template), revisionTemplate(to))) {
    return `${ROLLBACK_SKIPPED} (current template already matches revision ${req.toRevision})`
  }
  try {
    req.api.patch('StatefulSet', ns, name, 'strategic', to.data, { actor: req.actor, dryRun: req.dryRun === 'server' })
  } catch (e) {
    throw new KubectlError(`failed restoring revision ${req.toRevision}: ${e instanceof Error ? e.message : String(e)}`)
  }
  return ROLLBACK_SUCCESS
}

function templateOf(t: PodTemplateSpec | undefined): PodTemplateSpec {
  return JSON.parse(JSON.stringify(t ?? {})) as PodTemplateSpec
}

function withoutHashLabel(t: PodTemplateSpec): PodTemplateSpec {
  const labels = { ...(t.metadata?.labels ?? {}) }
  delete labels[POD_TEMPLATE_HASH]
  return { ...t, metadata: { ...t.metadata, labels } }
}

function rollbackDeployment(req: RollbackRequest): string {
  if (req.toRevision < 0) throw revisionNotFound(req.toRevision)
  const ns = req.object.metadata.namespace ?? ''
  const name = req.object.metadata.name ?? ''
  const d = req.api.get('Deployment', ns, name) as Deployment | undefined
  if (!d) throw new KubectlError(`failed to retrieve Deployment ${name}: deployments.apps "${name}" not found`)
  const rs = deploymentRevision(req.api, d, req.toRevision)
  const rsTemplate = rs.spec!.template!
  if (req.dryRun === 'client') return podTemplateText(rsTemplate)
  if (d.spec?.paused) throw new KubectlError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again")
  // equalIgnoreHash: the templates without their pod-template-hash labels.
  if (deepEqual(templateOf(withoutHashLabel(rsTemplate)), templateOf(withoutHashLabel(d.spec!.template)))) {
    return `${ROLLBACK_SKIPPED} (current template already matches revision ${req.toRevision})`
  }
  const annotations: Record<string, string> = {}
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v
  for (const [k, v] of Object.entries(rs.metadata?.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v
  const patch = [
    { op: 'replace', path: '/spec/template', value: withoutHashLabel(rsTemplate) },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ]
  try {
    req.api.patch('Deployment', ns, name, 'json', patch, { actor: req.actor, dryRun: req.dryRun === 'server' })
  } catch (e) {
    throw new KubectlError(`failed restoring revision ${req.toRevision}: ${e instanceof Error ? e.message : String(e)}`)
  }
  return ROLLBACK_SUCCESS
}

/** deploymentRevision: the ReplicaSet of that revision, or the one before the newest. */
function deploymentRevision(api: ApiServer, d: Deployment, toRevision: number) {
  let latest: { v: number; rs: ReturnType<typeof deploymentReplicaSets>[number] } | undefined
  let previous: typeof latest
  for (const rs of deploymentReplicaSets(api, d)) {
    const v = replicaSetRevision(rs as KubeObject)
    if (Number.isNaN(v)) continue
    if (toRevision === 0) {
      if ((latest?.v ?? -1) < v) {
        previous = latest
        latest = { v, rs }
      } else if ((previous?.v ?? -1) < v) {
        previous = { v, rs }
      }
    } else if (toRevision === v) {
      return rs
    }
  }
  if (toRevision > 0) throw revisionNotFound(toRevision)
  if (!previous) throw new KubectlError(`no rollout history found for deployment "${d.metadata?.name ?? ''}"`)
  return previous.rs
}
