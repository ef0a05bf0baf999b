// Incremental history search (Ctrl-R, and Ctrl-S inside it), as readline's isearch.c: the lines
// searched are the history plus the line being edited; typing extends the search string and looks
// again from the current match; Ctrl-R looks further back, skipping lines equal to the one found.

export interface SearchState {
  readonly direction: 'reverse' | 'forward'
  readonly query: string
  /** Index into `lines` of the line shown, and where in it the match starts. */
  readonly line: number
  readonly pos: number
  readonly failing: boolean
  /** History plus the line being edited when the search began (the last entry). */
  readonly lines: readonly string[]
  /** The line and cursor to restore on Ctrl-G. */
  readonly original: { text: string; cursor: number }
}

export function startSearch(history: readonly string[], text: string, cursor: number, direction: SearchState['direction']): SearchState {
  const lines = [...history, text]
  return { direction, query: '', line: lines.length - 1, pos: cursor, failing: false, lines, original: { text, cursor } }
}

/** The prompt readline shows while searching. */
export function searchPrompt(s: SearchState): string {
  const name = s.direction === 'reverse' ? 'reverse-i-search' : 'i-search'
  return `(${s.failing ? 'failed ' : ''}${name})\`${s.query}': `
}

/** The line shown and where the cursor sits in it (at the match). */
export function searchView(s: SearchState): { text: string; cursor: number } {
  return { text: s.lines[s.line], cursor: Math.min(s.pos, s.lines[s.line].length) }
}

/**
 * Looks for `query` from (line, pos): in that line first (at pos itself when `inclusive`), then in
 * older (reverse) or newer (forward) lines, skipping lines equal to `skipEqual`.
 */
function find(s: SearchState, query: string, inclusive: boolean): { line: number; pos: number } | undefined {
  const { lines, direction } = s
  const step = direction === 'reverse' ? -1 : 1
  const here = lines[s.line]
  if (query === '') return { line: s.line, pos: s.pos }
  if (direction === 'reverse') {
    const from = inclusive ? s.pos : s.pos - 1
    const i = from < 0 ? -1 : here.lastIndexOf(query, from)
    if (i >= 0) return { line: s.line, pos: i }
  } else {
    const i = here.indexOf(query, inclusive ? s.pos : s.pos + 1)
    if (i >= 0) return { line: s.line, pos: i }
  }
  for (let l = s.line + step; l >= 0 && l < lines.length; l += step) {
    if (lines[l] === here) continue
    const i = direction === 'reverse' ? lines[l].lastIndexOf(query) : lines[l].indexOf(query)
    if (i >= 0) return { line: l, pos: i }
  }
  return undefined
}

function found(s: SearchState, query: string, r: { line: number; pos: number } | undefined): SearchState {
  return r ? { ...s, query, line: r.line, pos: r.pos, failing: false } : { ...s, query, failing: true }
}

/** A character typed while searching: the search string grows and the match is looked for again. */
export function searchType(s: SearchState, chars: string): SearchState {
  const query = s.query + chars
  return found(s, query, find(s, query, true))
}

/** Backspace while searching: a shorter search string, matched again from the current line. */
export function searchBackspace(s: SearchState): SearchState | undefined {
  if (s.query === '') return undefined
  const query = s.query.slice(0, -1)
  return found(s, query, find({ ...s, failing: false }, query, true))
}

/** Ctrl-R/Ctrl-S again: the next match in that direction (with an empty query, the last search). */
export function searchAgain(s: SearchState, direction: SearchState['direction'], lastQuery: string): SearchState | undefined {
  const query = s.query || lastQuery
  if (query === '') return { ...s, direction }
  const turned = { ...s, direction }
  if (s.failing && direction === s.direction) return undefined
  return found(turned, query, find(turned, query, s.query === ''))
}
