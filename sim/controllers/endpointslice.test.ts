import { describe, it, expect } from 'vitest'
import type { Simulation } from '../simulation'
import { as, createService, isolatedSim, kubeletConfirmsDeletion, runPod, setStatus } from './service-endpoints/test-fixtures'

const headless = { clusterIP: 'None', selector: { app: 'nginx' }, ports: [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 80 }] }
const slices = (sim: Simulation, svc = 'nginx') =>
  sim.api.list('EndpointSlice', { namespace: 'default' }).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc)
const only = (sim: Simulation, svc = 'nginx') => {
  const all = slices(sim, svc)
  expect(all).toHaveLength(1)
  return all[0]
}
const sts = (i: number) => ({ hostname: `web-${i}`, subdomain: 'nginx' })

describe('endpointslice-controller', () => {
  it('writes the worked example slice: name, labels, owner, address type, ports and endpoints', () => {
    // web-world.json's nginx-w9r7t.
    const sim = isolatedSim()
    const svc = createService(sim, 'nginx', headless, { app: 'nginx' })
    const pods = [
      runPod(sim, 'web-0', { ip: '10.244.1.5', node: 'k8s-node1', ...sts(0) }),
      runPod(sim, 'web-1', { ip: '10.244.2.6', node: 'k8s-node2', ...sts(1) }),
      runPod(sim, 'web-2', { ip: '10.244.1.6', node: 'k8s-node1', ...sts(2) }),
    ]
    const s = only(sim)
    expect(s.metadata.name).toMatch(/^nginx-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(s.metadata.generateName).toBe('nginx-')
    expect(s.metadata.labels).toEqual({
      app: 'nginx',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'nginx',
      'service.kubernetes.io/headless': '',
    })
    expect(s.metadata.ownerReferences).toEqual([
      { apiVersion: 'v1', blockOwnerDeletion: true, controller: true, kind: 'Service', name: 'nginx', uid: svc.metadata!.uid },
    ])
    expect(s.addressType).toBe('IPv4')
    expect(s.ports).toEqual([{ name: 'web', port: 80, protocol: 'TCP' }])
    const endpoint = (i: number, ip: string, node: string) => ({
      addresses: [ip],
      conditions: { ready: true, serving: true, terminating: false },
      hostname: `web-${i}`,
      nodeName: node,
      targetRef: { kind: 'Pod', name: `web-${i}`, namespace: 'default', uid: pods[i].metadata!.uid },
    })
    expect(s.endpoints).toEqual([endpoint(0, '10.244.1.5', 'k8s-node1'), endpoint(1, '10.244.2.6', 'k8s-node2'), endpoint(2, '10.244.1.6', 'k8s-node1')])
  })

  it('bumps the slice generation with each change of its endpoints', () => {
    // The placeholder is generation 1; each pod that joins is one more spec change.
    const sim = isolatedSim()
    createService(sim, 'nginx', headless)
    for (let i = 0; i < 3; i++) runPod(sim, `web-${i}`, { ip: `10.244.1.${5 + i}`, ...sts(i) })
    expect(only(sim).metadata.generation).toBe(4)
  })

  it('keeps an empty placeholder slice for a Service without endpoints', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', headless)
    const s = only(sim)
    expect(s.endpoints).toEqual([])
    expect(s.ports ?? []).toEqual([])
  })

  it('reports a not ready pod as neither ready nor serving', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', headless)
    runPod(sim, 'web-0', { ip: '10.244.1.5', ready: false })
    expect(only(sim).endpoints[0].conditions).toEqual({ ready: false, serving: false, terminating: false })
  })

  it('keeps a terminating pod, not ready but still serving', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', headless)
    runPod(sim, 'web-0', { ip: '10.244.1.5' })
    sim.api.delete('Pod', 'default', 'web-0', as)
    sim.drain()
    expect(only(sim).endpoints[0].conditions).toEqual({ ready: false, serving: true, terminating: true })
  })

  it('marks every endpoint ready when the Service publishes not ready addresses', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', { ...headless, publishNotReadyAddresses: true })
    runPod(sim, 'web-0', { ip: '10.244.1.5', ready: false })
    runPod(sim, 'web-1', { ip: '10.244.1.6' })
    sim.api.delete('Pod', 'default', 'web-1', as)
    sim.drain()
    expect(only(sim).endpoints.map((e) => e.conditions)).toEqual([
      { ready: true, serving: false, terminating: false },
      { ready: true, serving: true, terminating: true },
    ])
  })

  it('sets the hostname only for pods whose subdomain is the Service', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', headless)
    runPod(sim, 'web-0', { ip: '10.244.1.5', hostname: 'web-0', subdomain: 'nginx' })
    runPod(sim, 'web-1', { ip: '10.244.1.6', hostname: 'web-1', subdomain: 'elsewhere' })
    expect(only(sim).endpoints.map((e) => e.hostname)).toEqual(['web-0', undefined])
  })

  it('keeps endpoints where they are and appends new ones', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', headless)
    runPod(sim, 'web-2', { ip: '10.244.1.7' })
    runPod(sim, 'web-0', { ip: '10.244.1.5' })
    setStatus(sim, 'web-2', { ip: '10.244.1.7', ready: false })
    runPod(sim, 'web-1', { ip: '10.244.1.6' })
    expect(only(sim).endpoints.map((e) => e.targetRef?.name)).toEqual(['web-2', 'web-0', 'web-1'])
  })

  it('keeps the same slice when its last endpoint goes and a new one comes', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', headless)
    runPod(sim, 'web-0', { ip: '10.244.1.5' })
    const name = only(sim).metadata.name
    sim.api.delete('Pod', 'default', 'web-0', as)
    sim.drain()
    kubeletConfirmsDeletion(sim, 'web-0')
    expect(only(sim).metadata.name).toBe(name)
    expect(only(sim).endpoints).toEqual([])
    runPod(sim, 'web-0', { ip: '10.244.1.9' })
    expect(only(sim).metadata.name).toBe(name)
    expect(only(sim).endpoints[0].addresses).toEqual(['10.244.1.9'])
  })

  it('stamps the Service creation time on the first slice', () => {
    const sim = isolatedSim()
    const svc = createService(sim, 'nginx', headless)
    expect(only(sim).metadata.annotations).toEqual({ 'endpoints.kubernetes.io/last-change-trigger-time': svc.metadata!.creationTimestamp })
  })

  it('leaves Services without a selector to whoever writes their slices', () => {
    const sim = isolatedSim()
    createService(sim, 'external', { clusterIP: '10.96.12.34', ports: [{ port: 5432, protocol: 'TCP' }] })
    expect(slices(sim, 'external')).toEqual([])
  })

  it('lets the garbage collector take the slices with the Service', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', headless)
    runPod(sim, 'web-0', { ip: '10.244.1.5' })
    sim.api.delete('Service', 'default', 'nginx', as)
    sim.drain()
    expect(slices(sim)).toEqual([])
  })

  it('restores a managed slice someone edited by hand', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', headless)
    runPod(sim, 'web-0', { ip: '10.244.1.5' })
    const s = only(sim)
    sim.api.update({ ...s, endpoints: [] }, as)
    sim.drain()
    expect(only(sim).endpoints.map((e) => e.addresses[0])).toEqual(['10.244.1.5'])
  })
})
