// Cases from go-wordwrap v1.0.1's own wordwrap_test.go (TestWrapString).

import { describe, expect, it } from 'vitest'
import { wrapString } from './wordwrap'

describe('wrapString', () => {
  it.each([
    ['foo', 'foo', 4],
    ['foobarbaz', 'foobarbaz', 4],
    ['foo bar baz', 'foo\nbar\nbaz', 4],
    ['foo bars bazzes', 'foo\nbars\nbazzes', 4],
    ['fo sop', 'fo\nsop', 4],
    ['foo bar\u00A0baz', 'foo\nbar\u00A0baz', 10],
    ['foo\nb\t r\n baz', 'foo\nb\t r\n baz', 4],
    ['foo    \nb   ar   ', 'foo\nb\nar', 4],
    ['foo bar baz\n', 'foo\nbar\nbaz\n', 4],
    ['\nfoo bar\n\n\nbaz\n', '\nfoo\nbar\n\n\nbaz\n', 4],
    [' This is a list: \n\n\t* foo\n\t* bar\n\n\n\t* baz  \nBAM    ', ' This\nis a\nlist: \n\n\t* foo\n\t* bar\n\n\n\t* baz\nBAM', 6],
    ['\u2584 '.repeat(4), '\u2584 \u2584\n' + '\u2584 '.repeat(2), 4],
  ])('wraps %j at %#', (input, output, lim) => {
    expect(wrapString(input, lim)).toBe(output)
  })

  it('allows a line of exactly the limit', () => {
    expect(wrapString('abcd efgh', 9)).toBe('abcd efgh')
  })
})
