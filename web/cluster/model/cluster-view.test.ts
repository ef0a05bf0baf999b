// The view as a whole: the headless Service's DNS names, the nodes, and pieces that keep their
// identity when their objects did not change (what lets React skip re-rendering 99 of 100 pods).

import { describe, expect, it } from 'vitest'
import { testSim } from '../../../sim/testing/harness'
import { applyWeb, editWeb } from '../../../sim/testing/fixtures'
import { buildClusterView } from './cluster-view'
import { ViewCache } from './memo'

describe('the cluster view', () => {
  it("lists one DNS name per ready pod of the headless Service, as CoreDNS publishes them", () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    const svc = buildClusterView(sim.snapshot()).services.find((s) => s.name === 'nginx')
    expect(svc?.headless).toBe(true)
    expect(svc?.fqdn).toBe('nginx.default.svc.cluster.local')
    expect(svc?.records.map((r) => `${r.name} ${r.pod}`)).toEqual([
      'web-0.nginx.default.svc.cluster.local web-0',
      'web-1.nginx.default.svc.cluster.local web-1',
      'web-2.nginx.default.svc.cluster.local web-2',
    ])
  })

  it('publishes no name for a pod that is not ready yet', () => {
    const sim = testSim()
    applyWeb(sim)
    for (let i = 0; i < 600 && !sim.snapshot().objects.Pod.some((p) => p.metadata.name === 'web-1'); i++) sim.tick(100)
    const svc = buildClusterView(sim.snapshot()).services.find((s) => s.name === 'nginx')
    expect(svc?.records.map((r) => r.pod)).toEqual(['web-0'])
  })

  it('shows the three nodes with kubectl STATUS and roles', () => {
    const sim = testSim()
    const nodes = buildClusterView(sim.snapshot()).nodes.map((n) => `${n.name} ${n.status} ${n.roles}`.trim())
    expect(nodes).toEqual(['k8s-master Ready control-plane', 'k8s-node1 Ready', 'k8s-node2 Ready'])
  })

  it('gives back the same pod views when only one pod of a hundred changed', () => {
    const sim = testSim()
    applyWeb(sim, { replicas: 100, podManagementPolicy: 'Parallel', volumeClaimTemplates: false })
    sim.settle()
    const cache = new ViewCache()
    const before = buildClusterView(sim.snapshot(), {}, cache)
    sim.api.delete('Pod', 'default', 'web-42', { actor: 'kubectl' })
    sim.drain()
    const after = buildClusterView(sim.snapshot(), {}, cache, before)
    const slotsBefore = before.statefulSets[0].slots
    const slotsAfter = after.statefulSets[0].slots
    const changed = slotsAfter.filter((s, i) => s !== slotsBefore[i]).map((s) => s.ordinal)
    expect(changed).toEqual([42])
    // A hundred pods through the whole simulator: slow on a busy machine, not a hang.
  }, 60_000)

  it('keeps the whole view list when nothing changed', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    const cache = new ViewCache()
    const a = buildClusterView(sim.snapshot(), {}, cache)
    const b = buildClusterView(sim.snapshot(), {}, cache, a)
    expect(b).toBe(a)
    editWeb(sim, (spec) => (spec.replicas = 3))
    expect(buildClusterView(sim.snapshot(), {}, cache, b).statefulSets[0]).toBe(a.statefulSets[0])
  })
})
