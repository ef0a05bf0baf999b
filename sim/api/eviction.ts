// POST pods/<name>/eviction (pkg/registry/core/pod/storage/eviction.go): a delete that respects
// PodDisruptionBudgets. `kubectl drain` evicts each pod; when the pod's budget allows no disruption
// the server answers 429 TooManyRequests and drain retries. An allowed eviction decrements the
// budget's disruptionsAllowed, records the pod in status.disruptedPods (so the disruption controller
// does not count it as healthy while it goes), marks the pod with the DisruptionTarget condition and
// deletes it gracefully. Also home of the PodDisruptionBudget condition helpers both sides use
// (k8s.io/component-helpers/apps/poddisruptionbudget).

import { rfc3339 } from '../core/time'
import { ApiError, type StatusCause } from './errors'
import { fromLabelSelector, matches } from './selectors'
import { isPodReady } from './pod-util'
import type { ApiServer } from './server'
import type { Pod, PodDisruptionBudget } from './types'
import type { Condition } from 'kubernetes-types/meta/v1'

export interface EvictOptions {
  actor: string
  /** The API server's current time (virtual ms): stamps disruptedPods and the DisruptionTarget condition. */
  now: number
  /** DeleteOptions.gracePeriodSeconds of the Eviction (kubectl drain --grace-period). */
  gracePeriodSeconds?: number
  dryRun?: boolean
}

/** MaxDisruptedPodSize: evictions refused while this many are still unconfirmed. */
const MAX_DISRUPTED_POD_SIZE = 2000
const TOO_MANY = "Cannot evict pod as it would violate the pod's disruption budget."

