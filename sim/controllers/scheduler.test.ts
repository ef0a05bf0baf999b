import { describe, expect, it } from 'vitest'
import { testSim, createAs } from '../testing/harness'
import type { Simulation } from '../simulation'
import type { Event, Pod } from '../api/types'
import { podCondition } from '../api/pod-util'
import { restoreSimulation } from '../simulation'

const CP = 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'

function bare(name: string, spec: Partial<NonNullable<Pod['spec']>> = {}, labels: Record<string, string> = { app: 'demo' }): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } }
}

function events(sim: Simulation, pod: string, reason: string): Event[] {
  return sim.api.list('Event', { namespace: 'default' }).filter((e) => e.involvedObject?.name === pod && e.reason === reason) as Event[]
}

const nodeOf = (sim: Simulation, name: string) => sim.api.get('Pod', 'default', name)?.spec?.nodeName
const scheduledMessage = (sim: Simulation, name: string) => podCondition(sim.api.read('Pod', 'default', name), 'PodScheduled')?.message

function setUnschedulable(sim: Simulation, node: string, value: boolean): void {
  const n = sim.api.read('Node', '', node)
  sim.api.update({ ...n, spec: { ...n.spec, unschedulable: value || undefined } }, { actor: 'kubectl' })
  sim.drain()
}

/** Creates claim www-web-0 of the default (WaitForFirstConsumer) class and pod web-0 mounting it. */
function createPodWithDelayedClaim(sim: Simulation): void {
  createAs(sim, {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'www-web-0', namespace: 'default' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  })
  createAs(sim, bare('web-0', { volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }] }))
}

/** Pod web-0 mounting claim www-web-0 of the default (WaitForFirstConsumer) class, and the node picked for it. */
function podWithDelayedClaim(): { sim: Simulation; selected: string | undefined } {
  const sim = testSim()
  createPodWithDelayedClaim(sim)
  return { sim, selected: sim.api.read('PersistentVolumeClaim', 'default', 'www-web-0').metadata.annotations?.['volume.kubernetes.io/selected-node'] }
}

