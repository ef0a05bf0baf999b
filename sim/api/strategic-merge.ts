// Applying a strategic merge patch, as the API server does for `kubectl patch` (the default type)
// and for every `kubectl apply` that finds the object: apimachinery strategicpatch/patch.go
// (StrategicMergeMapPatch → mergeMap). Maps merge key by key and null deletes a key, as in a JSON
// merge patch; lists with the merge strategy merge element by element on their merge key
// (patch-meta.ts); the directives `$patch` (replace | delete), `$retainKeys`,
// `$deleteFromPrimitiveList/<list>` and `$setElementOrder/<list>` steer it.
// The same merge, with MergeParallelList off, combines the two halves of kubectl's three-way patch.

import { clone, deepEqual, isPlainObject } from '../core/json'
import type { Kind } from './kinds'
import { type PatchMetaLookup, patchMetaFor, splitStrategies } from './patch-meta'
import {
  errBadArgType,
  errBadPatchFormatForRetainKeys,
  errBadPatchFormatForSetElementOrderList,
  errBadPatchType,
  errNoMergeKey,
  goKind,
  goValue,
  SmpError,
  toApiError,
} from './strategic-errors'
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
  extractKey,
  findMapIndexByKey,
  normalizeElementOrder,
  partitionMapsByPresentInList,
  partitionPrimitivesByPresentInList,
  removeDirectives,
  sliceElementKind,
  validatePatchWithSetOrderList,
  discardNulls,
} from './strategic-lists'

export interface MergeOptions {
  /** Apply `$deleteFromPrimitiveList` and `$retainKeys` (server side) instead of carrying them (merging two patches). */
  mergeParallelList: boolean
  /** Drop nulls that have nothing to delete (server side) instead of keeping them (merging two patches). */
  ignoreUnmatchedNulls: boolean
  /**
   * Ours, not upstream's: clean what is copied from the patch as is (new list elements, replaced
   * fields) the way decoding into the typed object does — nulls and `$` keys (unknown fields) go.
   * The server stores JSON here, with no typed round trip to do it.
   */
  asDecoded?: boolean
}

/** What the API server applies a PATCH with (StrategicMergeMapPatchUsingLookupPatchMeta). */
export const SERVER_MERGE: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true }

/**
 * The API server's strategic merge patch of an object of `kind`. Bad patches throw the ApiError
 * the server answers with (BadRequest, Invalid, or a reasonless 500 with upstream's text).
 */
export function strategicMerge(target: Record<string, unknown>, patch: Record<string, unknown>, kind: Kind): Record<string, unknown> {
  try {
    return mergeMap(clone(target), clone(patch), patchMetaFor(kind), { ...SERVER_MERGE, asDecoded: true })
  } catch (e) {
    throw toApiError(e)
  }
}

/** StrategicMergeMapPatch against any schema; throws SmpError. Inputs are not changed. */
export function strategicMergeWith(original: JsonMap, patch: JsonMap, schema: PatchMetaLookup, opts: MergeOptions = SERVER_MERGE): JsonMap {
  return mergeMap(clone(original), clone(patch), schema, opts)
}

/** mergeMap. Changes (and may return) `original`, and consumes `patch`. */
export function mergeMap(original: JsonMap | null, patch: JsonMap, schema: PatchMetaLookup, opts: MergeOptions): JsonMap {
  if (DIRECTIVE in patch) return mapDirective(patch[DIRECTIVE], patch, opts)
  const out = original ?? {}
  applyRetainKeysDirective(out, patch, opts)
  mergePatchIntoOriginal(out, patch, schema, opts)

  for (const patchKey of Object.keys(patch)) {
    const patchV = patch[patchKey]
    let k = patchKey
    let isDeleteList = false
    if (patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      if (!opts.mergeParallelList) {
        out[patchKey] = patchV
        continue
      }
      const stripped = extractKey(patchKey, DELETE_FROM_PRIMITIVE_LIST)
      if (stripped !== '') k = stripped
      isDeleteList = true
    }
    if (patchV === null) {
      delete out[k]
      if (opts.ignoreUnmatchedNulls) continue
    }
    if (!(k in out) || goKind(out[k]) !== goKind(patchV)) {
      // Not in the original (or of another type): the patch value is taken, minus its directives.
      if (!isDeleteList) {
        if (opts.ignoreUnmatchedNulls) discardNulls(patchV)
        takeFromPatch(out, k, patchV, opts)
      }
      continue
    }
    const kind = goKind(out[k])
    if (kind === 'map') {
      const [sub, meta] = schema.forStruct(k)
      const { strategy } = splitStrategies(meta.strategies)
      out[k] = strategy !== REPLACE ? mergeMap(out[k] as JsonMap, patchV as JsonMap, sub, opts) : decoded(patchV, opts)
    } else if (kind === 'slice') {
      const [sub, meta] = schema.forSlice(k)
      const { strategy } = splitStrategies(meta.strategies)
      out[k] = mergeSliceHandler(out[k], patchV, sub, strategy, meta.mergeKey, isDeleteList, opts)
    } else {
      takeFromPatch(out, k, patchV, opts)
    }
  }
  return out
}

