import { describe, expect, it } from 'vitest'
import type { Pod } from '../../api/types'
import type { Simulation } from '../../simulation'
import { testSim, createAs } from '../../testing/harness'
import { applyWeb, editWeb } from '../../testing/fixtures'
import { fromMap } from '../../api/selectors'
import { isPending, readWorld } from './world'
import { nodeInfos } from './filters'
import { add, emptyResources, podRequests } from './resources'
import { SchedulerCache } from './cache'
import { podKey } from './queue'

const nginx = fromMap({ app: 'nginx' })

/** A cache kept from watch events, as the scheduler keeps its own. */
function watchedCache(sim: Simulation): SchedulerCache {
  const cache = new SchedulerCache(sim.api)
  cache.infos(sim.api.list('Node'), probe())
  sim.api.watch((ev) => {
    if (ev.kind === 'Pod') cache.refresh(podKey(ev.object as Pod))
    if (ev.kind === 'PersistentVolumeClaim') cache.refreshClaim(ev.object.metadata.namespace ?? '', ev.object.metadata.name ?? '')
  })
  return cache
}

function probe(): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'probe', namespace: 'default', uid: 'probe', labels: { app: 'nginx' } }, spec: { containers: [{ name: 'c', image: 'c' }] } }
}

/** Per node what a scheduling cycle for `pod` sees: the cache's infos, as plain values. */
function seen(cache: SchedulerCache, sim: Simulation, pod: Pod) {
  return cache.infos(sim.api.list('Node'), pod).map((i) => ({
    node: i.node.metadata?.name,
    pods: i.pods.map((p) => p.metadata?.name).sort(),
    podCount: i.podCount,
    requested: i.requested,
    nonZeroRequested: i.nonZeroRequested,
    nginx: i.countMatching!('default', nginx),
  }))
}

/** The same worked out afresh from every pod the API server has (readWorld without a cache). */
function fresh(sim: Simulation, pod: Pod) {
  return nodeInfos(readWorld(sim.api, pod)).map((i) => ({
    node: i.node.metadata?.name,
    pods: i.pods.map((p) => p.metadata?.name).sort(),
    podCount: i.pods.length,
    requested: i.requested,
    nonZeroRequested: i.pods.reduce((s, p) => add(s, podRequests(p, true)), emptyResources()),
    nginx: i.pods.filter((p) => p.metadata?.namespace === 'default' && p.metadata?.labels?.app === 'nginx').length,
  }))
}

/** The kept cache agrees with a fresh look, for a new pod and for every pod that waits to be scheduled. */
function expectInStep(cache: SchedulerCache, sim: Simulation): void {
  const pending = sim.api.list('Pod').filter((p) => isPending(p))
  for (const pod of [probe(), ...pending]) {
    expect(seen(cache, sim, pod)).toEqual(fresh(sim, pod))
    expect(seen(new SchedulerCache(sim.api), sim, pod)).toEqual(fresh(sim, pod))
  }
}

describe('the scheduler cache', () => {
  it('counts the pods a fresh look finds while a StatefulSet comes up, with those assumed on a node for their claims', () => {
    const sim = testSim()
    const cache = watchedCache(sim)
    applyWeb(sim, { replicas: 4, podManagementPolicy: 'Parallel' })
    // Pods wait for their claims to be provisioned on the node picked for them.
    expect(sim.api.list('Pod').filter((p) => isPending(p)).length).toBeGreaterThan(0)
    expectInStep(cache, sim)
    sim.settle()
    expectInStep(cache, sim)
  })

  it('stays in step through cordon, deletion and rescheduling', () => {
    const sim = testSim()
    const cache = watchedCache(sim)
    applyWeb(sim, { replicas: 4, podManagementPolicy: 'Parallel' })
    sim.settle()
    const n = sim.api.read('Node', '', 'k8s-node1')
    sim.api.update({ ...n, spec: { ...n.spec, unschedulable: true } }, { actor: 'kubectl' })
    for (const p of sim.api.list('Pod', { namespace: 'default' })) sim.api.delete('Pod', 'default', p.metadata.name!, { actor: 'kubectl' })
    sim.drain()
    expectInStep(cache, sim)
    sim.settle()
    expectInStep(cache, sim)
    editWeb(sim, (spec) => (spec.replicas = 1))
    sim.settle()
    expectInStep(cache, sim)
  })

  it('stays in step when a node fails and its pods are evicted, then force-deleted', () => {
    const sim = testSim()
    const cache = watchedCache(sim)
    applyWeb(sim, { replicas: 4, podManagementPolicy: 'Parallel' })
    createAs(sim, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'big', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1500m', memory: '1.5Gi' } } }] } })
    sim.settle()
    sim.failNode('k8s-node2')
    sim.tick(400_000)
    expectInStep(cache, sim)
    for (const p of sim.api.list('Pod', { namespace: 'default' })) {
      if (p.spec?.nodeName === 'k8s-node2') sim.api.delete('Pod', 'default', p.metadata.name!, { actor: 'kubectl', gracePeriodSeconds: 0 })
    }
    sim.drain()
    expectInStep(cache, sim)
    sim.restoreNode('k8s-node2')
    sim.settle()
    expectInStep(cache, sim)
  })
})
