// JSON patch and JSON merge patch as the API server applies them (apiserver handlers/patch.go with
// evanphx/json-patch v4), and all three patch types through the ApiServer's one write path.

import { describe, expect, it } from 'vitest'
import { Clock } from '../core/clock'
import { Rng } from '../core/rng'
import { ApiError } from './errors'
import { applyPatch } from './patch'
import { ApiServer } from './server'
import { namespaceStrategy } from './strategies/namespace'
import type { KubeObject } from './types'

type J = Record<string, any>

function web(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', annotations: { 'example.com/a': 'x' } },
    spec: {
      replicas: 3,
      template: {
        spec: {
          containers: [
            { name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24', ports: [{ containerPort: 80, name: 'web' }] },
            { name: 'sidecar', image: 'busybox' },
          ],
        },
      },
    },
  }
}

const json = (ops: unknown): J => applyPatch(web(), 'json', ops, 'StatefulSet') as unknown as J
const merge = (p: unknown): J => applyPatch(web(), 'merge', p, 'StatefulSet') as unknown as J

function failure(fn: () => unknown): [string, string] {
  try {
    fn()
  } catch (e) {
    if (e instanceof ApiError) return [e.reason, e.message]
    throw e
  }
  throw new Error('expected an ApiError')
}

const REJECTED = ['Invalid', 'the server rejected our request due to an error in our request']

describe('JSON patch', () => {
  it('replaces the first container image by index (the classic `kubectl patch --type=json` of a StatefulSet)', () => {
    const out = json([{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'gcr.io/google_containers/nginx-slim:0.7' }])
    expect(out.spec.template.spec.containers.map((c: J) => c.image)).toEqual(['gcr.io/google_containers/nginx-slim:0.7', 'busybox'])
  })

  it('appends with `-` and inserts at an index', () => {
    const out = json([
      { op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'last' } },
      { op: 'add', path: '/spec/template/spec/containers/0', value: { name: 'first' } },
    ])
    expect(out.spec.template.spec.containers.map((c: J) => c.name)).toEqual(['first', 'nginx', 'sidecar', 'last'])
  })

  it('reads ~1 in a path as a slash', () => {
    const out = json([{ op: 'remove', path: '/metadata/annotations/example.com~1a' }])
    expect(out.metadata.annotations).toEqual({})
  })

  it('moves a value', () => {
    const out = json([{ op: 'move', from: '/spec/replicas', path: '/metadata/labels' }])
    expect([out.spec.replicas, out.metadata.labels]).toEqual([undefined, 3])
  })

  it('replaces a missing object key as if adding it (json-patch v4)', () => {
    expect(json([{ op: 'replace', path: '/spec/paused', value: true }]).spec.paused).toBe(true)
  })

  it('answers a path that does not exist with the generic 422', () => {
    expect(failure(() => json([{ op: 'remove', path: '/spec/nope' }]))).toEqual(REJECTED)
    expect(failure(() => json([{ op: 'add', path: '/spec/nope/x', value: 1 }]))).toEqual(REJECTED)
    expect(failure(() => json([{ op: 'replace', path: '/spec/template/spec/containers/5/image', value: 'x' }]))).toEqual(REJECTED)
  })

  it('answers a failed test and an unknown op with the generic 422', () => {
    expect(failure(() => json([{ op: 'test', path: '/spec/replicas', value: 4 }]))).toEqual(REJECTED)
    expect(failure(() => json([{ op: 'frobnicate', path: '/spec/replicas' }]))).toEqual(REJECTED)
  })

  it('passes a test that holds', () => {
    expect(json([{ op: 'test', path: '/spec/replicas', value: 3 }, { op: 'replace', path: '/spec/replicas', value: 1 }]).spec.replicas).toBe(1)
  })

  it('rejects a body that is not a list of operations as the strict decoder words it', () => {
    expect(failure(() => json({ op: 'add' }))).toEqual(['BadRequest', 'error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp'])
    expect(failure(() => json(['add']))).toEqual(['BadRequest', 'error decoding patch: json: cannot unmarshal string into Go value of type handlers.jsonPatchOp'])
    expect(failure(() => json([{ op: 'add', path: 5 }]))).toEqual([
      'BadRequest',
      'error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.path of type string',
    ])
  })
})

describe('JSON merge patch', () => {
  it('replaces the whole containers list', () => {
    const out = merge({ spec: { template: { spec: { containers: [{ name: 'other', image: 'redis' }] } } } })
    expect(out.spec.template.spec.containers).toEqual([{ name: 'other', image: 'redis' }])
  })

  it('merges maps and deletes a key set to null', () => {
    const out = merge({ metadata: { annotations: { 'example.com/a': null, b: 'y' } }, spec: { replicas: 5 } })
    expect([out.metadata.annotations, out.spec.replicas]).toEqual([{ b: 'y' }, 5])
  })

  it('prunes nulls inside a value it sets', () => {
    const out = merge({ spec: { template: { spec: { containers: [{ name: 'a', image: null }] } } }, status: { x: null, y: 1 } })
    expect([out.spec.template.spec.containers, out.status]).toEqual([[{ name: 'a' }], { y: 1 }])
  })

  it('rejects a null body and a body that is not an object', () => {
    expect(failure(() => merge(null))).toEqual(['BadRequest', 'Invalid JSON Patch'])
    expect(failure(() => merge([1]))).toEqual(['BadRequest', 'error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}'])
  })
})

describe('ApiServer.patch', () => {
  function server(): ApiServer {
    const api = new ApiServer(new Clock(1_700_000_000_000), new Rng(1), { Namespace: namespaceStrategy })
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, { actor: 'test' })
    api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default', finalizers: ['a/x'] }, data: { k: 'v' } } as KubeObject, { actor: 't' })
    return api
  }

  it('applies a strategic merge patch and stores the result', () => {
    const api = server()
    api.patch('ConfigMap', 'default', 'c', 'strategic', { metadata: { finalizers: ['b/y'] }, data: { k: null, k2: 'v2' } }, { actor: 'kubectl' })
    const stored = api.get('ConfigMap', 'default', 'c') as unknown as J
    expect([stored.metadata.finalizers, stored.data]).toEqual([['b/y', 'a/x'], { k2: 'v2' }])
  })

  it('records a rejected patch and leaves the object as it was', () => {
    const api = server()
    expect(() => api.patch('ConfigMap', 'default', 'c', 'json', [{ op: 'remove', path: '/nope' }], { actor: 'kubectl' })).toThrow(
      'the server rejected our request due to an error in our request',
    )
    expect((api.get('ConfigMap', 'default', 'c') as unknown as J).data).toEqual({ k: 'v' })
  })
})
