// Expected values from replica_set.go manageReplicas / slowStartBatch, worked by hand.
import { describe, expect, it } from 'vitest'
import type { Pod } from '../../api/types'
import { BURST_REPLICAS, planReplicaSetSync, slowStartBatches } from './plan'

const NOW = 1_740_000_000_000

function pod(name: string, node?: string, phase = 'Running'): Pod {
  return { metadata: { name, uid: name, creationTimestamp: '2025-02-19T21:00:00Z' }, spec: { nodeName: node, containers: [] }, status: { phase } } as Pod
}

describe('slowStartBatches', () => {
  it.each([
    [0, []],
    [1, [1]],
    [2, [1, 1]],
    [3, [1, 2]],
    [7, [1, 2, 4]],
    [10, [1, 2, 4, 3]],
  ])('splits %i creations into %j', (count, batches) => {
    expect(slowStartBatches(count)).toEqual(batches)
  })
})

describe('planReplicaSetSync', () => {
  it('creates the missing pods', () => {
    const plan = planReplicaSetSync(3, [pod('a', 'n1')], [], NOW)
    expect(plan.createBatches).toEqual([1, 1])
    expect(plan.deletes).toEqual([])
  })

  it('creates at most the burst limit in one sync', () => {
    const plan = planReplicaSetSync(600, [], [], NOW)
    expect(plan.createBatches.reduce((a, b) => a + b, 0)).toBe(BURST_REPLICAS)
    expect(plan.createBatches).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 245])
  })

  it('does nothing when the count is right', () => {
    expect(planReplicaSetSync(2, [pod('a', 'n1'), pod('b', 'n2')], [], NOW)).toEqual({ createBatches: [], deletes: [] })
  })

  it('deletes the surplus, unscheduled pods first', () => {
    const pods = [pod('a', 'n1'), pod('b'), pod('c', 'n2')]
    expect(planReplicaSetSync(2, pods, pods, NOW).deletes.map((p) => p.metadata!.name)).toEqual(['b'])
  })

  it('deletes every pod when scaled to zero', () => {
    const pods = [pod('a', 'n1'), pod('b', 'n2')]
    expect(planReplicaSetSync(0, pods, pods, NOW).deletes.map((p) => p.metadata!.name)).toEqual(['a', 'b'])
  })

  it('takes the pod from the node that holds more pods of the same Deployment', () => {
    const mine = [pod('a', 'n1'), pod('b', 'n2')]
    const related = [...mine, pod('old-1', 'n2'), pod('old-2', 'n2')]
    expect(planReplicaSetSync(1, mine, related, NOW).deletes.map((p) => p.metadata!.name)).toEqual(['b'])
  })
})
