// The kubelet of a node whose cable is pulled does nothing and catches up when it is back; logs per
// container start, kept for the previous one (`kubectl logs --previous`). Log-access texts from
// upstream kubelet_pods.go validateContainerLogStatus.

import { describe, expect, it } from 'vitest'
import { createAs } from '../testing/harness'
import { kubeletSim, podManifest, watchRows } from './testing-fakes'
import { podLogs } from './log-access'

describe('a node whose kubelet is unreachable', () => {
  it('does not start the pods bound to it', () => {
    const sim = kubeletSim()
    sim.failNode('k8s-node1')
    createAs(sim, podManifest('web-0', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }))
    sim.tick(120_000)
    const pod = sim.api.read('Pod', 'default', 'web-0')
    expect(pod.status!.startTime).toBeUndefined()
    expect(pod.status!.containerStatuses ?? []).toEqual([])
    expect(sim.api.read('Node', '', 'k8s-node1').status!.images ?? []).toEqual([])
  })

  it('catches up when it is back', () => {
    const sim = kubeletSim()
    sim.failNode('k8s-node1')
    const w = watchRows(sim, 'web-0')
    createAs(sim, podManifest('web-0', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }))
    sim.tick(60_000)
    sim.restoreNode('k8s-node1')
    sim.settle()
    expect(w.rows).toEqual(['0/1 Pending 0', '0/1 ContainerCreating 0', '1/1 Running 0'])
  })

  it('does not report a crash while it is away, and restarts the container after', () => {
    const sim = kubeletSim()
    createAs(sim, podManifest('box', { containers: [{ name: 'box', image: 'busybox:1.36', command: ['sleep', '120'] }] }))
    sim.settle()
    sim.failNode('k8s-node1')
    sim.tick(300_000)
    expect(sim.api.read('Pod', 'default', 'box').status!.containerStatuses![0].state!.running).toBeDefined()
    sim.restoreNode('k8s-node1')
    sim.tick(5_000)
    expect(sim.api.read('Pod', 'default', 'box').status!.containerStatuses![0].restartCount).toBe(1)
  })

  it('does not answer requests to its pods', () => {
    const sim = kubeletSim()
    createAs(sim, podManifest('web-0', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }))
    sim.settle()
    sim.failNode('k8s-node1')
    expect(sim.runtime.http('default', 'web-0', 80, { method: 'GET', path: '/' }).kind).toBe('unreachable')
    sim.restoreNode('k8s-node1')
    expect(sim.runtime.http('default', 'web-0', 80, { method: 'GET', path: '/' }).kind).toBe('response')
  })
})

describe('container logs', () => {
  it('holds what the process wrote, and what it answered', () => {
    const sim = kubeletSim()
    createAs(sim, podManifest('web-0', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }))
    sim.settle()
    sim.runtime.http('default', 'web-0', 80, { method: 'GET', path: '/', remoteAddr: '10.244.2.7' })
    const logs = sim.runtime.logs('default', 'web-0', 'nginx')
    expect(logs).toEqual({ ok: true, value: '/docker-entrypoint.sh: Configuration complete; ready for start up\n10.244.2.7 - - "GET / HTTP/1.1" 200\n' })
  })

  it('keeps the previous start for --previous, and says when there is none', () => {
    const sim = kubeletSim()
    createAs(sim, podManifest('box', { containers: [{ name: 'box', image: 'busybox:1.36', command: ['sleep', '100'] }] }))
    sim.settle()
    expect(sim.runtime.logs('default', 'box', 'box', { previous: true })).toMatchObject({ ok: false, message: 'previous terminated container "box" in pod "box" not found' })
    sim.tick(110_000)
    expect(sim.runtime.logs('default', 'box', 'box', { previous: true }).ok).toBe(true)
  })

  it('refuses connections on a port nobody listens on', () => {
    const sim = kubeletSim()
    createAs(sim, podManifest('web-0', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }))
    sim.settle()
    expect(sim.runtime.httpToIP('10.244.1.2', 8080, { method: 'GET', path: '/' })).toEqual({ kind: 'refused', message: 'dial tcp 10.244.1.2:8080: connect: connection refused' })
  })
})

describe('kubectl logs through the API server', () => {
  it('says why a container has no logs yet', () => {
    const sim = kubeletSim()
    createAs(sim, podManifest('web-0', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }), podManifest('bad', { containers: [{ name: 'nginx', image: 'nginx:nope' }] }))
    sim.tick(1_000)
    expect(podLogs(sim.api, sim.runtime, 'default', 'web-0', undefined)).toEqual({ ok: false, reason: 'BadRequest', message: 'container "nginx" in pod "web-0" is waiting to start: ContainerCreating' })
    sim.settle()
    expect(podLogs(sim.api, sim.runtime, 'default', 'bad', 'nginx')).toEqual({ ok: false, reason: 'BadRequest', message: 'container "nginx" in pod "bad" is waiting to start: trying and failing to pull image' })
    expect(podLogs(sim.api, sim.runtime, 'default', 'web-0', 'app')).toEqual({ ok: false, reason: 'BadRequest', message: 'container app is not valid for pod web-0' })
    expect(podLogs(sim.api, sim.runtime, 'default', 'nope', undefined)).toEqual({ ok: false, reason: 'NotFound', message: 'pods "nope" not found' })
  })

  it('reads the crashed container for a pod in CrashLoopBackOff, with or without --previous', () => {
    const sim = kubeletSim()
    createAs(sim, podManifest('crash', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }] }))
    sim.settle()
    const cs = sim.api.read('Pod', 'default', 'crash').status!.containerStatuses![0]
    expect(cs.state!.waiting!.reason).toBe('CrashLoopBackOff')
    expect(podLogs(sim.api, sim.runtime, 'default', 'crash', 'app').ok).toBe(true)
    expect(podLogs(sim.api, sim.runtime, 'default', 'crash', 'app', { previous: true }).ok).toBe(true)
  })

  it('asks for a container name when the pod has several', () => {
    const sim = kubeletSim()
    createAs(sim, podManifest('two', { containers: [{ name: 'a', image: 'nginx:1.27' }, { name: 'b', image: 'busybox:1.36', command: ['sleep', '3600'] }] }))
    sim.settle()
    expect(podLogs(sim.api, sim.runtime, 'default', 'two', undefined)).toMatchObject({ ok: false, message: 'a container name must be specified for pod two, choose one of: [a b]' })
  })
})
