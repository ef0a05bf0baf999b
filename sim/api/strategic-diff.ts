// Creating strategic merge patches, as kubectl does for `apply` (three-way: last-applied, file, live)
// and `edit` (two-way): apimachinery strategicpatch/patch.go, CreateTwoWayMergePatch and
// CreateThreeWayMergePatch (diffMaps, diffLists). Merge lists are diffed element by element on their
// merge key; removals become `{$patch: delete}` elements (maps) or `$deleteFromPrimitiveList`
// (scalars); order changes become `$setElementOrder`; fields with retainKeys get `$retainKeys`.

import { clone, deepEqual, isPlainObject } from '../core/json'
import type { Kind } from './kinds'
import { type PatchMetaLookup, patchMetaFor, splitStrategies } from './patch-meta'
import { mergeMap } from './strategic-merge'
import { errBadArgType, errNoListOfLists, errNoMergeKey, goKind, goScalar, SmpError } from './strategic-errors'
import {
  DELETE,
  DELETE_FROM_PRIMITIVE_LIST,
  DIRECTIVE,
  type JsonMap,
  MERGE,
  REPLACE,
  RETAIN_KEYS,
  SET_ELEMENT_ORDER,
  deduplicateScalars,
  mergeKeyValueEqual,
  normalizeSliceOrder,
  sliceElementKind,
  sortScalars,
} from './strategic-lists'

interface DiffOptions {
  /** Emit `$setElementOrder` lists. */
  setElementOrder?: boolean
  /** Leave out what `modified` adds or changes (only deletions). */
  ignoreChangesAndAdditions?: boolean
  /** Leave out what `modified` deletes (only additions and changes). */
  ignoreDeletions?: boolean
  /** Emit `$retainKeys` for this map (its field has the retainKeys strategy). */
  buildRetainKeysDirective?: boolean
}

type Schema = Kind | PatchMetaLookup

function lookup(schema: Schema): PatchMetaLookup {
  return typeof schema === 'string' ? patchMetaFor(schema) : schema
}

/** The patch that turns `original` into `modified` (kubectl edit). Throws SmpError. */
export function createTwoWayMergePatch(original: JsonMap | null | undefined, modified: JsonMap | null | undefined, schema: Schema): JsonMap {
  return diffMaps(clone(original ?? {}), clone(modified ?? {}), lookup(schema), { setElementOrder: true })
}

/**
 * The patch `kubectl apply` sends: what `modified` (the file) adds or changes against `current`
 * (live), plus what it deletes against `original` (last applied) — so fields others set and the file
 * never named are kept. Conflicts are not checked: kubectl apply runs with --overwrite (the default).
 * Throws SmpError.
 */
export function createThreeWayMergePatch(
  original: JsonMap | null | undefined,
  modified: JsonMap | null | undefined,
  current: JsonMap | null | undefined,
  schema: Schema,
): JsonMap {
  const s = lookup(schema)
  const delta = diffMaps(clone(current ?? {}), clone(modified ?? {}), s, { ignoreDeletions: true, setElementOrder: true })
  const deletions = diffMaps(clone(original ?? {}), clone(modified ?? {}), s, { setElementOrder: true, ignoreChangesAndAdditions: true })
  return mergeMap(deletions, delta, s, { mergeParallelList: false, ignoreUnmatchedNulls: false })
}

