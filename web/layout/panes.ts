// The four panes, their keys (Alt+1..4) and the default sizes of the splitters between them.

import type { MessageKey } from '../i18n'

export type PaneId = 'instructions' | 'editor' | 'terminal' | 'cluster'

export const PANES: readonly { id: PaneId; title: MessageKey; key: string }[] = [
  { id: 'instructions', title: 'pane.instructions', key: '1' },
  { id: 'editor', title: 'pane.editor', key: '2' },
  { id: 'terminal', title: 'pane.terminal', key: '3' },
  { id: 'cluster', title: 'pane.cluster', key: '4' },
]

/** Splitter ids (keys of paneSizes) and the fraction each starts at. */
export const DEFAULT_SIZES = {
  /** Width of the instructions column, of the whole width. */
  instructions: 0.24,
  /** Width of the cluster column, of the whole width. */
  cluster: 0.26,
  /** Height of the editor above the terminal. */
  editor: 0.48,
  /** Narrow screens: height of the shown pane above the terminal. */
  stack: 0.5,
} as const

export type SplitId = keyof typeof DEFAULT_SIZES

/** Smallest sizes in CSS pixels, so no pane can be dragged out of use. */
export const MIN_PX = { side: 160, center: 340, editor: 90, terminal: 120 } as const

export const paneElementId = (id: PaneId) => `pane-${id}`

/** Focuses the first thing in a pane that takes input (the terminal's textarea), else the pane itself. */
export function focusPane(id: PaneId): void {
  const pane = document.getElementById(paneElementId(id))
  if (!pane) return
  const target =
    pane.querySelector<HTMLElement>('textarea:not([disabled])') ??
    pane.querySelector<HTMLElement>('input, select, button, [tabindex]:not([tabindex="-1"]), a[href]')
  ;(target ?? pane).focus()
}
