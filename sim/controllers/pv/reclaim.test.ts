// What happens to a volume when its claim is deleted: Released, then the reclaim policy.
// Behaviour and strings: statefulset-controller.md §6.3, pv_controller.go (syncVolume, reclaimVolume,
// deleteVolumeOperation, recycleVolumeOperation), pkg/volume/hostpath (the /tmp-only deleter).

import { describe, it, expect } from 'vitest'
import type { Simulation } from '../../simulation'
import { testSim, createAs } from '../../testing/harness'
import { pvVolumeId } from '../../storage/volume-store'
import { claim, eventsFor, getClaim, getVolume, persistentVolume, selectNode } from './test-fixtures'

/** A static volume bound to claim `data`, with a file written on it. */
function boundStatic(opts: { policy?: string; path?: string } = {}): { sim: Simulation; claimUid: string } {
  const sim = testSim()
  createAs(sim, persistentVolume('pv-a', '1Gi', opts))
  const [c] = createAs(sim, claim('data', '1Gi', { cls: '' }))
  sim.settle()
  sim.volumes.get(pvVolumeId('pv-a')).writeFile('/index.html', 'hello')
  return { sim, claimUid: c.metadata.uid! }
}

function deleteClaim(sim: Simulation, name = 'data'): void {
  sim.api.delete('PersistentVolumeClaim', 'default', name, { actor: 'kubectl' })
  sim.settle()
}

describe('Retain (the default for volumes made by hand)', () => {
  it('releases the volume when its claim is deleted', () => {
    const { sim } = boundStatic()
    deleteClaim(sim)
    expect(getClaim(sim, 'data')).toBeUndefined()
    expect(getVolume(sim, 'pv-a')?.status?.phase).toBe('Released')
    expect(getVolume(sim, 'pv-a')?.spec?.persistentVolumeReclaimPolicy).toBe('Retain')
  })

  it('keeps the old claim uid in the released volume', () => {
    const { sim, claimUid } = boundStatic()
    deleteClaim(sim)
    expect(getVolume(sim, 'pv-a')?.spec?.claimRef).toMatchObject({ name: 'data', namespace: 'default', uid: claimUid })
  })

  it('keeps the data', () => {
    const { sim } = boundStatic()
    deleteClaim(sim)
    expect(sim.volumes.get(pvVolumeId('pv-a')).readFile('/index.html')).toBe('hello')
  })

  it('does not bind a new claim of the same name to the released volume', () => {
    const { sim } = boundStatic()
    deleteClaim(sim)
    createAs(sim, claim('data', '1Gi', { cls: '' }))
    sim.tick(30_000)
    expect(getClaim(sim, 'data')?.status?.phase).toBe('Pending')
    expect(getVolume(sim, 'pv-a')?.status?.phase).toBe('Released')
    expect(eventsFor(sim, 'PersistentVolumeClaim', 'data').map((e) => e[1])).toEqual(['FailedBinding'])
  })

  it('makes the volume Available again once the admin removes its claimRef', () => {
    const { sim } = boundStatic()
    deleteClaim(sim)
    const pv = getVolume(sim, 'pv-a')!
    const spec = { ...pv.spec }
    delete spec.claimRef
    sim.api.update({ ...pv, spec }, { actor: 'kubectl' })
    sim.settle()
    expect(getVolume(sim, 'pv-a')?.status?.phase).toBe('Available')
  })
})

