// base64 cases: Go's encoding/base64 TestDecodeCorrupt (StdEncoding), offsets as CorruptInputError gives them.

import { describe, expect, it } from 'vitest'
import { base64ErrorOffset, fitsInt, numberText } from './go-json'

describe('base64ErrorOffset', () => {
  it.each([
    ['', undefined],
    ['\n', undefined],
    ['AAA=\n', undefined],
    ['AAAA\n', undefined],
    ['!!!!', 0],
    ['====', 0],
    ['x===', 1],
    ['=AAA', 0],
    ['A=AA', 1],
    ['AA=A', 2],
    ['AA==A', 4],
    ['AAA=AAAA', 4],
    ['AAAAA', 4],
    ['AAAAAA', 4],
    ['A=', 1],
    ['A==', 1],
    ['AA=', 3],
    ['AA==', undefined],
    ['AAA=', undefined],
    ['AAAA', undefined],
    ['AAAAAA=', 7],
    ['YWJjZA=====', 8],
    ['A!\n', 1],
    ['A=\n', 1],
  ])('finds the corruption in %j at %s', (input, offset) => {
    expect(base64ErrorOffset(input)).toBe(offset)
  })
})

describe('fitsInt', () => {
  it('takes whole numbers within the Go type', () => {
    expect(fitsInt('2147483647', 'int32')).toBe(true)
    expect(fitsInt('2147483648', 'int32')).toBe(false)
    expect(fitsInt('2147483648', 'int64')).toBe(true)
    expect(fitsInt('1.5', 'int64')).toBe(false)
  })
})

describe('numberText', () => {
  it('writes integers in full and fractions as they are', () => {
    expect(numberText(3000000000)).toBe('3000000000')
    expect(numberText(1.5)).toBe('1.5')
  })
})
