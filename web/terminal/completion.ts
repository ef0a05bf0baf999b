// Tab completion on the terminal's side, as readline does it (complete.c): the shell offers the full
// candidate words for the word under the cursor (ShellSession.complete); this inserts their longest
// common prefix (a space after a single match, none after a directory's `/` or a flag's `=`),
// quoting what needs it, and lays a list of candidates out in columns the way
// rl_display_match_list does.

import { replace, type Buffer } from './line-buffer'
import { textWidth } from './width'

const BREAKS = new Set([';', '|', '&', '(', '`', '<', '>'])

/** Where the word under the cursor starts, and the quote it opened (if any). */
export function wordAt(text: string, cursor: number): { start: number; quote: string | undefined } {
  let start = 0
  let quote: string | undefined
  for (let i = 0; i < cursor; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = undefined
      else if (c === '\\' && quote === '"') i++
      continue
    }
    if (c === '\\') i++
    else if (c === '"' || c === "'") quote = c
    else if (c === ' ' || c === '\t' || c === '\n' || BREAKS.has(c)) start = i + 1
  }
  if (start > cursor) start = cursor
  // The quote that opened the current word (`'my fi` completes inside the quote).
  const first = text[start]
  return { start, quote: quote && (first === '"' || first === "'") ? quote : undefined }
}

/** The word as the shell sees it: quotes and backslashes removed. */
function unquote(raw: string): string {
  let out = ''
  let quote: string | undefined
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]
    if (quote) {
      if (c === quote) quote = undefined
      else out += c
    } else if (c === '"' || c === "'") quote = c
    else if (c === '\\' && i + 1 < raw.length) out += raw[++i]
    else out += c
  }
  return out
}

const SPECIAL = /[ \t\n"'\\|&;()<>`*?[\]{}!#]/g

function quoteFor(word: string, quote: string | undefined, leadingDollar: boolean): string {
  if (quote === "'") return word
  if (quote === '"') return word.replace(/(["\\`$])/g, '\\$1')
  const escaped = word.replace(SPECIAL, '\\$&')
  return leadingDollar ? escaped : escaped.replace(/\$/g, (m, i: number) => (i === 0 ? m : '\\$'))
}

export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return ''
  let p = words[0]
  for (const w of words) {
    let i = 0
    while (i < p.length && i < w.length && p[i] === w[i]) i++
    p = p.slice(0, i)
  }
  return p
}

export type CompletionResult =
  /** Nothing matched, or nothing more to insert. */
  | { kind: 'none' }
  /** Text was inserted; `ambiguous` when other matches remain (readline rings the bell). */
  | { kind: 'inserted'; buffer: Buffer; ambiguous: boolean }
  /** Several matches and nothing to add: the candidates a second Tab would list. */
  | { kind: 'ambiguous' }

/** Completes the word at the cursor from the shell's candidates. */
export function applyCompletion(b: Buffer, candidates: readonly string[]): CompletionResult {
  const matches = [...new Set(candidates)]
  if (matches.length === 0) return { kind: 'none' }
  const { start, quote } = wordAt(b.text, b.cursor)
  const raw = b.text.slice(start, b.cursor)
  const current = unquote(raw)
  const single = matches.length === 1
  const prefix = single ? matches[0] : commonPrefix(matches)
  // Never shorten what was typed unless a single match replaces it outright.
  if (!single && (!prefix.startsWith(current) || prefix.length <= current.length)) return { kind: 'ambiguous' }
  let text = (quote ?? '') + quoteFor(prefix, quote, current.startsWith('$'))
  if (single && !/[/=]$/.test(prefix)) text += (quote ?? '') + ' '
  // A word that was already complete (and followed by its space) changes nothing.
  if (single && b.text.slice(start, start + text.length) === text) {
    return { kind: 'inserted', buffer: { ...b, cursor: start + text.length }, ambiguous: false }
  }
  if (text === raw) return single ? { kind: 'none' } : { kind: 'ambiguous' }
  return { kind: 'inserted', buffer: replace(b, start, b.cursor, text), ambiguous: !single }
}

/** What a listing shows of a candidate: after the directory part, as readline's printable_part. */
export function displayNames(candidates: readonly string[], b: Buffer): string[] {
  const { start } = wordAt(b.text, b.cursor)
  const current = unquote(b.text.slice(start, b.cursor))
  const slash = current.lastIndexOf('/')
  const uniq = [...new Set(candidates)].sort()
  if (slash < 0) return uniq
  const dir = current.slice(0, slash + 1)
  return uniq.map((c) => (c.startsWith(dir) && c.length > dir.length ? c.slice(dir.length) : c))
}

/**
 * Candidates in columns, sorted down the columns (rl_display_match_list): each column is as wide as
 * the longest name plus two; a row holds as many as fit in the screen width.
 */
export function formatColumns(names: readonly string[], columns: number): string[] {
  if (names.length === 0) return []
  const max = Math.max(...names.map(textWidth)) + 2
  let limit = Math.floor(columns / max)
  if (limit !== 1 && limit * max === columns) limit--
  if (limit <= 0) limit = 1
  const rows = Math.ceil(names.length / limit)
  const out: string[] = []
  for (let r = 0; r < rows; r++) {
    let line = ''
    for (let c = 0; c < limit; c++) {
      const i = r + c * rows
      if (i >= names.length) break
      const name = names[i]
      line += name
      if (c + 1 < limit && i + rows < names.length) line += ' '.repeat(Math.max(1, max - textWidth(name)))
    }
    out.push(line)
  }
  return out
}

/** readline's completion-query-items: at least this many and it asks before listing. */
export const QUERY_ITEMS = 100
