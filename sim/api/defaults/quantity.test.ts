import { describe, expect, it } from 'vitest'
import { canonicalQuantity } from './quantity'

// Canonical forms per apimachinery api/resource/quantity.go (CanonicalizeBytes): decimal values use
// the largest SI suffix that keeps an integer mantissa (exponent a multiple of 3), binary values the
// largest power of 1024, and binary values below 1024 or with fractions fall back to decimal.
describe('canonical quantities', () => {
  it.each([
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['2000Mi', '2000Mi'],
    ['1.5Gi', '1536Mi'],
    ['512Ki', '512Ki'],
    ['0.5Ki', '512'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['100m', '100m'],
    ['1500', '1500'],
    ['2000', '2k'],
    ['1e3', '1e3'],
    ['12e2', '1200'],
    ['0', '0'],
    ['1G', '1G'],
    [2, '2'],
  ])('%s is stored as %s', (input, out) => {
    expect(canonicalQuantity(input)).toBe(out)
  })

  it('rounds resource lists up to milli units', () => {
    expect(canonicalQuantity('1n', -3)).toBe('1m')
    expect(canonicalQuantity('1500u', -3)).toBe('2m')
  })

  it.each(['1GB', 'one', '1.2.3', ''])('rejects %j', (input) => {
    expect(canonicalQuantity(input)).toBeUndefined()
  })
})
