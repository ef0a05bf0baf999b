// Graceful termination. The sequence and the grace period are the reference spec's §6.2 (kubelet runs
// preStop, sends SIGTERM, SIGKILL after the grace period, then the pod object is removed) and
// upstream kuberuntime_container.go killContainer ("Stopping container %s", minimumGracePeriodInSeconds = 2).

import { describe, expect, it } from 'vitest'
import { createAs } from '../testing/harness'
import { kubeletEvents, kubeletSim, podManifest, watchRows } from './testing-fakes'
import { planKill } from './termination'

const nginx = (extra: Record<string, unknown> = {}, container: Record<string, unknown> = {}) =>
  podManifest('web-0', { containers: [{ name: 'nginx', image: 'nginx:1.27', ...container }], ...extra })
const sleeper = (grace: number) =>
  podManifest('web-0', { terminationGracePeriodSeconds: grace, containers: [{ name: 'box', image: 'busybox:1.36', command: ['sleep', '3600'] }] })

function deleteAndWatch(sim: ReturnType<typeof kubeletSim>, opts: { gracePeriodSeconds?: number } = {}) {
  const w = watchRows(sim, 'web-0')
  sim.api.delete('Pod', 'default', 'web-0', { actor: 'kubectl', ...opts })
  sim.settle()
  return w
}

describe('deleting a running pod', () => {
  // Pod lifecycle docs: "Since Kubernetes 1.27, the kubelet transitions deleted Pods, except for static
  // Pods and force-deleted Pods without a finalizer, to a terminal phase (Failed or Succeeded depending
  // on the exit statuses of the pod containers) before their deletion from the API server."
  it('shows 1/1 Terminating, then 0/1 Completed once nginx has exited 0, then the pod is gone', () => {
    const sim = kubeletSim()
    createAs(sim, nginx())
    sim.settle()
    let phase: string | undefined
    sim.api.watch((ev) => {
      if (ev.type === 'MODIFIED') phase = (ev.object as { status?: { phase?: string } }).status?.phase
    }, ['Pod'])
    const w = deleteAndWatch(sim)
    expect(w.rows).toEqual(['1/1 Terminating 0', '0/1 Completed 0', 'gone'])
    expect(phase).toBe('Succeeded')
  })

  it('ends a pod whose process had to be killed as Failed (0/1 Error)', () => {
    const sim = kubeletSim()
    createAs(sim, sleeper(3))
    sim.settle()
    const w = deleteAndWatch(sim)
    expect(w.rows).toEqual(['1/1 Terminating 0', '0/1 Error 0', 'gone'])
  })

  it('records Killing with "Stopping container" for each container', () => {
    const sim = kubeletSim()
    createAs(sim, nginx())
    sim.settle()
    deleteAndWatch(sim)
    const killing = kubeletEvents(sim, 'web-0').filter((e) => e.reason === 'Killing')
    expect(killing.map((e) => `${e.type} ${e.message} ${e.fieldPath}`)).toEqual(['Normal Stopping container nginx spec.containers{nginx}'])
  })

  it('is quick for a process that exits on SIGTERM', () => {
    const sim = kubeletSim()
    createAs(sim, nginx())
    sim.settle()
    const w = deleteAndWatch(sim)
    expect(w.timed[w.timed.length - 1].at).toBeLessThan(1000)
  })

  it('honours terminationGracePeriodSeconds for a process that ignores SIGTERM, then kills it (137)', () => {
    const sim = kubeletSim()
    createAs(sim, sleeper(10))
    sim.settle()
    let last: unknown
    sim.api.watch((ev) => {
      if (ev.type === 'MODIFIED') last = (ev.object as { status?: { containerStatuses?: { state?: unknown }[] } }).status?.containerStatuses?.[0]?.state
    }, ['Pod'])
    const w = deleteAndWatch(sim)
    const gone = w.timed.find((r) => r.row === 'gone')!.at
    expect(gone).toBeGreaterThanOrEqual(10_000)
    expect(gone).toBeLessThan(11_000)
    expect(last).toMatchObject({ terminated: { exitCode: 137, reason: 'Error' } })
  })

  it('uses the grace period given to the delete', () => {
    const sim = kubeletSim()
    createAs(sim, sleeper(30))
    sim.settle()
    const w = deleteAndWatch(sim, { gracePeriodSeconds: 3 })
    const gone = w.timed.find((r) => r.row === 'gone')!.at
    expect(gone).toBeGreaterThanOrEqual(3_000)
    expect(gone).toBeLessThan(4_000)
  })

  it('runs the preStop hook first; SIGTERM comes after it', () => {
    const sim = kubeletSim()
    createAs(sim, nginx({}, { lifecycle: { preStop: { sleep: { seconds: 5 } } } }))
    sim.settle()
    const w = deleteAndWatch(sim)
    const gone = w.timed.find((r) => r.row === 'gone')!.at
    expect(gone).toBeGreaterThanOrEqual(5_000)
    expect(gone).toBeLessThan(6_000)
  })

  it('reports a failing preStop hook without its output', () => {
    const sim = kubeletSim()
    createAs(sim, nginx({}, { lifecycle: { preStop: { exec: { command: ['/nope'] } } } }))
    sim.settle()
    deleteAndWatch(sim)
    expect(kubeletEvents(sim, 'web-0').find((e) => e.reason === 'FailedPreStopHook')).toMatchObject({ type: 'Warning', message: 'PreStopHook failed' })
  })

  it('removes a pod whose containers never started at once', () => {
    const sim = kubeletSim()
    createAs(sim, nginx({}, { image: 'nginx:nope' }))
    sim.settle()
    const w = deleteAndWatch(sim)
    expect(w.rows).toEqual(['0/1 Terminating 0', 'gone'])
  })

  it('does nothing but wait while the node is unreachable, and finishes when it is back', () => {
    const sim = kubeletSim()
    createAs(sim, sleeper(5))
    sim.settle()
    sim.failNode('k8s-node1')
    sim.api.delete('Pod', 'default', 'web-0', { actor: 'kubectl' })
    sim.tick(60_000)
    expect(sim.api.get('Pod', 'default', 'web-0')).toBeDefined()
    sim.restoreNode('k8s-node1')
    sim.settle()
    expect(sim.api.get('Pod', 'default', 'web-0')).toBeUndefined()
  })
})

