// Probes. Texts from upstream prober/prober.go ("%s probe failed: %s"), probe/http ("HTTP probe failed
// with statuscode: %d"; Go's client error for a refused connection), kuberuntime_manager.go
// ("Container %s failed liveness probe, will be restarted"); semantics from the reference §6.2.

import { describe, expect, it } from 'vitest'
import { createAs } from '../testing/harness'
import { kubeletEvents, kubeletSim, podManifest, watchRows } from './testing-fakes'

const web = (probes: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  podManifest('web-0', { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }], ...probes }], ...extra })

const unhealthy = (sim: ReturnType<typeof kubeletSim>) => kubeletEvents(sim, 'web-0').filter((e) => e.reason === 'Unhealthy')

describe('readiness', () => {
  it('keeps the pod 0/1 while the probe never passes, without restarting it', () => {
    const sim = kubeletSim()
    const w = watchRows(sim, 'web-0')
    createAs(sim, web({ readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 5 } }))
    expect(sim.settle().settled).toBe(true)
    sim.tick(60_000)
    expect(w.rows).toEqual(['0/1 Pending 0', '0/1 ContainerCreating 0', '0/1 Running 0'])
    const ev = unhealthy(sim)
    expect(ev).toHaveLength(1)
    expect(ev[0].type).toBe('Warning')
    expect(ev[0].message).toBe('Readiness probe failed: Get "http://10.244.1.2:8080/": dial tcp 10.244.1.2:8080: connect: connection refused')
    expect(ev[0].count).toBeGreaterThanOrEqual(12)
    expect(ev[0].fieldPath).toBe('spec.containers{nginx}')
  })

  it('reports the status code of an HTTP answer outside 200-399', () => {
    const sim = kubeletSim()
    createAs(sim, web({ readinessProbe: { httpGet: { path: '/healthz', port: 80 } } }))
    sim.settle()
    expect(unhealthy(sim)[0].message).toBe('Readiness probe failed: HTTP probe failed with statuscode: 404')
  })

  it('waits initialDelaySeconds before the first probe', () => {
    const sim = kubeletSim()
    const w = watchRows(sim, 'web-0')
    createAs(sim, web({ readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 20, periodSeconds: 5 } }))
    sim.settle()
    const running = w.timed.find((r) => r.row === '0/1 Running 0')!.at
    const ready = w.timed.find((r) => r.row === '1/1 Running 0')!.at
    expect(ready - running).toBeGreaterThanOrEqual(19_000)
    expect(ready - running).toBeLessThanOrEqual(26_000)
  })

  it('needs successThreshold passes in a row', () => {
    const sim = kubeletSim()
    const w = watchRows(sim, 'web-0')
    createAs(sim, web({ readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 10, successThreshold: 3 } }))
    sim.settle()
    const running = w.timed.find((r) => r.row === '0/1 Running 0')!.at
    const ready = w.timed.find((r) => r.row === '1/1 Running 0')!.at
    expect(ready - running).toBeGreaterThanOrEqual(10_000)
  })

  it('turns the pod unready after its page is deleted, and settle() waits for that', () => {
    const sim = kubeletSim()
    createAs(sim, web({ readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5, failureThreshold: 2 } }))
    sim.settle()
    expect(sim.api.read('Pod', 'default', 'web-0').status!.containerStatuses![0].ready).toBe(true)
    const fs = sim.runtime.fs('default', 'web-0', 'nginx')
    if (!fs.ok) throw new Error(fs.message)
    fs.value.remove('/usr/share/nginx/html/index.html')
    sim.settle()
    const pod = sim.api.read('Pod', 'default', 'web-0')
    expect(pod.status!.containerStatuses![0]).toMatchObject({ ready: false, restartCount: 0 })
    expect(pod.status!.conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' })
    expect(unhealthy(sim)[0].message).toBe('Readiness probe failed: HTTP probe failed with statuscode: 404')
  })
})

