// The revision history of a workload as kubectl reads it (kubectl pkg/polymorphichelpers/history.go):
// a StatefulSet's ControllerRevisions (selected by its selector and controlled by it), a Deployment's
// ReplicaSets (controlled by it, revision from their `deployment.kubernetes.io/revision`
// annotation). Also the text `rollout history` prints: the REVISION/CHANGE-CAUSE table through the
// describe tabwriter, or DescribePodTemplate written raw (tabs stay tabs) for --revision.

import type { ApiServer } from '../../../api/server'
import type { KindInfo } from '../../../api/kinds'
import { isControlledBy } from '../../../api/owners'
import { fromLabelSelector } from '../../../api/selectors'
import type { ControllerRevision, Deployment, KubeObject, PodTemplateSpec, ReplicaSet, StatefulSet } from '../../../api/types'
import { describePodTemplate } from '../../describe/pod-template'
import { rawWriter } from '../../describe/writer'
import { KubectlError } from '../../errors'
import { TabWriter } from '../../printers/tabwriter'
import { groupKindString } from './visit'

export const CHANGE_CAUSE = 'kubernetes.io/change-cause'
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'

export interface HistoryEntry {
  revision: number
  /** The pod template of that revision (the revision applied to the live object). */
  template: PodTemplateSpec
  changeCause: string
  /** What `-o` prints for the revision: the StatefulSet as of the revision, or the ReplicaSet. */
  object: KubeObject
  /** The ControllerRevision or ReplicaSet holding it. */
  source: KubeObject
}

/** statefulSetHistory / controlledHistoryV1: the set's revisions, in list order. */
export function statefulSetRevisions(api: ApiServer, sts: StatefulSet): ControllerRevision[] {
  const selector = fromLabelSelector(sts.spec?.selector)
  return api
    .list('ControllerRevision', { namespace: sts.metadata?.namespace, selector })
    .filter((r) => isControlledBy(r, sts.metadata?.uid)) as ControllerRevision[]
}

/** The template a ControllerRevision holds: its patch replaces the whole template ($patch: replace). */
export function revisionTemplate(rev: ControllerRevision): PodTemplateSpec {
  const template = { ...((rev.data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template ?? {}) }
  delete template.$patch
  return template as PodTemplateSpec
}

/** applyStatefulSetHistory: the set with its template as of the revision. */
export function applyRevision(sts: StatefulSet, rev: ControllerRevision): StatefulSet {
  return { ...sts, spec: { ...sts.spec!, template: revisionTemplate(rev) } }
}

/** deploymentutil.Revision: the annotation as a number (0 when absent); NaN when it does not parse. */
export function replicaSetRevision(rs: KubeObject): number {
  const v = rs.metadata?.annotations?.[REVISION_ANNOTATION]
  if (v === undefined) return 0
  return /^[+-]?\d+$/.test(v) ? Number(v) : NaN
}

/** GetAllReplicaSets: the ReplicaSets the Deployment's selector matches and that it controls. */
export function deploymentReplicaSets(api: ApiServer, d: Deployment): ReplicaSet[] {
  const selector = fromLabelSelector(d.spec?.selector)
  return api.list('ReplicaSet', { namespace: d.metadata?.namespace, selector }).filter((rs) => isControlledBy(rs, d.metadata?.uid)) as ReplicaSet[]
}

/** The history by revision, as GetHistory/ViewHistory build their maps (a later entry wins a tie). */
export function historyOf(api: ApiServer, mapping: KindInfo, obj: KubeObject): Map<number, HistoryEntry> {
  const out = new Map<number, HistoryEntry>()
  if (mapping.kind === 'StatefulSet') {
    const sts = obj as StatefulSet
    for (const rev of statefulSetRevisions(api, sts)) {
      const applied = applyRevision(sts, rev)
      out.set(rev.revision, {
        revision: rev.revision,
        template: applied.spec!.template,
        changeCause: rev.metadata?.annotations?.[CHANGE_CAUSE] ?? '',
        object: applied as KubeObject,
        source: rev as KubeObject,
      })
    }
    return out
  }
  if (mapping.kind === 'Deployment') {
    for (const rs of deploymentReplicaSets(api, obj as Deployment)) {
      const v = replicaSetRevision(rs as KubeObject)
      if (Number.isNaN(v)) continue // upstream logs a warning and skips it
      const changeCause = rs.metadata?.annotations?.[CHANGE_CAUSE] ?? ''
      // ViewHistory copies the change-cause into the template's annotations, so --revision shows it.
      const template: PodTemplateSpec = changeCause
        ? { ...rs.spec!.template!, metadata: { ...rs.spec!.template!.metadata, annotations: { ...(rs.spec!.template!.metadata?.annotations ?? {}), [CHANGE_CAUSE]: changeCause } } }
        : rs.spec!.template!
      out.set(v, { revision: v, template, changeCause, object: rs as KubeObject, source: rs as KubeObject })
    }
    return out
  }
  throw noHistoryViewerError(mapping)
}

/**
 * HistoryViewerFor for a kind without a viewer. The kind visitor (apps.GroupKindElement.Accept) knows
 * Pod and ReplicaSet but has no viewer for them; any other kind it refuses, printing the
 * GroupKindElement struct with %v (`{ Service}`, `{apps ControllerRevision}`).
 */
export function noHistoryViewerError(mapping: KindInfo): KubectlError {
  return noViewerError(mapping, 'history viewer', 'retrieving history')
}

export function noViewerError(mapping: KindInfo, what: string, doing: string): KubectlError {
  const gk = groupKindString(mapping)
  if (mapping.kind === 'Pod' || mapping.kind === 'ReplicaSet') return new KubectlError(`no ${what} has been implemented for "${gk}"`)
  return new KubectlError(`error ${doing} for "${gk}", no visitor method exists for {${mapping.group} ${mapping.kind}}`)
}

/** printTemplate: DescribePodTemplate into a plain buffer. */
export function podTemplateText(template: PodTemplateSpec): string {
  const w = rawWriter()
  describePodTemplate(template, w)
  return w.text()
}

/** ViewHistory's text: the revision table, one revision's template, or "No rollout history found.". */
export function viewHistory(history: Map<number, HistoryEntry>, revision: number): string {
  if (history.size === 0) return 'No rollout history found.'
  if (revision > 0) {
    const entry = history.get(revision)
    if (!entry) throw new KubectlError('unable to find the specified revision')
    return podTemplateText(entry.template)
  }
  let out = ''
  const tw = TabWriter.forDescribe((t) => (out += t))
  tw.write('REVISION\tCHANGE-CAUSE\n')
  for (const r of [...history.keys()].sort((a, b) => a - b)) tw.write(`${r}\t${history.get(r)!.changeCause || '<none>'}\n`)
  tw.flush()
  return out
}
