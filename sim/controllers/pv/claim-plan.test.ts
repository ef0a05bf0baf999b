import { describe, it, expect } from 'vitest'
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../api/types'
import { planClaimSync, type ClaimWorld } from './claim-plan'

const standard: StorageClass = {
  metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
  provisioner: 'rancher.io/local-path',
  volumeBindingMode: 'WaitForFirstConsumer',
}
const nfs: StorageClass = { metadata: { name: 'nfs' }, provisioner: 'nfs.csi.k8s.io', volumeBindingMode: 'Immediate' }
const local: StorageClass = { metadata: { name: 'local' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'Immediate' }

function claim(opts: { cls?: string | null; ann?: Record<string, string>; volumeName?: string; phase?: string } = {}): PersistentVolumeClaim {
  return {
    metadata: { name: 'www-web-0', namespace: 'default', uid: 'c-1', annotations: opts.ann },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '1Gi' } },
      storageClassName: opts.cls === null ? undefined : (opts.cls ?? 'standard'),
      volumeName: opts.volumeName,
    },
    status: { phase: opts.phase ?? 'Pending' },
  }
}

function volume(name: string, opts: { cls?: string; claimUid?: string; size?: string } = {}): PersistentVolume {
  return {
    metadata: { name },
    spec: {
      capacity: { storage: opts.size ?? '1Gi' },
      accessModes: ['ReadWriteOnce'],
      storageClassName: opts.cls,
      claimRef: opts.claimUid ? { name: 'www-web-0', namespace: 'default', uid: opts.claimUid } : undefined,
    },
    status: { phase: opts.claimUid ? 'Bound' : 'Available' },
  }
}

function pod(name: string, nodeName?: string): Pod {
  return {
    metadata: { name, namespace: 'default' },
    spec: { nodeName, containers: [{ name: 'nginx' }], volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }] },
    status: { phase: 'Pending' },
  }
}

function world(w: Partial<ClaimWorld> = {}): ClaimWorld {
  return { volumes: [], classes: [standard, nfs, local], pods: [], ...w }
}

const BOUND = { 'pv.kubernetes.io/bind-completed': 'yes' }