export function evictPod(api: ApiServer, namespace: string, name: string, opts: EvictOptions): void {
  const pod = api.read('Pod', namespace, name)
  // A pod that has not started, has finished or is already going disrupts nothing: delete it directly.
  if (canIgnorePDB(pod)) return addConditionAndDeletePod(api, pod, opts)

  const pdbs = pdbsForPod(api, pod)
  if (pdbs.length > 1) {
    // Upstream returns a Failure status with code 500 and no reason.
    throw new ApiError('Unknown', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.')
  }
  if (pdbs.length === 1) {
    const pdb = pdbs[0]
    const st = pdb.status
    // An unready pod does not count as healthy: evicting it takes nothing from the budget when the
    // budget is met (IfHealthyBudget) or its policy says AlwaysAllow.
    const unhealthyGoesFree =
      !isPodReady(pod) &&
      (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow' || ((st?.currentHealthy ?? 0) >= (st?.desiredHealthy ?? 0) && (st?.desiredHealthy ?? 0) > 0))
    if (!unhealthyGoesFree) checkAndDecrement(api, pod, pdb, opts)
  }
  addConditionAndDeletePod(api, pod, opts)
}

/** canIgnorePDB: Succeeded, Failed, Pending, or already being deleted. */
function canIgnorePDB(pod: Pod): boolean {
  const phase = pod.status?.phase
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata?.deletionTimestamp
}

function tooManyRequests(cause: string, retryAfterSeconds?: number): ApiError {
  const causes = [{ reason: 'DisruptionBudget', message: cause } as StatusCause]
  return new ApiError('TooManyRequests', TOO_MANY, retryAfterSeconds ? { causes, retryAfterSeconds } : { causes })
}

/** errors.NewForbidden(policy.Resource("poddisruptionbudget"), ...): upstream names the resource in the singular. */
function pdbForbidden(name: string, why: string): ApiError {
  return new ApiError('Forbidden', `poddisruptionbudget.policy "${name}" is forbidden: ${why}`, { name, group: 'policy', kind: 'poddisruptionbudget' })
}

function checkAndDecrement(api: ApiServer, pod: Pod, pdb: PodDisruptionBudget, opts: EvictOptions): void {
  const name = pdb.metadata!.name!
  const st = pdb.status ?? { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 }
  if ((st.observedGeneration ?? 0) < (pdb.metadata?.generation ?? 0)) {
    throw tooManyRequests(`The disruption budget ${name} is still being processed by the server.`, 10)
  }
  if (st.disruptionsAllowed < 0) throw pdbForbidden(name, 'pdb disruptions allowed is negative')
  if (Object.keys(st.disruptedPods ?? {}).length > MAX_DISRUPTED_POD_SIZE) {
    throw pdbForbidden(name, 'DisruptedPods map too big - too many evictions not confirmed by PDB controller')
  }
  if (st.disruptionsAllowed === 0) {
    throw tooManyRequests(`The disruption budget ${name} needs ${st.desiredHealthy} healthy pods and has ${st.currentHealthy} currently`)
  }
  const disruptionsAllowed = st.disruptionsAllowed - 1
  let status = { ...st, disruptionsAllowed }
  if (disruptionsAllowed === 0) status = { ...status, conditions: disruptionAllowedCondition(status, opts.now) }
  if (opts.dryRun) return
  status = { ...status, disruptedPods: { ...(st.disruptedPods ?? {}), [pod.metadata!.name!]: rfc3339(opts.now) } }
  api.updateStatus({ ...pdb, status }, { actor: opts.actor })
}

/** addConditionAndDeletePod: DisruptionTarget=True on the pod, then a graceful delete. */
function addConditionAndDeletePod(api: ApiServer, pod: Pod, opts: EvictOptions): void {
  if (!opts.dryRun) {
    const conditions = [...(pod.status?.conditions ?? [])]
    const i = conditions.findIndex((c) => c.type === 'DisruptionTarget')
    const cond = {
      type: 'DisruptionTarget',
      status: 'True',
      lastProbeTime: null as unknown as string,
      lastTransitionTime: i >= 0 && conditions[i].status === 'True' ? conditions[i].lastTransitionTime : rfc3339(opts.now),
      reason: 'EvictionByEvictionAPI',
      message: 'Eviction API: evicting',
    }
    if (i >= 0) conditions[i] = cond
    else conditions.push(cond)
    api.updateStatus({ ...pod, status: { ...pod.status, conditions } }, { actor: opts.actor })
  }
  api.delete('Pod', pod.metadata!.namespace!, pod.metadata!.name!, {
    actor: opts.actor,
    gracePeriodSeconds: opts.gracePeriodSeconds,
    dryRun: opts.dryRun,
    uid: pod.metadata!.uid,
  })
}

/** The budgets in the pod's namespace whose selector matches it (a nil selector matches nothing). */
export function pdbsForPod(api: ApiServer, pod: Pod): PodDisruptionBudget[] {
  return api.list('PodDisruptionBudget', { namespace: pod.metadata!.namespace }).filter((pdb) => {
    const sel = fromLabelSelector(pdb.spec?.selector)
    return sel !== null && matches(sel, pod.metadata?.labels)
  })
}

type Status = NonNullable<PodDisruptionBudget['status']>

/**
 * apimeta.SetStatusCondition: a new condition, or the existing one with status (and
 * lastTransitionTime, when the status flips), reason, message and observedGeneration replaced.
 */
export function setStatusCondition(conditions: readonly Condition[] | undefined, c: Omit<Condition, 'lastTransitionTime'>, now: number): Condition[] {
  const list = [...(conditions ?? [])]
  const i = list.findIndex((x) => x.type === c.type)
  if (i < 0) return [...list, { type: c.type, status: c.status, observedGeneration: c.observedGeneration, lastTransitionTime: rfc3339(now), reason: c.reason, message: c.message }]
  const old = list[i]
  list[i] = {
    type: c.type,
    status: c.status,
    observedGeneration: c.observedGeneration,
    lastTransitionTime: old.status === c.status ? old.lastTransitionTime : rfc3339(now),
    reason: c.reason,
    message: c.message,
  }
  return list
}

/** UpdateDisruptionAllowedCondition: SufficientPods while disruptions are allowed, else InsufficientPods. */
export function disruptionAllowedCondition(status: Status, now: number): Condition[] {
  const allowed = status.disruptionsAllowed > 0
  return setStatusCondition(
    status.conditions,
    {
      type: 'DisruptionAllowed',
      status: allowed ? 'True' : 'False',
      reason: allowed ? 'SufficientPods' : 'InsufficientPods',
      message: '',
      observedGeneration: status.observedGeneration,
    },
    now,
  )
}

/** ConditionsAreUpToDate: the DisruptionAllowed condition agrees with disruptionsAllowed. */
export function conditionsAreUpToDate(pdb: PodDisruptionBudget): boolean {
  const cond = pdb.status?.conditions?.find((c) => c.type === 'DisruptionAllowed')
  if (!cond || pdb.status?.observedGeneration !== pdb.metadata?.generation) return false
  if ((pdb.status?.disruptionsAllowed ?? 0) > 0) return cond.status === 'True' && cond.reason === 'SufficientPods'
  return cond.status === 'False' && cond.reason === 'InsufficientPods'
}
