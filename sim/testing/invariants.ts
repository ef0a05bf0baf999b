// StatefulSet guarantees checked after every step of a scenario (upstream's e2e habit). Each check
// returns the violations it found, so a test can assert `expect(violations(sim)).toEqual([])`.

import { controllerOf } from '../api/owners'
import { isPodReady } from '../api/pod-util'
import type { Obj, Pod } from '../api/types'
import type { Simulation } from '../simulation'

type Set = Obj<'StatefulSet'>

function ordinal(name: string, set: string): number {
  const m = new RegExp(`^${set.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`).exec(name)
  return m ? Number(m[1]) : -1
}

function podsOf(sim: Simulation, set: Set): Pod[] {
  return sim.api
    .list('Pod', { namespace: set.metadata.namespace })
    .filter((p) => controllerOf(p)?.uid === set.metadata.uid) as unknown as Pod[]
}

/** OrderedReady: while ordinal N is not Running and Ready, no higher ordinal is being created (that was not there before). */
export function orderedReadyViolations(sim: Simulation, set: Set, seen: Map<string, number>): string[] {
  if (set.spec?.podManagementPolicy === 'Parallel') return []
  const out: string[] = []
  const pods = podsOf(sim, set)
  const start = set.spec?.ordinals?.start ?? 0
  const byOrd = new Map(pods.map((p) => [ordinal(p.metadata!.name!, set.metadata.name!), p]))
  for (const p of pods) {
    const n = ordinal(p.metadata!.name!, set.metadata.name!)
    const uid = p.metadata!.uid!
    if (seen.has(uid)) continue
    seen.set(uid, n)
    // A pod that just appeared: every lower in-range ordinal must be Running and Ready.
    for (let k = start; k < n; k++) {
      const lower = byOrd.get(k)
      if (k - start >= (set.spec?.replicas ?? 1)) break
      if (!lower || lower.status?.phase !== 'Running' || !isPodReady(lower) || lower.metadata?.deletionTimestamp) {
        out.push(`${p.metadata!.name} was created while ${set.metadata.name}-${k} was not Running and Ready`)
      }
    }
  }
  return out
}

/** At most one pod per identity, and every pod's claims exist before it does. */
export function identityViolations(sim: Simulation, set: Set): string[] {
  const out: string[] = []
  const names = new Map<string, number>()
  for (const p of podsOf(sim, set)) names.set(p.metadata!.name!, (names.get(p.metadata!.name!) ?? 0) + 1)
  for (const [n, c] of names) if (c > 1) out.push(`${c} pods named ${n}`)
  for (const p of podsOf(sim, set)) {
    const n = ordinal(p.metadata!.name!, set.metadata.name!)
    for (const t of set.spec?.volumeClaimTemplates ?? []) {
      const claim = `${t.metadata?.name}-${set.metadata.name}-${n}`
      if (!sim.api.get('PersistentVolumeClaim', set.metadata.namespace!, claim)) out.push(`${p.metadata!.name} exists without claim ${claim}`)
    }
    if (p.metadata?.labels?.['statefulset.kubernetes.io/pod-name'] !== p.metadata?.name) out.push(`${p.metadata!.name} has a wrong pod-name label`)
  }
  return out
}

/** Watches a scenario and collects violations of the invariants after every change. */
export function watchInvariants(sim: Simulation, namespace: string, name: string): { violations: string[]; stop(): void } {
  const violations: string[] = []
  const seen = new Map<string, number>()
  const check = () => {
    const set = sim.api.get('StatefulSet', namespace, name)
    if (!set) return
    for (const v of [...orderedReadyViolations(sim, set, seen), ...identityViolations(sim, set)]) if (!violations.includes(v)) violations.push(v)
  }
  const stop = sim.api.watch(() => check(), ['Pod', 'StatefulSet', 'PersistentVolumeClaim'])
  return { violations, stop }
}
