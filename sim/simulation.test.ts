import { describe, it, expect } from 'vitest'
import { testSim } from './testing/harness'
import { rfc3339 } from './core/time'
import { DEFAULT_EPOCH } from './cluster-config'

describe('createSimulation', () => {
  it('boots the default cluster: three nodes, system namespaces, default StorageClass', () => {
    const sim = testSim()
    const s = sim.snapshot()
    expect(s.objects.Node.map((n) => n.metadata.name)).toEqual(['k8s-master', 'k8s-node1', 'k8s-node2'])
    expect(s.objects.Namespace.map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system'])
    expect(s.objects.StorageClass.map((n) => n.metadata.name)).toEqual(['standard'])
  })

  it("keeps a kind's list in the next snapshot while nothing of that kind was written", () => {
    const sim = testSim()
    const before = sim.snapshot()
    sim.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app', namespace: 'default' }, data: { a: '1' } } as never, { actor: 'kubectl' })
    const after = sim.snapshot()
    expect(after).not.toBe(before)
    expect(after.objects.Node).toBe(before.objects.Node)
    expect(after.objects.ConfigMap).not.toBe(before.objects.ConfigMap)
    expect(after.objects.ConfigMap.map((c) => c.metadata.name)).toContain('app')
    sim.api.delete('ConfigMap', 'default', 'app', { actor: 'kubectl' })
    const gone = sim.snapshot()
    expect(gone.objects.ConfigMap.map((c) => c.metadata.name)).not.toContain('app')
    expect(gone.objects.Node).toBe(before.objects.Node)
  })

  it('starts the clock at the epoch, with the cluster created earlier', () => {
    const sim = testSim()
    expect(sim.now()).toBe(DEFAULT_EPOCH)
    const node = sim.api.read('Node', '', 'k8s-master')
    expect(node.metadata.creationTimestamp).toBe(rfc3339(DEFAULT_EPOCH - 12 * 24 * 3600 * 1000))
  })

  it('gives every namespace a default ServiceAccount and the root CA ConfigMap', () => {
    const sim = testSim()
    for (const ns of ['default', 'kube-system']) {
      expect(sim.api.get('ServiceAccount', ns, 'default')).toBeDefined()
      expect(sim.api.get('ConfigMap', ns, 'kube-root-ca.crt')).toBeDefined()
    }
  })

  it('runs the same way twice for the same seed', () => {
    const a = testSim({ seed: 3 }).exportState()
    const b = testSim({ seed: 3 }).exportState()
    expect(JSON.stringify(a.objects)).toBe(JSON.stringify(b.objects))
  })
})
