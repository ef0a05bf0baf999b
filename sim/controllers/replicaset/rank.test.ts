// Expected orders reasoned from ActivePodsWithRanks.Less (controller_utils.go) rule by rule.
import { describe, expect, it } from 'vitest'
import { fromCivil, rfc3339 } from '../../core/time'
import type { Pod } from '../../api/types'
import { deleteBefore, rankByColocation, sortForDeletion, POD_DELETION_COST } from './rank'

const NOW = fromCivil(2025, 3, 3, 12, 0, 0)
const MIN = 60_000
const HOUR = 60 * MIN

interface P {
  name: string
  uid?: string
  node?: string
  phase?: string
  readyAgo?: number
  createdAgo?: number
  restarts?: number
  cost?: string
}

function pod(p: P): Pod {
  return {
    metadata: {
      name: p.name,
      uid: p.uid ?? p.name,
      creationTimestamp: rfc3339(NOW - (p.createdAgo ?? 10 * HOUR)),
      annotations: p.cost !== undefined ? { [POD_DELETION_COST]: p.cost } : undefined,
    },
    spec: { nodeName: p.node, containers: [] },
    status: {
      phase: p.phase ?? 'Running',
      conditions: p.readyAgo !== undefined ? [{ type: 'Ready', status: 'True', lastTransitionTime: rfc3339(NOW - p.readyAgo) }] : [],
      containerStatuses: p.restarts !== undefined ? [{ name: 'c', restartCount: p.restarts, ready: true, image: 'x', imageID: '' }] : [],
    },
  } as Pod
}

const ranked = (p: Pod, rank = 0) => ({ pod: p, rank })

describe('deleteBefore', () => {
  it.each<[string, P, P]>([
    ['an unscheduled pod goes before a scheduled one', { name: 'a' }, { name: 'b', node: 'n1' }],
    ['Pending goes before Running', { name: 'a', node: 'n1', phase: 'Pending' }, { name: 'b', node: 'n1', phase: 'Running' }],
    ['Pending goes before Unknown', { name: 'a', node: 'n1', phase: 'Pending' }, { name: 'b', node: 'n1', phase: 'Unknown' }],
    ['Unknown goes before Running', { name: 'a', node: 'n1', phase: 'Unknown' }, { name: 'b', node: 'n1', phase: 'Running' }],
    ['not ready goes before ready', { name: 'a', node: 'n1' }, { name: 'b', node: 'n1', readyAgo: HOUR }],
    ['a lower deletion cost goes first', { name: 'a', node: 'n1', readyAgo: HOUR, cost: '-5' }, { name: 'b', node: 'n1', readyAgo: HOUR }],
    ['ready for a minute goes before ready for an hour', { name: 'a', node: 'n1', readyAgo: MIN }, { name: 'b', node: 'n1', readyAgo: HOUR }],
    ['more restarts go first', { name: 'a', node: 'n1', restarts: 3 }, { name: 'b', node: 'n1', restarts: 1 }],
    ['the newer pod goes first', { name: 'a', node: 'n1', createdAgo: MIN }, { name: 'b', node: 'n1', createdAgo: HOUR }],
  ])('%s', (_, a, b) => {
    expect(deleteBefore(ranked(pod(a)), ranked(pod(b)), NOW)).toBe(true)
    expect(deleteBefore(ranked(pod(b)), ranked(pod(a)), NOW)).toBe(false)
  })

  it('prefers the pod on the node with more pods of the same owner', () => {
    const a = pod({ name: 'a', node: 'n1', readyAgo: HOUR })
    const b = pod({ name: 'b', node: 'n2', readyAgo: HOUR })
    expect(deleteBefore(ranked(a, 3), ranked(b, 1), NOW)).toBe(true)
  })

  it('ranks a scheduled pod by unscheduled-ness before its phase', () => {
    const a = pod({ name: 'a', phase: 'Running' })
    const b = pod({ name: 'b', node: 'n1', phase: 'Pending' })
    expect(deleteBefore(ranked(a), ranked(b), NOW)).toBe(true)
  })

  it('breaks a tie of ages within one power of two by uid', () => {
    // 60 and 61 minutes ago: log2 of both ages in ns is the same integer.
    const a = pod({ name: 'a', uid: 'uid-b', node: 'n1', createdAgo: 60 * MIN })
    const b = pod({ name: 'b', uid: 'uid-a', node: 'n1', createdAgo: 61 * MIN })
    expect(deleteBefore(ranked(a), ranked(b), NOW)).toBe(false)
    expect(deleteBefore(ranked(b), ranked(a), NOW)).toBe(true)
  })

  it('puts neither first when nothing tells them apart', () => {
    const a = pod({ name: 'a', node: 'n1' })
    expect(deleteBefore(ranked(a), ranked(pod({ name: 'a', node: 'n1' })), NOW)).toBe(false)
  })

  it('ignores a deletion cost that is not an integer', () => {
    const a = pod({ name: 'a', node: 'n1', cost: 'cheap', createdAgo: HOUR })
    const b = pod({ name: 'b', node: 'n1', cost: '0', createdAgo: MIN })
    expect(deleteBefore(ranked(b), ranked(a), NOW)).toBe(true)
  })
})

describe('rankByColocation', () => {
  it('counts the active related pods on each pod node', () => {
    const mine = [pod({ name: 'a', node: 'n1' }), pod({ name: 'b', node: 'n2' })]
    const related = [...mine, pod({ name: 'c', node: 'n1' }), pod({ name: 'd', node: 'n1', phase: 'Failed' })]
    expect(rankByColocation(mine, related).map((r) => r.rank)).toEqual([2, 1])
  })
})

describe('sortForDeletion', () => {
  it('orders unscheduled, then pending, then not ready, then ready pods', () => {
    const pods = [
      pod({ name: 'ready', node: 'n1', readyAgo: HOUR }),
      pod({ name: 'notready', node: 'n1' }),
      pod({ name: 'pending', node: 'n1', phase: 'Pending' }),
      pod({ name: 'unscheduled', phase: 'Pending' }),
    ]
    expect(sortForDeletion(pods.map((p) => ranked(p)), NOW).map((p) => p.metadata!.name)).toEqual(['unscheduled', 'pending', 'notready', 'ready'])
  })
})
