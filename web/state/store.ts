// createAppStore(deps): the one zustand store of the app (a vanilla store, so tests and the clock
// loop use it without React, plus its bound hook). It follows the workspace: each change there
// becomes one setState of the keys that changed; the snapshot is the simulation's own immutable
// object, never a copy.

import { useStore } from 'zustand'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { createActions, shellLang, type Actions, type ActionDeps, type WorkspaceExtras } from './actions'
import type { Workspace } from './contract'
import type { Prefs } from './prefs'
import { followWorkspace, layoutSlice, uiSlice, workspaceSlice, type StoreState } from './slices'

export interface AppStoreDeps extends ActionDeps {
  workspace: Workspace & WorkspaceExtras
  prefs: Prefs
  /** An i18n key of web/i18n when loading the saved session went wrong. */
  notice?: string
  /** The tab to show first (the saved session's). */
  activeTerminal?: string
}

export interface AppStore {
  readonly store: StoreApi<StoreState>
  readonly actions: Actions
  /** The bound hook: `useApp((s) => s.speed)`. */
  useApp<T>(selector: (s: StoreState) => T): T
  /**
   * After an animation frame moved the clock: the store's `now` follows in whole seconds (what the
   * clock shows), so views that read `now` render once a simulated second, not every frame.
   */
  tick(): void
  /** Stops following the workspace. */
  dispose(): void
}

export function createAppStore(deps: AppStoreDeps): AppStore {
  const ws = deps.workspace
  ws.setLang?.(shellLang(deps.prefs.locale))
  const store = createStore<StoreState>()(() => ({
    ...workspaceSlice(ws, deps.activeTerminal),
    ...uiSlice(deps.prefs, deps.notice),
    ...layoutSlice(deps.prefs.sizes),
  }))
  const actions = createActions(store, deps)
  const off = ws.subscribe(() => {
    const change = followWorkspace(store.getState())
    if (Object.keys(change).length) store.setState(change)
  })
  return {
    store,
    actions,
    useApp: (selector) => useStore(store, selector),
    tick() {
      const s = store.getState()
      const now = s.workspace.sim.now()
      if (Math.floor(now / 1000) !== Math.floor(s.now / 1000)) store.setState({ now })
    },
    dispose: off,
  }
}
