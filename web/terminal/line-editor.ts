// The line editor: readline's emacs mode as a pure state machine. `step(state, key, env)` returns
// the next state and the effects for the terminal to carry out (run the line, ring the bell, list
// completions, clear the screen). It keeps the buffer and cursor, the kill ring, the position in
// the history (with edits to recalled lines, as readline keeps them until the line is accepted),
// the incremental search and the "Display all N possibilities?" question. No DOM, no xterm.

import { commandFor, type Command } from './bindings'
import { applyCompletion, displayNames, formatColumns, QUERY_ITEMS } from './completion'
import type { Key } from './keys'
import * as B from './line-buffer'
import { searchAgain, searchBackspace, searchPrompt, searchType, searchView, startSearch, type SearchState } from './search'

/** What the previous command left behind, for the commands that behave differently when repeated. */
type Last =
  | { kind: 'other' }
  /** Consecutive kills collect into one kill-ring entry. */
  | { kind: 'kill' }
  /** yank-pop replaces what the last yank inserted. */
  | { kind: 'yank'; start: number; end: number; index: number }
  /** A second Tab that changes nothing lists the candidates. */
  | { kind: 'complete'; changed: boolean }
  /** M-. again takes the last word of an older line. */
  | { kind: 'yank-last-arg'; start: number; end: number; back: number }

export interface EditorState {
  readonly buffer: B.Buffer
  readonly killRing: readonly string[]
  readonly last: Last
  /** Browsing the history: the entry shown (history.length is the new line) and edits made to entries. */
  readonly nav: { readonly index: number; readonly edits: Readonly<Record<number, string>> } | undefined
  readonly search: SearchState | undefined
  readonly lastSearch: string
  /** Just-pasted text, shown highlighted until the next key (readline's active region). */
  readonly region: { readonly start: number; readonly end: number } | undefined
  /** Waiting for y/n before listing this many completions. */
  readonly query: readonly string[] | undefined
}

export interface EditorEnv {
  /** The tab's history, oldest first. */
  history: readonly string[]
  /** Candidates for the word at the cursor (ShellSession.complete). */
  complete(line: string, cursor: number): string[]
  columns: number
}

export type Effect =
  | { kind: 'accept'; line: string }
  | { kind: 'interrupt' }
  /** Ctrl-D on an empty line. */
  | { kind: 'eof' }
  | { kind: 'bell' }
  | { kind: 'clear-screen' }
  /** Leave the line as shown, print these lines below it, and draw the line afresh after them. */
  | { kind: 'print'; lines: string[] }
  /** Leave the line as shown and draw afresh on the next line. */
  | { kind: 'newline' }

export interface Step {
  state: EditorState
  effects: Effect[]
}

export interface View {
  prompt: string
  text: string
  cursor: number
  region?: { start: number; end: number }
}

const KILL_RING_MAX = 10

export function initialEditor(): EditorState {
  return { buffer: B.EMPTY, killRing: [], last: { kind: 'other' }, nav: undefined, search: undefined, lastSearch: '', region: undefined, query: undefined }
}

/** A fresh line, keeping what outlives one line (the kill ring, the last search string). */
export function freshLine(s: EditorState): EditorState {
  return { ...initialEditor(), killRing: s.killRing, lastSearch: s.lastSearch }
}

/** Starts a line with text already in it (type-ahead, or a line left when a run was interrupted). */
export function withText(s: EditorState, text: string): EditorState {
  return { ...freshLine(s), buffer: B.at(text) }
}

/** What to draw for this state, given the shell's prompt. */
export function view(s: EditorState, prompt: string): View {
  if (s.query) return { prompt: `Display all ${s.query.length} possibilities? (y or n)`, text: '', cursor: 0 }
  if (s.search) return { prompt: searchPrompt(s.search), ...searchView(s.search) }
  return { prompt, text: s.buffer.text, cursor: s.buffer.cursor, region: s.region }
}

export function step(state: EditorState, key: Key, env: EditorEnv): Step {
  const s: EditorState = { ...state, region: undefined }
  if (s.query) return answerQuery(s, key, env)
  if (s.search) return searchStep(s, key, env)
  return run(s, commandFor(key), key, env)
}

const done = (state: EditorState, ...effects: Effect[]): Step => ({ state, effects })
const bell = (s: EditorState): Step => done({ ...s, last: { kind: 'other' } }, { kind: 'bell' })

