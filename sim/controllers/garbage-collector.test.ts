import { describe, it, expect } from 'vitest'
import { testSim } from '../testing/harness'
import type { Simulation } from '../simulation'
import type { KubeObject, OwnerReference } from '../api/types'

const as = { actor: 'kubectl' }

function ref(o: KubeObject, extra: Partial<OwnerReference> = {}): OwnerReference {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name!, uid: o.metadata.uid!, ...extra }
}

function cm(sim: Simulation, name: string, owners: OwnerReference[] = []): KubeObject {
  const o = sim.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ownerReferences: owners.length ? owners : undefined } } as KubeObject, as)
  sim.drain()
  return o
}

/** A pod bound to a node, so that deleting it is graceful (it stays Terminating until the kubelet confirms). */
function boundPod(sim: Simulation, name: string, owners: OwnerReference[]): KubeObject {
  const o = sim.api.create(
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, ownerReferences: owners },
      spec: { nodeName: 'k8s-node1', containers: [{ name: 'c', image: 'nginx' }] },
    } as KubeObject,
    as,
  )
  sim.drain()
  return o
}

/** What the kubelet does once the containers are gone: the final delete with grace period 0. */
function kubeletConfirms(sim: Simulation, name: string): void {
  sim.api.delete('Pod', 'default', name, { actor: 'kubelet', gracePeriodSeconds: 0 })
  sim.drain()
}

function isolated(): Simulation {
  const sim = testSim()
  // Unplugged kubelets leave hand-made pods exactly as the test writes them.
  sim.failNode('k8s-node1')
  sim.failNode('k8s-node2')
  return sim
}

const get = (sim: Simulation, kind: 'ConfigMap' | 'Pod' | 'PersistentVolumeClaim', name: string) => sim.api.get(kind, 'default', name)

describe('garbage collector: background cascade', () => {
  it('deletes a dependent once its only owner is deleted', () => {
    const sim = isolated()
    const owner = cm(sim, 'owner')
    cm(sim, 'dep', [ref(owner, { controller: true, blockOwnerDeletion: true })])
    sim.api.delete('ConfigMap', 'default', 'owner', as)
    sim.drain()
    expect(get(sim, 'ConfigMap', 'owner')).toBeUndefined()
    expect(get(sim, 'ConfigMap', 'dep')).toBeUndefined()
  })

  it('deletes a dependent whose owner never existed', () => {
    const sim = isolated()
    cm(sim, 'dep', [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'ghost', uid: '00000000-0000-4000-8000-000000000000' }])
    expect(get(sim, 'ConfigMap', 'dep')).toBeUndefined()
  })

  it('deletes a dependent whose owner name now belongs to an object with another uid', () => {
    const sim = isolated()
    cm(sim, 'owner')
    cm(sim, 'dep', [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: '00000000-0000-4000-8000-000000000000' }])
    expect(get(sim, 'ConfigMap', 'dep')).toBeUndefined()
    expect(get(sim, 'ConfigMap', 'owner')).toBeDefined()
  })

  it('keeps a dependent that still has a live owner and drops the dead reference', () => {
    const sim = isolated()
    const a = cm(sim, 'a')
    const b = cm(sim, 'b')
    cm(sim, 'dep', [ref(a), ref(b)])
    sim.api.delete('ConfigMap', 'default', 'a', as)
    sim.drain()
    expect(get(sim, 'ConfigMap', 'dep')?.metadata.ownerReferences).toEqual([ref(b)])
  })

  it('deletes dependent pods gracefully: they are Terminating until the kubelet confirms', () => {
    const sim = isolated()
    const owner = cm(sim, 'owner')
    boundPod(sim, 'web-0', [ref(owner, { controller: true, blockOwnerDeletion: true })])
    sim.api.delete('ConfigMap', 'default', 'owner', as)
    sim.drain()
    const pod = get(sim, 'Pod', 'web-0')
    expect(pod?.metadata.deletionTimestamp).toBeDefined()
    expect(pod?.metadata.deletionGracePeriodSeconds).toBe(30)
  })

  it('deletes a claim whose owner reference points to a deleted pod (retention policy whenScaled: Delete)', () => {
    const sim = isolated()
    const pod = boundPod(sim, 'web-1', [])
    sim.api.create(
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'www-web-1', ownerReferences: [ref(pod, { controller: true, blockOwnerDeletion: true })] },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      } as KubeObject,
      as,
    )
    sim.drain()
    sim.api.delete('Pod', 'default', 'web-1', as)
    sim.drain()
    expect(get(sim, 'PersistentVolumeClaim', 'www-web-1')?.metadata.deletionTimestamp).toBeUndefined()
    kubeletConfirms(sim, 'web-1')
    // Gone, or Terminating while the pvc-protection finalizer holds it.
    const claim = get(sim, 'PersistentVolumeClaim', 'www-web-1')
    expect(claim === undefined || claim.metadata.deletionTimestamp !== undefined).toBe(true)
  })

  it('writes as the garbage collector', () => {
    const sim = isolated()
    const owner = cm(sim, 'owner')
    cm(sim, 'dep', [ref(owner)])
    sim.api.delete('ConfigMap', 'default', 'owner', as)
    sim.drain()
    const deletion = sim.api.audit.find((a) => a.verb === 'delete' && a.ref.name === 'dep')
    expect(deletion?.actor).toBe('garbage-collector')
  })
})

