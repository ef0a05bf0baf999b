// Properties of the patches kubectl computes, on StatefulSets: the two-way patch (kubectl edit) turns
// the original into the modified object, and the three-way patch (kubectl apply) gives the file's
// fields while keeping fields only the live object has.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deepEqual } from '../core/json'
import { createThreeWayMergePatch, createTwoWayMergePatch } from './strategic-diff'
import { strategicMerge } from './strategic-merge'

type J = Record<string, any>

const uniqueBy = <T>(arb: fc.Arbitrary<T>, key: (t: T) => unknown, max = 3) => fc.uniqueArray(arb, { selector: key, maxLength: max })

const container = fc.record(
  {
    name: fc.constantFrom('nginx', 'sidecar', 'init', 'agent'),
    image: fc.constantFrom('nginx:1.25', 'nginx:1.27', 'busybox'),
    env: uniqueBy(fc.record({ name: fc.constantFrom('A', 'B', 'C'), value: fc.constantFrom('1', '2') }), (e) => e.name),
    ports: uniqueBy(fc.record({ containerPort: fc.constantFrom(80, 443, 8080), name: fc.constantFrom('web', 'tls') }), (p) => p.containerPort),
  },
  { requiredKeys: ['name'] },
)

const statefulSetWith = (requiredKeys: ('apiVersion' | 'kind' | 'metadata' | 'spec')[]) =>
  fc.record(
    {
      apiVersion: fc.constant('apps/v1'),
      kind: fc.constant('StatefulSet'),
      metadata: fc.record({ name: fc.constant('web'), labels: fc.dictionary(fc.constantFrom('app', 'tier'), fc.constantFrom('a', 'b')) }, { requiredKeys: ['name'] }),
      spec: fc.record(
        {
          replicas: fc.integer({ min: 0, max: 5 }),
          template: fc.record({ spec: fc.record({ containers: uniqueBy(container, (c) => c.name) }) }),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys },
  )
const statefulSet = statefulSetWith(['apiVersion', 'kind', 'metadata'])
/** Both sides have a spec: a file without one would delete the whole live spec, extras included. */
const withSpec = statefulSetWith(['apiVersion', 'kind', 'metadata', 'spec'])

describe('two-way patch', () => {
  it('turns the original into the modified object', () => {
    fc.assert(
      fc.property(statefulSet, statefulSet, (a, b) => {
        const patch = createTwoWayMergePatch(a, b, 'StatefulSet')
        return deepEqual(strategicMerge(a, patch, 'StatefulSet'), b)
      }),
      { numRuns: 300 },
    )
  })

  it('is empty between equal objects', () => {
    fc.assert(fc.property(statefulSet, (a) => Object.keys(createTwoWayMergePatch(a, a, 'StatefulSet')).length === 0))
  })

  it('names a changed container by its merge key and sends only what changed', () => {
    const a = { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }] }] } } } }
    const b = { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', env: [{ name: 'A', value: '2' }] }] } } } }
    expect(createTwoWayMergePatch(a, b, 'StatefulSet')).toEqual({
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }],
            containers: [{ name: 'nginx', '$setElementOrder/env': [{ name: 'A' }], env: [{ name: 'A', value: '2' }] }],
          },
        },
      },
    })
  })
})

describe('three-way patch', () => {
  it('gives the file its fields and keeps the fields only the live object has', () => {
    const liveOnly = fc.record({ serviceName: fc.constant('nginx'), revisionHistoryLimit: fc.constant(10) })
    fc.assert(
      fc.property(withSpec, withSpec, liveOnly, (original, modified, extra) => {
        const live = strategicMerge(original, { spec: extra }, 'StatefulSet') as J
        const after = strategicMerge(live, createThreeWayMergePatch(original, modified, live, 'StatefulSet'), 'StatefulSet') as J
        const withoutExtra = { ...after, spec: { ...after.spec } }
        delete withoutExtra.spec.serviceName
        delete withoutExtra.spec.revisionHistoryLimit
        return after.spec.serviceName === 'nginx' && after.spec.revisionHistoryLimit === 10 && deepEqual(withoutExtra, modified)
      }),
      { numRuns: 300 },
    )
  })
})
