import { describe, expect, it } from 'vitest'
import { insertSorted, lowerBound, removeSorted } from './sorted'

const byNumber = (a: number, b: number) => a - b

describe('sorted lists', () => {
  it('finds the first position not below an item', () => {
    expect([0, 1, 2, 3, 5, 6].map((x) => lowerBound([1, 2, 2, 5], x, byNumber))).toEqual([0, 0, 1, 3, 3, 4])
  })

  it('keeps a list in order as items are inserted in any order', () => {
    const list: number[] = []
    for (const x of [5, 1, 4, 1, 3, 9, 2]) insertSorted(list, x, byNumber)
    expect(list).toEqual([1, 1, 2, 3, 4, 5, 9])
  })

  it('removes an item that is there and says whether it found one', () => {
    const list = [1, 3, 5]
    expect(removeSorted(list, 3, byNumber)).toBe(true)
    expect(removeSorted(list, 4, byNumber)).toBe(false)
    expect(removeSorted(list, 9, byNumber)).toBe(false)
    expect(list).toEqual([1, 5])
  })
})
