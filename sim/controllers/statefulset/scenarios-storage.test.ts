// StatefulSet scenarios: stable storage, pod replacement, retention policy, deletion and adoption.
import { describe, it, expect } from 'vitest'
import { testSim } from '../../testing/harness'
import { applyWeb, editWeb, podNames, stsEvents, webStatefulSet } from '../../testing/fixtures'
import type { Pod } from '../../api/types'

type Sim = ReturnType<typeof testSim>
const pod = (sim: Sim, name: string) => sim.api.read('Pod', 'default', name) as unknown as Pod
const claims = (sim: Sim) => sim.api.list('PersistentVolumeClaim', { namespace: 'default' }).map((c) => c.metadata.name)
function fsOf(sim: Sim, name: string) {
  const r = sim.runtime.fs('default', name, 'nginx')
  if (!r.ok) throw new Error(r.message)
  return r.value
}

describe('stable storage', () => {
  it('keeps data written under the claim mount when the pod is deleted and comes back', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    fsOf(sim, 'web-1').writeFile('/usr/share/nginx/html/index.html', 'web-1 data\n')
    const uid = pod(sim, 'web-1').metadata?.uid
    sim.api.delete('Pod', 'default', 'web-1', { actor: 'kubectl' })
    sim.settle()
    expect(pod(sim, 'web-1').metadata?.uid).not.toBe(uid)
    expect(fsOf(sim, 'web-1').readFile('/usr/share/nginx/html/index.html')).toBe('web-1 data\n')
  })

  it('loses data written outside any volume', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    fsOf(sim, 'web-1').writeFile('/tmp/scratch', 'gone soon\n')
    sim.api.delete('Pod', 'default', 'web-1', { actor: 'kubectl' })
    sim.settle()
    expect(fsOf(sim, 'web-1').exists('/tmp/scratch')).toBe(false)
  })

  it('serves each pod its own claim: web-0 and web-1 do not share data', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    fsOf(sim, 'web-0').writeFile('/usr/share/nginx/html/index.html', 'zero\n')
    expect(fsOf(sim, 'web-1').exists('/usr/share/nginx/html/index.html')).toBe(false)
  })
})

describe('replacing pods', () => {
  it('recreates a deleted pod with the same name and claim once the old one is gone', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    sim.api.delete('Pod', 'default', 'web-1', { actor: 'kubectl' })
    sim.drain()
    expect(pod(sim, 'web-1').metadata?.deletionTimestamp).toBeDefined()
    sim.settle()
    expect(podNames(sim)).toEqual(['web-0', 'web-1', 'web-2'])
    expect(pod(sim, 'web-1').spec?.volumes?.[0].persistentVolumeClaim?.claimName).toBe('www-web-1')
    expect(pod(sim, 'web-1').status?.phase).toBe('Running')
  })

  it('deletes a Failed pod and creates it again on a later sync', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    const p = pod(sim, 'web-2')
    sim.api.updateStatus({ ...p, status: { ...p.status, phase: 'Failed', reason: 'Evicted' } }, { actor: 'kubelet' })
    sim.drain()
    expect(stsEvents(sim)).toContain('Normal SuccessfulDelete delete Pod web-2 in StatefulSet web successful')
    sim.settle()
    expect(pod(sim, 'web-2').status?.phase).toBe('Running')
    expect(pod(sim, 'web-2').metadata?.uid).not.toBe(p.metadata?.uid)
  })

  it('blocks recreation while the claim is being deleted, then starts over with a new empty claim', () => {
    const sim = testSim()
    applyWeb(sim, { replicas: 1 })
    sim.settle()
    fsOf(sim, 'web-0').writeFile('/usr/share/nginx/html/index.html', 'old\n')
    const claimUid = sim.api.read('PersistentVolumeClaim', 'default', 'www-web-0').metadata.uid
    sim.api.delete('PersistentVolumeClaim', 'default', 'www-web-0', { actor: 'kubectl' })
    sim.drain()
    expect(sim.api.read('PersistentVolumeClaim', 'default', 'www-web-0').metadata.deletionTimestamp).toBeDefined()
    sim.api.delete('Pod', 'default', 'web-0', { actor: 'kubectl' })
    sim.settle()
    expect(stsEvents(sim)).toContain('Warning FailedCreate create Pod web-0 in StatefulSet web failed error: pvc www-web-0 is being deleted')
    expect(sim.api.read('PersistentVolumeClaim', 'default', 'www-web-0').metadata.uid).not.toBe(claimUid)
    expect(pod(sim, 'web-0').status?.phase).toBe('Running')
    expect(fsOf(sim, 'web-0').exists('/usr/share/nginx/html/index.html')).toBe(false)
  })
})

