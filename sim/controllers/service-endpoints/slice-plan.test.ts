import { describe, it, expect } from 'vitest'
import { planSlices } from './slice-plan'
import type { EndpointSlice, Pod, Service } from '../../api/types'

const svc: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', uid: 'svc-uid' },
  spec: { clusterIP: 'None', selector: { app: 'web' }, ports: [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 80 }] },
}

const pod = (i: number): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `web-${i}`, namespace: 'default', uid: `uid-${i}`, labels: { app: 'web' } },
  spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'i' }] },
  status: { phase: 'Running', podIP: `10.244.1.${i}`, conditions: [{ type: 'Ready', status: 'True' }] },
})

const named = (s: EndpointSlice, name: string): EndpointSlice => ({ ...s, metadata: { ...s.metadata, name } })

describe('planSlices', () => {
  it('creates one placeholder slice for a Service with no pods', () => {
    const plan = planSlices({ svc, pods: [], existing: [], nodeZone: () => undefined })
    expect(plan.create).toHaveLength(1)
    expect(plan.create[0].endpoints).toEqual([])
    expect(plan.update).toEqual([])
  })

  it('keeps an existing placeholder instead of deleting and re-creating it', () => {
    const first = planSlices({ svc, pods: [], existing: [], nodeZone: () => undefined }).create[0]
    const plan = planSlices({ svc, pods: [], existing: [named(first, 'web-abcde')], nodeZone: () => undefined })
    expect(plan).toEqual({ create: [], update: [], delete: [] })
  })

  it('puts at most maxEndpointsPerSlice endpoints in one slice', () => {
    const pods = Array.from({ length: 5 }, (_, i) => pod(i))
    const plan = planSlices({ svc, pods, existing: [], nodeZone: () => undefined, maxPerSlice: 2 })
    expect(plan.create.map((s) => s.endpoints.map((e) => e.targetRef?.name))).toEqual([['web-0', 'web-1'], ['web-2', 'web-3'], ['web-4']])
  })

  it('skips a pod whose node does not exist', () => {
    const plan = planSlices({ svc, pods: [pod(1)], existing: [], nodeZone: () => null })
    expect(plan.create[0].endpoints).toEqual([])
  })

  it('records the node zone on the endpoint', () => {
    const plan = planSlices({ svc, pods: [pod(1)], existing: [], nodeZone: () => 'zone-a' })
    expect(plan.create[0].endpoints[0].zone).toBe('zone-a')
  })

  it('deletes slices owned by an older Service of the same name', () => {
    const old = named({ ...planSlices({ svc, pods: [pod(1)], existing: [], nodeZone: () => undefined }).create[0] }, 'web-old')
    const stale = { ...old, metadata: { ...old.metadata, ownerReferences: [{ ...old.metadata!.ownerReferences![0], uid: 'previous' }] } }
    const plan = planSlices({ svc, pods: [pod(1)], existing: [stale], nodeZone: () => undefined })
    expect(plan.delete.map((s) => s.metadata?.name)).toEqual(['web-old'])
    expect(plan.create).toHaveLength(1)
  })
})