describe('default-scheduler', () => {
  it('assigns a pod and says so in the events.k8s.io style', () => {
    const sim = testSim()
    createAs(sim, bare('web-0'))
    const node = nodeOf(sim, 'web-0')
    expect(node).toMatch(/^k8s-node[12]$/)
    const [ev] = events(sim, 'web-0', 'Scheduled')
    expect(ev).toMatchObject({
      type: 'Normal',
      message: `Successfully assigned default/web-0 to ${node}`,
      action: 'Binding',
      reportingComponent: 'default-scheduler',
      reportingInstance: 'default-scheduler-k8s-master',
    })
    expect(podCondition(sim.api.read('Pod', 'default', 'web-0'), 'PodScheduled')).toMatchObject({ status: 'True' })
  })

  it('keeps a pod that asks for 100 CPUs Pending with the upstream message', () => {
    const sim = testSim()
    createAs(sim, bare('big', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100' } } }] }))
    const want = `0/3 nodes are available: 1 ${CP}, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`
    const pod = sim.api.read('Pod', 'default', 'big')
    expect(pod.spec?.nodeName).toBeUndefined()
    expect(podCondition(pod, 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable', message: want })
    const [ev] = events(sim, 'big', 'FailedScheduling')
    expect(ev).toMatchObject({ type: 'Warning', message: want, action: 'Scheduling', reportingComponent: 'default-scheduler' })
  })

  it('tries an unschedulable pod again every 5 minutes, adding to the event series', () => {
    const sim = testSim()
    createAs(sim, bare('big', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100' } } }] }))
    sim.tick(4 * 60 * 1000)
    expect(events(sim, 'big', 'FailedScheduling')[0].series).toBeUndefined()
    sim.tick(60 * 1000)
    expect(events(sim, 'big', 'FailedScheduling')[0].series?.count).toBe(2)
  })

  it('waits for a label a nodeSelector asks for, then schedules when a node gets it', () => {
    const sim = testSim()
    createAs(sim, bare('ssd', { nodeSelector: { disktype: 'ssd' } }))
    expect(scheduledMessage(sim, 'ssd')).toBe(
      `0/3 nodes are available: 1 ${CP}, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`,
    )
    const n = sim.api.read('Node', '', 'k8s-node2')
    sim.api.update({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, disktype: 'ssd' } } }, { actor: 'kubectl' })
    sim.drain()
    expect(nodeOf(sim, 'ssd')).toBe('k8s-node2')
  })

  it('skips cordoned nodes and uses them again once uncordoned', () => {
    const sim = testSim()
    setUnschedulable(sim, 'k8s-node1', true)
    setUnschedulable(sim, 'k8s-node2', true)
    createAs(sim, bare('web-0'))
    expect(scheduledMessage(sim, 'web-0')).toBe(
      `0/3 nodes are available: 1 ${CP}, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`,
    )
    setUnschedulable(sim, 'k8s-node2', false)
    expect(nodeOf(sim, 'web-0')).toBe('k8s-node2')
  })

  it('keeps ordinary pods off the tainted control plane', () => {
    const sim = testSim()
    createAs(sim, ...Array.from({ length: 8 }, (_, i) => bare(`p${i}`)))
    const nodes = Array.from({ length: 8 }, (_, i) => nodeOf(sim, `p${i}`))
    expect(nodes).not.toContain('k8s-master')
    expect(new Set(nodes)).toEqual(new Set(['k8s-node1', 'k8s-node2']))
  })

  it('spreads pods with required anti-affinity one per node and leaves the fourth Pending', () => {
    const sim = testSim()
    const zk = (i: number) =>
      bare(
        `zk-${i}`,
        {
          tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
          affinity: {
            podAntiAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'zk' } }, topologyKey: 'kubernetes.io/hostname' }],
            },
          },
        },
        { app: 'zk' },
      )
    createAs(sim, zk(0), zk(1), zk(2), zk(3))
    expect(new Set([0, 1, 2].map((i) => nodeOf(sim, `zk-${i}`)))).toEqual(new Set(['k8s-master', 'k8s-node1', 'k8s-node2']))
    expect(nodeOf(sim, 'zk-3')).toBeUndefined()
    expect(scheduledMessage(sim, 'zk-3')).toBe(
      "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    )
  })

  it('schedules a waiting pod when a pod that held the room goes away', () => {
    const sim = testSim()
    const cpu = (n: string) => ({ containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: n } } }] })
    setUnschedulable(sim, 'k8s-node2', true)
    createAs(sim, bare('hog', cpu('3')))
    expect(nodeOf(sim, 'hog')).toBe('k8s-node1')
    createAs(sim, bare('next', cpu('3')))
    expect(nodeOf(sim, 'next')).toBeUndefined()
    sim.api.delete('Pod', 'default', 'hog', { actor: 'kubectl', gracePeriodSeconds: 0 })
    sim.drain()
    expect(nodeOf(sim, 'next')).toBe('k8s-node1')
  })

  it('leaves a pod with scheduling gates alone until the gates are removed', () => {
    const sim = testSim()
    createAs(sim, bare('gated', { schedulingGates: [{ name: 'example.com/wait' }] } as Partial<NonNullable<Pod['spec']>>))
    expect(nodeOf(sim, 'gated')).toBeUndefined()
    expect(events(sim, 'gated', 'FailedScheduling')).toEqual([])
    const pod = sim.api.read('Pod', 'default', 'gated')
    sim.api.update({ ...pod, spec: { ...pod.spec!, schedulingGates: [] } as NonNullable<Pod['spec']> }, { actor: 'kubectl' })
    sim.drain()
    expect(nodeOf(sim, 'gated')).toMatch(/^k8s-node[12]$/)
  })

  it('reports a missing claim as the PreFilter message', () => {
    const sim = testSim()
    createAs(sim, bare('web-0', { volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }] }))
    expect(scheduledMessage(sim, 'web-0')).toBe(
      '0/3 nodes are available: persistentvolumeclaim "www-web-0" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    )
  })

  it('picks a node for a WaitForFirstConsumer claim, waits for the volume, then binds there', () => {
    const { sim, selected } = podWithDelayedClaim()
    expect(selected).toMatch(/^k8s-node[12]$/)
    // Nothing is bound and nothing failed while the volume is provisioned.
    expect(nodeOf(sim, 'web-0')).toBeUndefined()
    expect(events(sim, 'web-0', 'FailedScheduling')).toEqual([])
    sim.settle()
    expect(nodeOf(sim, 'web-0')).toBe(selected)
  })

  it('binds at the first of PreBind’s once-a-second looks that finds the claim bound (BindPodVolumes polls)', () => {
    const sim = testSim()
    const times: Record<string, number> = {}
    sim.api.watch((ev) => {
      const o = ev.object as { metadata: { name?: string; annotations?: Record<string, string> }; spec?: { nodeName?: string }; status?: { phase?: string } }
      if (ev.kind === 'PersistentVolumeClaim' && o.metadata.annotations?.['volume.kubernetes.io/selected-node']) times.selected ??= sim.now()
      if (ev.kind === 'PersistentVolumeClaim' && o.status?.phase === 'Bound') times.claimBound ??= sim.now()
      if (ev.kind === 'Pod' && o.spec?.nodeName) times.podBound ??= sim.now()
    }, ['PersistentVolumeClaim', 'Pod'])
    createPodWithDelayedClaim(sim)
    sim.settle()
    const { selected, claimBound, podBound } = times
    expect(podBound).toBeGreaterThan(claimBound)
    expect(podBound - claimBound).toBeLessThanOrEqual(1000)
    expect((podBound - selected) % 1000).toBe(0)
    expect(podBound - selected).toBeGreaterThanOrEqual(1000)
  })

  it('finishes the binding cycle on the node the pod was assumed on, even if that node is cordoned meanwhile', () => {
    const { sim, selected } = podWithDelayedClaim()
    expect(nodeOf(sim, 'web-0')).toBeUndefined()
    // PreBind only waits for the claims; the filters ran in the scheduling cycle, which is over.
    setUnschedulable(sim, selected!, true)
    sim.settle()
    expect(nodeOf(sim, 'web-0')).toBe(selected)
    expect(events(sim, 'web-0', 'FailedScheduling')).toEqual([])
    expect(events(sim, 'web-0', 'Scheduled').map((e) => e.message)).toEqual([`Successfully assigned default/web-0 to ${selected}`])
  })

  it('gives up waiting for a volume that is never provisioned after 10 minutes, and keeps waiting', () => {
    const sim = testSim()
    createAs(sim, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'nowhere' }, provisioner: 'example.com/not-running', volumeBindingMode: 'WaitForFirstConsumer' })
    createAs(sim, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'default' },
      spec: { storageClassName: 'nowhere', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    })
    createAs(sim, bare('app', { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] }))
    sim.tick(599 * 1000)
    expect(events(sim, 'app', 'FailedScheduling')).toEqual([])
    sim.tick(1000)
    const msg = 'running PreBind plugin "VolumeBinding": binding volumes: context deadline exceeded'
    expect(events(sim, 'app', 'FailedScheduling').map((e) => e.message)).toEqual([msg])
    expect(podCondition(sim.api.read('Pod', 'default', 'app'), 'PodScheduled')).toMatchObject({ status: 'False', reason: 'SchedulerError', message: msg })
    expect(nodeOf(sim, 'app')).toBeUndefined()
  })

  it('schedules after a restore the pods that waited for it when the session was saved', () => {
    const sim = testSim()
    createAs(sim, bare('wide', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1' } } }] }))
    const n = sim.api.read('Node', '', 'k8s-node1')
    sim.api.update({ ...n, spec: { ...n.spec, unschedulable: true } }, { actor: 'kubectl' })
    createAs(sim, ...['a', 'b', 'c'].map((name) => bare(name, { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1' } } }] })))
    const waiting = sim.api.list('Pod', { namespace: 'default' }).filter((p) => !p.spec?.nodeName).map((p) => p.metadata.name)
    expect(waiting.length).toBeGreaterThan(0)
    const restored = restoreSimulation(sim.exportState(), { strict: true })
    setUnschedulable(restored, 'k8s-node1', false)
    expect(['wide', 'a', 'b', 'c'].map((name) => nodeOf(restored, name))).not.toContain(undefined)
  })
})
