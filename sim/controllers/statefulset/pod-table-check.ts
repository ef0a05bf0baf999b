// Strict mode (the tests): every sync that read the pod table is planned again from the store, the
// way it would be without the table, and the two must agree exactly. A table that missed an event or
// kept an answer too long fails the scenario that caused it, where it happened.

import type { Pod } from '../../api/types'
import { deepEqual } from '../../core/json'
import type { ControllerContext } from '../runtime'
import type { Set } from './identity'
import { podClaim } from './claim'
import { PlainRow } from './pod-facts'
import { planSync, type PlanContext, type Step, type SyncPlan } from './planner'

export function checkTableSync(set: Set, ctx: ControllerContext, input: PlanContext, plan: SyncPlan, members: readonly Pod[]): void {
  const pods = claimedFromStore(set, ctx)
  const kept = new globalThis.Set(members)
  if (pods.length !== members.length || pods.some((p) => !kept.has(p))) fail(set, `pods ${names(members)}, the store has ${names(pods)}`)
  const full = planSync({ ...input, pods })
  if (full.blockedOn !== plan.blockedOn) fail(set, `blocked on "${plan.blockedOn}", the store says "${full.blockedOn}"`)
  if (!deepEqual(full.status, plan.status)) fail(set, `status ${JSON.stringify(plan.status)}, the store says ${JSON.stringify(full.status)}`)
  // A createMissingClaims step that finds the claims in place does nothing; the table leaves it out.
  const effective = (steps: readonly Step[]) => steps.filter((s) => s.type !== 'createMissingClaims' || !new PlainRow(s.pod).claimsInPlace(set, input.claims))
  const mine = effective(plan.steps)
  const theirs = effective(full.steps)
  if (mine.length !== theirs.length || theirs.some((s, i) => !sameStep(s, mine[i]))) {
    fail(set, `steps ${brief(mine)}, the store says ${brief(theirs)}`)
  }
}

/** claimPods without writing: the table is used only when claimPods would adopt and release nothing. */
function claimedFromStore(set: Set, ctx: ControllerContext): Pod[] {
  const out: Pod[] = []
  for (const pod of ctx.api.claimable('Pod', set.metadata.namespace!, set.metadata.uid!)) {
    const claim = podClaim(set, pod)
    if (claim === 'own') out.push(pod)
    else if (claim !== 'skip') fail(set, `pod ${pod.metadata.name} would be ${claim === 'adopt' ? 'adopted' : 'released'}`)
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
