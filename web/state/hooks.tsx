// How components reach the store: <AppStoreProvider value={app}> at the root, then useApp(selector),
// useActions() and useWorkspace() anywhere below. The store is made by createAppStore, never a
// module singleton, so tests and several embeds on one page get their own.

import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { Actions } from './actions'
import type { Workspace } from './contract'
import type { StoreState } from './slices'
import type { AppStore } from './store'

const AppStoreContext = createContext<AppStore | undefined>(undefined)

export function AppStoreProvider({ value, children }: { value: AppStore; children: ReactNode }) {
  return <AppStoreContext.Provider value={value}>{children}</AppStoreContext.Provider>
}

function useAppStore(): AppStore {
  const app = useContext(AppStoreContext)
  if (!app) throw new Error('useApp outside <AppStoreProvider>')
  return app
}

/** Reads the store: `const speed = useApp((s) => s.speed)`. Re-renders when the selected value changes. */
export function useApp<T>(selector: (s: StoreState) => T): T {
  return useStore(useAppStore().store, selector)
}

export function useActions(): Actions {
  return useAppStore().actions
}

export function useWorkspace(): Workspace {
  return useApp((s) => s.workspace)
}
