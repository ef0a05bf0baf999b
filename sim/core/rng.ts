// Seeded randomness. The main stream is used in call order (uids, random name suffixes); keyed
// streams (`forKey`) give values that depend only on the seed and the key, so a timing that is derived
// from "pod uid + stage" is the same however the work was interleaved, and after a restore.

/** Kubernetes' rand.String alphabet: no vowels, no look-alike digits (apimachinery util/rand). */
export const K8S_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789'

const HEX = '0123456789abcdef'

export class Rng {
  private s: number

  constructor(seed: number) {
    this.s = seed >>> 0
  }

  /** The state, for saving a session; `new Rng(0).restore(state)` continues the same stream. */
  state(): number {
    return this.s
  }

  restore(state: number): this {
    this.s = state >>> 0
    return this
  }

  /** mulberry32: a float in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }

  /** `base` moved by up to ±`spread`, never below zero. */
  jitter(base: number, spread: number): number {
    return Math.max(0, Math.round(base + (this.next() * 2 - 1) * spread))
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]
  }

  /** A new array in random order (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice()
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1)
      ;[out[i], out[j]] = [out[j], out[i]]
    }
    return out
  }

  /** `n` characters from Kubernetes' random-suffix alphabet, e.g. the `w9r7t` of `nginx-w9r7t`. */
  k8sSuffix(n: number): string {
    let out = ''
    for (let i = 0; i < n; i++) out += K8S_ALPHANUMS[this.int(K8S_ALPHANUMS.length)]
    return out
  }

  hex(n: number): string {
    let out = ''
    for (let i = 0; i < n; i++) out += HEX[this.int(16)]
    return out
  }

  /** A version-4 UUID as the API server assigns to metadata.uid. */
  uuid(): string {
    // 32 hex digits drawn in order, then the variant digit: the same draws as hex(32) + int(4), built
    // without the intermediate arrays (every object the server creates takes one).
    const digits: string[] = new Array(32)
    for (let i = 0; i < 32; i++) digits[i] = HEX[this.int(16)]
    digits[12] = '4'
    digits[16] = '89ab'[this.int(4)]
    digits[8] = '-' + digits[8]
    digits[12] = '-4'
    digits[16] = '-' + digits[16]
    digits[20] = '-' + digits[20]
    // join makes one flat string; adding 36 pieces one by one would leave a chain of 24 string nodes
    // behind every uid an object keeps (most uids are never hashed, so never flattened).
    return digits.join('')
  }

  /** An independent stream determined by this generator's seed... and the key only. */
  static forKey(seed: number, key: string): Rng {
    return new Rng(hash32(`${seed >>> 0}:${key}`))
  }
}

/** FNV-1a over UTF-16 code units: a stable 32-bit hash for keys. */
export function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
