// The events timeline: time order as `kubectl events` sorts (the scheduler's events.k8s.io events
// carry only eventTime), kubectl's own cells, and the events of one object.

import { describe, expect, it } from 'vitest'
import { testSim } from '../../../sim/testing/harness'
import { applyWeb } from '../../../sim/testing/fixtures'
import { eventsFor, eventTimeline } from './events'
import { ViewCache } from './memo'
import { kindList } from './snapshot-index'

function settledWeb() {
  const sim = testSim()
  applyWeb(sim, { replicas: 1 })
  sim.settle()
  return sim
}

describe('the events timeline', () => {
  it('orders the events of a pod coming up as they happened', () => {
    const sim = settledWeb()
    const reasons = eventTimeline(new ViewCache(), kindList(sim.snapshot(), 'Event'), 'default').map((e) => `${e.object} ${e.reason}`)
    // statefulset-controller, then the claim's provisioning (WaitForFirstConsumer), the binding, the kubelet.
    expect(reasons).toEqual([
      'statefulset/web SuccessfulCreate',
      'statefulset/web SuccessfulCreate',
      'persistentvolumeclaim/www-web-0 WaitForPodScheduled',
      'persistentvolumeclaim/www-web-0 ExternalProvisioning',
      'persistentvolumeclaim/www-web-0 Provisioning',
      'persistentvolumeclaim/www-web-0 ProvisioningSucceeded',
      'pod/web-0 Scheduled',
      'pod/web-0 Pulling',
      'pod/web-0 Pulled',
      'pod/web-0 Created',
      'pod/web-0 Started',
    ])
  })

  it("prints the scheduler's source and message as kubectl does", () => {
    const sim = settledWeb()
    const scheduled = eventTimeline(new ViewCache(), kindList(sim.snapshot(), 'Event'), 'default').find((e) => e.reason === 'Scheduled')
    expect(scheduled?.source).toBe('default-scheduler, default-scheduler-k8s-master')
    expect(scheduled?.message).toMatch(/^Successfully assigned default\/web-0 to k8s-node[12]$/)
    expect(scheduled?.type).toBe('Normal')
  })

  it('gives the events of one object only', () => {
    const sim = settledWeb()
    const all = eventTimeline(new ViewCache(), kindList(sim.snapshot(), 'Event'), 'default')
    const mine = eventsFor(all, { kind: 'Pod', namespace: 'default', name: 'web-0' })
    expect(mine.map((e) => e.reason)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'])
  })

  it("leaves out the events of an earlier object of the same name", () => {
    const sim = settledWeb()
    const all = eventTimeline(new ViewCache(), kindList(sim.snapshot(), 'Event'), 'default')
    expect(eventsFor(all, { kind: 'Pod', namespace: 'default', name: 'web-0' }, 'another-uid')).toEqual([])
  })
})
