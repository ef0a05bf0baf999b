// The translation function for the store's current language.

import { useCallback } from 'react'
import { useApp } from '../state/hooks'
import { t, type MessageKey } from './index'

export type T = (key: MessageKey, params?: Record<string, string | number>) => string

export function useT(): T {
  const locale = useApp((s) => s.locale)
  return useCallback((key, params) => t(locale, key, params), [locale])
}
