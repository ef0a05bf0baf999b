// The first thing the page draws: the active tab's terminal, in plain DOM, before React and the
// rest of the layout have loaded. React (react-dom is most of the page's own JavaScript) and the
// toolbar, the panes and their parts arrive in a chunk of their own a moment later; until then
// the page shows the layout's frame (empty toolbar and panes) with a terminal that already takes
// typing. The frame uses the layout's own classes and sizes (Workbench.tsx, TerminalPane.tsx), so the
// terminal is drawn where it will stay: when React renders, TerminalView moves this same xterm
// (xterm-entry.ts, one per tab) into its box and nothing on screen moves or redraws.
//
// This module is in the page's entry chunk: plain DOM only, no React.

import { DEFAULT_SIZES, PANES, paneElementId, type SplitId } from '../layout/panes'
import type { TerminalTab, Theme, Workspace } from '../state/contract'
import { markTerminalReady } from '../state/ready'
import { entryFor, type TerminalEntry } from '../terminal/xterm-entry'
import '@xterm/xterm/css/xterm.css'
import '../terminal/terminal.css'

/** Workbench.tsx's NARROW_QUERY (first-terminal.test.ts keeps them equal). */
export const NARROW_QUERY = '(max-width: 899px)'

export interface FirstTerminalOptions {
  workspace: Workspace
  /** The tab shown first (the store's activeTerminal). */
  activeTab: string | undefined
  theme: Theme
  embed: boolean
  paneSizes: Readonly<Record<string, number>>
  /** Whether the screen is narrow (Workbench stacks the panes). */
  narrow: boolean
}

type Attrs = Record<string, string | undefined>

function el(tag: string, attrs: Attrs = {}, children: (Node | string)[] = []): HTMLElement {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, v)
  node.append(...children)
  return node
}

/** The CSS variables Workbench sets from the pane sizes. */
export function paneSizeStyle(sizes: Readonly<Record<string, number>>): string {
  const ids = Object.keys(DEFAULT_SIZES) as SplitId[]
  return ids.map((id) => `--f-${id}: ${sizes[id] ?? DEFAULT_SIZES[id]}`).join('; ')
}

/** TerminalPane's tab row, inert (React's replaces it): it only has to take the same height. */
function tabRow(tabs: readonly TerminalTab[], active: TerminalTab): HTMLElement {
  const tab = (t: TerminalTab) =>
    el('div', { class: 'ordinal-terminal__tab', 'data-active': t === active ? '' : undefined }, [
      el('button', { type: 'button', class: 'ordinal-terminal__tab-title', tabindex: '-1' }, [t.title]),
      el('button', { type: 'button', class: 'ordinal-terminal__tab-close', tabindex: '-1' }, ['×']),
    ])
  return el('div', { class: 'ordinal-terminal__tabs', 'aria-hidden': 'true' }, [...tabs.map(tab), el('button', { type: 'button', class: 'ordinal-terminal__new', tabindex: '-1' }, ['+'])])
}

/**
 * Replaces the page's content with the layout's frame and the active tab's terminal, focused, its
 * input attached; markTerminalReady once its first prompt is in.
 */
export function drawFirstTerminal(root: HTMLElement, o: FirstTerminalOptions): TerminalEntry {
  const tabs = o.workspace.terminals()
  const active = tabs.find((t) => t.id === o.activeTab) ?? tabs[0]
  const view = el('div', { class: 'ordinal-terminal__view', 'data-tab': active.id })
  const terminalPane = el('section', { class: `ordinal-terminal ordinal-terminal--${o.theme}` }, [tabRow(tabs, active), el('div', { class: 'ordinal-terminal__views' }, [view])])
  const panes = PANES.map((p) =>
    el('section', { id: paneElementId(p.id), class: `pane pane--${p.id}`, hidden: o.narrow && p.id !== 'terminal' && p.id !== 'instructions' ? '' : undefined }, p.id === 'terminal' ? [terminalPane] : []),
  )
  // Narrow screens: Workbench's row of pane tabs above the stacked panes (its height matters).
  const stackTabs = o.narrow ? [el('div', { class: 'stack-tabs', 'aria-hidden': 'true' }, [el('button', { type: 'button', tabindex: '-1' }, ['\u00a0'])])] : []
  const workbench = el('main', { class: 'workbench', 'data-narrow': o.narrow ? '' : undefined, style: paneSizeStyle(o.paneSizes) }, [...stackTabs, ...panes])
  const app = el('div', { class: 'app', 'data-theme': o.theme, 'data-embed': o.embed ? '' : undefined }, [el('header', { class: 'toolbar' }), workbench])
  root.replaceChildren(app)

  // Ready once xterm has taken the first prompt in (a write's callback, after the prompt's write), as
  // the bare xterm page the benchmark compares with measures it; the driver calls back at every prompt.
  let asked = false
  const onPrompt = () => {
    if (asked) return
    asked = true
    queueMicrotask(() => entry.term.write('', markTerminalReady))
  }
  const entry = entryFor(active, o.workspace, o.theme, onPrompt)
  view.append(entry.element)
  entry.fit()
  entry.term.focus()
  window.__term = entry.term
  return entry
}
