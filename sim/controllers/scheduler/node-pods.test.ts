import { describe, expect, it } from 'vitest'
import type { Pod } from 'kubernetes-types/core/v1'
import { deepFreeze } from '../../core/json'
import { fromMap } from '../../api/selectors'
import { NodePods } from './node-pods'
import { add, emptyResources, podRequests, type Resources } from './resources'
import { clusterNodes, pod, requests } from './fixtures'

const node = clusterNodes()[1]
const web = fromMap({ app: 'web' })
// Stored pods are frozen, as the API server keeps them.
const stored = (p: Pod) => deepFreeze(p)

/** framework.NodeInfo's sums for these pods, added up in their order. */
function sums(pods: Pod[]): { requested: Resources; nonZeroRequested: Resources } {
  return {
    requested: pods.reduce((s, p) => add(s, podRequests(p)), emptyResources()),
    nonZeroRequested: pods.reduce((s, p) => add(s, podRequests(p, true)), emptyResources()),
  }
}

describe('a node in the scheduler cache', () => {
  it('has the sums and counts of its pods as they come, change and go', () => {
    const e = new NodePods()
    const a = stored(pod('a', requests('250m', '64Mi'), { app: 'web' }))
    const b = stored(pod('b', requests('1', '1Gi'), { app: 'db' }))
    const c = stored(pod('c', {}, { app: 'web' }))
    e.set('default/a', a)
    e.set('default/b', b)
    expect(e.info(node).countMatching!('default', web)).toBe(1)
    e.set('default/c', c)
    // b is relabelled and c asks for more: both are new stored versions.
    const b2 = stored({ ...b, metadata: { ...b.metadata, labels: { app: 'web' } } })
    const c2 = stored({ ...c, spec: { ...c.spec!, ...requests('2', '2Gi') } })
    e.set('default/b', b2)
    e.set('default/c', c2)
    e.delete('default/a')
    const info = e.info(node)
    expect(info).toMatchObject({ ...sums([b2, c2]), podCount: 2 })
    expect(info.pods).toEqual([b2, c2])
    expect(info.countMatching!('default', web)).toBe(2)
    expect(info.countMatching!('other', web)).toBe(0)
  })

  it('leaves out the pod being scheduled when it is assumed there', () => {
    const e = new NodePods()
    const a = stored(pod('a', requests('250m', '64Mi'), { app: 'web' }))
    const b = stored(pod('b', requests('500m'), { app: 'web' }))
    e.set('default/a', a)
    e.set('default/b', b)
    const info = e.info(node, 'default/b')
    expect(info).toMatchObject({ ...sums([a]), podCount: 1 })
    expect(info.pods).toEqual([a])
    expect(info.countMatching!('default', web)).toBe(1)
  })

  it('adds fractional amounts up afresh in pod order, as a fresh NodeInfo would', () => {
    const e = new NodePods()
    // 0.1 + 0.2 - 0.1 is not 0.2 in floating point; adding the pods up again is.
    const pods = ['100m', '200m', '300m'].map((m, i) => stored(pod(`p${i}`, { containers: [{ name: 'c', image: 'c', resources: { requests: { memory: m } } }] })))
    pods.forEach((p, i) => e.set(`default/p${i}`, p))
    e.delete('default/p0')
    expect(e.info(node).requested).toEqual(sums(pods.slice(1)).requested)
    expect(e.info(node, 'default/p1').requested).toEqual(sums(pods.slice(2)).requested)
  })

  it('counts a selector again after it was forgotten for 32 others', () => {
    const e = new NodePods()
    e.set('default/a', stored(pod('a', {}, { app: 'web' })))
    const info = e.info(node)
    expect(info.countMatching!('default', web)).toBe(1)
    for (let i = 0; i < 32; i++) info.countMatching!('default', fromMap({ app: `x${i}` }))
    e.set('default/b', stored(pod('b', {}, { app: 'web' })))
    expect(e.info(node).countMatching!('default', web)).toBe(2)
  })
})
