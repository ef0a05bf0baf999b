// A small model of an xterm screen for tests (imported by tests only): enough VT100 to show what
// the terminal code draws. Lines wrap at the margin with xterm's pending-wrap rule, wide characters
// take two cells (and wrap whole), CR/LF/BS/TAB, cursor moves (CUU/CUD/CUF/CUB/CUP), erase in line
// and display, SGR ignored except reverse video, which is recorded. Tests assert on `lines()`, what
// a person would see, rather than on the escape sequences written.

import { charWidth } from '../width'

/** A cell nothing was written to (trailing ones are not part of the text). */
const BLANK = '\0'

interface Cell {
  ch: string
  /** 0 for the second half of a wide character. */
  width: number
  inverse: boolean
}

export class VirtualScreen {
  private rows: Cell[][] = [[]]
  x = 0
  y = 0
  private pendingWrap = false
  private inverse = false
  bells = 0

  constructor(readonly columns = 80) {}

  write(data: string): void {
    let i = 0
    while (i < data.length) {
      const c = data[i]
      if (c === '\x1b') {
        i = this.escape(data, i)
        continue
      }
      const cp = data.codePointAt(i)!
      const ch = String.fromCodePoint(cp)
      i += ch.length
      if (c === '\r') {
        this.x = 0
        this.pendingWrap = false
      } else if (c === '\n') this.lineFeed()
      else if (c === '\b') {
        this.pendingWrap = false
        this.x = Math.max(0, this.x - 1)
      } else if (c === '\t') {
        this.pendingWrap = false
        this.x = Math.min(this.columns - 1, (Math.floor(this.x / 8) + 1) * 8)
      } else if (c === '\x07') this.bells++
      else if (cp >= 0x20) this.print(ch, charWidth(cp))
    }
  }

  private row(y: number): Cell[] {
    while (this.rows.length <= y) this.rows.push([])
    return this.rows[y]
  }

  private lineFeed(): void {
    this.pendingWrap = false
    this.y++
    this.row(this.y)
  }

  private print(ch: string, width: number): void {
    if (width === 0) return
    if (this.pendingWrap || this.x + width > this.columns) {
      this.x = 0
      this.lineFeed()
    }
    const row = this.row(this.y)
    while (row.length < this.x) row.push({ ch: BLANK, width: 1, inverse: false })
    row[this.x] = { ch, width, inverse: this.inverse }
    if (width === 2) row[this.x + 1] = { ch: '', width: 0, inverse: this.inverse }
    this.x += width
    if (this.x >= this.columns) {
      this.x = this.columns - 1
      this.pendingWrap = true
    }
  }

  private escape(data: string, i: number): number {
    if (data[i + 1] !== '[') return i + 2
    let j = i + 2
    while (j < data.length && /[0-?]/.test(data[j])) j++
    const params = data.slice(i + 2, j).split(';').map((p) => (p === '' ? undefined : Number(p)))
    const n = params[0] ?? 1
    const final = data[j]
    this.pendingWrap = final === 'm' ? this.pendingWrap : false
    switch (final) {
      case 'A':
        this.y = Math.max(0, this.y - n)
        break
      case 'B':
        this.y += n
        this.row(this.y)
        break
      case 'C':
        this.x = Math.min(this.columns - 1, this.x + n)
        break
      case 'D':
        this.x = Math.max(0, this.x - n)
        break
      case 'H':
        this.y = (params[0] ?? 1) - 1
        this.x = (params[1] ?? 1) - 1
        break
      case 'J':
        if ((params[0] ?? 0) === 0) {
          this.row(this.y).length = Math.min(this.row(this.y).length, this.x)
          this.rows.length = this.y + 1
        } else if (params[0] === 2) this.rows = this.rows.map(() => [])
        else if (params[0] === 3) this.rows = this.rows.slice(0, this.y + 1).map(() => [])
        break
      case 'K':
        this.row(this.y).length = Math.min(this.row(this.y).length, this.x)
        break
      case 'm':
        for (const p of params) {
          if (p === 7) this.inverse = true
          if (p === 27 || p === 0 || p === undefined) this.inverse = false
        }
        break
    }
    return j + 1
  }

  /** The screen's text, one string per row, up to the last cell written; trailing empty rows dropped. */
  lines(): string[] {
    const out = this.rows.map((r) => r.map((c) => c.ch).join('').replace(/\0+$/, '').replace(/\0/g, ' '))
    while (out.length > 1 && out[out.length - 1] === '' && out.length - 1 > this.y) out.pop()
    return out
  }

  text(): string {
    return this.lines().join('\n')
  }

  /** The last row that has text, and the cursor's place in the text. */
  cursor(): { x: number; y: number } {
    return { x: this.pendingWrap ? this.columns : this.x, y: this.y }
  }
}
