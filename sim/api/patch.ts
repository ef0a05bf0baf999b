// PATCH bodies: JSON patch (RFC 6902), JSON merge patch (RFC 7386) and strategic merge patch
// (apimachinery strategicpatch: lists merged by their patchMergeKey). Errors are the server's
// BadRequest texts.

import { clone, isPlainObject } from '../core/json'
import { ApiError } from './errors'
import type { Kind } from './kinds'
import type { KubeObject } from './types'
import { strategicMerge } from './strategic-merge'

export type PatchType = 'json' | 'merge' | 'strategic'

export function applyPatch(current: KubeObject, type: PatchType, patch: unknown, kind: Kind): KubeObject {
  switch (type) {
    case 'merge':
      if (!isPlainObject(patch)) throw new ApiError('BadRequest', 'json: cannot unmarshal array into Go value of type map[string]interface {}')
      return mergePatch(clone(current), patch) as KubeObject
    case 'strategic':
      if (!isPlainObject(patch)) throw new ApiError('BadRequest', 'json: cannot unmarshal array into Go value of type map[string]interface {}')
      return strategicMerge(clone(current) as unknown as Record<string, unknown>, patch, kind) as unknown as KubeObject
    case 'json':
      return jsonPatch(clone(current), patch)
  }
}

/** RFC 7386: objects merge recursively, null deletes, anything else (lists too) replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return clone(patch)
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = mergePatch(out[k], v)
  }
  return out
}

function decodePointer(path: string): string[] {
  if (path === '') return []
  if (!path.startsWith('/')) throw new ApiError('InternalError', `JSON pointer must be empty or start with a "/`)
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
}

type Container = Record<string, unknown> | unknown[]

function resolveParent(doc: unknown, parts: string[], op: string, path: string): { parent: Container; last: string } {
  let cur: unknown = doc
  for (const p of parts.slice(0, -1)) {
    if (Array.isArray(cur)) {
      const i = Number(p)
      if (!/^\d+$/.test(p) || i >= cur.length) throw missing(op, path)
      cur = cur[i]
    } else if (isPlainObject(cur)) {
      if (!(p in cur)) throw missing(op, path)
      cur = cur[p]
    } else throw missing(op, path)
  }
  if (!Array.isArray(cur) && !isPlainObject(cur)) throw missing(op, path)
  return { parent: cur, last: parts[parts.length - 1] }
}

function missing(op: string, path: string): ApiError {
  // evanphx/json-patch wording, as the API server returns it.
  const verb = op === 'add' ? 'add operation does not apply' : `${op} operation does not apply`
  return new ApiError('InternalError', `${verb}: doc is missing path: "${path}": missing value`)
}

export function jsonPatch(doc: KubeObject, ops: unknown): KubeObject {
  if (!Array.isArray(ops)) throw new ApiError('BadRequest', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch')
  let root: unknown = doc
  for (const raw of ops) {
    if (!isPlainObject(raw)) throw new ApiError('BadRequest', 'json: cannot unmarshal into Go value of type jsonpatch.Operation')
    const op = String(raw.op ?? '')
    const path = String(raw.path ?? '')
    const parts = decodePointer(path)
    switch (op) {
      case 'add':
      case 'replace': {
        if (parts.length === 0) {
          root = clone(raw.value)
          break
        }
        const { parent, last } = resolveParent(root, parts, op, path)
        if (Array.isArray(parent)) {
          const i = last === '-' ? parent.length : Number(last)
          if (!/^\d+$/.test(last) && last !== '-') throw missing(op, path)
          if (op === 'add') {
            if (i > parent.length) throw missing(op, path)
            parent.splice(i, 0, clone(raw.value))
          } else {
            if (i >= parent.length) throw missing(op, path)
            parent[i] = clone(raw.value)
          }
        } else {
          if (op === 'replace' && !(last in parent)) throw missing(op, path)
          parent[last] = clone(raw.value)
        }
        break
      }
      case 'remove': {
        const { parent, last } = resolveParent(root, parts, op, path)
        if (Array.isArray(parent)) {
          const i = Number(last)
          if (!/^\d+$/.test(last) || i >= parent.length) throw missing(op, path)
          parent.splice(i, 1)
        } else {
          if (!(last in parent)) throw missing(op, path)
          delete parent[last]
        }
        break
      }
      case 'test': {
        const { parent, last } = resolveParent(root, parts, op, path)
        const v = Array.isArray(parent) ? parent[Number(last)] : parent[last]
        if (JSON.stringify(v) !== JSON.stringify(raw.value)) throw new ApiError('InternalError', `testing value ${path} failed: test failed`)
        break
      }
      case 'move':
      case 'copy': {
        const from = decodePointer(String(raw.from ?? ''))
        const src = resolveParent(root, from, op, String(raw.from))
        const value = Array.isArray(src.parent) ? src.parent[Number(src.last)] : src.parent[src.last]
        if (value === undefined) throw missing(op, String(raw.from))
        if (op === 'move') {
          if (Array.isArray(src.parent)) src.parent.splice(Number(src.last), 1)
          else delete src.parent[src.last]
        }
        const dst = resolveParent(root, parts, op, path)
        if (Array.isArray(dst.parent)) dst.parent.splice(dst.last === '-' ? dst.parent.length : Number(dst.last), 0, clone(value))
        else dst.parent[dst.last] = clone(value)
        break
      }
      default:
        throw new ApiError('BadRequest', `Unexpected kind: ${op}`)
    }
  }
  if (!isPlainObject(root)) throw new ApiError('BadRequest', 'json: cannot unmarshal into Go value of type map[string]interface {}')
  return root as unknown as KubeObject
}
