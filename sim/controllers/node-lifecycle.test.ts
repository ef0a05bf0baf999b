import { describe, expect, it } from 'vitest'
import { createAs, testSim } from '../testing/harness'
import { restoreSimulation } from '../simulation'
import type { Simulation } from '../simulation'
import type { Event, Pod, Toleration } from '../api/types'
import { podCondition } from '../api/pod-util'
import { rfc3339 } from '../core/time'

const S = 1000
const GRACE = 40 * S
// What the DefaultTolerationSeconds admission plugin gives every pod (web-world.json's web-0).
const DEFAULT_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
]

function podOn(name: string, node: string, tolerations: Toleration[] = DEFAULT_TOLERATIONS): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'demo' } },
    spec: { nodeName: node, tolerations, containers: [{ name: 'c', image: 'registry.k8s.io/nginx-slim:0.24' }] },
  }
}

/**
 * Lets a pod start, then cuts its node off. If its kubelet had not made it Ready (images and probes
 * are another part's business), the last status it posted before the cable went says Ready.
 */
function readyThenFail(sim: Simulation, name: string, nodeName: string): void {
  sim.settle()
  sim.failNode(nodeName)
  const pod = sim.api.read('Pod', 'default', name)
  if (podCondition(pod, 'Ready')?.status === 'True') return
  const t = rfc3339(sim.now())
  const conditions = ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: t }))
  sim.api.updateStatus({ ...pod, status: { ...pod.status, phase: 'Running', conditions } }, { actor: 'kubelet' })
  sim.drain()
}

