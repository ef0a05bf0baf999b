// Whether a typed line is only the start of a command: an open quote, a trailing backslash, an
// unfinished compound command, or a heredoc whose body has not come yet. The terminal then shows
// bash's `> ` and waits for the next line. Only the parser is needed, so the page's first terminal can
// ask this before the rest of the shell (and the simulator) has loaded.

import { Parser } from './parser'

export function needsMoreInput(text: string): boolean {
  let pos = 0
  while (pos < text.length) {
    const r = Parser.line(text, pos)
    if (r.kind === 'incomplete') return true
    if (r.kind === 'ok' && r.heredocEof.length) return true
    if (r.kind !== 'ok') return false
    pos = r.end
  }
  return false
}
