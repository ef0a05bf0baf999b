// Static binding by the PV controller, as a student sees it on a kubeadm cluster.
// Strings: statefulset-controller.md §3/§6.3, kubectl-output.md §11.5/§11.10, web-world.json.

import { describe, it, expect } from 'vitest'
import { testSim, createAs } from '../../testing/harness'
import { claim, eventsFor, getClaim, getVolume, persistentVolume, storageClass } from './test-fixtures'

describe('static binding', () => {
  it('binds a claim to the smallest volume that fits', () => {
    const sim = testSim()
    createAs(sim, persistentVolume('pv-10g', '10Gi'), persistentVolume('pv-2g', '2Gi'), persistentVolume('pv-500m', '500Mi'))
    createAs(sim, claim('data', '1Gi', { cls: '' }))
    sim.settle()
    expect(getClaim(sim, 'data')?.spec?.volumeName).toBe('pv-2g')
    expect(['pv-10g', 'pv-2g', 'pv-500m'].map((n) => getVolume(sim, n)?.status?.phase)).toEqual(['Available', 'Bound', 'Available'])
  })

  it('points the volume at the claim with a full claimRef', () => {
    const sim = testSim()
    createAs(sim, persistentVolume('pv-a', '5Gi'))
    const [c] = createAs(sim, claim('data', '1Gi', { cls: '' }))
    sim.settle()
    const ref = getVolume(sim, 'pv-a')?.spec?.claimRef
    expect(ref).toEqual({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: c.metadata.uid, apiVersion: 'v1', resourceVersion: expect.any(String) })
  })

  it('marks both sides bound by the controller, as a real cluster does', () => {
    const sim = testSim()
    createAs(sim, persistentVolume('pv-a', '5Gi'))
    createAs(sim, claim('data', '1Gi', { cls: '' }))
    sim.settle()
    expect(getVolume(sim, 'pv-a')?.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' })
    expect(getClaim(sim, 'data')?.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' })
  })

  it("copies the volume's access modes and capacity into the claim's status", () => {
    const sim = testSim()
    createAs(sim, persistentVolume('pv-a', '5Gi', { modes: ['ReadWriteOnce', 'ReadWriteMany'] }))
    createAs(sim, claim('data', '1Gi', { cls: '' }))
    sim.settle()
    expect(getClaim(sim, 'data')?.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce', 'ReadWriteMany'], capacity: { storage: '5Gi' } })
  })

  it('leaves volume and capacity empty while the claim is Pending', () => {
    const sim = testSim()
    createAs(sim, claim('data', '1Gi', { cls: '' }))
    sim.settle()
    const c = getClaim(sim, 'data')!
    expect(c.status).toEqual({ phase: 'Pending' })
    expect(c.spec?.volumeName).toBeUndefined()
  })

  it('binds a volume whose access modes include the requested ones', () => {
    const sim = testSim()
    createAs(sim, persistentVolume('rwo', '1Gi'), persistentVolume('rwx', '1Gi', { modes: ['ReadWriteMany', 'ReadOnlyMany'] }))
    createAs(sim, claim('shared', '1Gi', { cls: '', modes: ['ReadWriteMany'] }))
    sim.settle()
    expect(getClaim(sim, 'shared')?.spec?.volumeName).toBe('rwx')
  })

  it('binds a volume created after the claim at the next periodic sync', () => {
    const sim = testSim()
    createAs(sim, claim('data', '1Gi', { cls: '' }))
    sim.settle()
    const before = sim.now()
    createAs(sim, persistentVolume('pv-late', '1Gi'))
    expect(getClaim(sim, 'data')?.status?.phase).toBe('Pending')
    sim.settle()
    expect(getClaim(sim, 'data')?.spec?.volumeName).toBe('pv-late')
    // --pvclaimbinder-sync-period is 15s.
    expect(sim.now() - before).toBeLessThanOrEqual(15_000)
  })
})

describe('pre-binding', () => {
  it('binds the volume a claim names in spec.volumeName, not a smaller one', () => {
    const sim = testSim()
    createAs(sim, persistentVolume('small', '1Gi'), persistentVolume('chosen', '5Gi'))
    createAs(sim, claim('data', '1Gi', { cls: '', volumeName: 'chosen' }))
    sim.settle()
    expect(getVolume(sim, 'chosen')?.status?.phase).toBe('Bound')
    expect(getVolume(sim, 'small')?.status?.phase).toBe('Available')
  })

  it('does not mark a claim that named its volume as bound by the controller', () => {
    const sim = testSim()
    createAs(sim, persistentVolume('chosen', '5Gi'))
    createAs(sim, claim('data', '1Gi', { cls: '', volumeName: 'chosen' }))
    sim.settle()
    expect(getClaim(sim, 'data')?.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes' })
    expect(getVolume(sim, 'chosen')?.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' })
  })

  it('keeps a volume reserved by claimRef for the claim of that name', () => {
    const sim = testSim()
    createAs(sim, persistentVolume('reserved', '5Gi', { claimRef: { name: 'data', namespace: 'default' } }), persistentVolume('small', '1Gi'))
    createAs(sim, claim('other', '1Gi', { cls: '' }), claim('data', '1Gi', { cls: '' }))
    sim.settle()
    expect(getClaim(sim, 'other')?.spec?.volumeName).toBe('small')
    expect(getClaim(sim, 'data')?.spec?.volumeName).toBe('reserved')
    expect(getVolume(sim, 'reserved')?.metadata.annotations).toBeUndefined()
  })

  it('refuses a named volume that is too small, with VolumeMismatch', () => {
    const sim = testSim()
    createAs(sim, persistentVolume('tiny', '100Mi'))
    createAs(sim, claim('data', '1Gi', { cls: '', volumeName: 'tiny' }))
    expect(getClaim(sim, 'data')?.status?.phase).toBe('Pending')
    expect(eventsFor(sim, 'PersistentVolumeClaim', 'data')).toEqual([
      ['Warning', 'VolumeMismatch', 'Cannot bind to requested volume "tiny": requested PV is too small', 'persistentvolume-controller', 1],
    ])
  })
})

describe('classes', () => {
  it('keeps a claim of another class Pending next to a fitting class-less volume', () => {
    const sim = testSim()
    createAs(sim, storageClass('manual', 'kubernetes.io/no-provisioner', { mode: 'Immediate' }))
    createAs(sim, persistentVolume('pv-a', '5Gi'))
    createAs(sim, claim('data', '1Gi', { cls: 'manual' }))
    expect(getClaim(sim, 'data')?.status?.phase).toBe('Pending')
    expect(getVolume(sim, 'pv-a')?.status?.phase).toBe('Available')
    expect(eventsFor(sim, 'PersistentVolumeClaim', 'data')).toEqual([
      ['Warning', 'ProvisioningFailed', 'no volume plugin matched name: kubernetes.io/no-provisioner', 'persistentvolume-controller', 1],
    ])
  })

  it('binds a claim to a static volume of its class', () => {
    const sim = testSim()
    createAs(sim, storageClass('manual', 'kubernetes.io/no-provisioner', { mode: 'Immediate' }))
    createAs(sim, persistentVolume('plain', '1Gi'), persistentVolume('manual-1', '5Gi', { cls: 'manual' }))
    createAs(sim, claim('data', '1Gi', { cls: 'manual' }))
    sim.settle()
    expect(getClaim(sim, 'data')?.spec?.volumeName).toBe('manual-1')
  })

  it('gives a claim that names no class the default class when it is created', () => {
    const sim = testSim()
    createAs(sim, claim('data', '1Gi', { cls: null }))
    expect(getClaim(sim, 'data')?.spec?.storageClassName).toBe('standard')
  })

  it('does not bind a class-less volume to a claim that got the default class', () => {
    const sim = testSim()
    createAs(sim, persistentVolume('plain', '5Gi'))
    createAs(sim, claim('data', '1Gi', { cls: null }))
    sim.settle()
    expect(getVolume(sim, 'plain')?.status?.phase).toBe('Available')
    expect(getClaim(sim, 'data')?.status?.phase).toBe('Pending')
  })
})

describe('no class and no default class', () => {
  const noDefault = () => testSim({ storageClasses: [] })

  it('binds a claim without a class to a class-less volume', () => {
    const sim = noDefault()
    createAs(sim, persistentVolume('plain', '5Gi'))
    createAs(sim, claim('data', '1Gi', { cls: null }))
    sim.settle()
    expect(getClaim(sim, 'data')?.spec?.volumeName).toBe('plain')
  })

  it('keeps the claim Pending and says no storage class is set', () => {
    const sim = noDefault()
    createAs(sim, claim('data', '1Gi', { cls: null }))
    expect(getClaim(sim, 'data')?.status?.phase).toBe('Pending')
    expect(eventsFor(sim, 'PersistentVolumeClaim', 'data')).toEqual([
      ['Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set', 'persistentvolume-controller', 1],
    ])
  })

  it('repeats the FailedBinding event at every 15s sync as one aggregated event', () => {
    const sim = noDefault()
    createAs(sim, claim('data', '1Gi', { cls: null }))
    sim.tick(30_000)
    const events = eventsFor(sim, 'PersistentVolumeClaim', 'data')
    expect(events).toHaveLength(1)
    expect(events[0][4]).toBe(3)
  })

  it('assigns a default class created later to a claim still Pending', () => {
    const sim = noDefault()
    createAs(sim, claim('data', '1Gi', { cls: null }))
    sim.settle()
    const sc = storageClass('late', 'rancher.io/local-path', { mode: 'WaitForFirstConsumer' })
    createAs(sim, { ...sc, metadata: { name: 'late', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } })
    sim.settle()
    expect(getClaim(sim, 'data')?.spec?.storageClassName).toBe('late')
  })
})
