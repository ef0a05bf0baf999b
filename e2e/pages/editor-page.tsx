// A test page for the YAML editor until the app's layout exists: the real workspace and store, the
// EditorPane, and a bare terminal stand-in (one input line, the active tab's output) so end-to-end
// tests can type commands and read their output. `?theme=dark&lang=zh-CN` set the preferences.

import { StrictMode, useEffect, useRef, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { EditorPane } from '../../web/editor'
import type { Locale, Theme } from '../../web/state/contract'
import { AppStoreProvider, useActions, useApp } from '../../web/state/hooks'
import { createAppStore } from '../../web/state/store'
import { memoryStorage } from '../../web/workspace/storage'
import { createWorkspace } from '../../web/workspace/workspace'

const q = new URLSearchParams(location.search)
const workspace = createWorkspace({ storage: memoryStorage() })
const app = createAppStore({ workspace, prefs: { theme: (q.get('theme') as Theme) ?? 'light', locale: (q.get('lang') as Locale) ?? 'en', sizes: {} } })

let last = performance.now()
const loop = (t: number) => {
  workspace.frame(t - last)
  app.tick()
  last = t
  requestAnimationFrame(loop)
}
requestAnimationFrame(loop)

// eslint-disable-next-line no-control-regex -- ANSI colour sequences are what this strips
const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')

function MiniTerminal() {
  const terminals = useApp((s) => s.terminals)
  const active = useApp((s) => s.activeTerminal)
  const actions = useActions()
  const tab = terminals.find((t) => t.id === active) ?? terminals[0]
  const [out, setOut] = useState('')
  const [line, setLine] = useState('')
  const pre = useRef<HTMLPreElement>(null)
  useEffect(() => {
    setOut('')
    return tab?.onOutput((c) => setOut((o) => o + c.text), { replay: true })
  }, [tab])
  useEffect(() => {
    // Braces: Chromium's scrollTo returns a promise, and an effect may only return a cleanup.
    pre.current?.scrollTo(0, pre.current.scrollHeight)
  }, [out])
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', background: '#111', color: '#ddd', font: '13px monospace' }}>
      <pre ref={pre} data-testid="terminal-output" style={{ flex: 1, margin: 0, padding: 8, overflow: 'auto', whiteSpace: 'pre-wrap' }}>
        {stripAnsi(out)}
      </pre>
      <textarea
        data-testid="terminal-input"
        value={line}
        rows={1}
        style={{ font: 'inherit', background: '#222', color: '#fff', border: 'none', padding: 6 }}
        onChange={(e) => setLine(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault()
            void actions.runInTerminal(line)
            setLine('')
          }
        }}
      />
    </div>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppStoreProvider value={app}>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', height: '100%' }}>
        <EditorPane />
        <MiniTerminal />
      </div>
    </AppStoreProvider>
  </StrictMode>,
)
