import { describe, expect, it } from 'vitest'
import { testSim } from '../../testing/harness'
import { webStatefulSet } from '../validation/fixtures'

// End to end through the real ApiServer and controllers: the defaults and
// validation of every kind involved in the web StatefulSet walkthrough must
// let the cluster settle without a single rejected write.
describe('web StatefulSet scenario', () => {
  it('settles with Running pods, Bound claims and no rejected writes', () => {
    const sim = testSim({ systemPods: false })
    sim.api.create(
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'nginx', namespace: 'default', labels: { app: 'nginx' } },
        spec: { clusterIP: 'None', ports: [{ name: 'web', port: 80 }], selector: { app: 'nginx' } },
      },
      { actor: 'kubectl' },
    )
    sim.api.create(webStatefulSet(), { actor: 'kubectl' })
    sim.settle()

    const pods = sim.api.list('Pod').filter((p) => p.metadata.namespace === 'default')
    expect(pods.map((p) => p.metadata.name).sort()).toEqual(['web-0', 'web-1', 'web-2'])
    for (const p of pods) {
      expect(p.status?.phase).toBe('Running')
      expect(p.spec?.serviceAccountName).toBe('default')
    }
    const claims = sim.api.list('PersistentVolumeClaim')
    expect(claims.length).toBe(pods.length)
    for (const c of claims) {
      expect(c.status?.phase).toBe('Bound')
      expect(c.spec?.storageClassName).toBe('standard')
    }
    const rejected = sim.api.audit.filter((a) => a.error)
    expect(rejected.map((a) => `${a.actor} ${a.verb} ${a.ref.kind} ${a.ref.name}: ${a.error}`)).toEqual([])
  }, 60000)
})
