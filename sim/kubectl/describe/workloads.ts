// describe deployment and describe replicaset (describe.go DeploymentDescriber, ReplicaSetDescriber;
// kubectl pkg/util/deployment for the old/new ReplicaSets: those the deployment controls, oldest
// first, the new one being the oldest whose template equals the deployment's but for the
// pod-template-hash label).

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1'
import { fromLabelSelector } from '../../api/selectors'
import { isControlledBy } from '../../api/owners'
import { parseRfc3339 } from '../../core/time'
import type { DescribeContext } from './context'
import { podStatusForController, podsStatusLine } from './controller-pods'
import { describeEvents, eventsFor } from './events'
import { formatLabelSelector, formatTime, labelSelectorString, printAnnotationsMultiline, printLabelsMultiline } from './format'
import { goSortBy } from '../go-sort'
import { controlledBy } from './pod'
import { describePodTemplate } from './pod-template'
import { type DescribeWriter, LEVEL_0, LEVEL_1, tabbed } from './writer'

interface Condition {
  type: string
  status: string
  reason?: string
}

/** The Type/Status/Reason table deployments and replica sets share. */
function conditionsTable(conditions: readonly Condition[] | undefined, w: DescribeWriter): void {
  if (!conditions || conditions.length === 0) return
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n')
  w.write(LEVEL_1, '----\t------\t------\n')
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
}

export function describeReplicaSet(ctx: DescribeContext, namespace: string, name: string): string {
  const rs = ctx.api.read('ReplicaSet', namespace, name) as unknown as ReplicaSet
  const meta = rs.metadata ?? {}
  const pods = podStatusForController(ctx, namespace, rs.spec?.selector, meta.uid)
  const events = eventsFor(ctx, rs as never)
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace}\n`)
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    const ctl = controlledBy(rs as never)
    if (ctl) w.write(LEVEL_0, `Controlled By:\t${ctl}\n`)
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`)
    w.write(LEVEL_0, 'Pods Status:\t')
    w.write(LEVEL_0, `${podsStatusLine(pods)}\n`)
    describePodTemplate(rs.spec?.template, w)
    conditionsTable(rs.status?.conditions, w)
    if (events) describeEvents(events, w, ctx.now)
  })
}

/** apiequality.Semantic.DeepEqual over JSON: missing, null, empty lists and empty maps are alike. */
function semanticEqual(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)
  if (empty(a) && empty(b)) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]))
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ao = a as Record<string, unknown>
    const bo = b as Record<string, unknown>
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)])
    return [...keys].every((k) => semanticEqual(ao[k], bo[k]))
  }
  return a === b
}

function withoutHash(template: unknown): unknown {
  const t = (template ?? {}) as { metadata?: { labels?: Record<string, string> } }
  const labels = { ...(t.metadata?.labels ?? {}) }
  delete labels['pod-template-hash']
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } }
}

function replicaSetsFor(ctx: DescribeContext, d: Deployment): { oldRSs: ReplicaSet[]; newRS?: ReplicaSet } {
  const sel = fromLabelSelector(d.spec?.selector)
  if (sel === null) return { oldRSs: [] }
  let owned = (ctx.api.list('ReplicaSet', { namespace: d.metadata?.namespace, selector: sel }) as unknown as ReplicaSet[]).filter((rs) =>
    isControlledBy(rs as never, d.metadata?.uid),
  )
  const created = (rs: ReplicaSet) => parseRfc3339(rs.metadata?.creationTimestamp as unknown as string) ?? 0
  owned = goSortBy(owned, (a, b) => (created(a) === created(b) ? (a.metadata?.name ?? '') < (b.metadata?.name ?? '') : created(a) < created(b)))
  const want = withoutHash(d.spec?.template)
  const newRS = owned.find((rs) => semanticEqual(withoutHash(rs.spec?.template), want))
  return { oldRSs: owned.filter((rs) => rs !== newRS), newRS }
}

function rsList(list: readonly ReplicaSet[]): string {
  const s = list.map((rs) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ')
  return s || '<none>'
}

export function describeDeployment(ctx: DescribeContext, namespace: string, name: string): string {
  const d = ctx.api.read('Deployment', namespace, name) as unknown as Deployment
  const meta = d.metadata ?? {}
  const spec = d.spec!
  const status = d.status ?? {}
  const events = eventsFor(ctx, d as never)
  const { oldRSs, newRS } = replicaSetsFor(ctx, d)
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace}\n`)
    w.write(LEVEL_0, `CreationTimestamp:\t${formatTime(meta.creationTimestamp as unknown as string)}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec.selector)}\n`)
    w.write(
      LEVEL_0,
      `Replicas:\t${spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    )
    w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`)
    w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`)
    const ru = spec.strategy?.rollingUpdate
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`)
    describePodTemplate(spec.template, w)
    conditionsTable(status.conditions, w)
    if (oldRSs.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${rsList(oldRSs)}\n`)
      w.write(LEVEL_0, `NewReplicaSet:\t${rsList(newRS ? [newRS] : [])}\n`)
    }
    if (events) describeEvents(events, w, ctx.now)
  })
}
