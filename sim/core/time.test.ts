import { describe, it, expect } from 'vitest'
import { rfc3339, parseRfc3339, fromCivil, toCivil, rfc3339Micro } from './time'

describe('time', () => {
  it('formats metav1.Time as the API server does', () => {
    expect(rfc3339(fromCivil(2024, 7, 16, 10, 21, 30))).toBe('2024-07-16T10:21:30Z')
  })

  it('truncates to whole seconds', () => {
    expect(rfc3339(fromCivil(2024, 7, 16, 10, 21, 30, 999))).toBe('2024-07-16T10:21:30Z')
  })

  it('formats MicroTime with six fractional digits', () => {
    expect(rfc3339Micro(fromCivil(2024, 7, 16, 10, 21, 31, 962))).toBe('2024-07-16T10:21:31.962000Z')
  })

  it('gives each instant its own text when calls alternate (the last answer is remembered)', () => {
    const a = fromCivil(2024, 7, 16, 10, 21, 30, 100)
    const b = fromCivil(2024, 7, 16, 10, 21, 31, 100)
    const seen = [a, a + 5, b, a, b + 899, b + 900].map((ms) => [rfc3339(ms), rfc3339Micro(ms)])
    expect(seen).toEqual([
      ['2024-07-16T10:21:30Z', '2024-07-16T10:21:30.100000Z'],
      ['2024-07-16T10:21:30Z', '2024-07-16T10:21:30.105000Z'],
      ['2024-07-16T10:21:31Z', '2024-07-16T10:21:31.100000Z'],
      ['2024-07-16T10:21:30Z', '2024-07-16T10:21:30.100000Z'],
      ['2024-07-16T10:21:31Z', '2024-07-16T10:21:31.999000Z'],
      ['2024-07-16T10:21:32Z', '2024-07-16T10:21:32.000000Z'],
    ])
  })

  it('parses what it formats, and offsets', () => {
    const t = fromCivil(2000, 2, 29, 23, 59, 59)
    expect(parseRfc3339(rfc3339(t))).toBe(t)
    expect(parseRfc3339('2024-07-16T12:21:30+02:00')).toBe(fromCivil(2024, 7, 16, 10, 21, 30))
    expect(parseRfc3339('yesterday')).toBeUndefined()
  })

  it('knows the weekday (1970-01-01 was a Thursday, 2024-07-16 a Tuesday)', () => {
    expect(toCivil(0).weekday).toBe(4)
    expect(toCivil(fromCivil(2024, 7, 16)).weekday).toBe(2)
  })
})
