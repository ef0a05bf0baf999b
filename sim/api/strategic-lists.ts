// List helpers shared by applying (strategic-merge.ts) and creating (strategic-diff.ts) strategic
// merge patches: the directive names, element ordering ($setElementOrder, patch order, live order),
// and scalar sorting by Go's `%v` text (apimachinery strategicpatch/patch.go).

import { isPlainObject } from '../core/json'
import { type GoKind, goKind, goScalar, goValue, errBadArgType, errNoListOfLists, errNoMergeKey, SmpError } from './strategic-errors'

export const DIRECTIVE = '$patch'
export const DELETE = 'delete'
export const REPLACE = 'replace'
export const MERGE = 'merge'
export const RETAIN_KEYS = '$retainKeys'
export const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList'
export const SET_ELEMENT_ORDER = '$setElementOrder'

export type JsonMap = Record<string, unknown>

/** sliceElementType: the one Go type every element of the lists has; lists of lists are refused. */
export function sliceElementKind(...slices: readonly unknown[][]): GoKind {
  let prev: GoKind | undefined
  for (const s of slices) {
    for (const v of s) {
      const k = goKind(v)
      if (prev === undefined) {
        prev = k
        if (prev === 'slice') throw errNoListOfLists()
      } else if (prev !== k) {
        throw new SmpError(`list element types are not identical: ${goValue(slices)}`)
      }
    }
  }
  if (prev === undefined) throw new SmpError('no elements in any of the given slices')
  return prev
}

/** Orders scalars by their `%v` text, in place (sortScalars sorts the slice it is given). */
export function sortScalars(s: unknown[]): unknown[] {
  const keyed = s.map((v) => [goScalar(v), v] as const)
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  for (let i = 0; i < s.length; i++) s[i] = keyed[i][1]
  return s
}

/** deduplicateScalars: drops repeats by moving the last element into the hole (so order changes). */
export function deduplicateScalars(input: unknown[]): unknown[] {
  const s = input.slice()
  let last = s.length - 1
  for (let i = 0; i < last; i++) {
    for (let j = i + 1; j <= last; j++) {
      if (s[i] === s[j]) {
        s[j] = s[last]
        s.length = last
        last--
        j--
      }
    }
  }
  return s
}

/** The value an element is identified by: its merge key for maps, itself otherwise. */
function identity(item: unknown, mergeKey: string, kind: GoKind): unknown {
  if (kind !== 'map') return item
  return isPlainObject(item) ? item[mergeKey] : undefined
}

/** Index of the element with the same identity in `list`, or -1. */
export function indexOf(list: readonly unknown[], item: unknown, mergeKey: string, kind: GoKind): number {
  const id = identity(item, mergeKey, kind) ?? null
  for (let i = 0; i < list.length; i++) if ((identity(list[i], mergeKey, kind) ?? null) === id) return i
  return -1
}

export function validateMergeKeyInLists(mergeKey: string, ...lists: readonly unknown[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isPlainObject(item)) throw errBadArgType('map', item)
      if (!(mergeKey in item)) throw errNoMergeKey(item, mergeKey)
    }
  }
}

/** Splits elements into those to keep and `$patch: delete` directives. */
export function extractToDeleteItems(list: readonly unknown[]): [unknown[], unknown[]] {
  const keep: unknown[] = []
  const del: unknown[] = []
  for (const v of list) {
    if (!isPlainObject(v)) throw errBadArgType('map', v)
    if (v[DIRECTIVE] === DELETE) del.push(v)
    else keep.push(v)
  }
  return [keep, del]
}

/**
 * normalizeSliceOrder: sorts `toSort` by the position of each element in `order` (stable; every
 * element is in `order` where this is used), delete directives last.
 */
export function normalizeSliceOrder(toSort: unknown[], order: readonly unknown[], mergeKey: string, kind: GoKind): unknown[] {
  let items = toSort
  let toDelete: unknown[] = []
  if (kind === 'map') {
    validateMergeKeyInLists(mergeKey, toSort, order as unknown[])
    ;[items, toDelete] = extractToDeleteItems(toSort)
  }
  const keyed = items.map((v) => [indexOf(order, v, mergeKey, kind), v] as const)
  keyed.sort((a, b) => (a[0] >= 0 && b[0] >= 0 ? a[0] - b[0] : 0))
  return [...keyed.map((k) => k[1]), ...toDelete]
}

/**
 * mergeSortedSlice: interleaves server-only items (`left`) into patch items (`right`), both already
 * in order; an item of `left` goes before an item of `right` only if the live list has it earlier.
 */
function mergeSortedSlice(left: unknown[], right: unknown[], serverOrder: readonly unknown[], mergeKey: string, kind: GoKind): unknown[] {
  const out: unknown[] = []
  let i = 0
  let j = 0
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++])
    else if (j >= right.length) out.push(left[i++])
    else {
      const li = indexOf(serverOrder, left[i], mergeKey, kind)
      const ri = indexOf(serverOrder, right[j], mergeKey, kind)
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++])
      else out.push(right[j++])
    }
  }
  return out
}

