import { describe, it, expect } from 'vitest'
import { Rng } from '../../core/rng'
import { clone, deepFreeze } from '../../core/json'
import type { EndpointSlice, Pod, Service } from '../../api/types'
import { planSlices, type SlicePlan } from './slice-plan'
import { SlicePlanner, type SliceWrites } from './slice-memo'
import type { ChangedPod } from './pod-index'

// The planner that starts from its last sync must plan exactly what planSlices plans from scratch.
// Stored objects are frozen copies, as the API server keeps them; a small PRNG drives the changes.

const svc: Service = deepFreeze({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', uid: 'svc-uid' },
  spec: { clusterIP: 'None', selector: { app: 'web' }, ports: [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 80 }] },
})

interface PodState {
  ip?: string
  ready: boolean
  node: string
  deleting: boolean
  generation: number
}

function podOf(name: string, s: PodState): Pod {
  return deepFreeze({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `${name}-uid-${s.generation}`, labels: { app: 'web' }, deletionTimestamp: s.deleting ? '2025-01-01T00:00:00Z' : undefined },
    spec: { nodeName: s.node, hostname: name, subdomain: 'web', containers: [{ name: 'c', image: 'i' }] },
    status: { phase: 'Running', podIP: s.ip, podIPs: s.ip ? [{ ip: s.ip }] : undefined, conditions: [{ type: 'Ready', status: s.ready ? 'True' : 'False' }] },
  } as Pod)
}

/** The simulator's own seeded generator (mulberry32), as a function. */
function rng(seed: number): () => number {
  const r = new Rng(seed)
  return () => r.next()
}

/** Stores a plan's writes the way the API server would: frozen copies, generated names for new slices. */
function apply(existing: EndpointSlice[], plan: SlicePlan, nextName: () => string): { slices: EndpointSlice[]; writes: SliceWrites } {
  const writes: SliceWrites = { created: [], updated: [], deleted: [...plan.delete] }
  const byName = new Map(existing.map((s) => [s.metadata!.name!, s]))
  for (const s of plan.delete) byName.delete(s.metadata!.name!)
  for (const s of plan.update) {
    const stored = deepFreeze(clone(s))
    byName.set(s.metadata!.name!, stored)
    writes.updated.push([s, stored])
  }
  for (const s of plan.create) {
    const stored = deepFreeze({ ...clone(s), metadata: { ...clone(s.metadata), name: nextName() } })
    byName.set(stored.metadata!.name!, stored)
    writes.created.push([s, stored])
  }
  return { slices: [...byName.values()].sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1)), writes }
}

function run(seed: number, steps: number, podCount: number) {
  const r = rng(seed)
  const states = new Map<string, PodState>()
  const pods = new Map<string, Pod>()
  const planner = new SlicePlanner()
  const zones: Record<string, string | null> = { n1: 'a', n2: 'b', gone: null }
  let existing: EndpointSlice[] = []
  let names = 0
  const nextName = () => `web-${String(names++).padStart(5, '0')}`
  let first = true
  for (let step = 0; step < steps; step++) {
    const changed: ChangedPod[] = []
    for (let k = 0; k < 1 + Math.floor(r() * 3); k++) {
      const name = `p${String(Math.floor(r() * podCount)).padStart(3, '0')}`
      const s = states.get(name)
      const x = r()
      if (!s || x < 0.1) {
        if (s && x < 0.05) {
          states.delete(name)
          pods.delete(name)
        } else {
          const n: PodState = { ip: r() < 0.9 ? `10.0.${Math.floor(r() * 4)}.${Math.floor(r() * 250)}` : undefined, ready: r() < 0.5, node: r() < 0.95 ? 'n1' : 'gone', deleting: false, generation: (s?.generation ?? 0) + 1 }
          states.set(name, n)
          pods.set(name, podOf(name, n))
        }
      } else {
        const n = { ...s }
        if (x < 0.6) n.ready = !n.ready
        else if (x < 0.75) n.ip = r() < 0.8 ? `10.0.${Math.floor(r() * 4)}.${Math.floor(r() * 250)}` : undefined
        else if (x < 0.85) n.deleting = true
        else n.node = r() < 0.5 ? 'n2' : 'n1'
        states.set(name, n)
        pods.set(name, podOf(name, n))
      }
      changed.push({ name, pod: pods.get(name) })
    }
    changed.sort((a, b) => (a.name < b.name ? -1 : 1))
    const unique = changed.filter((c, i) => i === 0 || changed[i - 1].name !== c.name).map((c) => ({ name: c.name, pod: pods.get(c.name) }))
    const list = [...pods.values()].sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1))
    const nodeZone = (n: string) => zones[n]
    const sync = planner.plan('default/web', svc, { pods: list, changed: first ? null : unique }, existing, nodeZone)
    first = false
    const full = planSlices({ svc, pods: list, existing, nodeZone })
    expect(sync.plan).toEqual(full)
    const applied = apply(existing, full, nextName)
    sync.commit(applied.writes)
    existing = applied.slices
  }
  return existing
}

describe('SlicePlanner', () => {
  it.each([1, 2, 3, 4])('plans what planSlices plans after every change to a few of 40 pods (seed %i)', (seed) => {
    run(seed, 300, 40)
  })

  it.each([5, 6])('plans what planSlices plans across several full slices of 300 pods (seed %i)', (seed) => {
    const slices = run(seed, 400, 300)
    expect(slices.length).toBeGreaterThan(1)
  })
})
