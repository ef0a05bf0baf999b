// The text being edited and the cursor in it, with the moves and cuts readline's emacs mode makes.
// Positions are UTF-16 indices that never split a surrogate pair, so a Chinese character or an
// emoji moves and deletes as one. Every function is pure: it returns a new buffer, or undefined when
// the move is impossible (the editor rings the bell, as readline's rl_ding does).

export interface Buffer {
  readonly text: string
  readonly cursor: number
}

export const EMPTY: Buffer = { text: '', cursor: 0 }

export function at(text: string, cursor = text.length): Buffer {
  return { text, cursor: Math.max(0, Math.min(cursor, text.length)) }
}

/** The index of the code point before `i`. */
export function prevIndex(text: string, i: number): number {
  if (i <= 0) return 0
  const lo = text.charCodeAt(i - 1)
  if (i >= 2 && lo >= 0xdc00 && lo <= 0xdfff) {
    const hi = text.charCodeAt(i - 2)
    if (hi >= 0xd800 && hi <= 0xdbff) return i - 2
  }
  return i - 1
}

/** The index after the code point at `i`. */
export function nextIndex(text: string, i: number): number {
  if (i >= text.length) return text.length
  const cp = text.codePointAt(i)!
  return i + (cp > 0xffff ? 2 : 1)
}

export function insert(b: Buffer, s: string): Buffer {
  return { text: b.text.slice(0, b.cursor) + s + b.text.slice(b.cursor), cursor: b.cursor + s.length }
}

/** Replaces [from, to) with `s` and puts the cursor after it. */
export function replace(b: Buffer, from: number, to: number, s: string): Buffer {
  return { text: b.text.slice(0, from) + s + b.text.slice(to), cursor: from + s.length }
}

export function left(b: Buffer): Buffer | undefined {
  return b.cursor === 0 ? undefined : { ...b, cursor: prevIndex(b.text, b.cursor) }
}

export function right(b: Buffer): Buffer | undefined {
  return b.cursor >= b.text.length ? undefined : { ...b, cursor: nextIndex(b.text, b.cursor) }
}

export function home(b: Buffer): Buffer {
  return { ...b, cursor: 0 }
}

export function end(b: Buffer): Buffer {
  return { ...b, cursor: b.text.length }
}

export function backspace(b: Buffer): Buffer | undefined {
  if (b.cursor === 0) return undefined
  const from = prevIndex(b.text, b.cursor)
  return replace(b, from, b.cursor, '')
}

export function deleteForward(b: Buffer): Buffer | undefined {
  if (b.cursor >= b.text.length) return undefined
  return { text: b.text.slice(0, b.cursor) + b.text.slice(nextIndex(b.text, b.cursor)), cursor: b.cursor }
}

/** readline's word characters for M-f/M-b/M-d: letters and digits (rl_alphabetic). */
function isWordChar(ch: string): boolean {
  return /[\p{L}\p{N}]/u.test(ch)
}

function charAt(text: string, i: number): string {
  return String.fromCodePoint(text.codePointAt(i)!)
}

/** forward-word: past any non-word characters, then past the word. */
export function wordEnd(text: string, i: number): number {
  while (i < text.length && !isWordChar(charAt(text, i))) i = nextIndex(text, i)
  while (i < text.length && isWordChar(charAt(text, i))) i = nextIndex(text, i)
  return i
}

/** backward-word: back over non-word characters, then to the start of the word. */
export function wordStart(text: string, i: number): number {
  while (i > 0 && !isWordChar(charAt(text, prevIndex(text, i)))) i = prevIndex(text, i)
  while (i > 0 && isWordChar(charAt(text, prevIndex(text, i)))) i = prevIndex(text, i)
  return i
}

/** unix-word-rubout (Ctrl-W): back over whitespace, then to the previous whitespace. */
export function spaceWordStart(text: string, i: number): number {
  const space = (j: number) => /\s/.test(text[j])
  while (i > 0 && space(i - 1)) i--
  while (i > 0 && !space(i - 1)) i--
  return i
}

export function wordLeft(b: Buffer): Buffer | undefined {
  return b.cursor === 0 ? undefined : { ...b, cursor: wordStart(b.text, b.cursor) }
}

export function wordRight(b: Buffer): Buffer | undefined {
  return b.cursor >= b.text.length ? undefined : { ...b, cursor: wordEnd(b.text, b.cursor) }
}

/** transpose-chars (Ctrl-T): at the end of the line the two characters before the cursor swap. */
export function transpose(b: Buffer): Buffer | undefined {
  const { text } = b
  if (text.length < 2 || b.cursor === 0) return undefined
  const mid = b.cursor >= text.length ? prevIndex(text, text.length) : b.cursor
  const start = prevIndex(text, mid)
  const stop = nextIndex(text, mid)
  const swapped = text.slice(mid, stop) + text.slice(start, mid)
  return { text: text.slice(0, start) + swapped + text.slice(stop), cursor: stop }
}

/** The last word of a command line (yank-last-arg, M-.): shell words, quotes kept as typed. */
export function lastArg(line: string): string {
  const words = line.trim().match(/(?:[^\s'"\\]|\\.|'[^']*'|"(?:[^"\\]|\\.)*")+/gs)
  return words ? words[words.length - 1] : ''
}
