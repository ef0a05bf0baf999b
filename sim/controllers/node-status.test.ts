import { describe, expect, it } from 'vitest'
import { testSim } from '../testing/harness'
import { fromCivil, rfc3339 } from '../core/time'
import { planNodeStatus } from './node-status'

const T0 = fromCivil(2025, 3, 3, 9, 0, 0)
const MIN = 60_000

describe('planNodeStatus', () => {
  it('posts the four conditions a healthy kubelet reports, each with its event', () => {
    const plan = planNodeStatus([], T0, T0)
    // Reasons and messages as a v1.33 kubelet posts them (web-world.json's Node objects).
    expect(plan.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
    ])
    expect(plan.events).toEqual(['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeReady'])
  })

  it('posts nothing while the status is unchanged and the last heartbeat is recent', () => {
    const posted = planNodeStatus([], T0, T0).conditions
    expect(planNodeStatus(posted, T0 + 4 * MIN, T0)).toEqual({ events: [], nextAt: T0 + 5 * MIN })
  })

  it('refreshes only the heartbeat after 5 minutes', () => {
    const posted = planNodeStatus([], T0, T0).conditions
    const plan = planNodeStatus(posted, T0 + 5 * MIN, T0)
    expect(plan.events).toEqual([])
    expect(plan.conditions?.every((c) => c.lastHeartbeatTime === rfc3339(T0 + 5 * MIN) && c.lastTransitionTime === rfc3339(T0))).toBe(true)
  })

  it('reports Ready again after the node controller marked the node Unknown', () => {
    const unknown = planNodeStatus([], T0, T0).conditions!.map((c) => ({ ...c, status: 'Unknown', reason: 'NodeStatusUnknown' }))
    const plan = planNodeStatus(unknown, T0 + 10 * MIN, T0)
    expect(plan.events).toEqual(['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeReady'])
    expect(plan.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'True', lastTransitionTime: rfc3339(T0 + 10 * MIN) })
  })

  it('skips the heartbeats before the student arrives', () => {
    const created = T0 - 12 * 24 * 60 * MIN
    const posted = planNodeStatus([], created, T0).conditions
    expect(planNodeStatus(posted, created, T0).nextAt).toBe(T0)
  })
})

describe('node status reporting', () => {
  const ready = (sim: ReturnType<typeof testSim>, node: string) => sim.api.read('Node', '', node).status?.conditions?.find((c) => c.type === 'Ready')

  it('shows every node Ready since the cluster was created', () => {
    const sim = testSim()
    for (const n of ['k8s-master', 'k8s-node1', 'k8s-node2']) {
      expect(ready(sim, n)).toMatchObject({ status: 'True', reason: 'KubeletReady', lastTransitionTime: sim.api.read('Node', '', n).metadata.creationTimestamp })
    }
  })

  it('refreshes lastHeartbeatTime every 5 minutes and no more often', () => {
    const sim = testSim()
    const first = ready(sim, 'k8s-node1')?.lastHeartbeatTime
    sim.tick(4 * MIN)
    expect(ready(sim, 'k8s-node1')?.lastHeartbeatTime).toBe(first)
    sim.tick(MIN)
    expect(ready(sim, 'k8s-node1')?.lastHeartbeatTime).toBe(rfc3339(sim.now()))
  })

  it('stops posting while the node is cut off', () => {
    const sim = testSim()
    sim.failNode('k8s-node2')
    const before = sim.api.read('Node', '', 'k8s-node2').status?.conditions?.find((c) => c.type === 'MemoryPressure')?.lastHeartbeatTime
    sim.tick(20 * MIN)
    expect(sim.api.read('Node', '', 'k8s-node2').status?.conditions?.find((c) => c.type === 'MemoryPressure')?.lastHeartbeatTime).toBe(before)
    expect(ready(sim, 'k8s-node1')?.lastHeartbeatTime).toBe(rfc3339(sim.now()))
  })
})
