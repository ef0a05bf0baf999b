import { describe, it, expect } from 'vitest'
import { Rng } from '../../core/rng'
import { deepFreeze } from '../../core/json'
import type { Endpoints, Pod, Service } from '../../api/types'
import type { ServicePort } from 'kubernetes-types/core/v1'
import { SubsetsPlanner } from './endpoints-memo'
import type { ChangedPod } from './pod-index'

// The planner that starts from its last sync must work out what a full repack works out: the same
// subsets, the same answer to "anything to write?", the same trigger time. Stored objects are frozen,
// as the API server keeps them; a small PRNG drives the changes.

function service(ports: ServicePort[] | undefined, publishNotReadyAddresses = false): Service {
  return deepFreeze({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default', uid: 'svc-uid', creationTimestamp: '2025-01-01T00:00:00Z' },
    spec: { clusterIP: 'None', selector: { app: 'web' }, ports, publishNotReadyAddresses },
  })
}

interface PodState {
  ip?: string
  ready: boolean
  deleting: boolean
  generation: number
  since: number
  httpPort?: number
}

function podOf(name: string, s: PodState): Pod {
  return deepFreeze({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `${name}-uid-${s.generation}`, labels: { app: 'web' }, deletionTimestamp: s.deleting ? '2025-01-01T00:00:00Z' : undefined },
    spec: { nodeName: 'n1', hostname: name, subdomain: 'web', containers: [{ name: 'c', image: 'i', ports: s.httpPort ? [{ name: 'http', containerPort: s.httpPort }] : undefined }] },
    status: {
      phase: 'Running',
      podIP: s.ip,
      podIPs: s.ip ? [{ ip: s.ip }] : undefined,
      conditions: [{ type: 'Ready', status: s.ready ? 'True' : 'False', lastTransitionTime: `2025-01-01T00:${String(s.since).padStart(2, '0')}:00Z` }],
    },
  } as Pod)
}

/** The simulator's own seeded generator (mulberry32), as a function. */
function rng(seed: number): () => number {
  const r = new Rng(seed)
  return () => r.next()
}

function run(seed: number, svc: Service, steps: number, podCount: number, oddPorts: number, portless = 0) {
  const r = rng(seed)
  const states = new Map<string, PodState>()
  const pods = new Map<string, Pod>()
  const planner = new SubsetsPlanner()
  let current: Endpoints | undefined
  let first = true
  const ip = () => (r() < 0.9 ? `10.0.${Math.floor(r() * 3)}.${Math.floor(r() * 200)}` : undefined)
  for (let step = 0; step < steps; step++) {
    const names = new Set<string>()
    for (let k = 0; k < 1 + Math.floor(r() * 3); k++) {
      const name = `p${String(Math.floor(r() * podCount)).padStart(3, '0')}`
      names.add(name)
      const s = states.get(name)
      const x = r()
      if (s && x < 0.05) {
        states.delete(name)
        pods.delete(name)
        continue
      }
      const n: PodState = s && x >= 0.1 ? { ...s } : { ip: ip(), ready: false, deleting: false, generation: (s?.generation ?? 0) + 1, since: 0, httpPort: r() < oddPorts ? 9090 : r() < portless ? undefined : 8080 }
      if (s && x >= 0.1) {
        if (x < 0.6) n.ready = !n.ready
        else if (x < 0.75) n.ip = ip()
        else if (x < 0.85) n.deleting = true
        n.since = Math.floor(r() * 60)
      }
      states.set(name, n)
      pods.set(name, podOf(name, n))
    }
    const changed: ChangedPod[] = [...names].sort().map((name) => ({ name, pod: pods.get(name) }))
    const list = [...pods.values()].sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1))
    const sync = planner.plan('default/web', svc, { pods: list, changed: first ? null : changed }, current)
    const full = new SubsetsPlanner().plan('default/web', svc, { pods: list, changed: null }, current)
    first = false
    expect(sync.subsets).toEqual(full.subsets)
    expect(sync.same).toBe(full.same)
    expect(sync.trigger()).toBe(full.trigger())
    if (current && sync.same) sync.commit(current)
    else {
      current = deepFreeze({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'default' }, subsets: full.subsets.length ? full.subsets : undefined } as Endpoints)
      sync.commit(current)
    }
  }
}

const web = { name: 'web', port: 80, protocol: 'TCP', targetPort: 80 }
const http = { name: 'http', port: 8080, protocol: 'TCP', targetPort: 'http' }

describe('SubsetsPlanner', () => {
  it.each([1, 2, 3])('works out what a full repack does for one port (seed %i)', (seed) => run(seed, service([web]), 300, 40, 0))
  it.each([4, 5])('works out what a full repack does for two ports, a named one resolving alike (seed %i)', (seed) => run(seed, service([web, http]), 300, 40, 0))
  it.each([6, 7])('works out what a full repack does when pods resolve a named port differently (seed %i)', (seed) => run(seed, service([http]), 300, 40, 0.1))
  it.each([11, 12])('works out what a full repack does when some pods serve none of the ports (seed %i)', (seed) => run(seed, service([http]), 300, 40, 0, 0.2))
  it.each([8])('works out what a full repack does for a headless Service without ports (seed %i)', (seed) => run(seed, service(undefined), 300, 40, 0))
  it.each([9])('works out what a full repack does when not-ready addresses are published (seed %i)', (seed) => run(seed, service([web], true), 300, 40, 0))
  it.each([10])('works out what a full repack does for 300 pods (seed %i)', (seed) => run(seed, service([web]), 400, 300, 0))
})
