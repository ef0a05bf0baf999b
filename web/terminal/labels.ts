// The terminal pane's few words, in the app's two languages (web/i18n has the rest of the UI).

import type { Locale } from '../state/contract'

const EN = {
  tabs: 'Terminal tabs',
  newTab: 'New terminal',
  close: 'Close {title}',
  terminal: 'Terminal {title}',
}

const ZH: typeof EN = {
  tabs: '终端标签页',
  newTab: '新建终端',
  close: '关闭 {title}',
  terminal: '终端 {title}',
}

export type LabelKey = keyof typeof EN

export function label(locale: Locale, key: LabelKey, params: Record<string, string> = {}): string {
  const text = (locale === 'zh-CN' ? ZH : EN)[key]
  return text.replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m)
}