function takeFromPatch(out: JsonMap, k: string, patchV: unknown, opts: MergeOptions): void {
  const r = removeDirectives(patchV)
  if (r.keep) out[k] = decoded(r.value, opts)
  else delete out[k]
}

/** `$patch` on a map: replace it with the rest of the patch, or delete its contents. */
function mapDirective(directive: unknown, patch: JsonMap, opts: MergeOptions): JsonMap {
  if (directive === REPLACE) {
    delete patch[DIRECTIVE]
    return decoded(patch, opts) as JsonMap
  }
  if (directive === DELETE) return {}
  throw errBadPatchType(directive, patch)
}

function decoded(v: unknown, opts: MergeOptions): unknown {
  if (!opts.asDecoded) return v
  if (Array.isArray(v)) return v.map((e) => decoded(e, opts))
  if (!isPlainObject(v)) return v
  const out: JsonMap = {}
  for (const [k, e] of Object.entries(v)) if (e !== null && !k.startsWith('$')) out[k] = decoded(e, opts)
  return out
}

/**
 * `$retainKeys`: server side, keys of the original that the list does not name are cleared, and a
 * patch may only set keys the list names; between two patches the directive is carried.
 */
function applyRetainKeysDirective(original: JsonMap, patch: JsonMap, opts: MergeOptions): void {
  if (!(RETAIN_KEYS in patch)) return
  const retain = patch[RETAIN_KEYS]
  delete patch[RETAIN_KEYS]
  if (!opts.mergeParallelList) {
    if (RETAIN_KEYS in original) {
      if (!deepEqual(original[RETAIN_KEYS], retain)) {
        throw new SmpError(`${goValue(original[RETAIN_KEYS])} and ${goValue(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`)
      }
    } else original[RETAIN_KEYS] = retain
    return
  }
  if (!Array.isArray(retain)) throw errBadPatchFormatForRetainKeys()
  const keep = new Set(retain)
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue
    if (!keep.has(k)) throw errBadPatchFormatForRetainKeys()
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k]
}

/**
 * `$setElementOrder/<list>`: merges the list it names (if the patch has it) and orders the result:
 * $setElementOrder, then the order in the patch list, then the live order. Merged lists leave `patch`.
 */
function mergePatchIntoOriginal(original: JsonMap, patch: JsonMap, schema: PatchMetaLookup, opts: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue
    const order = patch[key]
    if (!opts.mergeParallelList) {
      if (key in original) {
        if (!deepEqual(original[key], order)) throw errBadPatchFormatForSetElementOrderList()
      } else original[key] = order
    }
    delete patch[key]
    if (!Array.isArray(order)) throw errBadArgType('slice', order)
    const listKey = extractKey(key, SET_ELEMENT_ORDER)
    const foundOriginal = listKey in original
    const foundPatch = listKey in patch
    let originalList: unknown[] = []
    let patchList: unknown[] = []
    if (foundOriginal) {
      if (!Array.isArray(original[listKey])) throw errBadArgType('slice', original[listKey])
      originalList = original[listKey] as unknown[]
    }
    if (foundPatch) {
      if (!Array.isArray(patch[listKey])) throw errBadArgType('slice', patch[listKey])
      patchList = patch[listKey] as unknown[]
    }
    const [sub, meta] = schema.forSlice(listKey)
    const { strategy } = splitStrategies(meta.strategies)
    validatePatchWithSetOrderList(patchList, order, meta.mergeKey)

    let merged: unknown[]
    let liveOrder = originalList
    if (foundOriginal && !foundPatch) merged = originalList
    else if (!foundOriginal && foundPatch) merged = decoded(removeDirectives(patchList).value, opts) as unknown[]
    else if (foundOriginal && foundPatch) {
      ;({ merged, liveView: liveOrder } = mergeSliceAndView(originalList, patchList, sub, strategy, meta.mergeKey, false, opts))
    } else continue

    const [inOrder, serverOnly] =
      meta.mergeKey === '' ? partitionPrimitivesByPresentInList(merged, order) : partitionMapsByPresentInList(merged, order, meta.mergeKey)
    const kind = sliceElementKind(originalList, patchList)
    original[listKey] = normalizeElementOrder(inOrder, serverOnly, order, liveOrder, meta.mergeKey, kind)
    delete patch[listKey]
  }
}

