// Command output on its way to the terminal: line ends become CR LF (a tty's onlcr; xterm.js takes
// a bare LF as "down one row" only), and the column the cursor ends in is followed, so that the
// next prompt can start where bash's would: right after output that did not end with a newline.

import { charWidth } from './width'

/** `\n` → `\r\n`, as the tty driver's onlcr does for programs' output. */
export function toTerminal(text: string): string {
  return text.replace(/\r?\n/g, '\r\n')
}

/**
 * The cursor's column after writing `text` from column `col` on a screen `columns` wide (a column
 * equal to `columns` means the cursor waits at the margin). Escape sequences that move the cursor
 * to a column are followed; others take no room.
 */
export function columnAfter(col: number, text: string, columns: number): number {
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c === '\x1b') {
      if (text[i + 1] === '[') {
        let j = i + 2
        while (j < text.length && /[0-?]/.test(text[j])) j++
        const params = text.slice(i + 2, j).split(';')
        const n = Number(params[0]) || 1
        const final = text[j]
        if (final === 'H' || final === 'f') col = (Number(params[1]) || 1) - 1
        else if (final === 'G') col = n - 1
        else if (final === 'C') col = Math.min(columns - 1, col + n)
        else if (final === 'D') col = Math.max(0, Math.min(col, columns - 1) - n)
        i = j + 1
      } else if (text[i + 1] === ']') {
        // OSC (a window title): up to BEL or ST.
        const bel = text.indexOf('\x07', i)
        const st = text.indexOf('\x1b\\', i)
        const ends = [bel, st >= 0 ? st + 1 : -1].filter((x) => x >= 0)
        i = ends.length ? Math.min(...ends) + 1 : text.length
      } else i += 2
      continue
    }
    const cp = text.codePointAt(i)!
    i += cp > 0xffff ? 2 : 1
    if (c === '\r') col = 0
    else if (c === '\n') col = Math.min(col, columns - 1)
    else if (c === '\b') col = Math.max(0, Math.min(col, columns - 1) - 1)
    else if (c === '\t') col = Math.min(columns - 1, (Math.floor(col / 8) + 1) * 8)
    else {
      const w = charWidth(cp)
      if (w === 0) continue
      col = col >= columns || col + w > columns ? w : col + w
    }
  }
  return col
}