describe('planKill', () => {
  it.each([
    // [grace, preStop ms, onSigterm, expected sigterm offset, exit offset, exit code]
    [30, 0, { exitAfterMs: 200, exitCode: 0 }, 0, 200, 0],
    [10, 0, 'ignore' as const, 0, 10_000, 137],
    [30, 5_000, { exitAfterMs: 100, exitCode: 0 }, 5_000, 5_100, 0],
    [10, 9_500, 'ignore' as const, 9_500, 9_500 + 2_000, 137],
    [1, 0, 'ignore' as const, 0, 2_000, 137],
    [5, 0, { exitAfterMs: 8_000, exitCode: 0 }, 0, 5_000, 137],
  ])('grace %is, preStop %ims, %o: SIGTERM +%i, exit +%i with %i', (grace, preStop, onSigterm, term, exit, code) => {
    expect(planKill(1000, grace, preStop, onSigterm)).toEqual({ sigtermAt: 1000 + term, exitAt: 1000 + exit, exitCode: code })
  })
})

describe('force deletion', () => {
  it('removes the pod at once; the node forgets its containers and its IP is free again', () => {
    const sim = kubeletSim()
    createAs(sim, sleeper(30))
    sim.settle()
    sim.api.delete('Pod', 'default', 'web-0', { actor: 'kubectl', gracePeriodSeconds: 0 })
    sim.settle()
    expect(sim.api.get('Pod', 'default', 'web-0')).toBeUndefined()
    expect(sim.runtime.find('default', 'web-0').ok).toBe(false)
    expect(sim.runtime.findByIP('10.244.1.2')).toBeUndefined()
  })
})

describe('hostNetwork pods', () => {
  it('have the node IP', () => {
    const sim = kubeletSim()
    createAs(sim, podManifest('host', { hostNetwork: true, containers: [{ name: 'nginx', image: 'nginx:1.27' }] }))
    sim.settle()
    expect(sim.api.read('Pod', 'default', 'host').status!.podIP).toBe('192.168.56.11')
  })
})

describe('a process that ends during the grace period', () => {
  it('is gone when it exits, not at the end of the grace period', () => {
    const sim = kubeletSim()
    createAs(sim, podManifest('web-0', { terminationGracePeriodSeconds: 30, containers: [{ name: 'box', image: 'busybox:1.36', command: ['sleep', '100'] }] }))
    sim.tick(90_000)
    const w = deleteAndWatch(sim)
    const gone = w.timed.find((r) => r.row === 'gone')!.at
    expect(gone).toBeLessThan(15_000)
  })
})