/** A merged list, and what the caller's copy of the live list reads afterwards (see mergeSlice). */
interface SliceMerge {
  merged: unknown[]
  liveView: unknown[]
}

function mergeSliceHandler(
  original: unknown,
  patch: unknown,
  schema: PatchMetaLookup,
  strategy: string,
  mergeKey: string,
  isDeleteList: boolean,
  opts: MergeOptions,
): unknown[] {
  return mergeSliceAndView(original, patch, schema, strategy, mergeKey, isDeleteList, opts).merged
}

function mergeSliceAndView(
  original: unknown,
  patch: unknown,
  schema: PatchMetaLookup,
  strategy: string,
  mergeKey: string,
  isDeleteList: boolean,
  opts: MergeOptions,
): SliceMerge {
  if (!Array.isArray(original)) throw errBadArgType('slice', original)
  if (!Array.isArray(patch)) throw errBadArgType('slice', patch)
  // Delete lists apply whatever the field's strategy; other lists without `merge` are replaced.
  if (strategy === MERGE || isDeleteList) return mergeSlice(original, patch, schema, mergeKey, opts, isDeleteList)
  return { merged: decoded(patch, opts) as unknown[], liveView: original }
}

/**
 * mergeSlice. Upstream edits the live list's backing array in place: `$patch: delete` shifts the
 * elements after a deleted one left, and the first new elements are appended into the slots that
 * frees. The caller's copy of the list (which $setElementOrder then reads as the live order) sees
 * those writes; `liveView` is that copy, so ordering matches upstream's (its tests depend on it).
 */
function mergeSlice(original: unknown[], patch: unknown[], schema: PatchMetaLookup, mergeKey: string, opts: MergeOptions, isDeleteList: boolean): SliceMerge {
  if (original.length === 0 && patch.length === 0) return { merged: original, liveView: original }
  const kind = sliceElementKind(original, patch)
  if (kind !== 'map') {
    if (opts.mergeParallelList && isDeleteList) {
      const gone = new Set(patch)
      return { merged: original.filter((v) => !gone.has(v)), liveView: original }
    }
    const merged = deduplicateScalars([...original, ...patch])
    const [inPatch, serverOnly] = partitionPrimitivesByPresentInList(merged, patch)
    return { merged: normalizeElementOrder(inPatch, serverOnly, patch, original, mergeKey, kind), liveView: original }
  }
  if (mergeKey === '') throw new SmpError(`cannot merge lists without merge key for ${schema.name()}`)

  const buf = original.slice() // the shared backing array
  let n = buf.length
  const plain: unknown[] = []
  let replace = false
  for (const v of patch) {
    const item = v as JsonMap
    if (!(DIRECTIVE in item)) {
      plain.push(v)
      continue
    }
    const directive = item[DIRECTIVE]
    if (directive === DELETE) {
      // `{$patch: delete, <key>: v}` removes every element with that key.
      if (!(mergeKey in item)) throw errNoMergeKey(item, mergeKey)
      for (let i = findMapIndexByKey(buf.slice(0, n), mergeKey, item[mergeKey]); i >= 0; i = findMapIndexByKey(buf.slice(0, n), mergeKey, item[mergeKey])) {
        buf.copyWithin(i, i + 1, n)
        n--
      }
    } else if (directive === REPLACE) replace = true // the rest of the patch list is the whole list
    else if (directive === MERGE) throw new SmpError('merging lists cannot yet be specified in the patch')
    else throw errBadPatchType(directive, item)
  }
  const liveView = buf.slice(0, original.length)
  if (replace) return { merged: normalizeElementOrder([], plain, [], plain, mergeKey, kind), liveView }

  const kept = n
  for (const item of plain as JsonMap[]) {
    if (!(mergeKey in item)) throw errNoMergeKey(item, mergeKey)
    const i = findMapIndexByKey(buf.slice(0, n), mergeKey, item[mergeKey])
    if (i >= 0) buf[i] = mergeMap(buf[i] as JsonMap, item, schema, opts)
    else buf[n++] = decoded(item, opts)
  }
  const merged = buf.slice(0, n)
  const [inPatch, serverOnly] = partitionMapsByPresentInList(merged, plain, mergeKey)
  return {
    merged: normalizeElementOrder(inPatch, serverOnly, plain, buf.slice(0, kept), mergeKey, kind),
    liveView: buf.slice(0, original.length),
  }
}
