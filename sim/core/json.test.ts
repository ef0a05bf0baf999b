import { describe, expect, it } from 'vitest'
import { cloneWithout, deepEqual, overlay, seal, shareEqual } from './json'

describe('shareEqual', () => {
  const pairs: [string, unknown, unknown][] = [
    ['equal nested objects', { a: { b: [1, { c: 'x' }] } }, { a: { b: [1, { c: 'x' }] } }],
    ['a changed leaf', { a: { b: [1, { c: 'x' }] } }, { a: { b: [1, { c: 'y' }] } }],
    ['a longer array', { a: [1, 2, 3] }, { a: [1, 2] }],
    ['a shorter array', { a: [1] }, { a: [1, 2] }],
    ['an extra key', { a: 1, b: 2 }, { a: 1 }],
    ['a missing key', { a: 1 }, { a: 1, b: 2 }],
    ['an undefined key against an absent one', { a: 1, b: undefined }, { a: 1 }],
    ['an array against an object', { a: [] }, { a: {} }],
    ['null against an object', { a: null }, { a: {} }],
    ['a number against its string', { a: 1 }, { a: '1' }],
  ]

  it.each(pairs)('answers as deepEqual does for %s', (_, next, prev) => {
    expect(shareEqual(structuredClone(next) as object, seal(structuredClone(prev)) as object)).toBe(deepEqual(next, prev))
  })

  it('makes the unchanged parts the stored object’s own and leaves the changed ones', () => {
    const prev = seal({ spec: { containers: [{ name: 'nginx', image: 'a' }] }, status: { phase: 'Pending' }, metadata: { labels: { app: 'x' } } })
    const next = { spec: { containers: [{ name: 'nginx', image: 'a' }] }, status: { phase: 'Running' }, metadata: { labels: { app: 'x' } } }
    expect(shareEqual(next, prev)).toBe(false)
    expect(next.spec).toBe(prev.spec)
    expect(next.metadata).toBe(prev.metadata)
    expect(next.status).not.toBe(prev.status)
    expect(next.status).toEqual({ phase: 'Running' })
  })

  it('shares the equal items of an array whose other items changed', () => {
    const prev = seal({ items: [{ n: 1 }, { n: 2 }, { n: 3 }] })
    const next = { items: [{ n: 1 }, { n: 20 }, { n: 3 }] }
    expect(shareEqual(next, prev)).toBe(false)
    expect(next.items[0]).toBe(prev.items[0])
    expect(next.items[1]).not.toBe(prev.items[1])
    expect(next.items[2]).toBe(prev.items[2])
  })

  it('compares a frozen part of the new version without rewiring inside it', () => {
    const prev = seal({ a: { b: { c: 1 } } })
    const frozen = Object.freeze({ b: { c: 1 } })
    const next = { a: frozen }
    expect(shareEqual(next, prev)).toBe(true)
    expect(next.a).toBe(prev.a)
    expect(frozen.b).not.toBe(prev.a.b)
  })
})

describe('overlay', () => {
  it('is the spread of both without undefined members, keys in the spread order', () => {
    const base = { a: 1, b: 'x', c: undefined, d: 4 }
    const over = { d: undefined, b: 'y', e: 5, f: undefined }
    const out = overlay<Record<string, unknown>>(base, over)
    expect(Object.keys(out)).toEqual(['a', 'b', 'e'])
    expect(out).toEqual({ a: 1, b: 'y', e: 5 })
    const spread: Record<string, unknown> = { ...base, ...over }
    for (const k of Object.keys(spread)) if (spread[k] === undefined) delete spread[k]
    expect(JSON.stringify(out)).toBe(JSON.stringify(spread))
    // The inputs are left as they were.
    expect(Object.keys(base)).toEqual(['a', 'b', 'c', 'd'])
  })
})

describe('cloneWithout', () => {
  it('copies every member but one, which keeps its place empty', () => {
    const input = Object.freeze({ apiVersion: 'v1', status: Object.freeze({ phase: 'Running' }), spec: { a: [1, { b: 2 }] }, gone: undefined })
    const out = cloneWithout(input, 'status') as Record<string, unknown>
    expect(Object.keys(out)).toEqual(['apiVersion', 'status', 'spec'])
    expect(out.status).toBeUndefined()
    expect(out.spec).toEqual({ a: [1, { b: 2 }] })
    expect(out.spec).not.toBe(input.spec)
    expect(Object.isFrozen(out)).toBe(false)
  })
})
