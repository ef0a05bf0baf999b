// Storage object in-use protection: statefulset-controller.md §6.3 ("deleting a PVC used by a pod
// leaves it Terminating until the pod is gone"), pvc_protection_controller.go, pv_protection_controller.go.

import { describe, it, expect } from 'vitest'
import type { Simulation } from '../../simulation'
import { testSim, createAs } from '../../testing/harness'
import { claim, getClaim, getVolume, persistentVolume, podUsing } from './test-fixtures'

function boundWithPod(): Simulation {
  const sim = testSim()
  createAs(sim, persistentVolume('pv-a', '1Gi'))
  createAs(sim, claim('data', '1Gi', { cls: '' }))
  createAs(sim, podUsing('web-0', 'data'))
  sim.settle()
  return sim
}

describe('pvc-protection', () => {
  it('puts kubernetes.io/pvc-protection on every new claim', () => {
    const sim = testSim()
    createAs(sim, claim('data', '1Gi', { cls: '' }))
    expect(getClaim(sim, 'data')?.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection'])
  })

  it('keeps a claim a pod uses Terminating after it is deleted', () => {
    const sim = boundWithPod()
    sim.api.delete('PersistentVolumeClaim', 'default', 'data', { actor: 'kubectl' })
    sim.tick(60_000)
    const c = getClaim(sim, 'data')
    expect(c?.metadata.deletionTimestamp).toBeDefined()
    expect(c?.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection'])
    expect(c?.status?.phase).toBe('Bound')
  })

  it('removes the claim once the pod using it is gone', () => {
    const sim = boundWithPod()
    sim.api.delete('PersistentVolumeClaim', 'default', 'data', { actor: 'kubectl' })
    sim.settle()
    sim.api.delete('Pod', 'default', 'web-0', { actor: 'kubectl', gracePeriodSeconds: 0 })
    sim.settle()
    expect(getClaim(sim, 'data')).toBeUndefined()
    expect(getVolume(sim, 'pv-a')?.status?.phase).toBe('Released')
  })

  it('removes a claim no pod uses at once', () => {
    const sim = testSim()
    createAs(sim, persistentVolume('pv-a', '1Gi'))
    createAs(sim, claim('data', '1Gi', { cls: '' }))
    sim.settle()
    sim.api.delete('PersistentVolumeClaim', 'default', 'data', { actor: 'kubectl' })
    sim.drain()
    expect(getClaim(sim, 'data')).toBeUndefined()
  })

  it('does not count a pod that was never scheduled', () => {
    const sim = testSim()
    createAs(sim, claim('data', '1Gi', { cls: '' }))
    const pod = podUsing('web-0', 'data') as { spec: { nodeName?: string } }
    delete pod.spec.nodeName
    createAs(sim, pod)
    sim.api.delete('PersistentVolumeClaim', 'default', 'data', { actor: 'kubectl' })
    sim.drain()
    expect(getClaim(sim, 'data')).toBeUndefined()
  })

  it('gives the finalizer back to a claim that lost it', () => {
    const sim = testSim()
    createAs(sim, claim('data', '1Gi', { cls: '' }))
    const c = getClaim(sim, 'data')!
    sim.api.update({ ...c, metadata: { ...c.metadata, finalizers: undefined } }, { actor: 'kubectl' })
    sim.drain()
    expect(getClaim(sim, 'data')?.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection'])
  })
})

describe('pv-protection', () => {
  it('puts kubernetes.io/pv-protection on every new volume', () => {
    const sim = testSim()
    createAs(sim, persistentVolume('pv-a', '1Gi'))
    expect(getVolume(sim, 'pv-a')?.metadata.finalizers).toEqual(['kubernetes.io/pv-protection'])
  })

  it('keeps a Bound volume Terminating after it is deleted', () => {
    const sim = boundWithPod()
    sim.api.delete('PersistentVolume', '', 'pv-a', { actor: 'kubectl' })
    sim.settle()
    const pv = getVolume(sim, 'pv-a')
    expect(pv?.metadata.deletionTimestamp).toBeDefined()
    expect(pv?.status?.phase).toBe('Bound')
  })

  it('removes a deleted volume once its claim and the pod are gone', () => {
    const sim = boundWithPod()
    sim.api.delete('PersistentVolume', '', 'pv-a', { actor: 'kubectl' })
    sim.api.delete('PersistentVolumeClaim', 'default', 'data', { actor: 'kubectl' })
    sim.api.delete('Pod', 'default', 'web-0', { actor: 'kubectl', gracePeriodSeconds: 0 })
    sim.settle()
    expect(getClaim(sim, 'data')).toBeUndefined()
    expect(getVolume(sim, 'pv-a')).toBeUndefined()
  })

  it('removes an Available volume at once', () => {
    const sim = testSim()
    createAs(sim, persistentVolume('pv-a', '1Gi'))
    sim.api.delete('PersistentVolume', '', 'pv-a', { actor: 'kubectl' })
    sim.drain()
    expect(getVolume(sim, 'pv-a')).toBeUndefined()
  })
})
