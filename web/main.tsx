// Start-up, in three parts. First what the page needs to draw a terminal that takes typing: storage,
// preferences, a look at the saved session, the store (over a LazyWorkspace), and the active tab's
// terminal in the layout's frame, in plain DOM (start/first-terminal.ts). Then the clock loop, React
// and the layout (start/mount-app.tsx, a chunk of its own). Then, as soon as its chunk has loaded,
// the simulator: the saved session checked and restored (or a fresh cluster), bound into the
// workspace the page already shows. Anything that fails before the layout renders becomes a
// message with a way out, never a blank page; a failure after it, a notice.

import freshCluster from 'virtual:ordinal/fresh-cluster'
import { detectLocale, localeParam, t } from './i18n'
import './layout/theme.css'
import './layout/layout.css'
import type { Locale } from './state/contract'
import { loadPrefs, savePrefs } from './state/prefs'
import { whenTerminalReady } from './state/ready'
import { createAppStore, type AppStore } from './state/store'
import { holdLayoutKeys } from './start/early-keys'
import { drawFirstTerminal, NARROW_QUERY } from './start/first-terminal'
import { browserStorage } from './workspace/browser-storage'
import { startClockLoop, windowLoopHost } from './workspace/clock-loop'
import { LazyWorkspace, peekSession } from './workspace/lazy-workspace'
import { SESSION_KEY, type StorageAdapter } from './workspace/storage'
import { warmUp } from './workspace/warm-up'

declare global {
  interface Window {
    /** The running app, for the e2e tests and for poking at it from the console. */
    __ordinal?: AppStore & { storage: StorageAdapter }
    /** The IndexedDB database index.html started opening before this script arrived. */
    __ordinalDb?: Promise<IDBDatabase | null>
  }
}

async function start(root: HTMLElement): Promise<void> {
  performance.mark('ordinal:script')
  const params = new URLSearchParams(location.search)
  const embed = params.get('embed') === '1'
  const forced = localeParam(params.get('lang'))
  const storage = await browserStorage(params.get('storage'), window.__ordinalDb)
  const defaults = {
    locale: forced ?? detectLocale(navigator.languages),
    theme: window.matchMedia('(prefers-color-scheme: dark)').matches ? ('dark' as const) : ('light' as const),
  }
  const [prefs, raw] = await Promise.all([loadPrefs(storage, defaults), storage.get(SESSION_KEY).catch(() => undefined)])
  performance.mark('ordinal:storage')
  // An LMS that passes ?lang= chooses the language for this page, whatever was saved.
  if (forced) prefs.locale = forced
  const workspace = new LazyWorkspace(peekSession(raw, freshCluster))
  const app = createAppStore({
    workspace,
    prefs,
    activeTerminal: workspace.activeTab,
    savePrefs: (p) => void savePrefs(storage, p),
  })
  window.__ordinal = { ...app, storage }
  // Leaving (closing, navigating, a phone switching apps): save now rather than after the debounce.
  window.addEventListener('pagehide', () => void workspace.save())
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void workspace.save()
  })
  syncDocument(app)

  // The terminal first, in the layout's frame. Only then React and the layout, and the simulator,
  // each in a chunk of its own: on a small machine, compiling them alongside (as a modulepreload
  // from index.html would, at once) delays the prompt. Each import fetches its chunk's own imports
  // in parallel (Vite's preload helper).
  const state = app.store.getState()
  const releaseKeys = holdLayoutKeys()
  drawFirstTerminal(root, {
    workspace,
    activeTab: state.activeTerminal,
    theme: state.theme,
    embed,
    paneSizes: state.paneSizes,
    narrow: window.matchMedia(NARROW_QUERY).matches,
  })
  await whenTerminalReady(1000)
  // Nothing moves the clock before the simulator is there; from here its frames do not compete with
  // the first prompt's.
  startClockLoop((ms) => {
    workspace.frame(ms)
    app.tick()
  }, windowLoopHost())
  const layout = import('./start/mount-app')
  const simulator = import('./workspace/load')
  simulator.catch(() => {}) // (awaited below; this only keeps an early failure from being "unhandled")
  // The layout replaces the frame and takes the terminal into its pane (mount-app.tsx).
  const { mountApp } = await layout
  mountApp(root, app, embed)
  releaseKeys()

  try {
    // The simulator's module code (a few hundred ms), then restoring the session, run after the
    // prompt and the layout, which is what the student sees first. Lines typed meanwhile wait in
    // their tab (lazy-workspace.ts).
    const { openWorkspace } = await simulator
    const { workspace: real, problem } = await openWorkspace({ storage, fresh: () => JSON.parse(freshCluster) })
    if (problem) {
      console.warn(`Ordinal: the saved session was replaced (${problem.kind}): ${problem.detail}`)
      app.actions.showNotice(`notice.${problem.kind}`)
    }
    workspace.bind(real)
    performance.mark('ordinal:cluster')
  } catch (e) {
    console.error('Ordinal: the simulated cluster could not start', e)
    app.actions.showNotice('notice.bootFailed')
    return
  }
  // Once the page has settled, load kubectl's lazy parts so the lab keeps working offline.
  const warm = () => setTimeout(() => void warmUp(workspace), 2000)
  if (document.readyState === 'complete') warm()
  else window.addEventListener('load', warm, { once: true })
}

/** <html lang> and the page's colour scheme follow the store (scrollbars, form controls). */
function syncDocument(app: AppStore): void {
  const apply = (locale: Locale, theme: string) => {
    document.documentElement.lang = locale
    document.documentElement.dataset.theme = theme
    document.title = `${t(locale, 'app.title')} — ${t(locale, 'app.tagline')}`
  }
  let { locale, theme } = app.store.getState()
  apply(locale, theme)
  app.store.subscribe((s) => {
    if (s.locale === locale && s.theme === theme) return
    ;({ locale, theme } = s)
    apply(locale, theme)
  })
}

/** The last resort: a plain page saying what failed, with a button that clears the saved session. */
function fatal(root: HTMLElement, e: unknown): void {
  console.error('Ordinal could not start', e)
  const locale = detectLocale(navigator.languages)
  root.innerHTML = ''
  const box = document.createElement('div')
  box.className = 'fatal'
  box.setAttribute('role', 'alert')
  const p = document.createElement('p')
  p.textContent = locale === 'zh-CN' ? 'Ordinal 无法启动：' : 'Ordinal could not start: '
  const code = document.createElement('code')
  code.textContent = e instanceof Error ? e.message : String(e)
  p.append(code)
  const button = document.createElement('button')
  button.textContent = locale === 'zh-CN' ? '清除已保存的会话并重新加载' : 'Clear the saved session and reload'
  button.onclick = async () => {
    try {
      indexedDB.deleteDatabase('ordinal')
      localStorage.clear()
    } finally {
      location.reload()
    }
  }
  box.append(p, button)
  root.append(box)
}

const root = document.getElementById('root')!
start(root).catch((e) => fatal(root, e))
