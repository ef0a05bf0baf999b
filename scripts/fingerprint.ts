// `npm run --silent fingerprint`: a hash of everything the simulator did in a few fixed scenarios
// (the API server's audit log with times and actors, and every stored object at the end), one line
// per scenario. A change meant only to make the simulator faster must leave every hash as it was;
// print the hashes before and after the change and compare them. A change that alters behaviour on
// purpose changes hashes, and says why in its commit.

import { createHash } from 'node:crypto'
import { createSimulation, type Simulation } from '../sim/index'
import { benchCluster as cluster } from './bench-cluster'
import { applyWeb, editWeb, type WebOptions } from '../sim/testing/fixtures'

function started(o: WebOptions, workers = 2): Simulation {
  const sim = createSimulation({ seed: 1, strict: true, nodes: cluster(workers) })
  applyWeb(sim, o)
  sim.settle({ maxMs: 6 * 3600_000 })
  return sim
}

const scenarios: Record<string, () => Simulation> = {
  'ordered-60': () => started({ replicas: 60 }),
  'parallel-300': () => started({ replicas: 300, podManagementPolicy: 'Parallel' }, 2),
  'update-scale-delete': () => {
    const sim = started({ replicas: 8, persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete', whenDeleted: 'Delete' } })
    editWeb(sim, (spec) => {
      spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 3 } }
      spec.template.spec.containers[0].image = 'registry.k8s.io/nginx-slim:0.27'
    })
    sim.settle({ maxMs: 3600_000 })
    editWeb(sim, (spec) => (spec.replicas = 4))
    sim.settle({ maxMs: 3600_000 })
    editWeb(sim, (spec) => (spec.template.spec.containers[0].image = 'registry.k8s.io/nginx-slim:0.24'))
    sim.settle({ maxMs: 3600_000 })
    sim.api.delete('StatefulSet', 'default', 'web', { actor: 'kubectl' })
    sim.settle({ maxMs: 3600_000 })
    return sim
  },
  'node-failure': () => {
    const sim = started({ replicas: 6 })
    sim.failNode('k8s-node1')
    sim.advance(10 * 60_000)
    for (const p of sim.api.list('Pod', { namespace: 'default' })) {
      if (p.spec?.nodeName === 'k8s-node1') sim.api.delete('Pod', 'default', p.metadata.name!, { actor: 'kubectl', gracePeriodSeconds: 0 })
    }
    sim.settle({ maxMs: 3600_000 })
    sim.restoreNode('k8s-node1')
    sim.advance(5 * 60_000)
    return sim
  },
}

const only = process.argv.slice(2)
for (const [name, make] of Object.entries(scenarios)) {
  if (only.length && !only.includes(name)) continue
  const t0 = performance.now()
  const sim = make()
  const wall = performance.now() - t0
  const hash = createHash('sha1').update(JSON.stringify(sim.api.audit)).update(JSON.stringify(sim.api.allObjects())).digest('hex').slice(0, 16)
  console.log(`${name.padEnd(22)} ${hash}   (${sim.api.audit.length} writes, ${sim.controllers.reconciles} reconciles, ${wall.toFixed(0)} ms)`)
}