/** A move or edit that may be impossible: the bell when it is. */
function edit(s: EditorState, b: B.Buffer | undefined): Step {
  return b ? done({ ...s, buffer: b, last: { kind: 'other' } }) : bell(s)
}

function kill(s: EditorState, from: number, to: number, backward: boolean): Step {
  if (from === to) return bell(s)
  const text = s.buffer.text.slice(from, to)
  const ring = [...s.killRing]
  if (s.last.kind === 'kill' && ring.length) ring[ring.length - 1] = backward ? text + ring[ring.length - 1] : ring[ring.length - 1] + text
  else ring.push(text)
  return done({ ...s, buffer: B.replace(s.buffer, from, to, ''), killRing: ring.slice(-KILL_RING_MAX), last: { kind: 'kill' } })
}

function showHistory(s: EditorState, env: EditorEnv, index: number): Step {
  const nav = s.nav ?? { index: env.history.length, edits: {} }
  if (index < 0 || index > env.history.length || index === nav.index) return index < 0 ? bell(s) : done(s)
  const edits = { ...nav.edits, [nav.index]: s.buffer.text }
  const text = edits[index] ?? (index === env.history.length ? '' : env.history[index])
  return done({ ...s, buffer: B.at(text), nav: { index, edits }, last: { kind: 'other' } })
}

function complete(s: EditorState, env: EditorEnv): Step {
  const b = s.buffer
  const candidates = env.complete(b.text, b.cursor)
  if (s.last.kind === 'complete' && !s.last.changed) {
    if (candidates.length === 0) return bell(s)
    const names = displayNames(candidates, b)
    if (names.length >= QUERY_ITEMS) return done({ ...s, query: names }, { kind: 'newline' })
    return done(s, { kind: 'print', lines: formatColumns(names, env.columns) })
  }
  const r = applyCompletion(b, candidates)
  if (r.kind !== 'inserted') return done({ ...s, last: { kind: 'complete', changed: false } }, { kind: 'bell' })
  const next = { ...s, buffer: r.buffer, last: { kind: 'complete', changed: true } as const }
  return r.ambiguous ? done(next, { kind: 'bell' }) : done(next)
}

function yankLastArg(s: EditorState, env: EditorEnv): Step {
  const prev = s.last.kind === 'yank-last-arg' ? s.last : undefined
  const back = prev ? prev.back + 1 : 1
  const line = env.history[env.history.length - back]
  if (line === undefined) return bell(s)
  const arg = B.lastArg(line)
  const from = prev ? prev.start : s.buffer.cursor
  const buffer = B.replace(s.buffer, from, prev ? prev.end : s.buffer.cursor, arg)
  return done({ ...s, buffer, last: { kind: 'yank-last-arg', start: from, end: from + arg.length, back } })
}

