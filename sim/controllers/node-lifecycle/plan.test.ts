import { describe, expect, it } from 'vitest'
import type { Node, NodeCondition, Pod, Taint } from 'kubernetes-types/core/v1'
import { fromCivil, rfc3339 } from '../../core/time'
import { planEvictions, planNodeConditions, planTaints } from './plan'

const T0 = fromCivil(2025, 3, 3, 9, 0, 0)
const at = (s: number) => rfc3339(T0 + s * 1000)

function cond(type: string, status: string, reason = 'r'): NodeCondition {
  return { type, status, reason, message: 'm', lastHeartbeatTime: at(-60), lastTransitionTime: at(-3600) }
}

function node(conditions: NodeCondition[], taints: Taint[] = [], unschedulable = false): Node {
  return { metadata: { name: 'k8s-node1', creationTimestamp: at(-86400) }, spec: { taints, unschedulable }, status: { conditions } }
}

const healthy = () => [cond('MemoryPressure', 'False'), cond('DiskPressure', 'False'), cond('PIDPressure', 'False'), cond('Ready', 'True')]

describe('planNodeConditions', () => {
  it('leaves a node alone while its kubelet reports', () => {
    expect(planNodeConditions(node(healthy()), false, T0)).toBeUndefined()
  })

  it('turns every monitored condition Unknown, keeping the last heartbeat', () => {
    const plan = planNodeConditions(node(healthy()), true, T0)!
    expect(plan.notReadyEvent).toBe(true)
    for (const c of plan.conditions) {
      expect(c).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastHeartbeatTime: at(-60), lastTransitionTime: at(0) })
    }
  })

  it('writes nothing more once Ready is already Unknown', () => {
    const unknown = planNodeConditions(node(healthy()), true, T0)!.conditions
    expect(planNodeConditions(node(unknown), true, T0 + 60_000)).toBeUndefined()
  })

  it('fills in conditions a kubelet never posted', () => {
    const plan = planNodeConditions(node([]), true, T0)!
    expect(plan.notReadyEvent).toBe(false)
    expect(plan.conditions.map((c) => [c.type, c.reason, c.message, c.lastHeartbeatTime])).toEqual(
      ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].map((t) => [t, 'NodeStatusNeverUpdated', 'Kubelet never posted node status.', at(-86400)]),
    )
  })
})

describe('planTaints', () => {
  const keys = (ts: Taint[] | undefined) => ts?.map((t) => `${t.key}:${t.effect}`)

  it.each<[string, Node, boolean, string[] | undefined]>([
    ['a healthy node needs none', node(healthy()), false, undefined],
    ['a cordoned node gets the unschedulable taint', node(healthy(), [], true), false, ['node.kubernetes.io/unschedulable:NoSchedule']],
    [
      'an unreachable node gets NoSchedule, then NoExecute',
      node([cond('Ready', 'Unknown')]),
      false,
      ['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute'],
    ],
    ['a not-ready node gets the not-ready taints', node([cond('Ready', 'False')]), false, ['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']],
    ['a node under memory pressure', node([...healthy().slice(1), cond('MemoryPressure', 'True')]), false, ['node.kubernetes.io/memory-pressure:NoSchedule']],
    ['no NoExecute taint while every node is down', node([cond('Ready', 'Unknown')]), true, ['node.kubernetes.io/unreachable:NoSchedule']],
    [
      'a node Ready again loses them, keeping taints it does not manage',
      node(healthy(), [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }, { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }, { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }]),
      false,
      ['dedicated:NoSchedule'],
    ],
    ['an uncordoned node loses the unschedulable taint', node(healthy(), [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]), false, []],
  ])('%s', (_name, n, allDown, want) => {
    expect(keys(planTaints(n, allDown, T0))).toEqual(want)
  })

  it('stamps the taints it adds with timeAdded', () => {
    expect(planTaints(node([cond('Ready', 'Unknown')]), false, T0)?.every((t) => t.timeAdded === at(0))).toBe(true)
  })
})

describe('planEvictions', () => {
  const tainted = node([cond('Ready', 'Unknown')], [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: at(0) }])
  const pod = (name: string, tolerationSeconds?: number, created = at(-600)): Pod => ({
    metadata: { name, namespace: 'default', creationTimestamp: created },
    spec: {
      containers: [],
      tolerations: tolerationSeconds === undefined ? [] : [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds }],
    },
  })

  it('evicts at once a pod that does not tolerate the taint', () => {
    expect(planEvictions(tainted, [pod('web-0')], T0).evict.map((p) => p.metadata?.name)).toEqual(['web-0'])
  })

  it('waits tolerationSeconds from when the taint was added', () => {
    const plan = planEvictions(tainted, [pod('web-0', 300)], T0 + 10_000)
    expect(plan).toMatchObject({ evict: [], nextAt: T0 + 300_000 })
    expect(planEvictions(tainted, [pod('web-0', 300)], T0 + 300_000).evict).toHaveLength(1)
  })

  it('counts from the pod arriving when it came after the taint', () => {
    expect(planEvictions(tainted, [pod('late', 300, at(100))], T0 + 300_000).nextAt).toBe(T0 + 400_000)
  })

  it('never evicts a pod that tolerates the taint forever', () => {
    const forever: Pod = { ...pod('x'), spec: { containers: [], tolerations: [{ operator: 'Exists' }] } }
    expect(planEvictions(tainted, [forever], T0 + 1e9)).toMatchObject({ evict: [], cancel: [forever] })
  })

  it('leaves pods already being deleted alone', () => {
    const deleting: Pod = { ...pod('web-0'), metadata: { ...pod('web-0').metadata, deletionTimestamp: at(0) } }
    expect(planEvictions(tainted, [deleting], T0)).toMatchObject({ evict: [], wait: [], cancel: [] })
  })

  it('cancels everything when the node has no NoExecute taint', () => {
    expect(planEvictions(node(healthy()), [pod('web-0', 300)], T0).cancel).toHaveLength(1)
  })
})
