// The kubelet sees its containers start through the PLEG's relist, once a second per node
// (pkg/kubelet/pleg/generic.go relistPeriod): the Started event comes from the sync that started the
// container, the Running status from the sync the next relist triggers.

import { describe, expect, it } from 'vitest'
import { createAs, testSim } from '../testing/harness'
import type { Simulation } from '../simulation'
import { kubeletEvents, kubeletSim, podManifest, watchRows } from './testing-fakes'

const nginx = (name: string, extra: Record<string, unknown> = {}) => podManifest(name, { containers: [{ name: 'web', image: 'nginx:1.27', ...extra }] })

/** Virtual ms of the Started event's write and of the first status that shows the container running. */
function startTimes(sim: Simulation, pod: string): { started: number[]; running: number[] } {
  const out = { started: [] as number[], running: [] as number[] }
  sim.api.watch((ev) => {
    const o = ev.object as { metadata: { name?: string }; reason?: string; involvedObject?: { name?: string }; status?: { containerStatuses?: { state?: { running?: unknown } }[] } }
    if (ev.kind === 'Event' && ev.type === 'ADDED' && o.reason === 'Started' && o.involvedObject?.name === pod) out.started.push(sim.now())
    if (ev.kind === 'Pod' && o.metadata.name === pod && o.status?.containerStatuses?.[0]?.state?.running && out.running.length === out.started.length - 1) out.running.push(sim.now())
  }, ['Event', 'Pod'])
  return out
}

describe('the PLEG relist', () => {
  it('reports a started container Running at the node’s next relist, within a second after Started', () => {
    const sim = kubeletSim()
    const t = startTimes(sim, 'web-0')
    const w = watchRows(sim, 'web-0')
    createAs(sim, nginx('web-0'))
    sim.settle()
    expect(w.rows).toEqual(['0/1 Pending 0', '0/1 ContainerCreating 0', '1/1 Running 0'])
    expect(t.started).toHaveLength(1)
    expect(t.running).toHaveLength(1)
    expect(t.running[0]).toBeGreaterThan(t.started[0])
    expect(t.running[0] - t.started[0]).toBeLessThanOrEqual(1000)
    // The status gives the runtime's start time, not the relist's.
    const startedAt = sim.api.read('Pod', 'default', 'web-0').status!.containerStatuses![0].state!.running!.startedAt
    expect(startedAt).toBe(new Date(Math.floor(t.started[0] / 1000) * 1000).toISOString().replace('.000', ''))
  })

  it('relists each node once a second: pods started at different times are reported on the same beat', () => {
    const sim = kubeletSim()
    const a = startTimes(sim, 'web-a')
    const b = startTimes(sim, 'web-b')
    createAs(sim, nginx('web-a'))
    sim.tick(3_333)
    createAs(sim, nginx('web-b'))
    sim.settle()
    expect(a.running).toHaveLength(1)
    expect(b.running).toHaveLength(1)
    expect(b.started[0] - a.started[0]).not.toBe(0)
    expect((b.running[0] - a.running[0]) % 1000).toBe(0)
  })

  it('does not probe a container before the relist shows it running', () => {
    const sim = kubeletSim()
    const names = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']
    const times = names.map((n) => startTimes(sim, n))
    const unhealthy = new Map<string, number>()
    sim.api.watch((ev) => {
      const e = ev.object as { reason?: string; involvedObject?: { name?: string } }
      const pod = e.involvedObject?.name ?? ''
      if (ev.type === 'ADDED' && e.reason === 'Unhealthy' && !unhealthy.has(pod)) unhealthy.set(pod, sim.now())
    }, ['Event'])
    for (const n of names) createAs(sim, nginx(n, { livenessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 1, failureThreshold: 1000 } }))
    // The node pulls one image at a time: the last pod starts about a minute in.
    sim.tick(120_000)
    expect(kubeletEvents(sim, 'p0').find((e) => e.reason === 'Unhealthy')?.message).toMatch(/^Liveness probe failed: /)
    names.forEach((n, i) => expect(unhealthy.get(n), n).toBeGreaterThanOrEqual(times[i].running[0]))
  })

  it('shows a container that exited before the relist as exited, never as running', () => {
    const sim = kubeletSim()
    const w = watchRows(sim, 'once')
    createAs(sim, podManifest('once', { restartPolicy: 'Never', containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 0'] }] }))
    sim.settle()
    expect(w.rows).toEqual(['0/1 Pending 0', '0/1 ContainerCreating 0', '0/1 Completed 0'])
  })

  it('reports a process that ended by itself at the next relist, with the time it ended', () => {
    // The real busybox image: its shell runs the script (sleeps and all).
    const sim = testSim({ systemPods: false })
    let reportedAt: number | undefined
    sim.api.watch((ev) => {
      const o = ev.object as { metadata: { name?: string }; status?: { containerStatuses?: { state?: { terminated?: { finishedAt?: string } } }[] } }
      if (o.metadata.name === 'job' && o.status?.containerStatuses?.[0]?.state?.terminated && reportedAt === undefined) reportedAt = sim.now()
    }, ['Pod'])
    createAs(sim, podManifest('job', { restartPolicy: 'Never', containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3; exit 1'] }] }))
    sim.settle()
    const rc = sim.runtime.container(sim.api.read('Pod', 'default', 'job').metadata.uid!, 'app')!
    expect(rc.phase).toBe('exited')
    const exitedAt = rc.finishedAt!
    expect(reportedAt).toBeGreaterThan(exitedAt)
    expect(reportedAt! - exitedAt).toBeLessThanOrEqual(1000)
    const term = sim.api.read('Pod', 'default', 'job').status!.containerStatuses![0].state!.terminated!
    expect(term).toMatchObject({ exitCode: 1, reason: 'Error' })
    expect(new Date(term.finishedAt!).getTime()).toBe(Math.floor(exitedAt / 1000) * 1000)
  })
})
