import { describe, expect, it } from 'vitest'
import { goDuration } from './durations'
import { backoffFromMessage, isInBackOffSince, isInBackOffSinceUpdate, nextBackoff } from './backoff'

describe('goDuration (Go time.Duration.String)', () => {
  it.each([
    [0, '0s'],
    [612, '612ms'],
    [5731, '5.731s'],
    [10_000, '10s'],
    [80_000, '1m20s'],
    [160_000, '2m40s'],
    [300_000, '5m0s'],
    [3_600_000, '1h0m0s'],
    [3_723_500, '1h2m3.5s'],
  ])('%i ms prints %s', (ms, text) => {
    expect(goDuration(ms)).toBe(text)
  })
})

describe('kubelet back-off (flowcontrol.Backoff)', () => {
  it('starts at 10s and doubles to a 5 minute cap', () => {
    let e = nextBackoff(undefined, 0, 0)
    const seen = [e.backoffMs]
    for (let i = 1; i < 8; i++) {
      e = nextBackoff(e, i * 1000, i * 1000)
      seen.push(e.backoffMs)
    }
    expect(seen).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000])
  })

  it('starts over after twice the cap without an update', () => {
    const e = { backoffMs: 160_000, lastUpdate: 0 }
    expect(nextBackoff(e, 600_001, 600_001).backoffMs).toBe(10_000)
    expect(isInBackOffSince(e, 600_001, 600_002)).toBe(false)
  })

  it('is in back-off since an event until the delay has passed', () => {
    const e = { backoffMs: 10_000, lastUpdate: 0 }
    expect(isInBackOffSince(e, 5_000, 14_999)).toBe(true)
    expect(isInBackOffSince(e, 5_000, 15_000)).toBe(false)
    expect(isInBackOffSinceUpdate(e, 9_999)).toBe(true)
    expect(isInBackOffSinceUpdate(e, 10_000)).toBe(false)
  })

  it('reads the delay back from a CrashLoopBackOff message', () => {
    expect(backoffFromMessage('back-off 1m20s restarting failed container=c pod=p_ns(u)')).toBe(80_000)
    expect(backoffFromMessage('back-off 5m0s restarting failed container=c pod=p_ns(u)')).toBe(300_000)
    expect(backoffFromMessage('something else')).toBeUndefined()
  })
})
