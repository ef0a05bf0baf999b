import { describe, it, expect } from 'vitest'
import { ServicePodIndex } from './pod-index'
import { as, createService, isolatedSim, kubeletConfirmsDeletion, runPod } from './test-fixtures'
import type { Simulation } from '../../simulation'

function watched(sim: Simulation): ServicePodIndex {
  const index = new ServicePodIndex()
  sim.api.watch((ev) => index.notePodEvent(ev), ['Pod'])
  return index
}

const names = (pods: readonly { metadata?: { name?: string } }[]) => pods.map((p) => p.metadata?.name)
const listed = (sim: Simulation) => names(sim.api.list('Pod', { namespace: 'default', selector: [{ key: 'app', operator: 'In', values: ['nginx'] }] }))

describe('ServicePodIndex', () => {
  it('lists the selected pods afresh on the first sync', () => {
    const sim = isolatedSim()
    const svc = createService(sim, 'nginx', { clusterIP: 'None', selector: { app: 'nginx' } })
    runPod(sim, 'web-1', { ip: '10.244.1.6' })
    runPod(sim, 'web-0', { ip: '10.244.1.5' })
    const selected = watched(sim).select(sim.api, sim.api.read('Service', 'default', svc.metadata!.name!))
    expect(names(selected.pods)).toEqual(['web-0', 'web-1'])
    expect(selected.changed).toBeNull()
  })

  it('keeps list order as pods come, change labels and go, and names the pods that changed', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', { clusterIP: 'None', selector: { app: 'nginx' } })
    const index = watched(sim)
    const svc = sim.api.read('Service', 'default', 'nginx')
    runPod(sim, 'web-5', { ip: '10.244.1.5' })
    index.select(sim.api, svc)
    runPod(sim, 'web-10', { ip: '10.244.1.10' })
    runPod(sim, 'web-2', { ip: '10.244.1.2' })
    runPod(sim, 'other', { ip: '10.244.1.3', labels: { app: 'other' } })
    const pod = sim.api.read('Pod', 'default', 'web-5')
    sim.api.update({ ...pod, metadata: { ...pod.metadata, labels: { app: 'moved' } } }, as)
    const selected = index.select(sim.api, svc)
    expect(names(selected.pods)).toEqual(listed(sim))
    expect(selected.changed?.map((c) => [c.name, c.pod?.metadata?.name])).toEqual([
      ['web-10', 'web-10'],
      ['web-2', 'web-2'],
      ['web-5', undefined],
    ])
  })

  it('drops a pod once it is gone', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', { clusterIP: 'None', selector: { app: 'nginx' } })
    const index = watched(sim)
    const svc = sim.api.read('Service', 'default', 'nginx')
    runPod(sim, 'web-0', { ip: '10.244.1.5' })
    index.select(sim.api, svc)
    sim.api.delete('Pod', 'default', 'web-0', as)
    kubeletConfirmsDeletion(sim, 'web-0')
    expect(index.select(sim.api, svc).pods).toEqual([])
  })

  it('lists afresh when the Service changed', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', { clusterIP: 'None', selector: { app: 'nginx' } })
    const index = watched(sim)
    runPod(sim, 'web-0', { ip: '10.244.1.5' })
    runPod(sim, 'db-0', { ip: '10.244.1.6', labels: { app: 'db' } })
    index.select(sim.api, sim.api.read('Service', 'default', 'nginx'))
    const svc = sim.api.read('Service', 'default', 'nginx')
    const changed = sim.api.update({ ...svc, spec: { ...svc.spec, selector: { app: 'db' } } }, as)
    const selected = index.select(sim.api, changed)
    expect(names(selected.pods)).toEqual(['db-0'])
    expect(selected.changed).toBeNull()
  })
})
