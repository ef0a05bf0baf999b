// A saved session comes back as it was: the kubelet rebuilds what it knew from pod statuses (as a
// restarted kubelet does) and the runtime finds its containers again; timings that were running
// (a termination, a back-off) are re-derived from the objects. Uses the real image registry.

import { describe, expect, it } from 'vitest'
import { createAs, testSim } from '../testing/harness'
import { restoreSimulation } from '../simulation'
import { podManifest, watchRows } from './testing-fakes'

const web = () =>
  podManifest('web-0', { containers: [{ name: 'nginx', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 } } }] })

function roundTrip(sim: ReturnType<typeof testSim>) {
  return restoreSimulation(JSON.parse(JSON.stringify(sim.exportState())), { strict: true })
}

describe('a restored session', () => {
  it('finds its running containers again, with their files', () => {
    const sim = testSim({ systemPods: false })
    createAs(sim, web())
    sim.settle()
    const fs = sim.runtime.fs('default', 'web-0')
    if (!fs.ok) throw new Error(fs.message)
    fs.value.writeFile('/usr/share/nginx/html/index.html', 'hello again\n')
    const before = sim.api.read('Pod', 'default', 'web-0').status!
    const back = roundTrip(sim)
    back.settle()
    const after = back.api.read('Pod', 'default', 'web-0').status!
    expect(after.containerStatuses![0].containerID).toBe(before.containerStatuses![0].containerID)
    expect(after.containerStatuses![0].ready).toBe(true)
    expect(after.podIP).toBe(before.podIP)
    const r = back.runtime.http('default', 'web-0', 80, { method: 'GET', path: '/' })
    expect(r.kind === 'response' && r.response.body).toBe('hello again\n')
  })

  it('finds a container started just before the save, before any relist reported it', () => {
    const sim = testSim({ systemPods: false })
    const started: number[] = []
    sim.api.watch((ev) => {
      if (ev.type === 'ADDED' && (ev.object as { reason?: string }).reason === 'Started') started.push(sim.now())
    }, ['Event'])
    createAs(sim, web())
    while (started.length === 0) sim.tick(1)
    expect(sim.api.read('Pod', 'default', 'web-0').status!.containerStatuses![0].state!.waiting?.reason).toBe('ContainerCreating')
    const back = roundTrip(sim)
    back.settle()
    const cs = back.api.read('Pod', 'default', 'web-0').status!.containerStatuses![0]
    expect(cs.state!.running).toBeDefined()
    expect(cs.restartCount).toBe(0)
    // The container the runtime ran before the save, not a second one.
    const counts = back.api.list('Event', { namespace: 'default' }).map((e) => `${e.reason} ${e.count}`)
    expect(counts.filter((r) => /^(Created|Started) /.test(r))).toEqual(['Created 1', 'Started 1'])
    expect(new Date(cs.state!.running!.startedAt!).getTime()).toBe(Math.floor(started[0] / 1000) * 1000)
  })

  it('ignores a saved list of running containers that is not one', () => {
    const sim = testSim({ systemPods: false })
    createAs(sim, web())
    sim.settle()
    for (const containers of ['garbage', [null, 7, { podUid: 1 }, { podUid: 'x', ip: '', name: 'n', id: 'i', restartCount: '0', startedAt: 0 }], { length: 3 }]) {
      const state = { ...JSON.parse(JSON.stringify(sim.exportState())), containers }
      const back = restoreSimulation(state, { strict: true })
      back.settle()
      expect(back.api.read('Pod', 'default', 'web-0').status!.containerStatuses![0].ready).toBe(true)
    }
  })

  it('keeps counting a CrashLoopBackOff from where it was', () => {
    const sim = testSim({ systemPods: false })
    createAs(sim, podManifest('crash', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }] }))
    sim.tick(20_000)
    const back = roundTrip(sim)
    const w = watchRows(back, 'crash')
    back.tick(120_000)
    expect(w.rows.filter((r) => r.includes('CrashLoopBackOff')).length).toBeGreaterThan(0)
    const messages = back.api.read('Pod', 'default', 'crash').status!.containerStatuses![0]
    expect(messages.restartCount).toBeGreaterThanOrEqual(3)
  })

  it('finishes a termination that was under way at the time it had planned', () => {
    const sim = testSim({ systemPods: false })
    createAs(sim, podManifest('box', { terminationGracePeriodSeconds: 10, containers: [{ name: 'box', image: 'busybox:1.36', command: ['sleep', '3600'] }] }))
    sim.settle()
    const t0 = sim.now()
    sim.api.delete('Pod', 'default', 'box', { actor: 'kubectl' })
    sim.tick(4_000)
    const back = roundTrip(sim)
    let goneAt = 0
    back.api.watch((ev) => {
      if (ev.type === 'DELETED') goneAt = back.now()
    }, ['Pod'])
    back.settle()
    expect(back.api.get('Pod', 'default', 'box')).toBeUndefined()
    expect(goneAt - t0).toBeGreaterThanOrEqual(9_000)
    expect(goneAt - t0).toBeLessThanOrEqual(11_000)
  })
})

describe('determinism', () => {
  it('gives the same objects, volumes and audit log for the same seed and the same commands', () => {
    const run = () => {
      const sim = testSim({ seed: 11 })
      createAs(sim, web(), podManifest('crash', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }] }))
      sim.tick(90_000)
      sim.api.delete('Pod', 'default', 'web-0', { actor: 'kubectl' })
      sim.settle()
      const st = sim.exportState()
      return JSON.stringify([st.objects, st.volumes, sim.api.audit])
    }
    expect(run()).toBe(run())
  })
})

describe('volume store housekeeping', () => {
  it('keeps nothing of a deleted pod but its PV data', () => {
    const sim = testSim({ systemPods: false })
    const before = new Set(sim.volumes.ids())
    createAs(sim, podManifest('crash', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }], volumes: [{ name: 'scratch', emptyDir: {} }] }))
    sim.tick(60_000)
    sim.api.delete('Pod', 'default', 'crash', { actor: 'kubectl' })
    sim.settle()
    expect(sim.volumes.ids().filter((id) => !before.has(id) && !id.startsWith('node/'))).toEqual([])
  })
})
