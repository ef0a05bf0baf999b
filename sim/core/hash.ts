// Hashes Kubernetes uses for generated names.

/** FNV-1 32-bit (Go's hash/fnv New32), over the UTF-8 bytes of `text`. */
export function fnv32(text: string): number {
  let h = 0x811c9dc5
  for (const b of utf8(text)) {
    h = Math.imul(h, 0x01000193) >>> 0
    h = (h ^ b) >>> 0
  }
  return h >>> 0
}

/** FNV-1a 32-bit (Go's hash/fnv New32a). */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5
  for (const b of utf8(text)) {
    h = (h ^ b) >>> 0
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/**
 * apimachinery rand.SafeEncodeString: maps each character through an alphabet without vowels or
 * look-alike digits, so a hash printed in decimal becomes e.g. `6b5c9d8f47` (the digits 0-9 become
 * 4 5 6 7 8 9 b c d f).
 */
export function safeEncodeString(s: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789'
  let out = ''
  for (let i = 0; i < s.length; i++) out += alphabet[s.charCodeAt(i) % alphabet.length]
  return out
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}
