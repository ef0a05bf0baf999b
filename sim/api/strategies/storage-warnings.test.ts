// The API server's warnings for PersistentVolumes (GetWarningsForPersistentVolume in
// pkg/api/persistentvolume/util.go, text from its util_test.go): a Recycle reclaim policy is deprecated
// (since 1.30, kubernetes#122339), on create and on every update.

import { describe, expect, it } from 'vitest'
import { testSim } from '../../testing/harness'
import type { KubeObject } from '../types'

const RECYCLE = 'spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning.'

function pv(policy: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'mypv1' },
    spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: policy, nfs: { server: '192.168.56.10', path: '/data/mypv1' } },
  } as unknown as KubeObject
}

describe('PersistentVolume warnings', () => {
  it('warns that Recycle is deprecated when a PV is created with it', () => {
    const sim = testSim({ systemPods: false })
    sim.api.create(pv('Recycle'), { actor: 'kubectl' })
    expect(sim.api.warnings()).toEqual([RECYCLE])
  })

  it('warns again on an update of such a PV', () => {
    const sim = testSim({ systemPods: false })
    sim.api.create(pv('Recycle'), { actor: 'kubectl' })
    sim.api.patch('PersistentVolume', '', 'mypv1', 'merge', { metadata: { labels: { a: 'b' } } }, { actor: 'kubectl' })
    expect(sim.api.warnings()).toEqual([RECYCLE])
  })

  it('has nothing to say about Retain or Delete', () => {
    const sim = testSim({ systemPods: false })
    sim.api.create(pv('Retain'), { actor: 'kubectl' })
    expect(sim.api.warnings()).toEqual([])
  })
})
