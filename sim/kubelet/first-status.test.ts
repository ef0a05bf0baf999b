import { describe, it, expect } from 'vitest'
import { testSim } from '../testing/harness'
import type { Pod } from '../api/types'
import { isPodReady } from '../api/pod-util'

describe('the kubelet\'s first status of a pod', () => {
  it('never reports Ready before the container is running', () => {
    const sim = testSim()
    const seen: string[] = []
    sim.api.watch((ev) => {
      const p = ev.object as unknown as Pod
      if (p.metadata?.name === 'p' && isPodReady(p) && p.status?.phase !== 'Running') seen.push(`Ready while ${p.status?.phase}`)
    }, ['Pod'])
    sim.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } }, { actor: 'kubectl' })
    sim.settle()
    expect(seen).toEqual([])
    expect(isPodReady(sim.api.read('Pod', 'default', 'p') as unknown as Pod)).toBe(true)
  })

  // convertToAPIContainerStatuses starts every container of the spec from a default waiting state, so
  // no status the kubelet writes has an empty list (kubectl wait --for=jsonpath='{...[0]...}' relies on it).
  it('lists every container, waiting ContainerCreating, in its first status', () => {
    const sim = testSim()
    const firsts: unknown[] = []
    sim.api.watch((ev) => {
      const p = ev.object as unknown as Pod
      if (p.metadata?.name === 'p' && p.status?.containerStatuses && firsts.length === 0) firsts.push(p.status.containerStatuses.map((c) => [c.name, c.state]))
    }, ['Pod'])
    sim.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }, { name: 'b', image: 'busybox' }] } }, { actor: 'kubectl' })
    sim.settle()
    expect(firsts).toEqual([[['b', { waiting: { reason: 'ContainerCreating' } }], ['nginx', { waiting: { reason: 'ContainerCreating' } }]]])
  })

  it('starts the containers of a pod with init containers from PodInitializing', () => {
    const sim = testSim()
    const firsts: unknown[] = []
    sim.api.watch((ev) => {
      const p = ev.object as unknown as Pod
      if (p.metadata?.name === 'p' && p.status?.containerStatuses && firsts.length === 0) {
        firsts.push([...(p.status.initContainerStatuses ?? []), ...p.status.containerStatuses].map((c) => [c.name, c.state]))
      }
    }, ['Pod'])
    const spec = { initContainers: [{ name: 'init', image: 'busybox', command: ['true'] }], containers: [{ name: 'nginx', image: 'nginx' }] }
    sim.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec }, { actor: 'kubectl' })
    sim.settle()
    expect(firsts).toEqual([[['init', { waiting: { reason: 'PodInitializing' } }], ['nginx', { waiting: { reason: 'PodInitializing' } }]]])
  })

  // The kubelet's own reports do not wake its pod worker; a status someone else wrote does, and the
  // kubelet reports what it sees again.
  it('writes its own status back over one written by someone else', () => {
    const sim = testSim()
    sim.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } }, { actor: 'kubectl' })
    sim.settle()
    const before = sim.api.read('Pod', 'default', 'p') as unknown as Pod
    const conditions = (before.status?.conditions ?? []).map((c) => (c.type === 'Ready' ? { ...c, status: 'False' } : c))
    sim.api.updateStatus({ ...before, status: { ...before.status, conditions } } as never, { actor: 'kubectl' })
    expect(isPodReady(sim.api.read('Pod', 'default', 'p') as unknown as Pod)).toBe(false)
    sim.drain()
    expect(isPodReady(sim.api.read('Pod', 'default', 'p') as unknown as Pod)).toBe(true)
    expect(sim.api.audit.at(-1)).toMatchObject({ actor: 'kubelet', verb: 'status' })
  })
})
