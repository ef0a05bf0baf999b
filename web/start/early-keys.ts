// The layout's own keys (Alt+1..4 to go to a pane, Alt+S to skip until settled: Workbench.tsx) work
// from the moment the terminal takes typing, not only once the layout has arrived: pressed before,
// they are kept from the terminal and handed to the layout when it is there, in order.
//
// In the page's entry chunk: plain DOM only.

import { PANES } from '../layout/panes'

const CODES = new Set([...PANES.map((p) => `Digit${p.key}`), 'KeyS'])

/** Whether Workbench handles this key (its onKey: Alt without Ctrl or Meta, by key code). */
export function isLayoutKey(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'code'>): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && CODES.has(e.code)
}

/** Holds the layout's keys from now on; the returned function stops and replays them on `window`. */
export function holdLayoutKeys(target: Window = window): () => void {
  const held: KeyboardEvent[] = []
  const onKey = (e: KeyboardEvent) => {
    if (!isLayoutKey(e)) return
    e.preventDefault()
    e.stopPropagation()
    held.push(e)
  }
  target.addEventListener('keydown', onKey, true)
  return () => {
    target.removeEventListener('keydown', onKey, true)
    for (const e of held) target.dispatchEvent(new KeyboardEvent('keydown', { key: e.key, code: e.code, altKey: true, shiftKey: e.shiftKey, bubbles: true, cancelable: true }))
  }
}
