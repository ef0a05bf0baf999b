// A test page for the terminal pane until the app's layout shows it: the real workspace and store
// (in memory), the clock loop the app runs, and the TerminalPane filling the window.
// `?theme=light&lang=zh-CN` set the preferences.

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { Locale, Theme } from '../../web/state/contract'
import { AppStoreProvider } from '../../web/state/hooks'
import { createAppStore } from '../../web/state/store'
import { TerminalPane } from '../../web/terminal/TerminalPane'
import { memoryStorage } from '../../web/workspace/storage'
import { createWorkspace } from '../../web/workspace/workspace'

const q = new URLSearchParams(location.search)
const workspace = createWorkspace({ storage: memoryStorage() })
const app = createAppStore({ workspace, prefs: { theme: (q.get('theme') as Theme) ?? 'dark', locale: (q.get('lang') as Locale) ?? 'en', sizes: {} } })
// As the app does (web/main.tsx): the tests reach the store and the workspace through it.
Object.assign(window, { __ordinal: app })

let last = performance.now()
const loop = (t: number) => {
  workspace.frame(t - last)
  app.tick()
  last = t
  requestAnimationFrame(loop)
}
requestAnimationFrame(loop)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppStoreProvider value={app}>
      <TerminalPane />
    </AppStoreProvider>
  </StrictMode>,
)