describe('Delete', () => {
  function provisioned(): { sim: Simulation; pvName: string } {
    const sim = testSim()
    const [c] = createAs(sim, claim('www-web-0', '1Gi', { cls: null }))
    selectNode(sim, 'www-web-0', 'k8s-node1')
    sim.settle()
    const pvName = `pvc-${c.metadata.uid}`
    sim.volumes.get(pvVolumeId(pvName)).writeFile('/index.html', 'web-0')
    return { sim, pvName }
  }

  it('removes a provisioned volume once its claim is deleted', () => {
    const { sim, pvName } = provisioned()
    deleteClaim(sim, 'www-web-0')
    expect(getVolume(sim, pvName)).toBeUndefined()
  })

  it('drops the data of a provisioned volume', () => {
    const { sim, pvName } = provisioned()
    deleteClaim(sim, 'www-web-0')
    expect(sim.volumes.has(pvVolumeId(pvName))).toBe(false)
  })

  it('shows the volume Released while the provisioner deletes it', () => {
    const { sim, pvName } = provisioned()
    sim.api.delete('PersistentVolumeClaim', 'default', 'www-web-0', { actor: 'kubectl' })
    sim.drain()
    expect(getVolume(sim, pvName)?.status?.phase).toBe('Released')
  })

  it('deletes a hostPath volume under /tmp and its data', () => {
    const { sim } = boundStatic({ policy: 'Delete', path: '/tmp/pv-a' })
    deleteClaim(sim)
    expect(getVolume(sim, 'pv-a')).toBeUndefined()
    expect(sim.volumes.has(pvVolumeId('pv-a'))).toBe(false)
  })

  it('fails to delete a hostPath volume outside /tmp, and says why', () => {
    const { sim } = boundStatic({ policy: 'Delete', path: '/mnt/web-data' })
    deleteClaim(sim)
    const pv = getVolume(sim, 'pv-a')!
    expect(pv.status?.phase).toBe('Failed')
    expect(pv.status?.message).toBe('host_path deleter only supports /tmp/.+ but received provided /mnt/web-data')
    expect(eventsFor(sim, 'PersistentVolume', 'pv-a')).toEqual([
      ['Warning', 'VolumeFailedDelete', 'host_path deleter only supports /tmp/.+ but received provided /mnt/web-data', 'persistentvolume-controller', 1],
    ])
    expect(sim.volumes.get(pvVolumeId('pv-a')).readFile('/index.html')).toBe('hello')
  })

  it('leaves a volume of a provisioner that is not running Released', () => {
    const sim = testSim({ provisioners: [] })
    createAs(sim, {
      ...persistentVolume('pvc-x', '1Gi', { policy: 'Delete', cls: 'standard' }),
      metadata: { name: 'pvc-x', annotations: { 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' } },
    })
    createAs(sim, claim('data', '1Gi', { cls: 'standard', volumeName: 'pvc-x' }))
    sim.settle()
    deleteClaim(sim)
    expect(getVolume(sim, 'pvc-x')?.status?.phase).toBe('Released')
  })
})

describe('Recycle', () => {
  it('scrubs the data', () => {
    const { sim } = boundStatic({ policy: 'Recycle' })
    deleteClaim(sim)
    expect(sim.volumes.get(pvVolumeId('pv-a')).exists('/index.html')).toBe(false)
  })

  it('makes the volume Available again, without a claimRef', () => {
    const { sim } = boundStatic({ policy: 'Recycle' })
    deleteClaim(sim)
    const pv = getVolume(sim, 'pv-a')!
    expect(pv.status?.phase).toBe('Available')
    expect(pv.spec?.claimRef).toBeUndefined()
    expect(pv.metadata.annotations).toBeUndefined()
  })

  it('says Volume recycled', () => {
    const { sim } = boundStatic({ policy: 'Recycle' })
    deleteClaim(sim)
    const last = eventsFor(sim, 'PersistentVolume', 'pv-a').at(-1)
    expect(last).toEqual(['Normal', 'VolumeRecycled', 'Volume recycled', 'persistentvolume-controller', 1])
  })

  it('forwards the recycler pod’s events as RecyclerPod', () => {
    const { sim } = boundStatic({ policy: 'Recycle' })
    deleteClaim(sim)
    const recycler = eventsFor(sim, 'PersistentVolume', 'pv-a').filter((e) => e[1] === 'RecyclerPod')
    expect(recycler[0][2]).toMatch(/^Recycler pod: Successfully assigned default\/recycler-for-pv-a to k8s-node[12]$/)
  })

  it('lets a new claim bind the recycled volume', () => {
    const { sim } = boundStatic({ policy: 'Recycle' })
    deleteClaim(sim)
    createAs(sim, claim('again', '1Gi', { cls: '' }))
    sim.settle()
    expect(getClaim(sim, 'again')?.spec?.volumeName).toBe('pv-a')
  })
})

describe('a bound volume whose object is deleted', () => {
  it('loses the claim: Lost, with ClaimLost', () => {
    const { sim } = boundStatic()
    // Force past pv-protection, as `kubectl patch pv pv-a -p '{"metadata":{"finalizers":null}}'` would.
    sim.api.delete('PersistentVolume', '', 'pv-a', { actor: 'kubectl' })
    const terminating = getVolume(sim, 'pv-a')!
    sim.api.update({ ...terminating, metadata: { ...terminating.metadata, finalizers: undefined } }, { actor: 'kubectl' })
    sim.settle()
    expect(getVolume(sim, 'pv-a')).toBeUndefined()
    expect(getClaim(sim, 'data')?.status?.phase).toBe('Lost')
    expect(eventsFor(sim, 'PersistentVolumeClaim', 'data').at(-1)).toEqual([
      'Warning',
      'ClaimLost',
      'Bound claim has lost its PersistentVolume. Data on the volume is lost!',
      'persistentvolume-controller',
      1,
    ])
  })
})
