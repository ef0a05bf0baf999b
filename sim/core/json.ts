// Helpers for plain JSON values (the only kind of data objects hold).

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** A deep copy of a JSON-plain value; `undefined` members are dropped, as JSON would. */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    const out = new Array(value.length)
    for (let i = 0; i < value.length; i++) out[i] = clone(value[i])
    return out as T
  }
  const out: Record<string, unknown> = {}
  for (const k in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[k]
    if (v !== undefined) out[k] = clone(v)
  }
  return out as T
}

/**
 * clone of an object but for one member, whose value is not copied: the copy holds `undefined` in its
 * place (keeping the key order) for the caller to fill in.
 */
export function cloneWithout<T extends object>(value: T, left: string): T {
  const out: Record<string, unknown> = {}
  for (const k in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[k]
    if (v !== undefined) out[k] = k === left ? undefined : clone(v)
  }
  return out as T
}

/** Freezes a value and everything it holds, so a stored object cannot be changed in place. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value
  Object.freeze(value)
  for (const k in value as Record<string, unknown>) deepFreeze((value as Record<string, unknown>)[k])
  return value
}

// Stored objects share their unchanged parts with the objects they replace (a status write keeps
// the very same spec). Only the API server freezes values (when it stores them), so a frozen part is
// a stored one: immutable and free of `undefined` members, safe to take as it is instead of copying.

/**
 * Freezes a value the API server is about to store: the parts not yet frozen lose their `undefined`
 * members (as clone would drop them) and are frozen; frozen parts are kept as they are.
 */
export function seal<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value
  const o = value as Record<string, unknown>
  if (Array.isArray(o)) {
    for (let i = 0; i < o.length; i++) seal(o[i])
  } else {
    for (const k in o) {
      const v = o[k]
      if (v === undefined) delete o[k]
      else if (v !== null && typeof v === 'object') seal(v)
    }
  }
  return Object.freeze(value)
}

/**
 * `{ ...base, ...over }` without its `undefined` members, in the same key order. Built key by key:
 * leaving the undefined members for seal to delete would turn the object into a slow dictionary one.
 */
export function overlay<T extends object>(base: T, over: Partial<T>): T {
  const b = base as Record<string, unknown>
  const o = over as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const k in b) {
    const v = k in o ? o[k] : b[k]
    if (v !== undefined) out[k] = v
  }
  for (const k in o) if (!(k in b) && o[k] !== undefined) out[k] = o[k]
  return out as T
}

/** Like clone, but frozen (stored, immutable) parts are shared rather than copied. */
export function cloneShared<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value
  if (Array.isArray(value)) {
    const out = new Array(value.length)
    for (let i = 0; i < value.length; i++) out[i] = cloneShared(value[i])
    return out as T
  }
  const out: Record<string, unknown> = {}
  for (const k in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[k]
    if (v !== undefined) out[k] = cloneShared(v)
  }
  return out as T
}

/** Structural equality of JSON-plain values; `undefined` members count as absent. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    if (a.length !== bb.length) return false
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false
    return true
  }
  // Scalars and the member count first, nested values last: two versions of an object mostly differ
  // in a scalar (a phase, an IP, a timestamp) or a member, found without walking equal subtrees.
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  let na = 0
  for (const k in ao) {
    const v = ao[k]
    if (v === undefined) continue
    na++
    if ((v === null || typeof v !== 'object') && v !== bo[k]) return false
  }
  let nb = 0
  for (const k in bo) if (bo[k] !== undefined) nb++
  if (na !== nb) return false
  for (const k in ao) {
    const v = ao[k]
    if (v !== null && typeof v === 'object' && !deepEqual(v, bo[k])) return false
  }
  return true
}

/** JSON with object keys sorted, as Go's json.Marshal prints a map[string]interface{}. */
/**
 * Makes `next` use `prev`'s own subtree wherever the two hold equal values, and says whether they are
 * equal as a whole (as deepEqual would). `prev` is a stored, sealed object; `next` its next version,
 * being built. An update then stores only what changed: sealing skips the shared (frozen) parts, later
 * comparisons end at `===`, and caches keyed by a stored subtree keep answering across writes that did
 * not change it. Frozen parts of `next` are compared but not rewired.
 */
export function shareEqual(next: object, prev: object): boolean {
  const writable = !Object.isFrozen(next)
  if (Array.isArray(next)) {
    const p = prev as unknown[]
    let equal = next.length === p.length
    const n = Math.min(next.length, p.length)
    for (let i = 0; i < n; i++) {
      const a = next[i]
      const b = p[i]
      if (a === b) continue
      // Once the arrays differ, a sealed element has nothing to gain: it cannot be rewired, and the
      // answer is known. (An address list that grew in the middle would otherwise compare every
      // shifted element with its neighbour, field by field, on every write.)
      if (!equal && Object.isFrozen(a)) continue
      if (sameShape(a, b) && shareEqual(a as object, b as object)) {
        if (writable) next[i] = b
      } else equal = false
    }
    return equal
  }
  const no = next as Record<string, unknown>
  const po = prev as Record<string, unknown>
  let equal = true
  let count = 0
  for (const k in no) {
    const a = no[k]
    if (a === undefined) continue
    count++
    const b = po[k]
    if (a === b) continue
    if (!equal && Object.isFrozen(a)) continue
    if (sameShape(a, b) && shareEqual(a as object, b as object)) {
      if (writable) no[k] = b
    } else equal = false
  }
  if (!equal) return false
  let prevCount = 0
  for (const k in po) if (po[k] !== undefined) prevCount++
  return count === prevCount
}

/** Both are objects (not null) and both or neither are arrays. */
function sameShape(a: unknown, b: unknown): boolean {
  return a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)
}

export function sortedJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : sortedJson(v))).join(',')}]`
  const o = value as Record<string, unknown>
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJson(o[k])}`).join(',')}}`
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}
