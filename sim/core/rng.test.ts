import { describe, it, expect } from 'vitest'
import { Rng, K8S_ALPHANUMS } from './rng'

describe('Rng', () => {
  it('repeats the same stream for the same seed', () => {
    const a = new Rng(42)
    const b = new Rng(42)
    expect([a.next(), a.next(), a.uuid()]).toEqual([b.next(), b.next(), b.uuid()])
  })

  it('continues a stream after its state is restored', () => {
    const a = new Rng(7)
    a.next()
    const saved = a.state()
    const expected = a.k8sSuffix(5)
    expect(new Rng(0).restore(saved).k8sSuffix(5)).toBe(expected)
  })

  it('makes suffixes from the Kubernetes alphabet only', () => {
    const s = new Rng(3).k8sSuffix(200)
    expect([...s].every((ch) => K8S_ALPHANUMS.includes(ch))).toBe(true)
  })

  it('makes version-4 UUIDs', () => {
    expect(new Rng(9).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('keys streams by seed and key only', () => {
    expect(Rng.forKey(1, 'pod/a').next()).toBe(Rng.forKey(1, 'pod/a').next())
    expect(Rng.forKey(1, 'pod/a').next()).not.toBe(Rng.forKey(1, 'pod/b').next())
  })

  it('keeps jitter within its spread', () => {
    const r = new Rng(5)
    for (let i = 0; i < 100; i++) {
      const v = r.jitter(1000, 200)
      expect(v).toBeGreaterThanOrEqual(800)
      expect(v).toBeLessThanOrEqual(1200)
    }
  })
})
