import { describe, it, expect } from 'vitest'
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/types'
import { planRecycle, planVolumeSync, unboundVolume } from './volume-plan'

function volume(opts: { policy?: string; hostPath?: string; nfs?: boolean; csi?: boolean; provisionedBy?: string; ref?: { uid?: string }; boundBy?: boolean; phase?: string } = {}): PersistentVolume {
  const annotations: Record<string, string> = {}
  if (opts.provisionedBy) annotations['pv.kubernetes.io/provisioned-by'] = opts.provisionedBy
  if (opts.boundBy) annotations['pv.kubernetes.io/bound-by-controller'] = 'yes'
  return {
    metadata: { name: 'pv1', annotations },
    spec: {
      capacity: { storage: '1Gi' },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: opts.policy ?? 'Retain',
      hostPath: opts.nfs || opts.csi || opts.hostPath === '' ? undefined : { path: opts.hostPath ?? '/mnt/data' },
      nfs: opts.nfs ? { server: '10.0.0.1', path: '/exports' } : undefined,
      csi: opts.csi ? { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-1' } : undefined,
      claimRef: opts.ref ? { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: opts.ref.uid } : undefined,
    },
    status: { phase: opts.phase ?? 'Bound' },
  }
}

function claim(uid: string, volumeName?: string): PersistentVolumeClaim {
  return { metadata: { name: 'data', namespace: 'default', uid }, spec: { volumeName, accessModes: ['ReadWriteOnce'] } }
}

describe('planVolumeSync', () => {
  it.each<[string, PersistentVolume, PersistentVolumeClaim | undefined, unknown]>([
    ['makes an unclaimed volume Available', volume({ phase: 'Pending' }), undefined, { kind: 'available' }],
    ['keeps a volume reserved by name (no uid) Available', volume({ ref: {} }), undefined, { kind: 'available' }],
    ['marks a volume whose claim agrees Bound', volume({ ref: { uid: 'c-1' } }), claim('c-1', 'pv1'), { kind: 'bound' }],
    ['syncs a claim that has not caught up', volume({ ref: { uid: 'c-1' } }), claim('c-1'), { kind: 'syncClaim', namespace: 'default', name: 'data' }],
    ['releases a Retain volume whose claim is gone, and keeps it', volume({ ref: { uid: 'c-1' } }), undefined, { kind: 'release', reclaim: { kind: 'retain' } }],
    ['treats a new claim of the same name as a missing one', volume({ ref: { uid: 'c-1' } }), claim('c-2'), { kind: 'release', reclaim: { kind: 'retain' } }],
    ['leaves a provisioned Delete volume to its external provisioner', volume({ ref: { uid: 'c-1' }, policy: 'Delete', provisionedBy: 'rancher.io/local-path' }), undefined, { kind: 'release', reclaim: { kind: 'external' } }],
    ['deletes a hostPath volume under /tmp', volume({ ref: { uid: 'c-1' }, policy: 'Delete', hostPath: '/tmp/data' }), undefined, { kind: 'release', reclaim: { kind: 'delete' } }],
    [
      'fails to delete a hostPath volume elsewhere',
      volume({ ref: { uid: 'c-1' }, policy: 'Delete', hostPath: '/mnt/web-data' }),
      undefined,
      { kind: 'release', reclaim: { kind: 'fail', event: { type: 'Warning', reason: 'VolumeFailedDelete', message: 'host_path deleter only supports /tmp/.+ but received provided /mnt/web-data' } } },
    ],
    [
      'fails to delete an NFS volume: no deleter',
      volume({ ref: { uid: 'c-1' }, policy: 'Delete', nfs: true }),
      undefined,
      { kind: 'release', reclaim: { kind: 'fail', event: { type: 'Warning', reason: 'VolumeFailedDelete', message: 'error getting deleter volume plugin for volume "pv1": no deletable volume plugin matched' } } },
    ],
    ['leaves a CSI volume to its driver', volume({ ref: { uid: 'c-1' }, policy: 'Delete', csi: true }), undefined, { kind: 'release', reclaim: { kind: 'external' } }],
    ['recycles a Recycle volume', volume({ ref: { uid: 'c-1' }, policy: 'Recycle' }), undefined, { kind: 'release', reclaim: { kind: 'recycle' } }],
    ['releases a provisioned Delete volume whose claim took another volume', volume({ ref: { uid: 'c-1' }, policy: 'Delete', provisionedBy: 'x.io/y' }), claim('c-1', 'pv2'), { kind: 'release', reclaim: { kind: 'external' } }],
    ['rolls back a binding whose claim took another volume', volume({ ref: { uid: 'c-1' }, boundBy: true }), claim('c-1', 'pv2'), { kind: 'unbind' }],
  ])('%s', (_what, v, c, want) => {
    expect(planVolumeSync(v, c)).toEqual(want)
  })
})

describe('planRecycle', () => {
  it('waits while a pod still uses the released claim', () => {
    expect(planRecycle(volume({ policy: 'Recycle' }), ['default/web-0'], false)).toEqual({
      kind: 'inUse',
      event: { type: 'Normal', reason: 'VolumeFailedRecycle', message: 'Volume is used by pods: default/web-0' },
    })
  })
  it('has no recycler for a volume that is neither hostPath nor NFS', () => {
    expect(planRecycle(volume({ policy: 'Recycle', csi: true }), [], false)).toEqual({
      kind: 'fail',
      event: { type: 'Warning', reason: 'VolumeFailedRecycle', message: 'No recycler plugin found for the volume!' },
    })
  })
  it('recycles hostPath and NFS volumes', () => {
    expect(planRecycle(volume({ policy: 'Recycle' }), [], false)).toEqual({ kind: 'recycle' })
    expect(planRecycle(volume({ policy: 'Recycle', nfs: true }), [], false)).toEqual({ kind: 'recycle' })
  })
})

describe('unboundVolume', () => {
  it('drops a claimRef the controller set, with its annotation', () => {
    const v = unboundVolume(volume({ ref: { uid: 'c-1' }, boundBy: true }))
    expect(v.spec?.claimRef).toBeUndefined()
    expect(v.metadata?.annotations).toBeUndefined()
  })
  it('keeps a claimRef its author set, without the uid', () => {
    const v = unboundVolume(volume({ ref: { uid: 'c-1' } }))
    expect(v.spec?.claimRef).toEqual({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data' })
  })
})