const node = (sim: Simulation, name: string) => sim.api.read('Node', '', name)
const cond = (sim: Simulation, n: string, type: string) => node(sim, n).status?.conditions?.find((c) => c.type === type)
const taintKeys = (sim: Simulation, n: string) => (node(sim, n).spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`)
const events = (sim: Simulation, reason: string, name?: string) =>
  (sim.api.list('Event') as Event[]).filter((e) => e.reason === reason && (name === undefined || e.involvedObject.name === name))

describe('a node that stops reporting', () => {
  it('stays Ready for the 40s grace period, then its conditions turn Unknown', () => {
    const sim = testSim()
    const heartbeat = cond(sim, 'k8s-node1', 'Ready')?.lastHeartbeatTime
    sim.failNode('k8s-node1')
    sim.tick(GRACE - S)
    expect(cond(sim, 'k8s-node1', 'Ready')?.status).toBe('True')
    sim.tick(S)
    for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']) {
      expect(cond(sim, 'k8s-node1', type)).toMatchObject({
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
        lastHeartbeatTime: heartbeat,
        lastTransitionTime: rfc3339(sim.now()),
      })
    }
  })

  it('is tainted unreachable, NoSchedule and NoExecute, with the time the taints were added', () => {
    const sim = testSim()
    sim.failNode('k8s-node1')
    sim.tick(GRACE)
    expect(taintKeys(sim, 'k8s-node1')).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute'])
    expect(node(sim, 'k8s-node1').spec?.taints?.every((t) => t.timeAdded === rfc3339(sim.now()))).toBe(true)
  })

  it('gets a NodeNotReady event from the node controller', () => {
    const sim = testSim()
    sim.failNode('k8s-node2')
    sim.tick(GRACE)
    expect(events(sim, 'NodeNotReady', 'k8s-node2').map((e) => [e.message, e.source?.component])).toEqual([['Node k8s-node2 status is now: NodeNotReady', 'node-controller']])
  })

  it('marks its pods not Ready, leaving their other conditions', () => {
    const sim = testSim()
    createAs(sim, podOn('web-0', 'k8s-node1'))
    readyThenFail(sim, 'web-0', 'k8s-node1')
    sim.tick(GRACE)
    const pod = sim.api.read('Pod', 'default', 'web-0')
    expect(podCondition(pod, 'Ready')).toMatchObject({ status: 'False', lastTransitionTime: rfc3339(sim.now()) })
    expect(podCondition(pod, 'ContainersReady')?.status).toBe('True')
    expect(events(sim, 'NodeNotReady', 'web-0').map((e) => [e.type, e.message])).toEqual([['Warning', 'Node is not ready']])
  })

  it('keeps new pods away with the unreachable taint', () => {
    const sim = testSim()
    sim.failNode('k8s-node1')
    sim.tick(GRACE)
    createAs(sim, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })
    expect(sim.api.read('Pod', 'default', 'p').spec?.nodeName).toBe('k8s-node2')
  })
})

describe('taint eviction', () => {
  it('marks a pod for deletion when its 300s toleration runs out; it then stays Terminating', () => {
    const sim = testSim()
    createAs(sim, podOn('web-0', 'k8s-node1'))
    readyThenFail(sim, 'web-0', 'k8s-node1')
    sim.tick(GRACE + 300 * S - S)
    expect(sim.api.read('Pod', 'default', 'web-0').metadata.deletionTimestamp).toBeUndefined()
    sim.tick(S)
    const pod = sim.api.read('Pod', 'default', 'web-0')
    expect(pod.metadata.deletionTimestamp).toBeDefined()
    expect(podCondition(pod, 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' })
    expect(events(sim, 'TaintManagerEviction', 'web-0').map((e) => [e.message, e.source?.component])).toEqual([['Marking for deletion Pod default/web-0', 'taint-eviction-controller']])
    sim.tick(3600 * S)
    expect(sim.api.read('Pod', 'default', 'web-0').metadata.uid).toBe(pod.metadata.uid)
  })

  it('deletes at once a pod that tolerates the taint for 0 seconds', () => {
    const sim = testSim()
    createAs(sim, podOn('quick', 'k8s-node1', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }]))
    sim.failNode('k8s-node1')
    sim.tick(GRACE)
    expect(sim.api.read('Pod', 'default', 'quick').metadata.deletionTimestamp).toBe(rfc3339(sim.now() + 30 * S))
  })

  it('cancels the eviction when the node comes back in time', () => {
    const sim = testSim()
    createAs(sim, podOn('web-0', 'k8s-node1'))
    readyThenFail(sim, 'web-0', 'k8s-node1')
    sim.tick(GRACE + 60 * S)
    sim.restoreNode('k8s-node1')
    expect(cond(sim, 'k8s-node1', 'Ready')?.status).toBe('True')
    expect(taintKeys(sim, 'k8s-node1')).toEqual([])
    expect(events(sim, 'TaintManagerEviction', 'web-0').map((e) => e.message)).toEqual(['Cancelling deletion of Pod default/web-0'])
    expect(events(sim, 'NodeReady', 'k8s-node1').map((e) => [e.message, e.source?.component])).toEqual([['Node k8s-node1 status is now: NodeReady', 'kubelet']])
    sim.tick(600 * S)
    expect(sim.api.read('Pod', 'default', 'web-0').metadata.deletionTimestamp).toBeUndefined()
  })

  it('evicts nobody while every node is down', () => {
    const sim = testSim()
    createAs(sim, podOn('web-0', 'k8s-node1'))
    for (const n of ['k8s-master', 'k8s-node1', 'k8s-node2']) sim.failNode(n)
    sim.tick(GRACE + 600 * S)
    expect(taintKeys(sim, 'k8s-node1')).toEqual(['node.kubernetes.io/unreachable:NoSchedule'])
    expect(sim.api.read('Pod', 'default', 'web-0').metadata.deletionTimestamp).toBeUndefined()
  })
})

describe('cordon', () => {
  it('adds the unschedulable NoSchedule taint, and removes it on uncordon', () => {
    const sim = testSim()
    const set = (v: boolean) => {
      const n = node(sim, 'k8s-node2')
      sim.api.update({ ...n, spec: { ...n.spec, unschedulable: v || undefined } }, { actor: 'kubectl' })
      sim.drain()
    }
    set(true)
    expect(node(sim, 'k8s-node2').spec?.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: rfc3339(sim.now()) }])
    set(false)
    expect(node(sim, 'k8s-node2').spec?.taints).toBeUndefined()
  })
})

describe('a restored session', () => {
  it('marks a node that went silent before the save once the grace period is over', () => {
    const sim = testSim()
    sim.failNode('k8s-node1')
    sim.tick(20 * S)
    const restored = restoreSimulation(sim.exportState(), { strict: true })
    restored.tick(19 * S)
    expect(cond(restored, 'k8s-node1', 'Ready')?.status).toBe('True')
    restored.tick(S)
    expect(cond(restored, 'k8s-node1', 'Ready')?.status).toBe('Unknown')
  })

  it('evicts at the time the taint gave, not later', () => {
    const sim = testSim()
    createAs(sim, podOn('web-0', 'k8s-node1'))
    readyThenFail(sim, 'web-0', 'k8s-node1')
    sim.tick(GRACE + 100 * S)
    const restored = restoreSimulation(sim.exportState(), { strict: true })
    restored.tick(200 * S - S)
    expect(restored.api.read('Pod', 'default', 'web-0').metadata.deletionTimestamp).toBeUndefined()
    restored.tick(S)
    expect(restored.api.read('Pod', 'default', 'web-0').metadata.deletionTimestamp).toBeDefined()
  })
})
