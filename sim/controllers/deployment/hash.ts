// The pod-template-hash (pkg/controller/controller_utils.go ComputeHash). Upstream feeds FNV-1a
// with a Go deep-print of the PodTemplateSpec and, when set, collisionCount as 8 little-endian
// bytes, then prints the uint32 in decimal through rand.SafeEncodeString. A Go deep-print cannot be
// reproduced here, so the same recipe runs over our own stable serialization (keys sorted): the
// hashes have the real shape (`5d8c6b7f9c`) and the same properties (stable for a template,
// different after any change or a collision bump), not the same values.

import { fnv32a, safeEncodeString } from '../../core/hash'
import { sortedJson } from '../../core/json'
import type { PodTemplateSpec } from '../../api/types'

export function podTemplateHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  let text = sortedJson(template ?? {})
  if (collisionCount !== undefined && collisionCount !== null) {
    const n = collisionCount >>> 0
    // The 8 bytes upstream writes: the uint32 little-endian, then four zero bytes.
    for (const b of [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24, 0, 0, 0, 0]) text += String.fromCharCode(b)
  }
  return safeEncodeString(String(fnv32a(text)))
}
