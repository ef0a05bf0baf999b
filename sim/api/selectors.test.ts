import { describe, it, expect } from 'vitest'
import { matches, fromLabelSelector, parseSelector, selectorString, fromMap, SelectorParseError } from './selectors'

describe('label selectors', () => {
  it('treats a nil LabelSelector as matching nothing and an empty one as matching everything', () => {
    expect(matches(fromLabelSelector(undefined), { app: 'x' })).toBe(false)
    expect(matches(fromLabelSelector({}), { app: 'x' })).toBe(true)
  })

  it('matches matchLabels and matchExpressions together', () => {
    const s = fromLabelSelector({
      matchLabels: { app: 'nginx' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['web', 'front'] },
        { key: 'canary', operator: 'DoesNotExist' },
      ],
    })
    expect(matches(s, { app: 'nginx', tier: 'web' })).toBe(true)
    expect(matches(s, { app: 'nginx', tier: 'db' })).toBe(false)
    expect(matches(s, { app: 'nginx', tier: 'web', canary: 'y' })).toBe(false)
  })

  it.each([
    ['app=nginx', { app: 'nginx' }, true],
    ['app==nginx', { app: 'nginx' }, true],
    ['app!=nginx', { app: 'web' }, true],
    ['app!=nginx', {}, true],
    ['app in (a, b)', { app: 'b' }, true],
    ['app notin (a,b)', { app: 'b' }, false],
    ['app', { app: '' }, true],
    ['!app', { app: '' }, false],
    ['app=nginx,tier=web', { app: 'nginx' }, false],
    ['', { anything: 'x' }, true],
  ])('parses %j', (text, labels, expected) => {
    expect(matches(parseSelector(text), labels)).toBe(expected)
  })

  it('rejects malformed selectors', () => {
    expect(() => parseSelector('app in a')).toThrow(SelectorParseError)
    expect(() => parseSelector('a=b c')).toThrow(SelectorParseError)
  })

  it('prints selectors sorted by key, as describe does', () => {
    expect(selectorString(fromMap({ tier: 'web', app: 'nginx' }))).toBe('app=nginx,tier=web')
  })
})
