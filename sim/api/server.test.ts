import { describe, it, expect } from 'vitest'
import { Clock } from '../core/clock'
import { Rng } from '../core/rng'
import { ApiServer } from './server'
import { ApiError } from './errors'
import type { KubeObject, WatchEvent } from './types'
import { podStrategy } from './strategies/pod'
import { namespaceStrategy } from './strategies/namespace'
import { fromMap } from './selectors'

function server() {
  const clock = new Clock(1_700_000_000_000)
  const api = new ApiServer(clock, new Rng(1), { Pod: podStrategy, Namespace: namespaceStrategy })
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, { actor: 'test' })
  return { clock, api }
}

const cm = (name: string, data: Record<string, string> = {}, labels?: Record<string, string>) =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels }, data }) as unknown as KubeObject

const pod = (name: string, nodeName?: string) =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }] } }) as unknown as KubeObject

describe('ApiServer', () => {
  it('assigns uid, resourceVersion, creationTimestamp and the default namespace', () => {
    const { api } = server()
    const o = api.create(cm('a'), { actor: 't' })
    expect(o.metadata.namespace).toBe('default')
    expect(o.metadata.uid).toMatch(/^[0-9a-f-]{36}$/)
    expect(o.metadata.creationTimestamp).toBe('2023-11-14T22:13:20Z')
    expect(Number(o.metadata.resourceVersion)).toBeGreaterThan(0)
  })

  it('refuses a second object with the same name with AlreadyExists', () => {
    const { api } = server()
    api.create(cm('a'), { actor: 't' })
    expect(() => api.create(cm('a'), { actor: 't' })).toThrowError('configmaps "a" already exists')
  })

  it('refuses objects in a namespace that does not exist', () => {
    const { api } = server()
    const o = cm('a') as KubeObject
    o.metadata.namespace = 'nope'
    expect(() => api.create(o, { actor: 't' })).toThrowError('namespaces "nope" not found')
  })

  it('generates a name from generateName', () => {
    const { api } = server()
    const o = api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'web-' } } as KubeObject, { actor: 't' })
    expect(o.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
  })

  it('stores frozen objects so nobody can change them in place', () => {
    const { api } = server()
    const o = api.create(cm('a', { k: 'v' }), { actor: 't' }) as unknown as { data: Record<string, string> }
    expect(() => {
      o.data.k = 'changed'
    }).toThrow(TypeError)
  })

  it('stores a pod status written through the status subresource as written (the kubelet relies on it)', () => {
    const { api } = server()
    const p = api.create(pod('p', 'node-1'), { actor: 't' })
    const status = {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2023-11-14T22:13:20Z' }],
      hostIP: '192.168.56.11',
      podIP: '10.244.1.2',
      podIPs: [{ ip: '10.244.1.2' }],
      startTime: '2023-11-14T22:13:20Z',
      containerStatuses: [{ name: 'c', ready: true, restartCount: 0, started: true, image: 'nginx', imageID: '', state: { running: { startedAt: '2023-11-14T22:13:20Z' } }, lastState: {} }],
      qosClass: 'BestEffort',
    }
    const stored = api.updateStatus({ ...p, status: { ...status, message: undefined } }, { actor: 'kubelet' })
    expect(stored.status).toEqual(status)
    expect(JSON.stringify(stored.status)).toBe(JSON.stringify(status))
  })

  it('rejects an update with a stale resourceVersion as a Conflict', () => {
    const { api } = server()
    const o = api.create(cm('a'), { actor: 't' })
    api.update({ ...o, data: { x: '1' } }, { actor: 't' })
    try {
      api.update({ ...o, data: { x: '2' } }, { actor: 't' })
      expect.unreachable()
    } catch (e) {
      expect((e as ApiError).reason).toBe('Conflict')
      expect((e as ApiError).message).toBe(
        'Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again',
      )
    }
  })

  it('does not write or notify when an update changes nothing', () => {
    const { api } = server()
    const o = api.create(cm('a', { k: 'v' }), { actor: 't' })
    const events: WatchEvent[] = []
    api.watch((e) => events.push(e))
    const same = api.update({ ...o }, { actor: 't' })
    expect(same.metadata.resourceVersion).toBe(o.metadata.resourceVersion)
    expect(events).toEqual([])
  })

  it('lists in namespace/name order and filters by label selector', () => {
    const { api } = server()
    api.create(cm('b', {}, { app: 'x' }), { actor: 't' })
    api.create(cm('a', {}, { app: 'y' }), { actor: 't' })
    api.create(cm('c', {}, { app: 'x' }), { actor: 't' })
    expect(api.list('ConfigMap').map((o) => o.metadata.name)).toEqual(['a', 'b', 'c'])
    expect(api.list('ConfigMap', { selector: fromMap({ app: 'x' }) }).map((o) => o.metadata.name)).toEqual(['b', 'c'])
  })

  it('deletes an unscheduled pod at once', () => {
    const { api } = server()
    api.create(pod('p'), { actor: 't' })
    api.delete('Pod', 'default', 'p', { actor: 't' })
    expect(api.get('Pod', 'default', 'p')).toBeUndefined()
  })

  it('keeps a scheduled pod Terminating for its grace period until deleted with grace 0', () => {
    const { api } = server()
    api.create(pod('p', 'node1'), { actor: 't' })
    const d = api.delete('Pod', 'default', 'p', { actor: 't' })
    expect(d.metadata.deletionGracePeriodSeconds).toBe(30)
    expect(d.metadata.deletionTimestamp).toBe('2023-11-14T22:13:50Z')
    expect(api.get('Pod', 'default', 'p')).toBeDefined()
    api.delete('Pod', 'default', 'p', { actor: 'kubelet', gracePeriodSeconds: 0 })
    expect(api.get('Pod', 'default', 'p')).toBeUndefined()
  })

  it('holds an object with finalizers until the last one is removed', () => {
    const { api } = server()
    const o = cm('a')
    o.metadata.finalizers = ['example.com/keep']
    api.create(o, { actor: 't' })
    const d = api.delete('ConfigMap', 'default', 'a', { actor: 't' })
    expect(d.metadata.deletionTimestamp).toBeDefined()
    api.update({ ...d, metadata: { ...d.metadata, finalizers: [] } }, { actor: 't' })
    expect(api.get('ConfigMap', 'default', 'a')).toBeUndefined()
  })

  it('adds the orphan finalizer for an Orphan delete', () => {
    const { api } = server()
    api.create(cm('a'), { actor: 't' })
    const d = api.delete('ConfigMap', 'default', 'a', { actor: 't', propagationPolicy: 'Orphan' })
    expect(d.metadata.finalizers).toEqual(['orphan'])
  })

  it('records every write in the audit log, rejected ones with their reason', () => {
    const { api } = server()
    api.create(cm('a'), { actor: 'kubectl' })
    expect(() => api.create(cm('a'), { actor: 'kubectl' })).toThrow()
    expect(api.audit.slice(-2).map((a) => [a.actor, a.verb, a.ref.name, a.error])).toEqual([
      ['kubectl', 'create', 'a', undefined],
      ['kubectl', 'create', 'a', 'AlreadyExists'],
    ])
  })

  it('indexes dependents by owner uid', () => {
    const { api } = server()
    const owner = api.create(cm('owner'), { actor: 't' })
    const dep = cm('dep')
    dep.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid! }]
    api.create(dep, { actor: 't' })
    expect(api.dependents(owner.metadata.uid!).map((o) => o.metadata.name)).toEqual(['dep'])
  })
})

describe('ApiServer field validation', () => {
  it('rejects an unknown field with the strict decoding error when asked to validate strictly', async () => {
    const { createSimulation } = await import('../simulation')
    const sim = createSimulation({ seed: 1 })
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web' },
      spec: { replica: 3, selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    } as unknown as KubeObject
    expect(() => sim.api.create(sts, { actor: 'kubectl', fieldValidation: 'Strict' })).toThrowError(
      'StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.replica"',
    )
  })

  it('accepts it with a warning under Warn, dropping the field', async () => {
    const { createSimulation } = await import('../simulation')
    const sim = createSimulation({ seed: 1 })
    const cmObj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' }, dta: {} } as unknown as KubeObject
    const made = sim.api.create(cmObj, { actor: 'kubectl', fieldValidation: 'Warn' })
    expect(sim.api.warnings()).toEqual(['unknown field "dta"'])
    expect((made as unknown as Record<string, unknown>).dta).toBeUndefined()
  })
})
