// The StatefulSet as the view draws it, on the real simulator: ordinals in order, ghosts while
// OrderedReady creates, condemned pods while scaling down, retained claims, revisions during an update.

import { describe, expect, it } from 'vitest'
import { testSim } from '../../../sim/testing/harness'
import { applyWeb, editWeb } from '../../../sim/testing/fixtures'
import type { Simulation } from '../../../sim'
import { buildClusterView } from './cluster-view'
import type { Slot } from './types'

function web(sim: Simulation) {
  const view = buildClusterView(sim.snapshot())
  const set = view.statefulSets.find((s) => s.name === 'web')
  if (!set) throw new Error('no StatefulSet web in the view')
  return set
}

/** `web-0 Running 1/1`, `ghost 2`, `web-3 Terminating (condemned)`. */
function slotText(s: Slot): string {
  if (s.type === 'ghost') return `ghost ${s.ordinal}`
  return `${s.pod.name} ${s.pod.status} ${s.pod.ready}${s.condemned ? ' (condemned)' : ''}`
}

const slots = (sim: Simulation) => web(sim).slots.map(slotText)

/** Ticks a tenth of a simulated second at a time until `done`, collecting each new picture of the slots. */
function watch(sim: Simulation, done: (s: string[]) => boolean, maxSeconds = 300): string[][] {
  const seen: string[][] = [slots(sim)]
  for (let i = 0; i < maxSeconds * 10 && !done(seen[seen.length - 1]); i++) {
    sim.tick(100)
    const now = slots(sim)
    if (now.join() !== seen[seen.length - 1].join()) seen.push(now)
  }
  return seen
}

describe('a StatefulSet in the cluster view', () => {
  it('shows the missing ordinals as ghosts right after the set is created', () => {
    const sim = testSim()
    applyWeb(sim)
    expect(slots(sim)).toEqual(['web-0 Pending 0/1', 'ghost 1', 'ghost 2'])
  })

  it('fills the ordinals in order, each one after the one before is Running and Ready', () => {
    const sim = testSim()
    applyWeb(sim)
    const seen = watch(sim, (s) => s.every((x) => x.endsWith('Running 1/1')))
    // In every picture, a pod is there only when the one before it is Running and Ready.
    for (const s of seen) s.forEach((x, i) => i > 0 && !x.startsWith('ghost') && expect(s[i - 1]).toMatch(/Running 1\/1$/))
    expect(seen).toContainEqual(['web-0 ContainerCreating 0/1', 'ghost 1', 'ghost 2'])
    expect(seen).toContainEqual(['web-0 Running 1/1', 'web-1 ContainerCreating 0/1', 'ghost 2'])
    expect(seen[seen.length - 1]).toEqual(['web-0 Running 1/1', 'web-1 Running 1/1', 'web-2 Running 1/1'])
  })

  it('sorts ordinals as numbers, not as the API server lists the names', () => {
    const sim = testSim()
    applyWeb(sim, { replicas: 12, podManagementPolicy: 'Parallel' })
    sim.settle()
    expect(web(sim).slots.map((s) => s.ordinal)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
  })

  it('marks the pods above the new replica count as condemned and removes them from the top', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    editWeb(sim, (spec) => (spec.replicas = 1))
    const seen = watch(sim, (s) => s.length === 1)
    expect(seen[0]).toEqual(['web-0 Running 1/1', 'web-1 Running 1/1 (condemned)', 'web-2 Terminating 1/1 (condemned)'])
    expect(seen.some((s) => s.length === 2 && /^web-1 Terminating .* \(condemned\)$/.test(s[1]))).toBe(true)
    expect(seen[seen.length - 1]).toEqual(['web-0 Running 1/1'])
  })

  it('keeps the claims of removed ordinals as retained claims', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    editWeb(sim, (spec) => (spec.replicas = 1))
    sim.settle()
    expect(web(sim).retainedClaims.map((c) => `${c.name} ${c.phase}`)).toEqual(['www-web-1 Bound', 'www-web-2 Bound'])
  })

  it('shows a ghost with the claim it will reuse when scaled up again', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    editWeb(sim, (spec) => (spec.replicas = 1))
    sim.settle()
    editWeb(sim, (spec) => (spec.replicas = 3))
    const ghost = web(sim).slots.find((s) => s.ordinal === 2)
    expect(ghost?.type).toBe('ghost')
    expect(ghost?.type === 'ghost' && ghost.claims.map((c) => c.name)).toEqual(['www-web-2'])
    expect(web(sim).retainedClaims).toEqual([])
  })

  it("links each pod to its claim, the claim's volume and the node the volume is pinned to", () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    const slot = web(sim).slots[0]
    if (slot.type !== 'pod') throw new Error('web-0 missing')
    const [claim] = slot.pod.claims
    const pv = sim.api.list('PersistentVolumeClaim', { namespace: 'default' }).find((c) => c.metadata.name === 'www-web-0')?.spec?.volumeName
    expect(claim).toMatchObject({ name: 'www-web-0', phase: 'Bound', volume: pv, volumePhase: 'Bound', capacity: '1Gi', storageClass: 'standard' })
    expect(pv).toMatch(/^pvc-/)
    expect(claim.volumeNode).toBe(slot.pod.node)
  })

  it('tells the pods of the update revision from those of the current one during a rolling update', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    editWeb(sim, (spec) => (spec.template.spec.containers[0].image = 'registry.k8s.io/nginx-slim:0.27'))
    let set = web(sim)
    for (let i = 0; i < 120 && !set.slots.some((s) => s.type === 'pod' && s.isUpdate); i++) {
      sim.tick(1000)
      set = web(sim)
    }
    expect(set.rolling).toBe(true)
    expect(set.current?.number).toBe(1)
    expect(set.update?.number).toBe(2)
    const marks = set.slots.map((s) => (s.type === 'pod' ? `${s.pod.name}:${s.isUpdate ? 'new' : 'old'}` : `ghost ${s.ordinal}`))
    expect(marks.slice(0, 2)).toEqual(['web-0:old', 'web-1:old'])
    expect(marks[2]).toMatch(/^web-2:new$|^ghost 2$/)
    sim.settle()
    set = web(sim)
    expect(set.rolling).toBe(false)
    expect(set.slots.every((s) => s.type === 'pod' && s.isUpdate && s.pod.revision === set.update?.hash)).toBe(true)
  })
})
