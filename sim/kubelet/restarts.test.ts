// Containers that end: restarts, CrashLoopBackOff and its back-off, StartError, restart policies.
// Texts from upstream kuberuntime_manager.go doBackOff ("Back-off restarting failed container %s in
// pod %s", "back-off %s restarting failed container=%s pod=%s", format.Pod = name_namespace(uid)),
// flowcontrol.Backoff (10s doubling, 5m cap, reset after 10m), the reference spec §6.1/§6.2.

import { describe, expect, it } from 'vitest'
import { createAs } from '../testing/harness'
import { kubeletEvents, kubeletSim, podManifest, watchRows } from './testing-fakes'

const crasher = (policy?: string, command = ['sh', '-c', 'exit 1']) =>
  podManifest('crash', { ...(policy ? { restartPolicy: policy } : {}), containers: [{ name: 'app', image: 'busybox:1.36', command }] })

describe('a container that keeps crashing', () => {
  it('shows Error, is restarted, then waits in CrashLoopBackOff with RESTARTS growing', () => {
    const sim = kubeletSim()
    const w = watchRows(sim, 'crash')
    createAs(sim, crasher())
    sim.tick(90_000)
    expect(w.rows).toEqual([
      '0/1 Pending 0',
      '0/1 ContainerCreating 0',
      '0/1 Error 0',
      '0/1 Error 1',
      '0/1 CrashLoopBackOff 1',
      '0/1 Error 2',
      '0/1 CrashLoopBackOff 2',
      '0/1 Error 3',
      '0/1 CrashLoopBackOff 3',
      '0/1 Error 4',
      '0/1 CrashLoopBackOff 4',
    ])
  })

  it('doubles the back-off: 10s, 20s, 40s, 1m20s', () => {
    const sim = kubeletSim()
    createAs(sim, crasher())
    const messages: string[] = []
    sim.api.watch((ev) => {
      const m = (ev.object as { status?: { containerStatuses?: { state?: { waiting?: { message?: string } } }[] } }).status?.containerStatuses?.[0]?.state?.waiting?.message
      if (m && messages[messages.length - 1] !== m) messages.push(m)
    }, ['Pod'])
    sim.tick(200_000)
    const uid = sim.api.read('Pod', 'default', 'crash').metadata.uid
    expect(messages.slice(0, 4)).toEqual(['10s', '20s', '40s', '1m20s'].map((d) => `back-off ${d} restarting failed container=app pod=crash_default(${uid})`))
  })

  it('records BackOff events and keeps the last exit in lastState', () => {
    const sim = kubeletSim()
    createAs(sim, crasher())
    sim.tick(20_000)
    const pod = sim.api.read('Pod', 'default', 'crash')
    const backoff = kubeletEvents(sim, 'crash').find((e) => e.reason === 'BackOff')!
    expect(backoff.type).toBe('Warning')
    expect(backoff.message).toBe(`Back-off restarting failed container app in pod crash_default(${pod.metadata.uid})`)
    const cs = pod.status!.containerStatuses![0]
    expect(cs.lastState!.terminated).toMatchObject({ exitCode: 1, reason: 'Error' })
    expect(cs.lastState!.terminated!.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/)
    expect(pod.status!.phase).toBe('Running')
  })

  it('restarts at once again after a run of more than ten minutes (the back-off is forgotten)', () => {
    const sim = kubeletSim()
    const w = watchRows(sim, 'crash')
    createAs(sim, crasher(undefined, ['sleep', '660']))
    sim.tick(50 * 60_000)
    expect(w.rows.some((r) => r.includes('CrashLoopBackOff'))).toBe(false)
    expect(sim.api.read('Pod', 'default', 'crash').status!.containerStatuses![0].restartCount).toBeGreaterThanOrEqual(3)
  })

  it('does not hold settle() during the back-off', () => {
    const sim = kubeletSim()
    createAs(sim, crasher())
    expect(sim.settle().settled).toBe(true)
    expect(sim.api.read('Pod', 'default', 'crash').status!.containerStatuses![0].state!.waiting!.reason).toBe('CrashLoopBackOff')
  })
})

describe('a container whose process cannot start', () => {
  it('reports RunContainerError, a StartError exit 128, then CrashLoopBackOff', () => {
    const sim = kubeletSim()
    const w = watchRows(sim, 'crash')
    createAs(sim, crasher(undefined, ['nosuchcmd']))
    sim.tick(10_000)
    expect(w.rows).toEqual(['0/1 Pending 0', '0/1 ContainerCreating 0', '0/1 RunContainerError 0', '0/1 RunContainerError 1', '0/1 CrashLoopBackOff 1'])
    const cs = sim.api.read('Pod', 'default', 'crash').status!.containerStatuses![0]
    const msg =
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuchcmd": executable file not found in $PATH: unknown'
    expect(cs.lastState!.terminated).toMatchObject({ exitCode: 128, reason: 'StartError', message: msg, startedAt: '1970-01-01T00:00:00Z' })
    expect(kubeletEvents(sim, 'crash').find((e) => e.reason === 'Failed')!.message).toBe(`Error: ${msg}`)
  })
})

describe('restart policies', () => {
  it('Never: a failed container stays Error and the pod is Failed', () => {
    const sim = kubeletSim()
    createAs(sim, crasher('Never'))
    sim.settle()
    sim.tick(60_000)
    const st = sim.api.read('Pod', 'default', 'crash').status!
    expect(st.phase).toBe('Failed')
    expect(st.containerStatuses![0]).toMatchObject({ restartCount: 0, ready: false, started: false, state: { terminated: { exitCode: 1, reason: 'Error' } } })
    expect(st.conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' })
  })

  it('Never: a container that exits 0 leaves the pod Succeeded (Completed)', () => {
    const sim = kubeletSim()
    const w = watchRows(sim, 'crash')
    createAs(sim, crasher('Never', ['sh', '-c', 'exit 0']))
    sim.settle()
    expect(w.rows[w.rows.length - 1]).toBe('0/1 Completed 0')
    expect(sim.api.read('Pod', 'default', 'crash').status!.phase).toBe('Succeeded')
  })

  it('OnFailure: restarts a failure but not a success', () => {
    const sim = kubeletSim()
    createAs(sim, crasher('OnFailure'), { ...crasher('OnFailure', ['sh', '-c', 'exit 0']), metadata: { name: 'ok', namespace: 'default' } })
    sim.tick(60_000)
    expect(sim.api.read('Pod', 'default', 'crash').status!.containerStatuses![0].restartCount).toBeGreaterThan(0)
    const ok = sim.api.read('Pod', 'default', 'ok').status!
    expect(ok.containerStatuses![0].restartCount).toBe(0)
    expect(ok.phase).toBe('Succeeded')
  })

  it('a finished pod is deleted at once and the node forgets it', () => {
    const sim = kubeletSim()
    createAs(sim, crasher('Never'))
    sim.settle()
    sim.api.delete('Pod', 'default', 'crash', { actor: 'kubectl' })
    sim.settle()
    expect(sim.api.get('Pod', 'default', 'crash')).toBeUndefined()
    expect(sim.runtime.logs('default', 'crash', undefined).ok).toBe(false)
  })
})
