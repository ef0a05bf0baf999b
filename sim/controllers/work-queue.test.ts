// The controllers' work queue: an ordered set (a key queued twice is reconciled once, first come
// first reconciled), checked against a plain Set on long random runs (past its compaction point).
import { describe, expect, it } from 'vitest'
import { Rng } from '../core/rng'
import { WorkQueue } from './runtime'

class SetQueue {
  private items = new Set<string>()
  add(key: string): void {
    this.items.add(key)
  }
  pop(): string | undefined {
    const it = this.items.values().next()
    if (it.done) return undefined
    this.items.delete(it.value)
    return it.value
  }
  get size(): number {
    return this.items.size
  }
}

describe('WorkQueue', () => {
  it('pops keys in the order a Set would, through adds, repeats and pops', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const rng = new Rng(seed)
      const q = new WorkQueue()
      const ref = new SetQueue()
      const popped: (string | undefined)[][] = []
      let biggest = 0
      for (let step = 0; step < 20_000; step++) {
        // Bursts of adds (some repeated) and bursts of pops, so the queue grows past 1024 and drains.
        if (rng.next() < (step % 4000 < 2000 ? 0.8 : 0.1)) {
          const key = `k${rng.int(20_000)}`
          q.add(key)
          ref.add(key)
        } else popped.push([q.pop(), ref.pop()])
        expect(q.size).toBe(ref.size)
        biggest = Math.max(biggest, q.size)
      }
      for (const [a, b] of popped) expect(a).toBe(b)
      // It grew past the point where it compacts, and it ran dry.
      expect(biggest).toBeGreaterThan(1100)
      expect(popped.some(([a]) => a === undefined)).toBe(true)
    }
  })
})
