import { describe, it, expect } from 'vitest'
import { fnv32, fnv32a, safeEncodeString } from './hash'

describe('hashes', () => {
  it('computes FNV-1 and FNV-1a as Go does (published test vectors)', () => {
    // Go hash/fnv tests: "a" -> 0x050c5d7e (FNV-1), 0xe40c292c (FNV-1a)
    expect(fnv32('a')).toBe(0x050c5d7e)
    expect(fnv32a('a')).toBe(0xe40c292c)
    expect(fnv32('')).toBe(0x811c9dc5)
  })

  it('encodes decimal digits into the revision-hash alphabet', () => {
    // reference: "the decimal digits of the uint32 mapped 0→4 1→5 2→6 3→7 4→8 5→9 6→b 7→c 8→d 9→f"
    expect(safeEncodeString('0123456789')).toBe('456789bcdf')
  })
})
