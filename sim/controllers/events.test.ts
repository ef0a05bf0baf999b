// The event recorder: repeats of the same event aggregate into one Event (count), and events expire
// after the API server's event TTL (one hour), after which a repeat starts a new Event.
import { describe, it, expect } from 'vitest'
import { testSim } from '../testing/harness'
import { EVENT_TTL_MS } from './events'
import { restoreSimulation } from '../simulation'

const about = { apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'web-0', uid: 'u-1' }

function events(sim: ReturnType<typeof testSim>) {
  return sim.api.list('Event', { namespace: 'default' }).filter((e) => (e as unknown as { involvedObject: { name: string } }).involvedObject.name === 'web-0') as unknown as { count: number; reason: string }[]
}

describe('EventRecorder', () => {
  it('counts a repeated event on the Event it already wrote', () => {
    const sim = testSim()
    sim.events.record(about, 'Warning', 'BackOff', 'Back-off restarting failed container', { component: 'kubelet', host: 'k8s-node1' })
    sim.advance(10_000)
    sim.events.record(about, 'Warning', 'BackOff', 'Back-off restarting failed container', { component: 'kubelet', host: 'k8s-node1' })
    expect(events(sim).map((e) => [e.reason, e.count])).toEqual([['BackOff', 2]])
  })

  it('deletes an event an hour after it was last seen, and starts a new one for a later repeat', () => {
    const sim = testSim()
    sim.events.record(about, 'Normal', 'Pulled', 'pulled', { component: 'kubelet', host: 'k8s-node1' })
    sim.events.record(about, 'Normal', 'Created', 'created', { component: 'kubelet', host: 'k8s-node1' })
    sim.advance(EVENT_TTL_MS + 1000)
    expect(events(sim)).toEqual([])
    sim.events.record(about, 'Normal', 'Pulled', 'pulled', { component: 'kubelet', host: 'k8s-node1' })
    expect(events(sim).map((e) => [e.reason, e.count])).toEqual([['Pulled', 1]])
  })

  it('keeps counting on the Event that replaced one deleted by hand, when the deleted one would have expired', () => {
    const sim = testSim()
    const src = { component: 'kubelet', host: 'k8s-node1' }
    sim.events.record(about, 'Warning', 'BackOff', 'Back-off restarting failed container', src)
    const first = sim.api.list('Event', { namespace: 'default' }).find((e) => (e as unknown as { reason: string }).reason === 'BackOff')!
    sim.api.delete('Event', 'default', first.metadata.name!, { actor: 'kubectl' })
    sim.advance(30 * 60_000)
    sim.events.record(about, 'Warning', 'BackOff', 'Back-off restarting failed container', src)
    // The deleted event's hour ends; the one that replaced it has half an hour to go.
    sim.advance(35 * 60_000)
    sim.events.record(about, 'Warning', 'BackOff', 'Back-off restarting failed container', src)
    expect(events(sim).map((e) => [e.reason, e.count])).toEqual([['BackOff', 2]])
  })

  describe('in a restored session (a reloaded page)', () => {
    const src = { component: 'kubelet', host: 'k8s-node1' }
    const scheduler = { component: 'default-scheduler', action: 'Binding', reportingInstance: 'default-scheduler-k8s-master' }

    it('expire an hour after their last write, as they would have without the reload', () => {
      const sim = testSim()
      sim.events.record(about, 'Normal', 'Pulled', 'pulled', src)
      sim.advance(20 * 60_000)
      sim.events.record(about, 'Normal', 'Created', 'created', src)
      sim.events.record(about, 'Normal', 'Scheduled', 'Successfully assigned default/web-0 to k8s-node1', scheduler)
      const restored = restoreSimulation(sim.exportState(), { strict: true })
      restored.advance(41 * 60_000)
      expect(events(restored).map((e) => e.reason)).toEqual(['Created', 'Scheduled'])
      restored.advance(20 * 60_000)
      expect(events(restored)).toEqual([])
    })

    it('keep counting a repeat on the Event already written, which then lives an hour from the repeat', () => {
      const sim = testSim()
      sim.events.record(about, 'Warning', 'BackOff', 'Back-off restarting failed container', src)
      const restored = restoreSimulation(sim.exportState(), { strict: true })
      restored.advance(50 * 60_000)
      restored.events.record(about, 'Warning', 'BackOff', 'Back-off restarting failed container', src)
      expect(events(restored).map((e) => [e.reason, e.count])).toEqual([['BackOff', 2]])
      restored.advance(30 * 60_000)
      expect(events(restored).map((e) => [e.reason, e.count])).toEqual([['BackOff', 2]])
      restored.advance(31 * 60_000)
      expect(events(restored)).toEqual([])
    })

    it('count a scheduler repeat into the series of the Event already written', () => {
      const sim = testSim()
      sim.events.record(about, 'Warning', 'FailedScheduling', '0/3 nodes are available', scheduler)
      const restored = restoreSimulation(sim.exportState(), { strict: true })
      restored.advance(60_000)
      restored.events.record(about, 'Warning', 'FailedScheduling', '0/3 nodes are available', scheduler)
      const evs = events(restored) as unknown as { series?: { count: number } }[]
      expect(evs.map((e) => e.series?.count)).toEqual([2])
    })
  })
})
