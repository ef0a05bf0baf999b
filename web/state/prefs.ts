// The student's UI preferences: theme, language and pane sizes. Kept apart from the session, so a
// reset (or a saved session that had to be replaced) keeps them, and small enough to save at once.

import type { StorageAdapter } from '../workspace/storage'
import type { Locale, Theme } from './contract'

export const PREFS_KEY = 'ordinal/prefs'
const PREFS_SCHEMA = 1

export interface Prefs {
  theme: Theme
  locale: Locale
  /** Pane sizes by splitter id, as fractions (web/layout). */
  sizes: Record<string, number>
}

export interface PrefDefaults {
  locale: Locale
  theme: Theme
}

/** Reads saved preferences; anything missing or malformed falls back to the defaults, field by field. */
export function parsePrefs(raw: string | undefined, defaults: PrefDefaults): Prefs {
  const out: Prefs = { theme: defaults.theme, locale: defaults.locale, sizes: {} }
  if (raw === undefined) return out
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return out
  }
  if (typeof data !== 'object' || data === null) return out
  const d = data as Record<string, unknown>
  if (d.schema !== PREFS_SCHEMA) return out
  if (d.theme === 'light' || d.theme === 'dark') out.theme = d.theme
  if (d.locale === 'en' || d.locale === 'zh-CN') out.locale = d.locale
  if (typeof d.sizes === 'object' && d.sizes !== null) {
    for (const [k, v] of Object.entries(d.sizes)) if (typeof v === 'number' && v > 0 && v < 1) out.sizes[k] = v
  }
  return out
}

export function serializePrefs(p: Prefs): string {
  return JSON.stringify({ schema: PREFS_SCHEMA, ...p })
}

export async function loadPrefs(storage: StorageAdapter, defaults: PrefDefaults): Promise<Prefs> {
  try {
    return parsePrefs(await storage.get(PREFS_KEY), defaults)
  } catch {
    return parsePrefs(undefined, defaults)
  }
}

export function savePrefs(storage: StorageAdapter, p: Prefs): Promise<void> {
  return storage.set(PREFS_KEY, serializePrefs(p)).catch(() => undefined)
}