/** diffMaps: the (recursive) patch from `original` to `modified` under the options. */
function diffMaps(original: JsonMap, modified: JsonMap, schema: PatchMetaLookup, opts: DiffOptions): JsonMap {
  const patch: JsonMap = {}
  const retainKeys: unknown[] = []
  for (const [key, modifiedValue] of Object.entries(modified)) {
    if (opts.buildRetainKeysDirective && modifiedValue !== null) retainKeys.push(key)
    if (!(key in original)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = modifiedValue
      continue
    }
    const originalValue = original[key]
    if (key === DIRECTIVE) {
      if (typeof originalValue !== 'string' || typeof modifiedValue !== 'string') throw new SmpError(`invalid value for special key: ${DIRECTIVE}`)
      if (originalValue !== modifiedValue) patch[DIRECTIVE] = modifiedValue
      continue
    }
    const kind = goKind(originalValue)
    if (kind !== goKind(modifiedValue)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = modifiedValue
      continue
    }
    if (kind === 'map') diffMapField(key, originalValue as JsonMap, modifiedValue as JsonMap, patch, schema, opts)
    else if (kind === 'slice') diffSliceField(key, originalValue as unknown[], modifiedValue as unknown[], patch, schema, opts)
    else replaceIfNotEqual(key, originalValue, modifiedValue, patch, opts)
  }
  if (!opts.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null
  }
  // $retainKeys goes in if anything changed, or if the original has keys to clear.
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    patch[RETAIN_KEYS] = sortScalars(retainKeys)
  }
  return patch
}

function hasAdditionalNewField(original: JsonMap, modified: JsonMap): boolean {
  return Object.entries(original).some(([k, v]) => v !== null && !(k in modified))
}

function replaceIfNotEqual(key: string, original: unknown, modified: unknown, patch: JsonMap, opts: DiffOptions): void {
  if (opts.ignoreChangesAndAdditions || deepEqual(original, modified)) return
  patch[key] = modified
}

/** A metadata lookup that fails matters only if the values differ (handleMapDiff/handleSliceDiff). */
function lookupOrSkip<T>(look: () => T, original: unknown, modified: unknown): T | undefined {
  try {
    return look()
  } catch (e) {
    if (deepEqual(original, modified)) return undefined
    throw e
  }
}

function diffMapField(key: string, original: JsonMap, modified: JsonMap, patch: JsonMap, schema: PatchMetaLookup, opts: DiffOptions): void {
  const found = lookupOrSkip(() => schema.forStruct(key), original, modified)
  if (!found) return
  const [sub, meta] = found
  const { retainKeys, strategy } = splitStrategies(meta.strategies)
  if (strategy === REPLACE) {
    if (!opts.ignoreChangesAndAdditions) patch[key] = modified
    return
  }
  const value = diffMaps(original, modified, sub, { ...opts, buildRetainKeysDirective: retainKeys })
  if (Object.keys(value).length > 0) patch[key] = value
}

function diffSliceField(key: string, original: unknown[], modified: unknown[], patch: JsonMap, schema: PatchMetaLookup, opts: DiffOptions): void {
  const found = lookupOrSkip(() => schema.forSlice(key), original, modified)
  if (!found) return
  const [sub, meta] = found
  const { retainKeys, strategy } = splitStrategies(meta.strategies)
  if (strategy !== MERGE) {
    replaceIfNotEqual(key, original, modified, patch, opts)
    return
  }
  const { add, del, order } = diffLists(original, modified, sub, meta.mergeKey, { ...opts, buildRetainKeysDirective: retainKeys })
  if (add.length > 0) patch[key] = add
  if (del.length > 0) patch[`${DELETE_FROM_PRIMITIVE_LIST}/${key}`] = del
  if (order.length > 0) patch[`${SET_ELEMENT_ORDER}/${key}`] = order
}

interface ListDiff {
  add: unknown[]
  del: unknown[]
  order: unknown[]
}

