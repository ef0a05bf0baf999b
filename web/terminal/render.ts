// Draws the line being edited (prompt + text + cursor) into a terminal, and redraws it after each
// key with as little output as possible: from the first cell that changed, as readline's
// update_line does. Everything is computed from a model of how an xterm lays text out: lines wrap
// at the right margin (a wide character that does not fit moves whole to the next row), a line that
// ends exactly at the margin leaves the cursor waiting there (we then move to the next row
// ourselves), and `\n` in the text (a pasted heredoc, a recalled multi-line command) starts a row.
// Pure: it returns the escape sequences to write.

import type { View } from './line-editor'
import { charWidth, stripAnsi } from './width'

/** One drawn piece: a character (with the escapes before it), a newline, or a tab. */
interface Unit {
  readonly src: string
  readonly width: number
  readonly kind: 'char' | 'newline' | 'tab'
}

export interface Pos {
  row: number
  col: number
}

/** The units of a view, and which unit the cursor sits before. */
function unitsOf(view: View): { units: Unit[]; cursorUnit: number } {
  const units: Unit[] = []
  // eslint-disable-next-line no-control-regex
  const promptParts = view.prompt.match(/(?:\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07)*(?:[\s\S]|$)/gu) ?? []
  for (const part of promptParts) {
    if (part === '') continue
    const visible = stripAnsi(part)
    if (visible === '\n') units.push({ src: '\n', width: 0, kind: 'newline' })
    else units.push({ src: part, width: visible ? charWidth(visible.codePointAt(0)!) : 0, kind: 'char' })
  }
  let cursorUnit = -1
  let i = 0
  for (const ch of view.text) {
    if (i === view.cursor) cursorUnit = units.length
    i += ch.length
    const cp = ch.codePointAt(0)!
    if (ch === '\n') units.push({ src: '\n', width: 0, kind: 'newline' })
    else if (ch === '\t') units.push({ src: '\t', width: 0, kind: 'tab' })
    // Other control characters show as ^X, as readline displays them.
    else if (cp < 0x20 || cp === 0x7f) units.push({ src: '^' + String.fromCharCode(cp === 0x7f ? 63 : cp + 64), width: 2, kind: 'char' })
    else units.push({ src: ch, width: charWidth(cp), kind: 'char' })
  }
  if (cursorUnit < 0) cursorUnit = units.length
  return { units, cursorUnit }
}

interface Layout {
  /** before[k]: where the cursor is after drawing units 0..k-1 (col may equal `columns`: waiting to wrap). */
  before: Pos[]
  /** The text each unit writes (a tab becomes spaces up to the next tab stop). */
  out: string[]
}

function layout(units: readonly Unit[], startCol: number, columns: number): Layout {
  const before: Pos[] = []
  const out: string[] = []
  let row = 0
  let col = startCol
  for (const u of units) {
    before.push({ row, col })
    if (u.kind === 'newline') {
      out.push('\r\n')
      row++
      col = 0
      continue
    }
    if (col >= columns || (u.width > 0 && col + u.width > columns)) {
      row++
      col = 0
    }
    if (u.kind === 'tab') {
      const n = Math.min(8 - (col % 8), columns - col)
      out.push(' '.repeat(n))
      col += n
    } else {
      out.push(u.src)
      col += u.width
    }
  }
  before.push({ row, col })
  return { before, out }
}

/** Where a cursor placed at `p` really is: a position waiting to wrap is the start of the next row. */
function settle(p: Pos, columns: number): Pos {
  return p.col >= columns ? { row: p.row + 1, col: 0 } : p
}

function moveRows(from: number, to: number): string {
  if (to < from) return `\x1b[${from - to}A`
  if (to > from) return `\x1b[${to - from}B`
  return ''
}

function moveTo(fromRow: number, to: Pos): string {
  return moveRows(fromRow, to.row) + '\r' + (to.col > 0 ? `\x1b[${to.col}C` : '')
}

/** Keeps what was drawn, to redraw only from the first change. */
export class LineRenderer {
  private units: Unit[] = []
  private startCol = 0
  /** The cursor, its row counted from the row the prompt starts on. */
  private cursor: Pos = { row: 0, col: 0 }
  private drawn = false

  constructor(private columns: number) {}

  /** Starts a new line at column `col` of the cursor's row (nothing drawn yet). */
  begin(col: number): void {
    this.units = []
    this.startCol = Math.min(col, Math.max(0, this.columns - 1))
    this.cursor = { row: 0, col: this.startCol }
    this.drawn = true
  }

  get active(): boolean {
    return this.drawn
  }

  /**
   * The escapes that make the screen show `view`. `visibleAbove` is how many rows above the cursor
   * the screen still shows: a redraw never tries to move above the top of the screen.
   */
  render(view: View, visibleAbove = Infinity): string {
    const { units, cursorUnit } = unitsOf(view)
    const cols = this.columns
    const next = layout(units, this.startCol, cols)
    // The first unit that differs from what is drawn.
    let k = 0
    while (k < units.length && k < this.units.length && units[k].src === this.units[k].src) k++
    let s = ''
    if (k < units.length || k < this.units.length) {
      // Start where unit k begins, unless that spot is the margin (back up one unit) or off screen.
      const topRow = this.cursor.row - visibleAbove
      while (k < units.length && next.before[k].row < topRow) k++
      while (k > 0 && next.before[k].col >= cols) k--
      s += moveTo(this.cursor.row, next.before[k]) + '\x1b[J' + next.out.slice(k).join('')
      const end = next.before[units.length]
      // Ending exactly at the margin leaves xterm waiting to wrap: go to the next row ourselves.
      if (end.col >= cols) s += '\r\n'
      this.cursor = settle(end, cols)
    }
    const want = settle(next.before[cursorUnit], cols)
    if (want.row !== this.cursor.row || want.col !== this.cursor.col) s += moveTo(this.cursor.row, want)
    this.cursor = want
    this.units = units
    return s
  }

  /** Moves below the drawn line (after `suffix`, such as `^C`) and forgets it: output follows. */
  finish(suffix = ''): string {
    if (!this.drawn) return suffix
    const end = layout(this.units, this.startCol, this.columns).before[this.units.length]
    const atMargin = end.col >= this.columns
    const settled = settle(end, this.columns)
    let s = settled.row !== this.cursor.row || settled.col !== this.cursor.col ? moveTo(this.cursor.row, settled) : ''
    // A line that filled the last row exactly is already followed by a fresh row.
    s += atMargin && !suffix ? '' : suffix + '\r\n'
    this.drawn = false
    this.units = []
    return s
  }

  /** Erases the drawn line (output from elsewhere is about to be written where it was). */
  erase(): string {
    if (!this.drawn) return ''
    const s = moveTo(this.cursor.row, { row: 0, col: this.startCol }) + '\x1b[J'
    this.drawn = false
    this.units = []
    return s
  }

  /**
   * The terminal is now `columns` wide and has re-wrapped what it shows (xterm reflows wrapped
   * lines): work out where the cursor went and draw everything again.
   */
  resize(columns: number, view: View | undefined): string {
    if (columns === this.columns) return ''
    this.columns = columns
    if (!this.drawn || !view) return ''
    const { units, cursorUnit } = unitsOf(view)
    this.cursor = settle(layout(units, this.startCol, columns).before[cursorUnit], columns)
    this.units = []
    return this.render(view)
  }
}
