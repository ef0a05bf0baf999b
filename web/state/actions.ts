// The app's actions as plain functions over the store and the workspace (zustand's "no store
// actions" practice): each reads what it needs and sets the keys it changes in one setState.

import type { StoreApi } from 'zustand/vanilla'
import type { AppActions, Locale, Speed, TerminalTab, Theme, Workspace } from './contract'
import type { Prefs } from './prefs'
import { followWorkspace, type StoreState } from './slices'

/** What the foundation's workspace offers beyond the contract (web/workspace/workspace.ts). */
export interface WorkspaceExtras {
  setLang?(lang: 'en' | 'zh'): void
  /** Remembers the tab in front, so a reload shows it again. */
  setActiveTab?(id: string | undefined): void
}

export interface LayoutActions {
  setPaneSize(id: string, fraction: number): void
  /** Shows a notice (an i18n key of web/i18n): start-up problems found after the page drew. */
  showNotice(notice: string): void
}

export type Actions = AppActions & LayoutActions

export interface ActionDeps {
  /** Where preferences go when they change. */
  savePrefs?(prefs: Prefs): void
}

export const shellLang = (l: Locale): 'en' | 'zh' => (l === 'zh-CN' ? 'zh' : 'en')

export function createActions(store: StoreApi<StoreState>, deps: ActionDeps = {}): Actions {
  const get = store.getState
  const ws = () => get().workspace as Workspace & WorkspaceExtras
  const prefs = (): Prefs => ({ theme: get().theme, locale: get().locale, sizes: { ...get().paneSizes } })
  const savePrefs = () => deps.savePrefs?.(prefs())
  const activate = (id: string | undefined) => {
    ws().setActiveTab?.(id)
    store.setState({ ...followWorkspace(get()), activeTerminal: id })
  }

  const actions: Actions = {
    openFile: (path) => store.setState({ openFile: path }),
    select: (ref) => store.setState({ selected: ref }),
    setTheme(theme: Theme) {
      store.setState({ theme })
      savePrefs()
    },
    setLocale(locale: Locale) {
      store.setState({ locale })
      ws().setLang?.(shellLang(locale))
      savePrefs()
    },
    setSpeed(speed: Speed) {
      ws().setSpeed(speed)
      store.setState({ speed: ws().speed() })
    },
    runInTerminal(line) {
      // The active tab, unless something runs there (a `get -w`): then an idle tab, or a new one, so
      // the line runs now and in sight instead of queueing behind a command that may never end.
      const tabs = ws().terminals()
      const active = tabs.find((t) => t.id === get().activeTerminal)
      let tab: TerminalTab | undefined = active && !active.busy() ? active : tabs.find((t) => !t.busy())
      tab ??= ws().openTerminal()
      activate(tab.id)
      return tab.run(line)
    },
    dismissNotice: () => store.setState({ notice: undefined }),
    openTerminal() {
      const tab = ws().openTerminal()
      activate(tab.id)
      return tab
    },
    closeTerminal(id) {
      const before = ws().terminals()
      const i = before.findIndex((t) => t.id === id)
      ws().closeTerminal(id)
      const after = ws().terminals()
      const active = get().activeTerminal
      activate(active !== id && after.some((t) => t.id === active) ? active : (after[Math.max(0, i - 1)] ?? after[0])?.id)
    },
    setActiveTerminal: (id) => activate(id),
    skipUntilSettled() {
      ws().skipUntilSettled()
      store.setState(followWorkspace(get()))
    },
    async reset() {
      await ws().reset()
      store.setState({ openFile: undefined, selected: undefined })
      activate(ws().terminals()[0]?.id)
    },
    showNotice: (notice) => store.setState({ notice }),
    setPaneSize(id, fraction) {
      if (!(fraction > 0 && fraction < 1)) return
      store.setState({ paneSizes: { ...get().paneSizes, [id]: fraction } })
      savePrefs()
    },
  }
  return actions
}
