import { describe, it, expect } from 'vitest'
import { classifyReferences, planDependent, planOwner, type GcMeta, type OwnerLookup } from './plan'
import type { OwnerReference } from '../../api/types'

const r = (uid: string, block = false): OwnerReference => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: uid, uid, blockOwnerDeletion: block || undefined })
const live: OwnerLookup = { found: true, uid: 'a', meta: {} }
const ts = '2025-03-03T09:00:00Z'

describe('classifyReferences', () => {
  it.each<[string, OwnerLookup, 'solid' | 'dangling' | 'waitingForDependentsDeletion']>([
    ['a live owner is solid', live, 'solid'],
    ['a missing owner is dangling', { found: false }, 'dangling'],
    ['an owner with another uid is dangling', { found: true, uid: 'other', meta: {} }, 'dangling'],
    ['an owner in its background deletion is still solid', { found: true, uid: 'a', meta: { deletionTimestamp: ts } }, 'solid'],
    ['an owner deleting in the foreground is waiting', { found: true, uid: 'a', meta: { deletionTimestamp: ts, finalizers: ['foregroundDeletion'] } }, 'waitingForDependentsDeletion'],
  ])('%s', (_name, lookup, bucket) => {
    const c = classifyReferences([r('a')], () => lookup)!
    expect(c[bucket]).toEqual([r('a')])
  })

  it('gives up on a reference it cannot resolve', () => {
    expect(classifyReferences([r('a')], () => ({ unresolvable: true }))).toBeUndefined()
  })
})

describe('planDependent', () => {
  const meta = (extra: GcMeta = {}): GcMeta => ({ uid: 'd', ownerReferences: [r('a'), r('b')], ...extra })
  it.each([
    ['all owners solid: nothing', { solid: [r('a'), r('b')], dangling: [], waitingForDependentsDeletion: [] }, meta(), false, { type: 'none' }],
    ['one dangling: drop it', { solid: [r('a')], dangling: [r('b')], waitingForDependentsDeletion: [] }, meta(), false, { type: 'removeOwnerReferences', uids: ['b'] }],
    ['one waiting beside a solid one: drop it', { solid: [r('a')], dangling: [], waitingForDependentsDeletion: [r('b')] }, meta(), false, { type: 'removeOwnerReferences', uids: ['b'] }],
    ['all dangling: background delete', { solid: [], dangling: [r('a'), r('b')], waitingForDependentsDeletion: [] }, meta(), false, { type: 'delete', policy: 'Background', unblockOwnerReferences: false }],
    ['all dangling with an orphan finalizer: orphan delete', { solid: [], dangling: [r('a'), r('b')], waitingForDependentsDeletion: [] }, meta({ finalizers: ['orphan'] }), false, { type: 'delete', policy: 'Orphan', unblockOwnerReferences: false }],
    ['waiting owner, no dependents: background delete', { solid: [], dangling: [], waitingForDependentsDeletion: [r('a'), r('b')] }, meta(), false, { type: 'delete', policy: 'Background', unblockOwnerReferences: false }],
    ['waiting owner, with dependents: foreground delete', { solid: [], dangling: [], waitingForDependentsDeletion: [r('a'), r('b')] }, meta(), true, { type: 'delete', policy: 'Foreground', unblockOwnerReferences: false }],
  ])('%s', (_name, classified, m, hasDependents, want) => {
    expect(planDependent({ meta: m, classified, hasDependents: hasDependents as boolean, aDependentIsDeletingDependents: false })).toEqual(want)
  })

  it('waits for an object that is already being deleted', () => {
    const classified = { solid: [], dangling: [r('a')], waitingForDependentsDeletion: [] }
    expect(planDependent({ meta: meta({ deletionTimestamp: ts }), classified, hasDependents: false, aDependentIsDeletingDependents: false })).toEqual({ type: 'none' })
  })
})

describe('planOwner', () => {
  const dep = (key: string, block: boolean, extra: GcMeta = {}) => ({ key, meta: { ownerReferences: [r('o', block)], ...extra } })
  it('orphans every dependent first, then removes the orphan finalizer', () => {
    const owner = { uid: 'o', deletionTimestamp: ts, finalizers: ['orphan'] }
    expect(planOwner(owner, [dep('x', true), dep('y', false)])).toEqual({ type: 'orphan', dependents: ['x', 'y'] })
    expect(planOwner(owner, [])).toEqual({ type: 'removeFinalizer', finalizer: 'orphan' })
  })

  it('deletes dependents in the foreground and waits for the blocking ones only', () => {
    const owner = { uid: 'o', deletionTimestamp: ts, finalizers: ['foregroundDeletion'] }
    expect(planOwner(owner, [dep('x', true), dep('y', false)])).toEqual({ type: 'deleteDependents', dependents: ['x', 'y'] })
    expect(planOwner(owner, [dep('y', false)])).toEqual({ type: 'removeFinalizer', finalizer: 'foregroundDeletion' })
    expect(planOwner(owner, [dep('x', true, { deletionTimestamp: ts })])).toEqual({ type: 'deleteDependents', dependents: [] })
  })

  it('does nothing for an object deleted in the background', () => {
    expect(planOwner({ uid: 'o', deletionTimestamp: ts }, [dep('x', true)])).toEqual({ type: 'none' })
  })
})