describe('planClaimSync', () => {
  it.each<[string, PersistentVolumeClaim, ClaimWorld, unknown]>([
    ['binds a fitting class-less volume to a claim of class ""', claim({ cls: '' }), world({ volumes: [volume('pv1')] }), { kind: 'bind', volume: 'pv1' }],
    [
      'says no class is set when nothing fits a claim of class ""',
      claim({ cls: '' }),
      world(),
      { kind: 'pending', event: { type: 'Normal', reason: 'FailedBinding', message: 'no persistent volumes available for this claim and no storage class is set' } },
    ],
    ['gives a class-less claim the default class when nothing fits', claim({ cls: null }), world(), { kind: 'assignDefaultClass', className: 'standard' }],
    [
      'waits for the first consumer under WaitForFirstConsumer',
      claim(),
      world(),
      { kind: 'pending', event: { type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding' } },
    ],
    [
      'waits for an unscheduled pod that uses the claim',
      claim(),
      world({ pods: [pod('web-0')] }),
      { kind: 'pending', event: { type: 'Normal', reason: 'WaitForPodScheduled', message: 'waiting for pod web-0 to be scheduled' } },
    ],
    ['asks the provisioner once the scheduler picked a node', claim({ ann: { 'volume.kubernetes.io/selected-node': 'k8s-node1' } }), world(), { kind: 'provisionExternal', provisioner: 'rancher.io/local-path' }],
    ['asks the provisioner at once for an Immediate class', claim({ cls: 'nfs' }), world(), { kind: 'provisionExternal', provisioner: 'nfs.csi.k8s.io' }],
    [
      'reports a class that does not exist',
      claim({ cls: 'fast' }),
      world(),
      { kind: 'pending', event: { type: 'Warning', reason: 'ProvisioningFailed', message: 'storageclass.storage.k8s.io "fast" not found' } },
    ],
    [
      'reports that kubernetes.io/no-provisioner provisions nothing',
      claim({ cls: 'local' }),
      world(),
      { kind: 'pending', event: { type: 'Warning', reason: 'ProvisioningFailed', message: 'no volume plugin matched name: kubernetes.io/no-provisioner' } },
    ],
    ['binds a static volume of an Immediate class', claim({ cls: 'nfs' }), world({ volumes: [volume('pv1', { cls: 'nfs' })] }), { kind: 'bind', volume: 'pv1' }],
    ['leaves an unbound volume of a WaitForFirstConsumer class to the scheduler', claim(), world({ volumes: [volume('pv1', { cls: 'standard' })] }), expect.objectContaining({ kind: 'pending' })],
    ['binds the volume a provisioner made for the claim', claim({ ann: { 'volume.kubernetes.io/selected-node': 'n' } }), world({ volumes: [volume('pvc-c-1', { cls: 'standard', claimUid: 'c-1' })] }), { kind: 'bind', volume: 'pvc-c-1' }],
    ['waits for a named volume that does not exist yet', claim({ cls: '', volumeName: 'pv9' }), world(), { kind: 'pending' }],
    ['binds the named volume', claim({ cls: '', volumeName: 'pv1' }), world({ volumes: [volume('pv1')] }), { kind: 'bind', volume: 'pv1' }],
    [
      'refuses a named volume that is too small',
      claim({ cls: '', volumeName: 'pv1' }),
      world({ volumes: [volume('pv1', { size: '500Mi' })] }),
      { kind: 'pending', event: { type: 'Warning', reason: 'VolumeMismatch', message: 'Cannot bind to requested volume "pv1": requested PV is too small' } },
    ],
    [
      'refuses a named volume bound to another claim',
      claim({ cls: '', volumeName: 'pv1' }),
      world({ volumes: [volume('pv1', { claimUid: 'other' })] }),
      { kind: 'pending', event: { type: 'Warning', reason: 'FailedBinding', message: 'volume "pv1" already bound to a different claim.' } },
    ],
    ['repairs a bound claim whose volume lost its claimRef', claim({ ann: BOUND, volumeName: 'pv1', phase: 'Bound' }), world({ volumes: [volume('pv1')] }), { kind: 'bind', volume: 'pv1' }],
    ['changes nothing for a correctly bound claim but a no-op bind', claim({ ann: BOUND, volumeName: 'pv1', phase: 'Bound' }), world({ volumes: [volume('pv1', { claimUid: 'c-1' })] }), { kind: 'bind', volume: 'pv1' }],
    [
      'loses a bound claim whose volume is gone',
      claim({ ann: BOUND, volumeName: 'pv1', phase: 'Bound' }),
      world(),
      { kind: 'lost', event: { type: 'Warning', reason: 'ClaimLost', message: 'Bound claim has lost its PersistentVolume. Data on the volume is lost!' } },
    ],
    [
      'loses a bound claim whose volume belongs to another claim',
      claim({ ann: BOUND, volumeName: 'pv1', phase: 'Bound' }),
      world({ volumes: [volume('pv1', { claimUid: 'other' })] }),
      { kind: 'lost', event: { type: 'Warning', reason: 'ClaimMisbound', message: 'Two claims are bound to the same volume, this one is bound incorrectly' } },
    ],
    ['does nothing more for a claim already Lost', claim({ ann: BOUND, volumeName: 'pv1', phase: 'Lost' }), world(), { kind: 'none' }],
  ])('%s', (_what, c, w, want) => {
    expect(planClaimSync(c, w)).toEqual(want)
  })

  it('names every unscheduled pod that waits for the claim', () => {
    const plan = planClaimSync(claim(), world({ pods: [pod('a'), pod('b'), pod('c', 'k8s-node1')] }))
    expect(plan).toEqual({ kind: 'pending', event: { type: 'Normal', reason: 'WaitForPodScheduled', message: 'waiting for pods a,b to be scheduled' } })
  })
})
