// PATCH bodies: JSON patch (RFC 6902), JSON merge patch (RFC 7386) and strategic merge patch
// (strategic-merge.ts). Semantics and error texts are the API server's (apiserver
// endpoints/handlers/patch.go with gopkg.in/evanphx/json-patch.v4) for a request that names no
// fieldValidation — kubectl patch sends none, so the server uses Warn and decodes the body strictly.

import { clone, deepEqual, isPlainObject } from '../core/json'
import { ApiError } from './errors'
import type { Kind } from './kinds'
import type { KubeObject } from './types'
import { strategicMerge } from './strategic-merge'

export type PatchType = 'json' | 'merge' | 'strategic'

export function applyPatch(current: KubeObject, type: PatchType, patch: unknown, kind: Kind): KubeObject {
  switch (type) {
    case 'merge':
      // evanphx MergePatch: a `null` body is ErrBadJSONPatch; anything else must decode into a map.
      if (patch === null) throw new ApiError('BadRequest', 'Invalid JSON Patch')
      if (!isPlainObject(patch)) throw new ApiError('BadRequest', `error decoding patch: ${cannotUnmarshal(patch, 'map[string]interface {}')}`)
      return mergePatch(clone(current), patch) as KubeObject
    case 'strategic':
      // A `null` body decodes to a nil map: nothing to merge.
      if (patch === null) return clone(current)
      if (!isPlainObject(patch)) throw new ApiError('BadRequest', cannotUnmarshal(patch, 'map[string]interface {}'))
      return strategicMerge(clone(current) as unknown as Record<string, unknown>, patch, kind) as unknown as KubeObject
    case 'json':
      return jsonPatch(clone(current), patch)
  }
}

/** encoding/json's UnmarshalTypeError text for a JSON value that does not fit the Go type. */
function cannotUnmarshal(v: unknown, goType: string): string {
  return `json: cannot unmarshal ${jsonKind(v)} into Go value of type ${goType}`
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'boolean') return 'bool'
  return typeof v // object, string, number
}

/**
 * RFC 7386 as evanphx/json-patch v4 applies it (merge.go): objects merge recursively and null
 * deletes a key; a value set where there was none (or no object) has the nulls inside it pruned; a
 * non-object set over an object replaces it as is.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return clone(patch)
  if (!isPlainObject(target)) return pruneNulls(clone(patch))
  const out: Record<string, unknown> = { ...target }
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else if (out[k] === undefined || out[k] === null) out[k] = pruneNulls(clone(v))
    else if (!isPlainObject(out[k])) out[k] = pruneNulls(clone(v))
    else out[k] = isPlainObject(v) ? mergePatch(out[k], v) : clone(v)
  }
  return out
}

/** pruneNulls: null members of objects go (at any depth, also inside arrays); array elements stay. */
function pruneNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((e) => (e === null ? e : pruneNulls(e)))
  if (!isPlainObject(v)) return v
  const out: Record<string, unknown> = {}
  for (const [k, e] of Object.entries(v)) if (e !== null) out[k] = pruneNulls(e)
  return out
}

/**
 * The server answers any failure to apply a JSON patch with a 422 whose text is generic
 * (errors.NewGenericServerResponse keeps its own message): kubectl prints
 * `The request is invalid: the server rejected our request due to an error in our request`.
 */
function unprocessable(): ApiError {
  return new ApiError('Invalid', 'the server rejected our request due to an error in our request')
}

const OP_FIELDS = ['op', 'path', 'from'] as const

/** The strict decoding of the body into []jsonPatchOp that precedes applying it (BadRequest). */
function decodeOps(ops: unknown): Record<string, unknown>[] {
  if (ops === null) return []
  if (!Array.isArray(ops)) throw new ApiError('BadRequest', `error decoding patch: ${cannotUnmarshal(ops, '[]handlers.jsonPatchOp')}`)
  for (const op of ops) {
    if (op === null) continue
    if (!isPlainObject(op)) throw new ApiError('BadRequest', `error decoding patch: ${cannotUnmarshal(op, 'handlers.jsonPatchOp')}`)
    for (const f of OP_FIELDS) {
      const v = op[f]
      if (v !== undefined && v !== null && typeof v !== 'string') {
        throw new ApiError('BadRequest', `error decoding patch: json: cannot unmarshal ${jsonKind(v)} into Go struct field jsonPatchOp.${f} of type string`)
      }
    }
  }
  return ops.map((op) => (op === null ? {} : (op as Record<string, unknown>)))
}

