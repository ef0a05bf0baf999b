import { describe, expect, it } from 'vitest'
import type { Taint, Toleration } from '../../api/types'
import { matchingTolerations, minTolerationMs, toleratesTaint } from './taints'
import { nodeSelectorMatches } from './node-affinity'

const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }
const dedicated: Taint = { key: 'dedicated', value: 'db', effect: 'NoSchedule' }

// Cases from core/v1 Toleration.ToleratesTaint.
describe('toleratesTaint', () => {
  it.each<[string, Toleration, Taint, boolean]>([
    ['Exists with the same key and effect', { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }, unreachable, true],
    ['Exists with no key tolerates everything', { operator: 'Exists' }, dedicated, true],
    ['an empty effect matches every effect', { key: 'dedicated', operator: 'Equal', value: 'db' }, dedicated, true],
    ['Equal needs the same value', { key: 'dedicated', operator: 'Equal', value: 'web' }, dedicated, false],
    ['an empty operator means Equal', { key: 'dedicated', value: 'db', effect: 'NoSchedule' }, dedicated, true],
    ['another effect does not match', { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }, dedicated, false],
    ['another key does not match', { key: 'other', operator: 'Exists' }, dedicated, false],
  ])('%s', (_n, tol, taint, want) => {
    expect(toleratesTaint(tol, taint)).toBe(want)
  })
})

describe('taint eviction timing', () => {
  it('uses the shortest tolerationSeconds of the tolerations used', () => {
    const tols: Toleration[] = [
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 },
    ]
    const { allTolerated, used } = matchingTolerations([unreachable], tols)
    expect(allTolerated).toBe(true)
    expect(minTolerationMs(used)).toBe(300_000)
  })

  it('treats a missing tolerationSeconds as forever', () => {
    expect(minTolerationMs([{ operator: 'Exists' }])).toBeUndefined()
  })

  it('evicts at once when a taint is not tolerated', () => {
    expect(matchingTolerations([unreachable], []).allTolerated).toBe(false)
  })
})

describe('nodeSelectorMatches', () => {
  const labels = { 'kubernetes.io/hostname': 'k8s-node1', cores: '8' }
  it.each<[string, object, boolean]>([
    ['In', { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['k8s-node1'] }] }, true],
    ['NotIn on a missing label', { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }, true],
    ['DoesNotExist', { matchExpressions: [{ key: 'cores', operator: 'DoesNotExist' }] }, false],
    ['Gt', { matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }, true],
    ['Lt with a non-number', { matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['many'] }] }, false],
    ['matchFields on the node name', { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['k8s-node1'] }] }, true],
    ['an empty term matches nothing', {}, false],
  ])('%s', (_n, term, want) => {
    expect(nodeSelectorMatches({ nodeSelectorTerms: [term] }, 'k8s-node1', labels)).toBe(want)
  })
})
