// The thin xterm.js side of a terminal tab: one @xterm/xterm Terminal (DOM renderer, screen-reader
// mode, fit and web-links addons) wired to the tab's TerminalDriver. An entry lives as long as its
// tab, not as long as a React component: a pane re-mounted by a layout change moves the same
// terminal element into its new place, so scrollback, selection and a running `-w` carry on.

import { FitAddon } from '@xterm/addon-fit'
import { WebLinksAddon } from '@xterm/addon-web-links'
import { Terminal, type ITheme } from '@xterm/xterm'
import type { TerminalTab, Theme, Workspace } from '../state/contract'
import { TerminalDriver } from './terminal-driver'

export interface TerminalEntry {
  readonly tab: TerminalTab
  readonly workspace: Workspace
  readonly term: Terminal
  readonly driver: TerminalDriver
  /** The element xterm draws into; moved between containers, never re-created. */
  readonly element: HTMLDivElement
  /** Fits the terminal to its container (when the container is shown and has a size). */
  fit(): void
  setTheme(theme: Theme): void
  dispose(): void
}

const THEMES: Record<Theme, ITheme> = {
  dark: {
    background: '#1b1d23',
    foreground: '#d8dee9',
    cursor: '#d8dee9',
    cursorAccent: '#1b1d23',
    selectionBackground: '#3b4252',
    scrollbarSliderBackground: 'rgba(216, 222, 233, 0.12)',
    scrollbarSliderHoverBackground: 'rgba(216, 222, 233, 0.22)',
    scrollbarSliderActiveBackground: 'rgba(216, 222, 233, 0.32)',
  },
  light: {
    background: '#fbfbfa',
    foreground: '#24292f',
    cursor: '#24292f',
    cursorAccent: '#fbfbfa',
    selectionBackground: '#b6d4fe',
    scrollbarSliderBackground: 'rgba(36, 41, 47, 0.15)',
    scrollbarSliderHoverBackground: 'rgba(36, 41, 47, 0.25)',
    scrollbarSliderActiveBackground: 'rgba(36, 41, 47, 0.35)',
    // The dark theme's bright colours are unreadable on white: darker ones, as GNOME Terminal's light palette.
    black: '#24292f',
    red: '#cf222e',
    green: '#116329',
    yellow: '#7d4e00',
    blue: '#0550ae',
    magenta: '#8250df',
    cyan: '#1b7c83',
    white: '#6e7781',
    brightBlack: '#57606a',
    brightRed: '#a40e26',
    brightGreen: '#1a7f37',
    brightYellow: '#633c01',
    brightBlue: '#0969da',
    brightMagenta: '#8250df',
    brightCyan: '#3192aa',
    brightWhite: '#8c959f',
  },
}

/** The live entries, by tab: found again when a pane re-mounts. */
const entries = new Map<TerminalTab, TerminalEntry>()

export function entryFor(tab: TerminalTab, workspace: Workspace, theme: Theme, onReady?: () => void): TerminalEntry {
  const existing = entries.get(tab)
  if (existing) return existing
  const entry = createEntry(tab, workspace, theme, onReady)
  entries.set(tab, entry)
  return entry
}

/** Disposes the entries of `workspace` whose tabs are gone (closed, or the workspace was reset). */
export function pruneEntries(workspace: Workspace, live: readonly TerminalTab[]): void {
  for (const [tab, entry] of entries) {
    if (entry.workspace === workspace && !live.includes(tab)) {
      entry.dispose()
      entries.delete(tab)
    }
  }
}

function createEntry(tab: TerminalTab, workspace: Workspace, theme: Theme, onReady?: () => void): TerminalEntry {
  const element = document.createElement('div')
  element.className = 'ordinal-xterm'
  const term = new Terminal({
    screenReaderMode: true,
    cursorBlink: true,
    fontFamily: '"DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, "Noto Sans Mono CJK SC", "WenQuanYi Micro Hei Mono", monospace',
    fontSize: 14,
    lineHeight: 1.1,
    scrollback: 5000,
    macOptionIsMeta: true,
    theme: THEMES[theme],
  })
  const fitAddon = new FitAddon()
  term.loadAddon(fitAddon)
  term.loadAddon(new WebLinksAddon())
  term.open(element)
  // Bracketed paste: a pasted heredoc lands in the line as a whole instead of running line by line.
  term.write('\x1b[?2004h')

  const flash = () => {
    element.classList.remove('ordinal-xterm--bell')
    void element.offsetWidth
    element.classList.add('ordinal-xterm--bell')
  }
  const driver = new TerminalDriver(
    tab,
    {
      write: (data) => term.write(data),
      bell: flash,
      rowsAbove: () => term.buffer.active.cursorY,
    },
    { columns: term.cols, onPrompt: onReady },
  )

  // Ctrl+V / Ctrl+Shift+V paste through the browser (xterm's paste handler); Ctrl+Shift+C copies.
  term.attachCustomKeyEventHandler((ev) => {
    if (ev.type !== 'keydown') return true
    const key = ev.key.toLowerCase()
    if ((ev.ctrlKey || ev.metaKey) && key === 'v') return false
    if (ev.ctrlKey && ev.shiftKey && key === 'c') {
      const text = term.getSelection()
      if (text) void navigator.clipboard?.writeText(text).catch(() => {})
      return false
    }
    return true
  })
  const textInput = insertedText(term, (data) => driver.input(data))
  const subs = [
    textInput,
    term.onData((data) => driver.input(data)),
    term.onResize(({ cols }) => driver.resize(cols)),
    term.onBell(flash),
    // Copy on select, as X terminals do.
    term.onSelectionChange(() => {
      const text = term.getSelection()
      if (text) void navigator.clipboard?.writeText(text).catch(() => {})
    }),
  ]
  driver.start()

  return {
    tab,
    workspace,
    term,
    driver,
    element,
    fit() {
      if (!element.isConnected || element.clientWidth === 0 || element.clientHeight === 0) return
      try {
        fitAddon.fit()
      } catch {
        // Not laid out yet: the next resize fits.
      }
    },
    setTheme(t) {
      term.options.theme = THEMES[t]
    },
    dispose() {
      for (const s of subs) s.dispose()
      driver.dispose()
      term.dispose()
      element.remove()
    },
  }
}

/**
 * Text inserted without a key press (an emoji picker, dictation, an on-screen keyboard): xterm.js
 * drops it in screen-reader mode (CoreBrowserTerminal._inputEvent, xterm.js issue 3679), where it
 * lets key presses reach the textarea for the screen reader to read. Taken here only when no key is
 * down, so typed characters (handled on keydown) are never doubled; IME composition is xterm's.
 */
function insertedText(term: Terminal, input: (data: string) => void): { dispose(): void } {
  const area = term.textarea
  if (!area) return { dispose() {} }
  let keysDown = 0
  const down = () => keysDown++
  const up = () => (keysDown = Math.max(0, keysDown - 1))
  const onInput = (ev: Event) => {
    const e = ev as InputEvent
    if (e.inputType !== 'insertText' || !e.data || keysDown > 0 || e.isComposing) return
    input(e.data)
    area.value = ''
  }
  area.addEventListener('keydown', down, true)
  area.addEventListener('keyup', up, true)
  area.addEventListener('blur', () => (keysDown = 0))
  area.addEventListener('input', onInput, true)
  return {
    dispose() {
      area.removeEventListener('keydown', down, true)
      area.removeEventListener('keyup', up, true)
      area.removeEventListener('input', onInput, true)
    },
  }
}
