// Strict mode (the tests): every sync that read the pod table is planned again from the store, the
// way it would be without the table, and the two must agree exactly. A table that missed an event or
// kept an answer too long fails the scenario that caused it, where it happened.

import { controllerOf } from '../../api/owners'
import type { Pod } from '../../api/types'
import { deepEqual } from '../../core/json'
import type { ControllerContext } from '../runtime'
import type { Set } from './identity'
import { isWanted } from './pod-facts'
import { planSync, type Step, type SyncInput, type SyncPlan } from './planner'

export function checkTableSync(set: Set, ctx: ControllerContext, input: SyncInput, plan: SyncPlan): void {
  const pods = claimedFromStore(set, ctx)
  const mine = new globalThis.Set(input.pods)
  if (pods.length !== input.pods.length || pods.some((p) => !mine.has(p))) {
    fail(set, `pods ${names(input.pods)} but the store has ${names(pods)}`)
  }
  const full = planSync({ ...input, rows: undefined, pods })
  if (full.blockedOn !== plan.blockedOn) fail(set, `blocked on "${plan.blockedOn}", the store says "${full.blockedOn}"`)
  if (!deepEqual(full.status, plan.status)) fail(set, `status ${JSON.stringify(plan.status)}, the store says ${JSON.stringify(full.status)}`)
  if (full.steps.length !== plan.steps.length || full.steps.some((s, i) => !sameStep(s, plan.steps[i]))) {
    fail(set, `steps ${brief(plan.steps)}, the store says ${brief(full.steps)}`)
  }
}

/** claimPods without writing: the table is used only when claimPods would adopt and release nothing. */
function claimedFromStore(set: Set, ctx: ControllerContext): Pod[] {
  const uid = set.metadata.uid
  const out: Pod[] = []
  for (const pod of ctx.api.claimable('Pod', set.metadata.namespace!, uid!)) {
    const ref = controllerOf(pod)
    const wanted = isWanted(set, pod)
    if (ref) {
      if (ref.uid !== uid) continue
      if (!wanted) fail(set, `pod ${pod.metadata.name} would be released`)
      out.push(pod)
    } else if (wanted && !pod.metadata.deletionTimestamp) {
      fail(set, `pod ${pod.metadata.name} would be adopted`)
    }
  }
  return out
}

function sameStep(a: Step, b: Step): boolean {
  if (a.type !== b.type || (a.type === 'delete' && b.type === 'delete' && a.why !== b.why)) return false
  // Pods the plan makes locally are new objects each time; stored ones must be the very same.
  return a.pod === b.pod || (a.pod.metadata?.uid === undefined && deepEqual(a.pod, b.pod))
}

const names = (pods: readonly Pod[]) => `[${pods.map((p) => p.metadata?.name).sort().join(' ')}]`
const brief = (steps: readonly Step[]) => `[${steps.map((s) => `${s.type} ${s.pod.metadata?.name}`).join(', ')}]`

function fail(set: Set, what: string): never {
  throw new Error(`statefulset pod table disagrees with the store for ${set.metadata.namespace}/${set.metadata.name}: ${what}`)
}
