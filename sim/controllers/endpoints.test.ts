import { describe, it, expect } from 'vitest'
import type { Simulation } from '../simulation'
import { rfc3339 } from '../core/time'
import { as, createService, isolatedSim, runPod } from './service-endpoints/test-fixtures'

const headless = { clusterIP: 'None', selector: { app: 'nginx' }, ports: [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 80 }] }
const ep = (sim: Simulation, name = 'nginx') => sim.api.get('Endpoints', 'default', name)
const sts = (i: number) => ({ hostname: `web-${i}`, subdomain: 'nginx' })

describe('endpoint-controller', () => {
  it('lists the pods of the worked example as upstream does: one subset, addresses sorted by IP', () => {
    // kubectl-output.md §10/§11.4 and web-world.json: web-0 10.244.1.5, web-1 10.244.2.6, web-2 10.244.1.6.
    const sim = isolatedSim()
    createService(sim, 'nginx', headless, { app: 'nginx' })
    const pods = [
      runPod(sim, 'web-0', { ip: '10.244.1.5', node: 'k8s-node1', ...sts(0) }),
      runPod(sim, 'web-1', { ip: '10.244.2.6', node: 'k8s-node2', ...sts(1) }),
      runPod(sim, 'web-2', { ip: '10.244.1.6', node: 'k8s-node1', ...sts(2) }),
    ]
    const address = (i: number, ip: string, node: string) => ({
      hostname: `web-${i}`,
      ip,
      nodeName: node,
      targetRef: { kind: 'Pod', name: `web-${i}`, namespace: 'default', uid: pods[i].metadata!.uid },
    })
    expect(ep(sim)?.subsets).toEqual([
      {
        addresses: [address(0, '10.244.1.5', 'k8s-node1'), address(2, '10.244.1.6', 'k8s-node1'), address(1, '10.244.2.6', 'k8s-node2')],
        ports: [{ name: 'web', port: 80, protocol: 'TCP' }],
      },
    ])
  })

  it('sorts addresses by the bytes of the IP string, not numerically (LessEndpointAddress)', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', headless)
    runPod(sim, 'web-0', { ip: '10.244.1.9' })
    runPod(sim, 'web-1', { ip: '10.244.1.10' })
    expect(ep(sim)?.subsets?.[0].addresses?.map((a) => a.ip)).toEqual(['10.244.1.10', '10.244.1.9'])
  })

  it('labels the Endpoints with the Service labels plus the headless label', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', headless, { app: 'nginx' })
    expect(ep(sim)?.metadata.labels).toEqual({ app: 'nginx', 'service.kubernetes.io/headless': '' })
  })

  it('does not add the headless label for a Service with a ClusterIP', () => {
    const sim = isolatedSim()
    createService(sim, 'web', { ...headless, clusterIP: '10.96.12.34' }, { app: 'nginx' })
    expect(ep(sim, 'web')?.metadata.labels).toEqual({ app: 'nginx' })
  })

  it('stamps the Service creation time as the last change trigger time of a new Endpoints', () => {
    const sim = isolatedSim()
    const svc = createService(sim, 'nginx', headless)
    expect(ep(sim)?.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/last-change-trigger-time': svc.metadata!.creationTimestamp })
  })

  it('stamps the time a pod became ready as the trigger time of the change it causes', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', headless)
    const readyAt = sim.now() - 3000
    runPod(sim, 'web-0', { ip: '10.244.1.5', ready: true, readySince: readyAt })
    expect(ep(sim)?.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBe(rfc3339(readyAt))
  })

  it('puts pods that are not ready under notReadyAddresses', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', headless)
    runPod(sim, 'web-0', { ip: '10.244.1.5', ready: true })
    runPod(sim, 'web-1', { ip: '10.244.2.6', ready: false, node: 'k8s-node2' })
    const [subset] = ep(sim)!.subsets!
    expect(subset.addresses?.map((a) => a.ip)).toEqual(['10.244.1.5'])
    expect(subset.notReadyAddresses?.map((a) => a.ip)).toEqual(['10.244.2.6'])
  })

  it('leaves out pods without an IP and terminating pods', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', headless)
    runPod(sim, 'web-0', { ip: '10.244.1.5' })
    runPod(sim, 'web-1', { ip: undefined, ready: false })
    runPod(sim, 'web-2', { ip: '10.244.1.6' })
    sim.api.delete('Pod', 'default', 'web-2', as)
    sim.drain()
    expect(sim.api.get('Pod', 'default', 'web-2')?.metadata.deletionTimestamp).toBeDefined()
    expect(ep(sim)?.subsets?.flatMap((s) => [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])]).map((a) => a.ip)).toEqual(['10.244.1.5'])
  })

  it('publishes not-ready and terminating pods as ready addresses with publishNotReadyAddresses', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', { ...headless, publishNotReadyAddresses: true })
    runPod(sim, 'web-0', { ip: '10.244.1.5', ready: false })
    runPod(sim, 'web-1', { ip: '10.244.2.6', ready: true })
    sim.api.delete('Pod', 'default', 'web-1', as)
    sim.drain()
    expect(ep(sim)?.subsets).toEqual([expect.objectContaining({ addresses: [expect.objectContaining({ ip: '10.244.1.5' }), expect.objectContaining({ ip: '10.244.2.6' })] })])
    expect(ep(sim)?.subsets?.[0].notReadyAddresses).toBeUndefined()
  })

  it('sets a hostname only for pods whose subdomain is the Service', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', headless)
    runPod(sim, 'web-0', { ip: '10.244.1.5', hostname: 'web-0', subdomain: 'nginx' })
    runPod(sim, 'web-1', { ip: '10.244.1.6', hostname: 'web-1', subdomain: 'other' })
    runPod(sim, 'web-2', { ip: '10.244.1.7', hostname: 'web-2' })
    const addrs = ep(sim)!.subsets![0].addresses!
    expect(addrs.map((a) => [a.ip, a.hostname])).toEqual([
      ['10.244.1.5', 'web-0'],
      ['10.244.1.6', undefined],
      ['10.244.1.7', undefined],
    ])
  })

  it('resolves a named targetPort through the container ports of each pod', () => {
    const sim = isolatedSim()
    createService(sim, 'web', { clusterIP: '10.96.12.34', selector: { app: 'nginx' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 'http' }] })
    runPod(sim, 'a', { ip: '10.244.1.5', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] })
    runPod(sim, 'b', { ip: '10.244.1.6', ports: [{ name: 'metrics', containerPort: 9090, protocol: 'TCP' }] })
    expect(ep(sim, 'web')?.subsets).toEqual([{ addresses: [expect.objectContaining({ ip: '10.244.1.5' })], ports: [{ port: 8080, protocol: 'TCP' }] }])
  })

  it('splits pods whose named port resolves differently into separate subsets', () => {
    const sim = isolatedSim()
    createService(sim, 'web', { clusterIP: '10.96.12.34', selector: { app: 'nginx' }, ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }] })
    runPod(sim, 'a', { ip: '10.244.1.5', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] })
    runPod(sim, 'b', { ip: '10.244.1.6', ports: [{ name: 'http', containerPort: 8081, protocol: 'TCP' }] })
    const subsets = ep(sim, 'web')!.subsets!
    expect(subsets).toHaveLength(2)
    expect(subsets.map((s) => [s.addresses![0].ip, s.ports![0].port]).sort()).toEqual([
      ['10.244.1.5', 8080],
      ['10.244.1.6', 8081],
    ])
  })

  it('lists the addresses of a headless Service without ports, with no ports', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', { clusterIP: 'None', selector: { app: 'nginx' } })
    runPod(sim, 'web-0', { ip: '10.244.1.5' })
    expect(ep(sim)?.subsets).toEqual([{ addresses: [expect.objectContaining({ ip: '10.244.1.5' })] }])
  })

  it('leaves the Endpoints of a Service without a selector alone', () => {
    const sim = isolatedSim()
    createService(sim, 'external', { clusterIP: '10.96.12.34', ports: [{ port: 5432, protocol: 'TCP' }] })
    expect(ep(sim, 'external')).toBeUndefined()
    const subsets = [{ addresses: [{ ip: '192.168.56.50' }], ports: [{ port: 5432, protocol: 'TCP' }] }]
    sim.api.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'external', namespace: 'default' }, subsets } as never, as)
    sim.drain()
    expect(ep(sim, 'external')?.subsets).toEqual(subsets)
    expect(ep(sim, 'external')?.metadata.labels).toBeUndefined()
  })

  it('deletes the Endpoints together with the Service', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', headless)
    expect(ep(sim)).toBeDefined()
    sim.api.delete('Service', 'default', 'nginx', as)
    sim.drain()
    expect(ep(sim)).toBeUndefined()
  })

  it('removes a pod whose labels stop matching', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', headless)
    const pod = runPod(sim, 'web-0', { ip: '10.244.1.5' })
    sim.api.update({ ...pod, metadata: { ...pod.metadata, labels: { app: 'other' } } }, as)
    sim.drain()
    expect(ep(sim)?.subsets).toBeUndefined()
  })

  it('writes nothing when a pod change does not change the Endpoints', () => {
    const sim = isolatedSim()
    createService(sim, 'nginx', headless)
    const pod = runPod(sim, 'web-0', { ip: '10.244.1.5' })
    const rv = ep(sim)!.metadata.resourceVersion
    sim.api.update({ ...pod, metadata: { ...pod.metadata, annotations: { note: 'x' } } }, as)
    sim.drain()
    expect(ep(sim)!.metadata.resourceVersion).toBe(rv)
  })
})