/**
 * normalizeElementOrder: patch items in the patch's order, server-only items in the live order, then
 * merged. Order precedence: $setElementOrder > order in the patch list > order in the live list.
 */
export function normalizeElementOrder(
  patch: unknown[],
  serverOnly: unknown[],
  patchOrder: readonly unknown[],
  serverOrder: readonly unknown[],
  mergeKey: string,
  kind: GoKind,
): unknown[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind)
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind)
  return mergeSortedSlice(s, p, serverOrder, mergeKey, kind)
}

export function partitionPrimitivesByPresentInList(list: readonly unknown[], by: readonly unknown[]): [unknown[], unknown[]] {
  const inBy = new Set(by)
  const present: unknown[] = []
  const absent: unknown[] = []
  for (const v of list) (inBy.has(v) ? present : absent).push(v)
  return [present, absent]
}

export function partitionMapsByPresentInList(list: readonly unknown[], by: readonly unknown[], mergeKey: string): [unknown[], unknown[]] {
  const present: unknown[] = []
  const absent: unknown[] = []
  for (const v of list) {
    if (!isPlainObject(v)) throw errBadArgType('map', v)
    if (!(mergeKey in v)) throw errNoMergeKey(v, mergeKey)
    ;(findMapByKey(by, mergeKey, v[mergeKey]) ? present : absent).push(v)
  }
  return [present, absent]
}

/** findMapInSliceBasedOnKeyValue: index of the first map whose `key` equals `value`, or -1. */
export function findMapIndexByKey(list: readonly unknown[], key: string, value: unknown): number {
  for (let i = 0; i < list.length; i++) {
    const v = list[i]
    if (!isPlainObject(v)) throw new SmpError(`value for key ${i} is not a map`)
    if (key in v && v[key] === value) return i
  }
  return -1
}

function findMapByKey(list: readonly unknown[], key: string, value: unknown): boolean {
  return findMapIndexByKey(list, key, value) >= 0
}

/** mergeKeyValueEqual: two elements name the same item (scalars: are equal). */
export function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (mergeKey === '') return left === right
  if (!isPlainObject(left)) throw errBadArgType('map', left)
  if (!isPlainObject(right)) throw errBadArgType('map', right)
  if (!(mergeKey in left)) throw errNoMergeKey(left, mergeKey)
  if (!(mergeKey in right)) throw errNoMergeKey(right, mergeKey)
  return left[mergeKey] === right[mergeKey]
}

/** Removes `$patch` maps (and map entries holding one) from a value taken from a patch as is. */
export function removeDirectives(v: unknown): { value: unknown; keep: boolean } {
  if (Array.isArray(v)) {
    const out: unknown[] = []
    for (const e of v) {
      const r = removeDirectives(e)
      if (r.keep) out.push(r.value)
    }
    return { value: out, keep: true }
  }
  if (isPlainObject(v)) {
    if (DIRECTIVE in v) return { value: undefined, keep: false }
    for (const k of Object.keys(v)) {
      const r = removeDirectives(v[k])
      if (r.keep) v[k] = r.value
      else delete v[k]
    }
    return { value: v, keep: true }
  }
  return { value: v, keep: true }
}

/** The key of a parallel directive list (`$setElementOrder/containers` → `containers`). */
export function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf('/')
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST) throw new SmpError('invalid patch format of primitive list', 'BadRequest')
    if (prefix === SET_ELEMENT_ORDER) throw new SmpError('invalid patch format of setElementOrder list', 'BadRequest')
    throw new SmpError(`fail to find unknown prefix "${prefix}" in ${s}\n`)
  }
  return s.slice(slash + 1)
}

/** discardNullValuesFromPatch: nulls in maps (also inside lists) go; nulls that are list elements stay. */
export function discardNulls(v: unknown): void {
  if (Array.isArray(v)) for (const e of v) discardNulls(e)
  else if (isPlainObject(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k]
      else discardNulls(v[k])
    }
  }
}

/** The non-delete items of the patch list must appear in $setElementOrder, in the same relative order. */
export function validatePatchWithSetOrderList(patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return
  const items = mergeKey !== '' ? extractToDeleteItems(patchList)[0] : patchList
  let p = 0
  let o = 0
  while (p < items.length && o < order.length) {
    if (isPlainObject(items[p]) && DIRECTIVE in (items[p] as JsonMap)) {
      p++
      continue
    }
    if (mergeKeyValueEqual(items[p], order[o], mergeKey)) p++
    o++
  }
  if (p < items.length && o >= order.length) {
    throw new SmpError(`The order in patch list:\n${goValue(patchList)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${goValue(order)}\n`)
  }
}
