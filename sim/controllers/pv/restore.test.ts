// Volume work survives a save and restore (timers are not saved: they are re-derived from objects),
// and the same seed gives the same run.

import { describe, it, expect } from 'vitest'
import { restoreSimulation } from '../../simulation'
import { testSim, createAs } from '../../testing/harness'
import { claim, eventsFor, getClaim, selectNode } from './test-fixtures'

describe('restore', () => {
  it('finishes a provisioning that was under way when the session was saved', () => {
    const sim = testSim({ timings: { provisionMs: 5000 } })
    createAs(sim, claim('www-web-0', '1Gi', { cls: null }))
    selectNode(sim, 'www-web-0', 'k8s-node1')
    sim.tick(1000)
    const restored = restoreSimulation(sim.exportState(), { strict: true })
    expect(restored.settle().settled).toBe(true)
    expect(getClaim(restored, 'www-web-0')?.status?.phase).toBe('Bound')
  })

  it('does not say Provisioning twice for one attempt', () => {
    const sim = testSim({ timings: { provisionMs: 5000 } })
    createAs(sim, claim('www-web-0', '1Gi', { cls: null }))
    selectNode(sim, 'www-web-0', 'k8s-node1')
    sim.tick(1000)
    const restored = restoreSimulation(sim.exportState(), { strict: true })
    restored.settle()
    const reasons = eventsFor(restored, 'PersistentVolumeClaim', 'www-web-0').map((e) => `${e[1]} x${e[4]}`)
    expect(reasons).toEqual(['WaitForFirstConsumer x1', 'ExternalProvisioning x1', 'Provisioning x1', 'ProvisioningSucceeded x1'])
  })
})

describe('determinism', () => {
  it('writes the same objects in the same order for the same seed', () => {
    const run = () => {
      const sim = testSim({ seed: 11 })
      createAs(sim, claim('www-web-0', '1Gi', { cls: null }), claim('www-web-1', '1Gi', { cls: null }))
      selectNode(sim, 'www-web-0', 'k8s-node1')
      selectNode(sim, 'www-web-1', 'k8s-node2')
      sim.settle()
      return JSON.stringify({ audit: sim.api.audit, objects: sim.exportState().objects })
    }
    expect(run()).toBe(run())
  })
})

describe('WaitForPodScheduled', () => {
  it('names the pod that waits for a node at the next sync', () => {
    const sim = testSim()
    createAs(sim, claim('www-web-0', '1Gi', { cls: null }))
    // A pod no node can take: it stays unscheduled whoever schedules.
    createAs(sim, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-0', namespace: 'default' },
      spec: {
        nodeSelector: { disktype: 'none-has-this' },
        containers: [{ name: 'nginx', image: 'nginx:1.27' }],
        volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }],
      },
    })
    sim.tick(15_000)
    const events = eventsFor(sim, 'PersistentVolumeClaim', 'www-web-0').map((e) => [e[1], e[2]])
    expect(events).toContainEqual(['WaitForPodScheduled', 'waiting for pod web-0 to be scheduled'])
  })
})