function run(s: EditorState, cmd: Command, key: Key, env: EditorEnv): Step {
  const b = s.buffer
  switch (cmd) {
    case 'self-insert':
      return done({ ...s, buffer: B.insert(b, key.type === 'text' ? key.text : ''), last: { kind: 'other' } })
    case 'bracketed-paste': {
      const text = key.type === 'paste' ? key.text : ''
      return done({ ...s, buffer: B.insert(b, text), region: { start: b.cursor, end: b.cursor + text.length }, last: { kind: 'other' } })
    }
    case 'accept-line':
      return done(freshLine(s), { kind: 'accept', line: b.text })
    case 'backward-delete-char':
      return edit(s, B.backspace(b))
    case 'delete-char':
      return edit(s, B.deleteForward(b))
    case 'delete-char-or-eof':
      return b.text === '' ? done(s, { kind: 'eof' }) : edit(s, B.deleteForward(b))
    case 'backward-char':
      return edit(s, B.left(b))
    case 'forward-char':
      return edit(s, B.right(b))
    case 'beginning-of-line':
      return edit(s, B.home(b))
    case 'end-of-line':
      return edit(s, B.end(b))
    case 'backward-word':
      return edit(s, B.wordLeft(b))
    case 'forward-word':
      return edit(s, B.wordRight(b))
    case 'unix-line-discard':
      return kill(s, 0, b.cursor, true)
    case 'kill-line':
      return kill(s, b.cursor, b.text.length, false)
    case 'unix-word-rubout':
      return kill(s, B.spaceWordStart(b.text, b.cursor), b.cursor, true)
    case 'kill-word':
      return kill(s, b.cursor, B.wordEnd(b.text, b.cursor), false)
    case 'backward-kill-word':
      return kill(s, B.wordStart(b.text, b.cursor), b.cursor, true)
    case 'yank': {
      const text = s.killRing[s.killRing.length - 1]
      if (text === undefined) return bell(s)
      return done({ ...s, buffer: B.insert(b, text), last: { kind: 'yank', start: b.cursor, end: b.cursor + text.length, index: s.killRing.length - 1 } })
    }
    case 'yank-pop': {
      if (s.last.kind !== 'yank' || s.killRing.length === 0) return bell(s)
      const index = (s.last.index - 1 + s.killRing.length) % s.killRing.length
      const text = s.killRing[index]
      return done({ ...s, buffer: B.replace(b, s.last.start, s.last.end, text), last: { kind: 'yank', start: s.last.start, end: s.last.start + text.length, index } })
    }
    case 'yank-last-arg':
      return yankLastArg(s, env)
    case 'transpose-chars':
      return edit(s, B.transpose(b))
    case 'previous-history':
      return showHistory(s, env, (s.nav?.index ?? env.history.length) - 1)
    case 'next-history':
      return showHistory(s, env, (s.nav?.index ?? env.history.length) + 1)
    case 'beginning-of-history':
      return env.history.length ? showHistory(s, env, 0) : bell(s)
    case 'end-of-history':
      return showHistory(s, env, env.history.length)
    case 'reverse-search-history':
    case 'forward-search-history': {
      const direction = cmd === 'reverse-search-history' ? 'reverse' : 'forward'
      return done({ ...s, search: startSearch(env.history, b.text, b.cursor, direction), last: { kind: 'other' } })
    }
    case 'complete':
      return complete(s, env)
    case 'clear-screen':
      return done(s, { kind: 'clear-screen' })
    case 'interrupt':
      return done(freshLine(s), { kind: 'interrupt' })
    case 'abort':
      return bell(s)
    case 'ignore':
      return done(s)
  }
}

/** Leaves the search with the line it found, as the line being edited (and the history position there). */
function endSearch(s: EditorState, env: EditorEnv): EditorState {
  const search = s.search!
  const shown = searchView(search)
  const nav = search.line < env.history.length ? { index: search.line, edits: {} } : s.nav
  return { ...s, search: undefined, lastSearch: search.query || s.lastSearch, buffer: B.at(shown.text, shown.cursor), nav, last: { kind: 'other' } }
}

function searchStep(s: EditorState, key: Key, env: EditorEnv): Step {
  const search = s.search!
  const cmd = commandFor(key)
  const update = (next: SearchState | undefined) => (next ? done({ ...s, search: next }) : done(s, { kind: 'bell' }))
  if (key.type === 'text' || key.type === 'paste') return update(searchType(search, key.text))
  switch (cmd) {
    case 'reverse-search-history':
      return update(searchAgain(search, 'reverse', s.lastSearch))
    case 'forward-search-history':
      return update(searchAgain(search, 'forward', s.lastSearch))
    case 'backward-delete-char':
      return update(searchBackspace(search))
    case 'abort': {
      const { text, cursor } = search.original
      return done({ ...s, search: undefined, buffer: B.at(text, cursor) }, { kind: 'bell' })
    }
    case 'interrupt':
      return done(freshLine(s), { kind: 'interrupt' })
    case 'accept-line':
      if (key.type === 'ctrl' && key.char === 'j') return done(endSearch(s, env))
      return run(endSearch(s, env), 'accept-line', key, env)
    case 'ignore':
      // ESC ends the search and keeps the line found (isearch-terminators).
      return key.type === 'key' && key.name === 'escape' ? done(endSearch(s, env)) : done(s)
    default:
      return run(endSearch(s, env), cmd, key, env)
  }
}

function answerQuery(s: EditorState, key: Key, env: EditorEnv): Step {
  const names = s.query!
  const answer = key.type === 'text' ? key.text[0] : key.type === 'key' && key.name === 'backspace' ? 'n' : key.type === 'ctrl' && key.char === 'g' ? 'n' : ''
  const back = { ...s, query: undefined, last: { kind: 'complete', changed: false } as const }
  if (answer === 'y' || answer === 'Y' || answer === ' ') return done(back, { kind: 'print', lines: formatColumns(names, env.columns) })
  if (answer === 'n' || answer === 'N') return done(back, { kind: 'newline' })
  return done(s, { kind: 'bell' })
}
