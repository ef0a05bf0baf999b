// Pieces every kind's strategy shares: telling an update from a create, turning a decode failure
// into the BadRequest a real server sends, and the names admission errors use.

import { ApiError, forbidden } from '../errors'
import { kindInfo, type Kind } from '../kinds'
import type { StrategyContext } from '../strategy'
import type { KubeObject, ObjectMeta } from '../types'
import { DecodeError } from '../defaults/pod'

/**
 * The server calls `validate` on create and on update (then `validateUpdate`). Upstream validates
 * an update with ValidateXUpdate only, so `validate` steps aside when the object is already stored
 * under the same uid (a create always has a fresh one).
 */
export function isUpdate(kind: Kind, obj: KubeObject, ctx: StrategyContext): boolean {
  const ns = kindInfo(kind).namespaced ? (obj.metadata.namespace ?? '') : ''
  const stored = ctx.get(kind, ns, obj.metadata.name ?? '')
  return stored !== undefined && stored.metadata.uid === obj.metadata.uid
}

/** Runs defaulting as decoding does; a malformed value becomes `<Kind> in version "v1" cannot be handled as a <Kind>: ...`. */
export function decoding(kind: Kind, fn: () => void): void {
  try {
    fn()
  } catch (e) {
    if (e instanceof DecodeError) {
      const k = kindInfo(kind)
      throw new ApiError('BadRequest', `${k.kind} in version "${k.version}" cannot be handled as a ${k.kind}: ${e.message}`)
    }
    throw e
  }
}

/**
 * The name an admission error uses (admission.NewForbidden): admission runs before a generated name
 * is filled in, so objects created with generateName are named by their prefix ("web-7c5d9-").
 */
export function admissionName(meta: ObjectMeta): string {
  const g = meta.generateName
  const n = meta.name ?? ''
  if (g && n.startsWith(g) && n.length === g.length + 5) return g
  return n || g || ''
}

export function admissionForbidden(kind: Kind, meta: ObjectMeta, why: string): ApiError {
  return forbidden(kind, admissionName(meta), why)
}
