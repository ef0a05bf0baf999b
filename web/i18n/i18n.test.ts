// The message tables: every key in both languages, parameters kept, and the language chosen on a
// first visit.

import { describe, expect, it } from 'vitest'
import { detectLocale, localeParam, t } from './index'
import { en, zhCN } from './messages'

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('the message tables', () => {
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort())
  })

  it('have no empty message', () => {
    for (const [k, v] of [...Object.entries(en), ...Object.entries(zhCN)]) expect(v.trim(), k).not.toBe('')
  })

  it.each(Object.keys(en) as (keyof typeof en)[])('keep the parameters of %s in Chinese', (key) => {
    expect(params(zhCN[key])).toEqual(params(en[key]))
  })
})

describe('t', () => {
  it('fills in parameters', () => {
    expect(t('en', 'cluster.summary', { nodes: 3, pods: 2 })).toBe('3 nodes, 2 pods')
    expect(t('zh-CN', 'cluster.summary', { nodes: 3, pods: 2 })).toBe('3 个节点，2 个 Pod')
  })
})

describe('the first language', () => {
  it.each([
    [['zh-CN', 'en'], 'zh-CN'],
    [['zh-TW'], 'zh-CN'],
    [['en-GB', 'zh-CN'], 'en'],
    [['de-DE', 'zh'], 'zh-CN'],
    [['fr'], 'en'],
    [[], 'en'],
  ] as const)('for browser languages %j is %s', (langs, expected) => {
    expect(detectLocale(langs)).toBe(expected)
  })

  it('follows ?lang= when it names one of ours', () => {
    expect(localeParam('zh')).toBe('zh-CN')
    expect(localeParam('en-US')).toBe('en')
    expect(localeParam('de')).toBeUndefined()
  })
})