describe('the PVC retention policy', () => {
  it('keeps every claim by default when the StatefulSet is deleted', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    sim.api.delete('StatefulSet', 'default', 'web', { actor: 'kubectl' })
    sim.settle()
    expect(podNames(sim)).toEqual([])
    expect(claims(sim)).toEqual(['www-web-0', 'www-web-1', 'www-web-2'])
  })

  it('deletes the claims of scaled-down pods with whenScaled: Delete', () => {
    const sim = testSim()
    applyWeb(sim, { persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete' } })
    sim.settle()
    editWeb(sim, (s) => (s.replicas = 1))
    sim.settle()
    expect(claims(sim)).toEqual(['www-web-0'])
  })

  it('deletes every claim with the StatefulSet under whenDeleted: Delete', () => {
    const sim = testSim()
    applyWeb(sim, { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete' } })
    sim.settle()
    expect(sim.api.read('PersistentVolumeClaim', 'default', 'www-web-0').metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', controller: true })
    sim.api.delete('StatefulSet', 'default', 'web', { actor: 'kubectl' })
    sim.settle()
    expect(claims(sim)).toEqual([])
  })
})

describe('deleting a StatefulSet', () => {
  it('deletes its pods through the garbage collector (not in order) by default', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    sim.api.delete('StatefulSet', 'default', 'web', { actor: 'kubectl' })
    sim.drain()
    expect(['web-0', 'web-1', 'web-2'].map((n) => !!pod(sim, n).metadata?.deletionTimestamp)).toEqual([true, true, true])
    sim.settle()
    expect(podNames(sim)).toEqual([])
  })

  it('leaves the pods running without an owner with --cascade=orphan, and a new set adopts them', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    const uids = ['web-0', 'web-1', 'web-2'].map((n) => pod(sim, n).metadata?.uid)
    sim.api.delete('StatefulSet', 'default', 'web', { actor: 'kubectl', propagationPolicy: 'Orphan' })
    sim.settle()
    expect(['web-0', 'web-1', 'web-2'].map((n) => pod(sim, n).metadata?.ownerReferences)).toEqual([undefined, undefined, undefined])
    sim.api.create(webStatefulSet(), { actor: 'kubectl' })
    sim.settle()
    expect(['web-0', 'web-1', 'web-2'].map((n) => pod(sim, n).metadata?.uid)).toEqual(uids)
    expect(pod(sim, 'web-0').metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web' })
    expect(sim.api.list('ControllerRevision', { namespace: 'default' })).toHaveLength(1)
  })
})

describe('a node that stops reporting (at most one pod per identity)', () => {
  it('leaves the pod Terminating and does not replace it until it is force-deleted', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    const node = pod(sim, 'web-1').spec!.nodeName!
    const uid = pod(sim, 'web-1').metadata?.uid
    sim.failNode(node)
    sim.advance(400_000) // 40 s to NotReady, 300 s of toleration, then eviction
    expect(pod(sim, 'web-1').metadata?.deletionTimestamp).toBeDefined()
    sim.advance(600_000)
    expect(pod(sim, 'web-1').metadata?.uid).toBe(uid)
    sim.api.delete('Pod', 'default', 'web-1', { actor: 'kubectl', gracePeriodSeconds: 0 })
    sim.advance(5_000)
    expect(pod(sim, 'web-1').metadata?.uid).not.toBe(uid)
  })

  it('lets the returning kubelet finish the deletion, after which the pod comes back', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    const node = pod(sim, 'web-1').spec!.nodeName!
    const uid = pod(sim, 'web-1').metadata?.uid
    sim.failNode(node)
    sim.advance(400_000)
    sim.restoreNode(node)
    sim.settle()
    expect(pod(sim, 'web-1').metadata?.uid).not.toBe(uid)
    expect(pod(sim, 'web-1').status?.phase).toBe('Running')
  })
})
