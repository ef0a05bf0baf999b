// Cases from Go's time package parseErrorTests (format_test.go) for the RFC3339 layout.

import { describe, expect, it } from 'vitest'
import { timeParseError } from './go-time'

describe('timeParseError', () => {
  it.each([
    ['2006-01-02T15:04:05Z07:00', 'parsing time "2006-01-02T15:04:05Z07:00": extra text: "07:00"'],
    ['2006-01-02T15:04_abc', 'parsing time "2006-01-02T15:04_abc" as "2006-01-02T15:04:05Z07:00": cannot parse "_abc" as ":"'],
    ['2006-01-02T15:04:05_abc', 'parsing time "2006-01-02T15:04:05_abc" as "2006-01-02T15:04:05Z07:00": cannot parse "_abc" as "Z07:00"'],
    ['2006-01-02T15:04:05Z_abc', 'parsing time "2006-01-02T15:04:05Z_abc": extra text: "_abc"'],
    ['2010-02-04T21:00:67.012345678-08:00', 'parsing time "2010-02-04T21:00:67.012345678-08:00": second out of range'],
    ['0000-01-01T00:00:.0+00:00', 'parsing time "0000-01-01T00:00:.0+00:00" as "2006-01-02T15:04:05Z07:00": cannot parse ".0+00:00" as "05"'],
  ])('rejects %j', (value, message) => {
    expect(timeParseError(value)).toBe(message)
  })

  it('accepts RFC3339 times, with or without fractional seconds and with offsets', () => {
    expect(timeParseError('2024-05-01T10:00:00Z')).toBeUndefined()
    expect(timeParseError('2024-05-01T10:00:00.123Z')).toBeUndefined()
    expect(timeParseError('2024-05-01T10:00:00+02:00')).toBeUndefined()
  })

  it('needs six fractional digits for a MicroTime', () => {
    expect(timeParseError('2024-05-01T10:00:00.123456Z', true)).toBeUndefined()
    expect(timeParseError('2024-05-01T10:00:00Z', true)).toBe(
      'parsing time "2024-05-01T10:00:00Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"',
    )
  })
})
