// The terminal pane: a row of tabs (each its own shell on the same machine, so one can watch
// `kubectl get pods -w` while another scales) and the terminal of each tab. Every tab's terminal
// stays alive while hidden, so a watch in a background tab keeps its output.
//
// Named export, no props: it reads the store through useApp/useActions (web/state/hooks.tsx).

import { useEffect, useReducer } from 'react'
import { useActions, useApp } from '../state/hooks'
import { label } from './labels'
import { TerminalView } from './TerminalView'
import { pruneEntries } from './xterm-entry'
import '@xterm/xterm/css/xterm.css'
import './terminal.css'

export function TerminalPane() {
  const terminals = useApp((s) => s.terminals)
  const activeId = useApp((s) => s.activeTerminal)
  const workspace = useApp((s) => s.workspace)
  const theme = useApp((s) => s.theme)
  const locale = useApp((s) => s.locale)
  const actions = useActions()
  const active = terminals.find((t) => t.id === activeId) ?? terminals[0]
  // Titles follow the shell (a container's hostname inside `kubectl exec -it`).
  const [, refresh] = useReducer((n: number) => n + 1, 0)

  useEffect(() => {
    const offs = terminals.map((t) => t.onActivity(refresh))
    return () => offs.forEach((off) => off())
  }, [terminals])

  useEffect(() => {
    pruneEntries(workspace, terminals)
  }, [workspace, terminals])

  return (
    <section className={`ordinal-terminal ordinal-terminal--${theme}`} data-testid="terminal-pane">
      <div className="ordinal-terminal__tabs" role="tablist" aria-label={label(locale, 'tabs')}>
        {terminals.map((t) => (
          <div key={t.id} className="ordinal-terminal__tab" data-active={t === active ? '' : undefined}>
            <button
              type="button"
              role="tab"
              aria-selected={t === active}
              className="ordinal-terminal__tab-title"
              onClick={() => actions.setActiveTerminal(t.id)}
              data-testid="terminal-tab"
            >
              {t.title}
            </button>
            <button
              type="button"
              className="ordinal-terminal__tab-close"
              aria-label={label(locale, 'close', { title: t.title })}
              title={label(locale, 'close', { title: t.title })}
              onClick={() => actions.closeTerminal(t.id)}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="ordinal-terminal__new"
          aria-label={label(locale, 'newTab')}
          title={label(locale, 'newTab')}
          onClick={() => actions.openTerminal()}
          data-testid="terminal-new"
        >
          +
        </button>
      </div>
      <div className="ordinal-terminal__views">
        {terminals.map((t) => (
          <TerminalView key={t.id} tab={t} workspace={workspace} visible={t === active} theme={theme} label={label(locale, 'terminal', { title: t.title })} />
        ))}
      </div>
    </section>
  )
}
