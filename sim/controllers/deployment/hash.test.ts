import { describe, expect, it } from 'vitest'
import { podTemplateHash } from './hash'

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } }

describe('podTemplateHash', () => {
  it('has the shape of a real hash: SafeEncodeString of a decimal uint32', () => {
    expect(podTemplateHash(template)).toMatch(/^[456789bcdf]{1,10}$/)
  })

  it('is the same for the same template whatever the key order', () => {
    const reordered = { spec: { containers: [{ image: 'nginx:1.27', name: 'nginx' }] }, metadata: { labels: { app: 'web' } } }
    expect(podTemplateHash(reordered)).toBe(podTemplateHash(template))
  })

  it('changes with the image', () => {
    const other = { ...template, spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } }
    expect(podTemplateHash(other)).not.toBe(podTemplateHash(template))
  })

  it('changes with collisionCount', () => {
    expect(podTemplateHash(template, 1)).not.toBe(podTemplateHash(template, 0))
    expect(podTemplateHash(template, 0)).not.toBe(podTemplateHash(template))
  })
})