describe('garbage collector: orphan', () => {
  it('keeps the dependents and removes the owner reference from them', () => {
    const sim = isolated()
    const owner = cm(sim, 'owner')
    const other = cm(sim, 'other')
    cm(sim, 'dep', [ref(owner, { controller: true, blockOwnerDeletion: true }), ref(other)])
    cm(sim, 'only', [ref(owner, { controller: true, blockOwnerDeletion: true })])
    sim.api.delete('ConfigMap', 'default', 'owner', { ...as, propagationPolicy: 'Orphan' })
    sim.drain()
    expect(get(sim, 'ConfigMap', 'owner')).toBeUndefined()
    expect(get(sim, 'ConfigMap', 'dep')?.metadata.ownerReferences).toEqual([ref(other)])
    expect(get(sim, 'ConfigMap', 'only')).toBeDefined()
    expect(get(sim, 'ConfigMap', 'only')?.metadata.ownerReferences).toBeUndefined()
  })

  it('lets the owner go at once when it has no dependents', () => {
    const sim = isolated()
    cm(sim, 'owner')
    sim.api.delete('ConfigMap', 'default', 'owner', { ...as, propagationPolicy: 'Orphan' })
    sim.drain()
    expect(get(sim, 'ConfigMap', 'owner')).toBeUndefined()
  })

  it('keeps pods running: no deletion timestamp on orphaned pods', () => {
    const sim = isolated()
    const owner = cm(sim, 'owner')
    boundPod(sim, 'web-0', [ref(owner, { controller: true, blockOwnerDeletion: true })])
    sim.api.delete('ConfigMap', 'default', 'owner', { ...as, propagationPolicy: 'Orphan' })
    sim.drain()
    const pod = get(sim, 'Pod', 'web-0')
    expect(pod?.metadata.deletionTimestamp).toBeUndefined()
    expect(pod?.metadata.ownerReferences).toBeUndefined()
  })
})

