import { describe, it, expect } from 'vitest'
import { Clock } from './clock'

describe('Clock', () => {
  it('fires timers in time order, ties in scheduling order', () => {
    const c = new Clock(1000)
    const fired: string[] = []
    c.after(50, () => fired.push('b'))
    c.after(10, () => fired.push('a'))
    c.after(50, () => fired.push('c'))
    c.advanceTo(2000)
    expect(fired).toEqual(['a', 'b', 'c'])
    expect(c.now()).toBe(2000)
  })

  it('moves the clock to each timer before firing it', () => {
    const c = new Clock(0)
    const seen: number[] = []
    c.after(30, () => seen.push(c.now()))
    c.after(70, () => seen.push(c.now()))
    c.advanceTo(100)
    expect(seen).toEqual([30, 70])
  })

  it('replaces a pending timer that has the same key', () => {
    const c = new Clock(0)
    const fired: string[] = []
    c.after(10, () => fired.push('old'), { key: 'k' })
    c.after(20, () => fired.push('new'), { key: 'k' })
    c.advanceTo(100)
    expect(fired).toEqual(['new'])
  })

  it('does not fire timers scheduled after the target time', () => {
    const c = new Clock(0)
    let fired = false
    c.after(500, () => (fired = true))
    c.advanceTo(499)
    expect(fired).toBe(false)
    expect(c.nextAt()).toBe(500)
  })

  it('fires timers that a firing timer schedules within the window', () => {
    const c = new Clock(0)
    const fired: number[] = []
    c.after(10, () => {
      fired.push(c.now())
      c.after(5, () => fired.push(c.now()))
    })
    c.advanceTo(100)
    expect(fired).toEqual([10, 15])
  })

  it('tells foreground timers from background ones', () => {
    const c = new Clock(0)
    c.after(10, () => {}, { background: true })
    expect(c.hasForegroundTimers()).toBe(false)
    const cancel = c.after(10, () => {})
    expect(c.hasForegroundTimers()).toBe(true)
    cancel()
    expect(c.hasForegroundTimers()).toBe(false)
  })
})
