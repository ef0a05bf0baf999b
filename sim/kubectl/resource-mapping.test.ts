// How typed resource names resolve (cli-runtime Builder.mappingFor over the discovery RESTMapper);
// the unknown cases print what kubectl v1.33.1 printed against fakeapi (see __golden__/get).

import { describe, expect, it } from 'vitest'
import { expandCategory, findMapping, groupKindLower, mappingFor } from './resource-mapping'

describe('findMapping', () => {
  it.each([
    ['sts', 'StatefulSet'],
    ['statefulsets', 'StatefulSet'],
    ['statefulset', 'StatefulSet'],
    ['StatefulSet', 'StatefulSet'],
    ['STATEFULSETS', 'StatefulSet'],
    ['sts.apps', 'StatefulSet'],
    ['StatefulSet.apps', 'StatefulSet'],
    ['statefulsets.v1.apps', 'StatefulSet'],
    ['pod.v1.', 'Pod'],
    ['po', 'Pod'],
    ['pvc', 'PersistentVolumeClaim'],
    ['ev', 'Event'],
    ['pdb.policy', 'PodDisruptionBudget'],
    ['endpointslices.discovery.k8s.io', 'EndpointSlice'],
  ])('maps %s to %s', (arg, kind) => {
    expect(findMapping(arg)?.kind).toBe(kind)
  })

  it.each(['STS', 'Sts', 'pods.v1', 'statefulsets.v2.apps', 'sts.extensions', 'foo', 'all'])('does not map %s', (arg) => {
    expect(findMapping(arg)).toBeUndefined()
  })

  it('names the first dot-part in the error', () => {
    expect(() => mappingFor('statefulsets.v2.apps')).toThrow('the server doesn\'t have a resource type "statefulsets"')
  })
})

describe('expandCategory', () => {
  it('expands all in discovery order', () => {
    expect(expandCategory('all')).toEqual(['pods', 'services', 'deployments.apps', 'replicasets.apps', 'statefulsets.apps'])
  })

  it('is case-sensitive', () => {
    expect(expandCategory('ALL')).toBeUndefined()
  })
})

describe('groupKindLower', () => {
  it('prints kind.group, or kind for the core group', () => {
    expect([groupKindLower(mappingFor('sts')), groupKindLower(mappingFor('pvc'))]).toEqual(['statefulset.apps', 'persistentvolumeclaim'])
  })
})
