// One tab's terminal in the page: puts the tab's long-lived xterm (xterm-entry.ts) into this
// component's box, fits it to the box as the pane resizes, and focuses it when its tab is shown.

import { useEffect, useRef } from 'react'
import type { TerminalTab, Theme, Workspace } from '../state/contract'
import { markTerminalReady } from '../state/ready'
import { entryFor } from './xterm-entry'

declare global {
  interface Window {
    /** The terminal in front (end-to-end tests read its buffer). */
    __term?: import('@xterm/xterm').Terminal
  }
}

export interface TerminalViewProps {
  tab: TerminalTab
  workspace: Workspace
  visible: boolean
  theme: Theme
  label: string
}

export function TerminalView({ tab, workspace, visible, theme, label }: TerminalViewProps) {
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const el = box.current
    if (!el) return
    const entry = entryFor(tab, workspace, theme, markTerminalReady)
    el.appendChild(entry.element)
    const observer = new ResizeObserver(() => entry.fit())
    observer.observe(el)
    entry.fit()
    return () => {
      observer.disconnect()
      // The terminal lives on with its tab; only this box goes.
      if (entry.element.parentElement === el) el.removeChild(entry.element)
    }
    // The theme is applied by the effect below: a new theme must not re-create the terminal.
  }, [tab, workspace])

  useEffect(() => {
    entryFor(tab, workspace, theme).setTheme(theme)
  }, [tab, workspace, theme])

  useEffect(() => {
    if (!visible) return
    const entry = entryFor(tab, workspace, theme)
    entry.fit()
    entry.term.focus()
    window.__term = entry.term
  }, [visible, tab, workspace])

  return (
    <div
      ref={box}
      className="ordinal-terminal__view"
      role="tabpanel"
      aria-label={label}
      hidden={!visible}
      data-testid={visible ? 'terminal' : undefined}
      data-tab={tab.id}
    />
  )
}
