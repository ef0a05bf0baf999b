// A tiny typed translation table: t(locale, key, params). The locale lives in the store (remembered
// with the preferences); the first visit takes it from the browser's languages.

import type { Locale } from '../state/contract'
import { en, zhCN, type MessageKey, type Messages } from './messages'

export type { MessageKey } from './messages'

export const LOCALES: readonly Locale[] = ['en', 'zh-CN']

/** Each language's name in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' }

const TABLES: Record<Locale, Messages> = { en, 'zh-CN': zhCN }

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key)
}

export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = TABLES[locale][key] ?? en[key]
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
}

/** The first of the browser's languages we have: any Chinese takes zh-CN, anything else English. */
export function detectLocale(languages: readonly string[] | undefined): Locale {
  for (const l of languages ?? []) {
    const tag = l.toLowerCase()
    if (tag.startsWith('zh')) return 'zh-CN'
    if (tag.startsWith('en')) return 'en'
  }
  return 'en'
}

/** `?lang=` (an LMS embed passes the learner's language), if it names one of ours. */
export function localeParam(value: string | null | undefined): Locale | undefined {
  if (!value) return undefined
  const v = value.toLowerCase()
  if (v === 'en' || v.startsWith('en-')) return 'en'
  if (v === 'zh' || v.startsWith('zh-')) return 'zh-CN'
  return undefined
}