describe('liveness', () => {
  it('kills and restarts the container after failureThreshold failures', () => {
    const sim = kubeletSim()
    createAs(sim, web({ livenessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 10, failureThreshold: 3 } }))
    sim.tick(60_000)
    const ev = kubeletEvents(sim, 'web-0')
    expect(ev.find((e) => e.reason === 'Unhealthy')!.message).toBe('Liveness probe failed: HTTP probe failed with statuscode: 404')
    const killing = ev.find((e) => e.reason === 'Killing')!
    expect(killing).toMatchObject({ type: 'Normal', message: 'Container nginx failed liveness probe, will be restarted', fieldPath: 'spec.containers{nginx}' })
    const cs = sim.api.read('Pod', 'default', 'web-0').status!.containerStatuses![0]
    expect(cs.restartCount).toBeGreaterThanOrEqual(1)
    // nginx stops cleanly on the kubelet's signal.
    expect(cs.lastState!.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
  })

  it('does not probe before the container started the first time when a startup probe holds it', () => {
    const sim = kubeletSim()
    createAs(
      sim,
      web({
        startupProbe: { httpGet: { path: '/nope', port: 80 }, periodSeconds: 5, failureThreshold: 4 },
        livenessProbe: { httpGet: { path: '/healthz', port: 80 } },
        readinessProbe: { httpGet: { path: '/', port: 80 } },
      }),
    )
    sim.tick(15_000)
    const reasons = unhealthy(sim).map((e) => e.message.split(':')[0])
    expect(reasons).toEqual(['Startup probe failed'])
    expect(sim.api.read('Pod', 'default', 'web-0').status!.containerStatuses![0]).toMatchObject({ started: false, ready: false })
    sim.tick(30_000)
    expect(kubeletEvents(sim, 'web-0').find((e) => e.reason === 'Killing')!.message).toBe('Container nginx failed startup probe, will be restarted')
  })

  it('runs exec probes in the container and reports their output', () => {
    const sim = kubeletSim()
    createAs(sim, podManifest('web-0', { containers: [{ name: 'box', image: 'busybox:1.36', command: ['sleep', '3600'], livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5 } }] }))
    sim.tick(30_000)
    const ev = unhealthy(sim)[0]
    expect(ev.message).toBe("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n")
    expect(kubeletEvents(sim, 'web-0').find((e) => e.reason === 'Killing')!.message).toBe('Container box failed liveness probe, will be restarted')
  })

  it('passes when the file is there', () => {
    const sim = kubeletSim()
    createAs(sim, podManifest('web-0', { containers: [{ name: 'box', image: 'busybox:1.36', command: ['sleep', '3600'], livenessProbe: { exec: { command: ['cat', '/etc/passwd'] }, periodSeconds: 5 } }] }))
    sim.tick(60_000)
    expect(unhealthy(sim)).toEqual([])
  })
})

describe('probe timers', () => {
  it('let settle() end once readiness and liveness both pass and nothing changes', () => {
    const sim = kubeletSim()
    createAs(sim, web({ readinessProbe: { httpGet: { path: '/', port: 80 } }, livenessProbe: { httpGet: { path: '/', port: 80 } } }))
    const r = sim.settle()
    expect(r.settled).toBe(true)
    expect(r.elapsedMs).toBeLessThan(30_000)
    expect(sim.clock.pending().filter((t) => !t.background && t.key?.startsWith('requeue/kubelet/'))).toEqual([])
  })
})

describe('a liveness restart', () => {
  it('goes from Running to Running with one more restart, without a stopped state in between', () => {
    const sim = kubeletSim()
    const w = watchRows(sim, 'web-0')
    createAs(sim, web({ livenessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 10, failureThreshold: 3 } }))
    sim.tick(50_000)
    expect(w.rows.slice(0, 4)).toEqual(['0/1 Pending 0', '0/1 ContainerCreating 0', '1/1 Running 0', '1/1 Running 1'])
  })
})