/** diffLists: additions/changes (with `$patch: delete` elements for maps), scalar deletions, new order. */
function diffLists(original: unknown[], modified: unknown[], schema: PatchMetaLookup, mergeKey: string, opts: DiffOptions): ListDiff {
  if (original.length === 0) {
    if (modified.length === 0 || opts.ignoreChangesAndAdditions) return { add: [], del: [], order: [] }
    return { add: modified, del: [], order: [] }
  }
  const kind = sliceElementKind(original, modified)
  if (kind === 'slice') throw errNoListOfLists()
  if (kind === 'map') {
    const [changes, deletions] = diffListsOfMaps(original, modified, schema, mergeKey, opts)
    const add = [...normalizeSliceOrder(changes, modified, mergeKey, kind), ...deletions]
    const orderSame = isOrderSame(original, modified, mergeKey)
    const wantOrder =
      opts.setElementOrder && ((!opts.ignoreChangesAndAdditions && (add.length > 0 || !orderSame)) || (!opts.ignoreDeletions && add.length > 0))
    const order = wantOrder ? modified.map((v) => ({ [mergeKey]: (v as JsonMap)[mergeKey] })) : []
    return { add, del: [], order }
  }
  const [added, deleted] = diffListsOfScalars(original, modified, opts)
  const add = normalizeSliceOrder(added, modified, mergeKey, kind)
  // diffListsOfScalars sorted `original` in place, so a pure reordering of a sorted list goes unseen.
  const wantOrder =
    opts.setElementOrder && ((!opts.ignoreDeletions && deleted.length > 0) || (!opts.ignoreChangesAndAdditions && !deepEqual(original, modified)))
  return { add, del: deleted, order: wantOrder ? modified : [] }
}

function isOrderSame(original: unknown[], modified: unknown[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false
  return modified.every((m, i) => mergeKeyValueEqual(original[i], m, mergeKey))
}

/** Walks both lists sorted by `%v` text: what `modified` adds, and what it no longer has. */
function diffListsOfScalars(original: unknown[], modified: unknown[], opts: DiffOptions): [unknown[], unknown[]] {
  const o = sortScalars(original)
  const m = sortScalars(modified.slice())
  const add: unknown[] = []
  const del: unknown[] = []
  let i = 0
  let j = 0
  while (i < o.length || j < m.length) {
    const os = i < o.length ? goScalar(o[i]) : undefined
    const ms = j < m.length ? goScalar(m[j]) : undefined
    if (os !== undefined && ms !== undefined && os === ms) {
      i++
      j++
    } else if (os === undefined || (ms !== undefined && os > ms)) {
      if (!opts.ignoreChangesAndAdditions) add.push(m[j])
      j++
    } else {
      if (!opts.ignoreDeletions) del.push(o[i])
      i++
    }
  }
  return [add, deduplicateScalars(del)]
}

/** Elements sorted by the `%v` text of their merge key (sortMergeListsByNameArray, non-recursive). */
function sortedByKey(list: unknown[], mergeKey: string): [JsonMap, string][] {
  const keyed = list.map((v) => [v as JsonMap, goScalar(isPlainObject(v) ? v[mergeKey] : undefined)] as [JsonMap, string])
  keyed.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
  return keyed
}

function diffListsOfMaps(original: unknown[], modified: unknown[], schema: PatchMetaLookup, mergeKey: string, opts: DiffOptions): [unknown[], unknown[]] {
  const o = sortedByKey(original, mergeKey)
  const m = sortedByKey(modified, mergeKey)
  const changes: unknown[] = []
  const deletions: unknown[] = []
  let i = 0
  let j = 0
  const keyOf = (e: [JsonMap, string]): string => {
    if (!isPlainObject(e[0])) throw errBadArgType('map', e[0])
    if (!(mergeKey in e[0])) throw errNoMergeKey(e[0], mergeKey)
    return e[1]
  }
  while (i < o.length || j < m.length) {
    const os = i < o.length ? keyOf(o[i]) : undefined
    const ms = j < m.length ? keyOf(m[j]) : undefined
    if (os !== undefined && ms !== undefined && os === ms) {
      const value = diffMaps(o[i][0], m[j][0], schema, opts)
      if (Object.keys(value).length > 0) {
        value[mergeKey] = m[j][0][mergeKey]
        changes.push(value)
      }
      i++
      j++
    } else if (os === undefined || (ms !== undefined && os > ms)) {
      if (!opts.ignoreChangesAndAdditions) changes.push(m[j][0])
      j++
    } else {
      if (!opts.ignoreDeletions) deletions.push({ [mergeKey]: o[i][0][mergeKey], [DIRECTIVE]: DELETE })
      i++
    }
  }
  return [changes, deletions]
}
