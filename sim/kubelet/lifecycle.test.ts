// A pod's start on its node, as a real v1.33 kubelet reports it. Expected texts come from the
// reference spec (kubectl-output.md §11.7/§11.9, web-world.json) and upstream
// (images/image_manager.go, kuberuntime/kuberuntime_container.go, status/generate.go).

import { describe, expect, it } from 'vitest'
import { createAs } from '../testing/harness'
import { kubeletEvents, kubeletSim, podManifest, watchRows } from './testing-fakes'

const nginx = (name: string, extra: Record<string, unknown> = {}) =>
  podManifest(name, {
    hostname: name,
    subdomain: 'nginx',
    containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'web' }], readinessProbe: { httpGet: { path: '/', port: 80 } } }],
    ...extra,
  })

describe('a pod that starts well', () => {
  it('goes Pending, ContainerCreating, Running 0/1, then 1/1 within seconds', () => {
    const sim = kubeletSim()
    const w = watchRows(sim, 'web-0')
    createAs(sim, nginx('web-0'))
    sim.settle()
    expect(w.rows).toEqual(['0/1 Pending 0', '0/1 ContainerCreating 0', '0/1 Running 0', '1/1 Running 0'])
    expect(w.timed[w.timed.length - 1].at).toBeLessThan(15_000)
  })

  it('records Pulling, Pulled, Created and Started with the kubelet texts', () => {
    const sim = kubeletSim()
    createAs(sim, nginx('web-0'))
    sim.settle()
    const ev = kubeletEvents(sim, 'web-0')
    expect(ev.map((e) => e.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started'])
    expect(ev[0].message).toBe('Pulling image "nginx:1.27"')
    expect(ev[1].message).toMatch(/^Successfully pulled image "nginx:1\.27" in \d+(\.\d+)?m?s \(\d+(\.\d+)?m?s including waiting\)\. Image size: 72195292 bytes\.$/)
    expect(ev[2].message).toBe('Created container: nginx')
    expect(ev[3].message).toBe('Started container nginx')
    for (const e of ev) {
      expect(e.fieldPath).toBe('spec.containers{nginx}')
      expect(e.source).toEqual({ component: 'kubelet', host: 'k8s-node1' })
      expect(e.type).toBe('Normal')
    }
  })

  it('reports conditions, container status and addresses as a real kubelet', () => {
    const sim = kubeletSim()
    createAs(sim, nginx('web-0'))
    sim.settle()
    const st = sim.api.read('Pod', 'default', 'web-0').status!
    expect(st.phase).toBe('Running')
    expect(st.conditions!.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ])
    const c = st.containerStatuses![0]
    expect(c.name).toBe('nginx')
    expect(c.image).toBe('docker.io/library/nginx:1.27')
    expect(c.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/)
    expect(c.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/)
    expect(c.ready).toBe(true)
    expect(c.started).toBe(true)
    expect(c.restartCount).toBe(0)
    expect(c.lastState).toEqual({})
    expect(c.state?.running?.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(st.hostIP).toBe('192.168.56.11')
    expect(st.hostIPs).toEqual([{ ip: '192.168.56.11' }])
    expect(st.podIP).toBe('10.244.1.2')
    expect(st.podIPs).toEqual([{ ip: '10.244.1.2' }])
    expect(st.startTime).toBeDefined()
    expect(st.qosClass).toBe('BestEffort')
  })

  it('says which containers are not ready while the readiness probe has not passed', () => {
    const sim = kubeletSim()
    createAs(sim, nginx('web-0'))
    let seen: unknown
    sim.api.watch((ev) => {
      const p = ev.object as { status?: { phase?: string; conditions?: { type: string }[] } }
      if (p.status?.phase === 'Running' && !seen) seen = p.status.conditions!.find((c) => c.type === 'Ready')
    }, ['Pod'])
    sim.settle()
    expect(seen).toMatchObject({ type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [nginx]' })
  })

  it('shows the image as written and no IP while the first pull runs', () => {
    const sim = kubeletSim()
    createAs(sim, podManifest('plain', { containers: [{ name: 'nginx', image: 'nginx' }] }))
    sim.tick(1000)
    const st = sim.api.read('Pod', 'default', 'plain').status!
    expect(st.containerStatuses![0]).toMatchObject({ image: 'nginx', imageID: '', ready: false, started: false, state: { waiting: { reason: 'ContainerCreating' } } })
    expect(st.podIP).toBeUndefined()
    expect(st.conditions!.find((c) => c.type === 'PodReadyToStartContainers')!.status).toBe('False')
    sim.settle()
    expect(sim.api.read('Pod', 'default', 'plain').status!.containerStatuses![0].image).toBe('docker.io/library/nginx:latest')
  })
})

describe('images on a node', () => {
  it('pulls once per node: the next pod finds the image already present on machine', () => {
    const sim = kubeletSim()
    createAs(sim, nginx('web-0'))
    sim.settle()
    createAs(sim, nginx('web-1'))
    sim.settle()
    const ev = kubeletEvents(sim, 'web-1')
    expect(ev.map((e) => `${e.reason}: ${e.message}`)).toEqual([
      'Pulled: Container image "nginx:1.27" already present on machine',
      'Created: Created container: nginx',
      'Started: Started container nginx',
    ])
  })

  it('records what it pulled in Node.status.images', () => {
    const sim = kubeletSim()
    createAs(sim, nginx('web-0'))
    sim.settle()
    const images = sim.api.read('Node', '', 'k8s-node1').status!.images!
    expect(images).toHaveLength(1)
    expect(images[0].sizeBytes).toBe(72195292)
    expect(images[0].names![0]).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/)
    expect(images[0].names![1]).toBe('docker.io/library/nginx:1.27')
    expect(sim.api.read('Node', '', 'k8s-node2').status!.images ?? []).toEqual([])
  })

  it('pulls one image at a time per node: the second pull counts its wait', () => {
    const sim = kubeletSim()
    createAs(sim, nginx('web-0'))
    sim.tick(1000)
    createAs(sim, podManifest('box', { containers: [{ name: 'box', image: 'busybox:1.36', command: ['sleep', '3600'] }] }))
    sim.settle()
    const pulled = kubeletEvents(sim, 'box').find((e) => e.reason === 'Pulled')!
    const m = /in ([\d.]+)(m?s) \(([\d.]+)(m?s) including waiting\)/.exec(pulled.message)!
    const secs = (n: string, unit: string) => Number(n) / (unit === 'ms' ? 1000 : 1)
    expect(secs(m[3], m[4])).toBeGreaterThan(secs(m[1], m[2]) + 2)
  })

  it('always pulls an image without a tag (policy Always), quickly once it is on the node', () => {
    const sim = kubeletSim()
    createAs(sim, podManifest('a', { containers: [{ name: 'nginx', image: 'nginx' }] }))
    sim.settle()
    createAs(sim, podManifest('b', { containers: [{ name: 'nginx', image: 'nginx' }] }))
    sim.settle()
    const ev = kubeletEvents(sim, 'b')
    expect(ev[0].message).toBe('Pulling image "nginx"')
    expect(ev[1].message).toMatch(/^Successfully pulled image "nginx" in \d+ms \(\d+ms including waiting\)\. Image size: 72195292 bytes\.$/)
  })
})

describe('pod IPs', () => {
  it('hands them out in order from .2 of the node podCIDR', () => {
    const sim = kubeletSim()
    createAs(sim, nginx('web-0'))
    sim.settle()
    createAs(sim, nginx('web-1'), nginx('web-2', { nodeName: 'k8s-node2' }))
    sim.settle()
    const ip = (n: string) => sim.api.read('Pod', 'default', n).status!.podIP
    expect([ip('web-0'), ip('web-1'), ip('web-2')]).toEqual(['10.244.1.2', '10.244.1.3', '10.244.2.2'])
  })

  it('gives a recreated pod a new IP, as host-local continues after the last one it reserved', () => {
    const sim = kubeletSim()
    createAs(sim, nginx('web-0'))
    sim.settle()
    sim.api.delete('Pod', 'default', 'web-0', { actor: 'kubectl' })
    sim.settle()
    expect(sim.api.get('Pod', 'default', 'web-0')).toBeUndefined()
    createAs(sim, nginx('web-0'))
    sim.settle()
    expect(sim.api.read('Pod', 'default', 'web-0').status!.podIP).toBe('10.244.1.3')
  })
})