type Container = Record<string, unknown> | unknown[]

/** findObject: the container holding the path's last segment, and that segment (decoded). */
function findObject(doc: unknown, path: string): { parent: Container; key: string } | undefined {
  const split = path.split('/')
  if (split.length < 2) return undefined
  let cur: unknown = doc
  for (const raw of split.slice(1, -1)) {
    const next = getChild(cur, decodeKey(raw))
    if (next === undefined || next === null || (!Array.isArray(next) && !isPlainObject(next))) return undefined
    cur = next
  }
  return { parent: cur as Container, key: decodeKey(split[split.length - 1]) }
}

function decodeKey(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~')
}

/** An array index as strconv.Atoi reads it, negative ones counted from the end (v4 allows them). */
function arrayIndex(list: unknown[], key: string, size = list.length): number | undefined {
  if (!/^[+-]?\d+$/.test(key)) return undefined
  let i = Number(key)
  if (i < 0) {
    if (i < -size) return undefined
    i += size
  }
  return i < size ? i : undefined
}

/** partialDoc.get answers undefined for a missing key without failing; arrays fail out of range. */
function getChild(c: unknown, key: string): unknown {
  if (Array.isArray(c)) {
    const i = arrayIndex(c, key)
    if (i === undefined) throw unprocessable()
    return c[i]
  }
  if (isPlainObject(c)) return c[key]
  return undefined
}

function add(parent: Container, key: string, value: unknown): void {
  if (!Array.isArray(parent)) {
    parent[key] = value
    return
  }
  if (key === '-') {
    parent.push(value)
    return
  }
  const i = arrayIndex(parent, key, parent.length + 1)
  if (i === undefined) throw unprocessable()
  parent.splice(i, 0, value)
}

function remove(parent: Container, key: string): unknown {
  if (Array.isArray(parent)) {
    const i = arrayIndex(parent, key)
    if (i === undefined) throw unprocessable()
    return parent.splice(i, 1)[0]
  }
  if (!(key in parent)) throw unprocessable()
  const v = parent[key]
  delete parent[key]
  return v
}

export function jsonPatch(doc: KubeObject, body: unknown): KubeObject {
  const ops = decodeOps(body)
  let root: unknown = doc
  for (const op of ops) {
    const path = typeof op.path === 'string' ? op.path : ''
    const value = op.value === undefined ? null : clone(op.value)
    switch (op.op) {
      case 'add': {
        const at = findObject(root, path)
        if (!at) throw unprocessable()
        add(at.parent, at.key, value)
        break
      }
      case 'remove': {
        const at = findObject(root, path)
        if (!at) throw unprocessable()
        remove(at.parent, at.key)
        break
      }
      case 'replace': {
        if (path === '') {
          if (!isPlainObject(value) && !Array.isArray(value)) throw unprocessable()
          root = value
          break
        }
        const at = findObject(root, path)
        if (!at) throw unprocessable()
        if (Array.isArray(at.parent)) {
          const i = arrayIndex(at.parent, at.key)
          if (i === undefined) throw unprocessable()
          at.parent[i] = value
        } else at.parent[at.key] = value // v4 replaces a missing object key too
        break
      }
      case 'move':
      case 'copy': {
        const fromPath = typeof op.from === 'string' ? op.from : ''
        const from = findObject(root, fromPath)
        if (!from) throw unprocessable()
        const v = op.op === 'move' ? remove(from.parent, from.key) : clone(getChild(from.parent, from.key) ?? null)
        const to = findObject(root, path)
        if (!to) throw unprocessable()
        add(to.parent, to.key, v)
        break
      }
      case 'test': {
        const actual = path === '' ? root : (() => {
          const at = findObject(root, path)
          if (!at) throw unprocessable()
          return getChild(at.parent, at.key)
        })()
        if (!deepEqual(actual ?? null, value)) throw unprocessable()
        break
      }
      default:
        throw unprocessable() // "Unexpected kind: <op>"
    }
  }
  // The result is decoded into the kind's type: anything but an object does not fit.
  if (!isPlainObject(root)) throw unprocessable()
  return root as unknown as KubeObject
}
