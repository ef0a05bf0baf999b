// The page's layout, rendered by React: the toolbar, the panes and their parts (App.tsx). It is a
// chunk of its own (React is most of it), imported once the first terminal takes typing
// (first-terminal.ts); rendering it replaces that frame with the real layout, and its terminal pane
// adopts the same xterm.

import { StrictMode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { App } from '../App'
import { AppStoreProvider } from '../state/hooks'
import type { AppStore } from '../state/store'

export function mountApp(root: HTMLElement, app: AppStore, embed: boolean): void {
  // Drawn at once (not in React's time slices): the frame is replaced and the terminal moved into
  // its pane in one task, so the page never shows a pane without it.
  flushSync(() =>
    createRoot(root).render(
      <StrictMode>
        <AppStoreProvider value={app}>
          <App embed={embed} />
        </AppStoreProvider>
      </StrictMode>,
    ),
  )
}
