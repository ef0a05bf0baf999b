// The YAML editor pane: the student's files as tabs, Save and Apply, and Monaco (lazy-loaded: its
// chunk is not in the entry bundle, so the terminal is usable before it arrives; until then a plain
// text area shows the same buffer). Editor buffers are the shell's files (DESIGN.md §1): Save writes
// to the machine, Apply types `kubectl apply -f <file>` into the terminal.

import { lazy, Suspense, useEffect, type KeyboardEvent } from 'react'
import { Toolbar, SessionBanner, StatusBar } from './EditorBars'
import { FileTabs } from './FileTabs'
import { PlainEditor } from './PlainEditor'
import { useEditor } from './use-editor'
import './editor.css'

const loadMonaco = () => import('./MonacoEditor')
const MonacoEditor = lazy(loadMonaco)

/** Fetches Monaco once the page has settled, so it is there when the first file opens. */
function usePrefetch() {
  useEffect(() => {
    const t = setTimeout(() => void loadMonaco(), 1500)
    return () => clearTimeout(t)
  }, [])
}

export function EditorPane() {
  const c = useEditor()
  usePrefetch()

  // The same keys when the focus is on the tabs, the buttons or the plain text area (Monaco handles
  // its own and stops them).
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || !(e.ctrlKey || e.metaKey)) return
    if (e.key === 's' || e.key === 'S') {
      e.preventDefault()
      c.save()
    } else if (e.key === 'Enter') {
      e.preventDefault()
      c.apply()
    }
  }

  return (
    <section className="ord-editor" data-theme={c.theme} data-testid="editor" onKeyDown={onKeyDown}>
      <FileTabs t={c.t} files={c.files} buffers={c.buffers} current={c.path} waiting={new Set(c.request ? [c.request.path] : [])} onOpen={c.open} onCreate={c.createFile} />
      <Toolbar c={c} />
      <SessionBanner c={c} />
      <div className="ord-editor-body">
        {c.buffer ? (
          <Suspense fallback={<PlainEditor t={c.t} path={c.buffer.path} text={c.buffer.text} focusTick={c.focusTick} onChange={c.change} onEscape={c.escape} />}>
            <MonacoEditor
              path={c.buffer.path}
              text={c.buffer.text}
              paths={c.files}
              theme={c.theme}
              diagnostic={c.diagnostic}
              inSession={c.request !== undefined}
              focusTick={c.focusTick}
              reveal={c.reveal}
              onChange={c.change}
              onSave={c.save}
              onApply={c.apply}
              onEscape={c.escape}
            />
          </Suspense>
        ) : (
          <div className="ord-editor-empty">{c.t.noFile}</div>
        )}
      </div>
      <StatusBar c={c} />
    </section>
  )
}
