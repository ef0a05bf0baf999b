import { describe, expect, it } from 'vitest'
import { allocateIP, gatewayIP } from './ip-alloc'

describe('host-local IP allocation', () => {
  it('starts at .2 (cni0 holds .1)', () => {
    expect(gatewayIP('10.244.1.0/24')).toBe('10.244.1.1')
    expect(allocateIP('10.244.1.0/24', new Set())).toBe('10.244.1.2')
  })

  it('continues after the last reserved address, skipping those in use', () => {
    expect(allocateIP('10.244.1.0/24', new Set(['10.244.1.6']), '10.244.1.5')).toBe('10.244.1.7')
  })

  it('wraps around at the end of the range', () => {
    expect(allocateIP('10.244.1.0/24', new Set(['10.244.1.2']), '10.244.1.254')).toBe('10.244.1.3')
  })

  it('gives up when every address is taken', () => {
    const all = new Set(Array.from({ length: 2 }, (_, i) => `10.0.0.${i + 2}`))
    expect(allocateIP('10.0.0.0/30', all)).toBeUndefined()
  })
})
