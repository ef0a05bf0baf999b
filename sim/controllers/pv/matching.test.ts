import { describe, it, expect } from 'vitest'
import type { ObjectReference } from 'kubernetes-types/core/v1'
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api/types'
import { accessModesKey, claimClass, defaultClass, findBestMatchForClaim, volumeUnsatisfiedReason } from './matching'

function pv(name: string, size: string, opts: { modes?: string[]; cls?: string; phase?: string; labels?: Record<string, string>; claimRef?: ObjectReference; mode?: string } = {}): PersistentVolume {
  return {
    metadata: { name, labels: opts.labels },
    spec: {
      capacity: { storage: size },
      accessModes: opts.modes ?? ['ReadWriteOnce'],
      storageClassName: opts.cls,
      claimRef: opts.claimRef,
      volumeMode: opts.mode,
    },
    status: { phase: opts.phase ?? 'Available' },
  }
}

function pvc(size: string, opts: { modes?: string[]; cls?: string | null; selector?: Record<string, string>; name?: string; uid?: string } = {}): PersistentVolumeClaim {
  return {
    metadata: { name: opts.name ?? 'data', namespace: 'default', uid: opts.uid ?? 'u-1' },
    spec: {
      accessModes: opts.modes ?? ['ReadWriteOnce'],
      resources: { requests: { storage: size } },
      storageClassName: opts.cls === null ? undefined : (opts.cls ?? ''),
      selector: opts.selector ? { matchLabels: opts.selector } : undefined,
    },
  }
}

describe('findBestMatchForClaim', () => {
  it.each([
    ['the smallest volume that is big enough', [pv('big', '10Gi'), pv('small', '2Gi'), pv('tiny', '500Mi')], pvc('1Gi'), 'small'],
    ['none when every volume is too small', [pv('tiny', '500Mi')], pvc('1Gi'), undefined],
    ['the exact size', [pv('a', '1Gi'), pv('b', '2Gi')], pvc('1Gi'), 'a'],
    ['none when the class differs', [pv('fast', '5Gi', { cls: 'fast' })], pvc('1Gi', { cls: 'slow' }), undefined],
    ['only class-less volumes for storageClassName ""', [pv('classy', '1Gi', { cls: 'manual' }), pv('plain', '5Gi')], pvc('1Gi', { cls: '' }), 'plain'],
    ['a volume of the requested class', [pv('plain', '1Gi'), pv('classy', '5Gi', { cls: 'manual' })], pvc('1Gi', { cls: 'manual' }), 'classy'],
    ['none when the volume lacks a requested access mode', [pv('rwo', '5Gi')], pvc('1Gi', { modes: ['ReadWriteMany'] }), undefined],
    ['a volume whose modes include the requested ones', [pv('multi', '5Gi', { modes: ['ReadWriteOnce', 'ReadWriteMany'] })], pvc('1Gi', { modes: ['ReadWriteMany'] }), 'multi'],
    ['the fewest-modes group first, even if bigger', [pv('multi', '1Gi', { modes: ['ReadWriteOnce', 'ReadOnlyMany'] }), pv('rwo', '9Gi')], pvc('1Gi'), 'rwo'],
    ['a volume whose labels match the selector', [pv('a', '1Gi', { labels: { tier: 'x' } }), pv('b', '2Gi', { labels: { tier: 'db' } })], pvc('1Gi', { selector: { tier: 'db' } }), 'b'],
    ['no Released volume', [pv('old', '5Gi', { phase: 'Released' })], pvc('1Gi'), undefined],
    ['no volume bound to another claim', [pv('taken', '5Gi', { claimRef: { name: 'other', namespace: 'default', uid: 'u-9' } })], pvc('1Gi'), undefined],
    ['the volume pre-bound to the claim over a smaller free one', [pv('free', '1Gi'), pv('mine', '5Gi', { claimRef: { name: 'data', namespace: 'default' } })], pvc('1Gi'), 'mine'],
    ['no volume of another volumeMode', [pv('blk', '5Gi', { mode: 'Block' })], pvc('1Gi'), undefined],
  ])('picks %s', (_what, volumes, claim, want) => {
    expect(findBestMatchForClaim(claim, volumes, false)?.metadata?.name).toBe(want)
  })

  it('returns only a pre-bound volume when binding waits for the first consumer', () => {
    const free = pv('free', '1Gi')
    const mine = pv('mine', '5Gi', { claimRef: { name: 'data', namespace: 'default', uid: 'u-1' } })
    expect(findBestMatchForClaim(pvc('1Gi'), [free], true)).toBeUndefined()
    expect(findBestMatchForClaim(pvc('1Gi'), [free, mine], true)?.metadata?.name).toBe('mine')
  })

  it('skips a volume pre-bound to a claim of the same name with another uid', () => {
    const old = pv('old', '5Gi', { claimRef: { name: 'data', namespace: 'default', uid: 'u-old' } })
    expect(findBestMatchForClaim(pvc('1Gi', { uid: 'u-new' }), [old], false)).toBeUndefined()
  })
})

describe('claimClass', () => {
  it.each([
    ['spec.storageClassName', pvc('1Gi', { cls: 'fast' }), 'fast'],
    ['"" for an explicit empty class', pvc('1Gi', { cls: '' }), ''],
    ['"" for no class at all', pvc('1Gi', { cls: null }), ''],
    ['the beta annotation before the field', { ...pvc('1Gi', { cls: 'fast' }), metadata: { annotations: { 'volume.beta.kubernetes.io/storage-class': 'old' } } }, 'old'],
  ])('reads %s', (_what, claim, want) => {
    expect(claimClass(claim)).toBe(want)
  })
})

describe('accessModesKey', () => {
  it.each([
    [['ReadWriteMany', 'ReadWriteOnce'], 'RWO,RWX'],
    [['ReadWriteOncePod'], 'RWOP'],
    [['ReadOnlyMany', 'ReadWriteOnce', 'ReadWriteMany'], 'RWO,ROX,RWX'],
  ])('writes %j as %s', (modes, want) => {
    expect(accessModesKey(modes)).toBe(want)
  })
})

describe('volumeUnsatisfiedReason', () => {
  it.each([
    ['a smaller volume', pv('v', '500Mi'), pvc('1Gi'), 'requested PV is too small'],
    ['another class', pv('v', '5Gi', { cls: 'x' }), pvc('1Gi'), 'storageClassName does not match'],
    ['another volumeMode', pv('v', '5Gi', { mode: 'Block' }), pvc('1Gi'), 'incompatible volumeMode'],
    ['a missing access mode', pv('v', '5Gi'), pvc('1Gi', { modes: ['ReadWriteMany'] }), 'incompatible accessMode'],
    ['a fitting volume', pv('v', '5Gi'), pvc('1Gi'), undefined],
  ])('explains %s', (_what, volume, claim, want) => {
    expect(volumeUnsatisfiedReason(volume, claim)).toBe(want)
  })
})

describe('defaultClass', () => {
  const sc = (name: string, created: string, isDefault: boolean): StorageClass => ({
    provisioner: 'x',
    metadata: { name, creationTimestamp: created, annotations: isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : undefined },
  })
  it('takes the newest of several default classes', () => {
    expect(defaultClass([sc('old', '2025-01-01T00:00:00Z', true), sc('new', '2025-02-01T00:00:00Z', true), sc('x', '2025-03-01T00:00:00Z', false)])?.metadata?.name).toBe('new')
  })
  it('finds none when no class is marked default', () => {
    expect(defaultClass([sc('x', '2025-03-01T00:00:00Z', false)])).toBeUndefined()
  })
})
