import { describe, it, expect } from 'vitest'
import { parseQuantity, milliCores } from './quantity'

describe('parseQuantity', () => {
  it.each([
    ['1Gi', 2 ** 30],
    ['100Mi', 100 * 2 ** 20],
    ['500m', 0.5],
    ['2', 2],
    ['1e3', 1000],
    ['1.5G', 1.5e9],
    ['8146520Ki', 8146520 * 1024],
  ])('reads %s', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value)
  })

  it.each(['1 Gi', 'Gi', '1GB', 'abc', ''])('rejects %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined()
  })

  it('counts cpu in millicores', () => {
    expect(milliCores('100m')).toBe(100)
    expect(milliCores('2')).toBe(2000)
  })
})