describe('garbage collector: foreground', () => {
  it('keeps the owner, with deletionTimestamp and the foregroundDeletion finalizer, while a blocking dependent exists', () => {
    const sim = isolated()
    const owner = cm(sim, 'owner')
    boundPod(sim, 'web-0', [ref(owner, { controller: true, blockOwnerDeletion: true })])
    sim.api.delete('ConfigMap', 'default', 'owner', { ...as, propagationPolicy: 'Foreground' })
    sim.drain()
    const o = get(sim, 'ConfigMap', 'owner')
    expect(o?.metadata.deletionTimestamp).toBeDefined()
    expect(o?.metadata.finalizers).toEqual(['foregroundDeletion'])
    expect(get(sim, 'Pod', 'web-0')?.metadata.deletionTimestamp).toBeDefined()
  })

  it('lets the owner go once the last blocking dependent is gone', () => {
    const sim = isolated()
    const owner = cm(sim, 'owner')
    boundPod(sim, 'web-0', [ref(owner, { controller: true, blockOwnerDeletion: true })])
    boundPod(sim, 'web-1', [ref(owner, { controller: true, blockOwnerDeletion: true })])
    sim.api.delete('ConfigMap', 'default', 'owner', { ...as, propagationPolicy: 'Foreground' })
    sim.drain()
    kubeletConfirms(sim, 'web-0')
    expect(get(sim, 'ConfigMap', 'owner')).toBeDefined()
    kubeletConfirms(sim, 'web-1')
    expect(get(sim, 'ConfigMap', 'owner')).toBeUndefined()
  })

  it('does not wait for dependents without blockOwnerDeletion, but still deletes them', () => {
    const sim = isolated()
    const owner = cm(sim, 'owner')
    boundPod(sim, 'web-0', [ref(owner)])
    sim.api.delete('ConfigMap', 'default', 'owner', { ...as, propagationPolicy: 'Foreground' })
    sim.drain()
    expect(get(sim, 'ConfigMap', 'owner')).toBeUndefined()
    expect(get(sim, 'Pod', 'web-0')?.metadata.deletionTimestamp).toBeDefined()
  })

  it('removes its own finalizer at once when there are no dependents', () => {
    const sim = isolated()
    cm(sim, 'owner')
    sim.api.delete('ConfigMap', 'default', 'owner', { ...as, propagationPolicy: 'Foreground' })
    sim.drain()
    expect(get(sim, 'ConfigMap', 'owner')).toBeUndefined()
  })

  it('deletes a dependent that has dependents of its own in the foreground too', () => {
    const sim = isolated()
    const top = cm(sim, 'top')
    const middle = cm(sim, 'middle', [ref(top, { controller: true, blockOwnerDeletion: true })])
    boundPod(sim, 'leaf', [ref(middle, { controller: true, blockOwnerDeletion: true })])
    sim.api.delete('ConfigMap', 'default', 'top', { ...as, propagationPolicy: 'Foreground' })
    sim.drain()
    expect(get(sim, 'ConfigMap', 'middle')?.metadata.finalizers).toEqual(['foregroundDeletion'])
    expect(get(sim, 'ConfigMap', 'top')?.metadata.finalizers).toEqual(['foregroundDeletion'])
    kubeletConfirms(sim, 'leaf')
    expect(get(sim, 'ConfigMap', 'middle')).toBeUndefined()
    expect(get(sim, 'ConfigMap', 'top')).toBeUndefined()
  })

  it('drops the reference of a dependent that has another live owner instead of deleting it', () => {
    const sim = isolated()
    const owner = cm(sim, 'owner')
    const keeper = cm(sim, 'keeper')
    cm(sim, 'dep', [ref(owner, { blockOwnerDeletion: true }), ref(keeper)])
    sim.api.delete('ConfigMap', 'default', 'owner', { ...as, propagationPolicy: 'Foreground' })
    sim.drain()
    expect(get(sim, 'ConfigMap', 'owner')).toBeUndefined()
    expect(get(sim, 'ConfigMap', 'dep')?.metadata.ownerReferences).toEqual([ref(keeper)])
  })
})

describe('garbage collector: restore', () => {
  it('finishes a foreground deletion that was in progress when the session was saved', async () => {
    const { restoreSimulation } = await import('../simulation')
    const sim = isolated()
    const owner = cm(sim, 'owner')
    boundPod(sim, 'web-0', [ref(owner, { controller: true, blockOwnerDeletion: true })])
    sim.api.delete('ConfigMap', 'default', 'owner', { ...as, propagationPolicy: 'Foreground' })
    sim.drain()
    const restored = restoreSimulation(sim.exportState(), { strict: true })
    kubeletConfirms(restored, 'web-0')
    expect(restored.api.get('ConfigMap', 'default', 'owner')).toBeUndefined()
  })
})
