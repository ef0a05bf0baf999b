// Expected outcomes from BaseControllerRefManager.ClaimObject (controller_ref_manager.go).
import { describe, expect, it } from 'vitest'
import { fromLabelSelector } from '../../api/selectors'
import type { Pod } from '../../api/types'
import { planClaim } from './claim'

const owner = { metadata: { uid: 'rs-uid', namespace: 'default' } }
const selector = fromLabelSelector({ matchLabels: { app: 'web' } })

function pod(name: string, labels: Record<string, string>, ownerUid?: string, deleting = false): Pod {
  return {
    metadata: {
      name,
      namespace: 'default',
      labels,
      deletionTimestamp: deleting ? '2025-03-03T09:00:00Z' : undefined,
      ownerReferences: ownerUid ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'x', uid: ownerUid, controller: true }] : undefined,
    },
  } as Pod
}

const names = (ps: Pod[]) => ps.map((p) => p.metadata!.name)

describe('planClaim', () => {
  it('keeps owned pods that still match', () => {
    const plan = planClaim(owner, selector, [pod('a', { app: 'web' }, 'rs-uid')])
    expect(names(plan.claimed)).toEqual(['a'])
    expect(plan.adopt).toEqual([])
  })

  it('releases owned pods that no longer match', () => {
    const plan = planClaim(owner, selector, [pod('a', { app: 'debug' }, 'rs-uid')])
    expect(names(plan.release)).toEqual(['a'])
    expect(plan.claimed).toEqual([])
  })

  it('adopts matching orphans', () => {
    const plan = planClaim(owner, selector, [pod('a', { app: 'web' })])
    expect(names(plan.adopt)).toEqual(['a'])
    expect(names(plan.claimed)).toEqual(['a'])
  })

  it('leaves pods of another controller alone', () => {
    const plan = planClaim(owner, selector, [pod('a', { app: 'web' }, 'other')])
    expect(plan).toEqual({ claimed: [], adopt: [], release: [] })
  })

  it('does not adopt an orphan that is being deleted', () => {
    expect(planClaim(owner, selector, [pod('a', { app: 'web' }, undefined, true)]).adopt).toEqual([])
  })

  it('neither adopts nor releases while the owner is being deleted', () => {
    const deleting = { metadata: { ...owner.metadata, deletionTimestamp: '2025-03-03T09:00:00Z' } }
    const plan = planClaim(deleting, selector, [pod('a', { app: 'web' }), pod('b', { app: 'debug' }, 'rs-uid')])
    expect(plan).toEqual({ claimed: [], adopt: [], release: [] })
  })
})
