// apimachinery's own strategic merge patch test tables (strategicpatch/patch_test.go, v0.33), run
// against our implementation with the schema of upstream's MergeItem test struct.

import { describe, expect, it } from 'vitest'
import { lookupFor, type MetaTable } from './patch-meta'
import { createThreeWayMergePatch, createTwoWayMergePatch } from './strategic-diff'
import { strategicMergeWith } from './strategic-merge'
import { LIST_CASES } from './strategic-upstream-lists.cases'
import { APPLY_ONLY_CASES, MAP_CASES, RETAIN_KEYS_CASES } from './strategic-upstream-maps.cases'

type J = Record<string, unknown>

export interface UpstreamCase {
  name: string
  original?: J | null
  current?: J
  modified?: J
  twoWay?: J
  twoWayResult?: J
  threeWay?: J
  result?: J
  expectedError?: string
}

/** MergeItem and RetainKeysMergeItem of patch_test.go, with their struct tags. */
const MERGE_ITEM: MetaTable = {
  types: {
    MergeItem: {
      name: {},
      value: {},
      other: {},
      mergingList: { type: 'MergeItem', strategy: 'merge', key: 'name' },
      nonMergingList: { type: 'MergeItem' },
      mergingIntList: { strategy: 'merge' },
      nonMergingIntList: {},
      mergeItemPtr: { type: 'MergeItem', strategy: 'merge', key: 'name' },
      simpleMap: {},
      replacingItem: { strategy: 'replace' },
      retainKeysMap: { type: 'RetainKeysMergeItem', strategy: 'retainKeys' },
      retainKeysMergingList: { type: 'MergeItem', strategy: 'merge,retainKeys', key: 'name' },
    },
    RetainKeysMergeItem: {
      name: {},
      value: {},
      other: {},
      simpleMap: {},
      mergingIntList: { strategy: 'merge' },
      mergingList: { type: 'MergeItem', strategy: 'merge', key: 'name' },
      nonMergingList: { type: 'MergeItem' },
    },
  },
  strict: ['MergeItem', 'RetainKeysMergeItem'],
}
const schema = lookupFor(MERGE_ITEM, 'MergeItem')

function runCases(cases: UpstreamCase[]): void {
  for (const c of cases) {
    describe(c.name, () => {
      it('creates the two-way patch and applying it gives the modified object', () => {
        const patch = createTwoWayMergePatch(c.original, c.modified, schema)
        expect(patch).toEqual(c.twoWay)
        expect(strategicMergeWith(c.original ?? {}, patch, schema)).toEqual(c.twoWayResult ?? c.modified)
      })
      it('creates the three-way patch and applying it to the live object gives the result', () => {
        const patch = createThreeWayMergePatch(c.original, c.modified, c.current, schema)
        expect(patch).toEqual(c.threeWay)
        expect(strategicMergeWith(c.current ?? {}, patch, schema)).toEqual(c.result)
      })
    })
  }
}

describe('upstream: merging lists', () => runCases(LIST_CASES))
describe('upstream: retainKeys', () => runCases(RETAIN_KEYS_CASES))
describe('upstream: maps and whole lists', () => runCases(MAP_CASES))

describe('upstream: applying hand-written patches', () => {
  for (const c of APPLY_ONLY_CASES) {
    it(c.name, () => {
      const apply = () => strategicMergeWith(c.original ?? {}, c.twoWay ?? {}, schema)
      if (c.expectedError) expect(apply).toThrow(c.expectedError)
      else expect(apply()).toEqual(c.twoWayResult ?? c.modified)
    })
  }
})

// TestUnknownField: fields the struct does not have are copied as they are, and only fail when
// both sides have different maps there (nothing tells how to merge them).
describe('upstream: fields the schema does not know', () => {
  const base = { array: [1, 2, 3], complex: { nested: true }, name: 'foo', scalar: true }

  it('keeps a null inside a new map in the patch but not in the result', () => {
    const modified = { ...base, complex_nullable: { key: null } }
    const patch = createThreeWayMergePatch(base, modified, base, schema)
    expect(patch).toEqual({ complex_nullable: { key: null } })
    expect(strategicMergeWith(base, patch, schema)).toEqual({ ...base, complex_nullable: {} })
  })

  it('keeps null elements of a list that is not merged', () => {
    const patch = createTwoWayMergePatch({}, { complex_nullable: ['key1', null, 'key2'] }, schema)
    expect(strategicMergeWith({}, patch, schema)).toEqual({ complex_nullable: ['key1', null, 'key2'] })
  })

  it('deletes what the original had and the modified object drops, keeping what only the live one has', () => {
    const original = { name: 'foo', scalar: true, complex: { nested: true } }
    const current = { ...original, array: [1, 2, 3] }
    const patch = createThreeWayMergePatch(original, { name: 'foo' }, current, schema)
    expect(patch).toEqual({ complex: null, scalar: null })
    expect(strategicMergeWith(current, patch, schema)).toEqual({ array: [1, 2, 3], name: 'foo' })
  })

  it('fails to diff two different maps under an unknown field', () => {
    const modified = { ...base, complex: { nested: false } }
    expect(() => createTwoWayMergePatch(base, modified, schema)).toThrow('unable to find api field in struct MergeItem for the json field "complex"')
    expect(() => createThreeWayMergePatch(base, modified, base, schema)).toThrow('unable to find api field')
  })
})
