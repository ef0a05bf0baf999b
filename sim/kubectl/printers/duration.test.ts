// apimachinery duration.HumanDuration, as kubectl-output.md §1.4 tabulates it.

import { describe, expect, it } from 'vitest'
import { humanDuration, shortHumanDuration, timestampSince } from './duration'

const S = 1000
const M = 60 * S
const H = 60 * M
const D = 24 * H

describe('humanDuration', () => {
  it.each([
    [-3 * S, '<invalid>'],
    [-1500, '0s'],
    [0, '0s'],
    [119 * S, '119s'],
    [2 * M, '2m'],
    [2 * M + 5 * S, '2m5s'],
    [5 * M + 28 * S, '5m28s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M + 30 * S, '10m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [3 * H + 5 * M, '3h5m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H + 30 * M, '8h'],
    [47 * H, '47h'],
    [2 * D, '2d'],
    [2 * D + 16 * H, '2d16h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D, '8d'],
    [112 * D, '112d'],
    [729 * D, '729d'],
    [730 * D, '2y'],
    [760 * D, '2y30d'],
    [9 * 365 * D, '9y'],
  ])('%i ms reads %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text)
  })
})

describe('shortHumanDuration', () => {
  it.each([
    [59 * S, '59s'],
    [5 * M + 28 * S, '5m'],
    [3 * H + 5 * M, '3h'],
    [112 * D, '112d'],
    [800 * D, '2y'],
  ])('%i ms reads %s', (ms, text) => {
    expect(shortHumanDuration(ms)).toBe(text)
  })
})

describe('timestampSince', () => {
  it('prints <unknown> for a missing timestamp', () => {
    expect(timestampSince(undefined, 0)).toBe('<unknown>')
  })

  it('truncates a MicroTime to whole seconds of age', () => {
    // 10:26:58 - 10:21:31.962118 = 5m26.04s
    expect(timestampSince('2024-07-16T10:21:31.962118Z', Date.UTC(2024, 6, 16, 10, 26, 58))).toBe('5m26s')
  })
})
