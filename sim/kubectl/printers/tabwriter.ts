// Go's text/tabwriter as kubectl uses it, with liggitt/tabwriter's RememberWidths (a column never gets
// narrower across flushes; `get -w` relies on it). Text is collected into cells ended by '\t'; a line
// without any tab ends the current column block and is flushed at once, which is why `describe`
// aligns each block on its own. The text after a line's last tab is never padded.
//
// Only what kubectl uses is emulated: left alignment, space padding, no escapes/HTML filtering.

interface Cell {
  /** The cell's text (without its terminating tab). */
  text: string
  /** Width in runes (Go counts utf8 runes, not bytes or UTF-16 units). */
  width: number
  htab: boolean
}

export interface TabWriterOptions {
  minWidth: number
  tabWidth: number
  padding: number
  /** liggitt/tabwriter RememberWidths: column widths only grow across flushes. */
  rememberWidths?: boolean
}

function runeCount(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

export class TabWriter {
  private lines: Cell[][] = [[]]
  private cellText = ''
  private widths: number[] = []
  private maxWidths: number[] = []

  constructor(
    private readonly out: (text: string) => void,
    private readonly opts: TabWriterOptions,
  ) {}

  /** kubectl's `get` tables: minwidth 6, tabwidth 4, padding 3, RememberWidths (cli-runtime tabwriter.go). */
  static forTables(out: (text: string) => void): TabWriter {
    return new TabWriter(out, { minWidth: 6, tabWidth: 4, padding: 3, rememberWidths: true })
  }

  /** kubectl's describe writer: minwidth 0, tabwidth 8, padding 2, no flags (describe.go tabbedString). */
  static forDescribe(out: (text: string) => void): TabWriter {
    return new TabWriter(out, { minWidth: 0, tabWidth: 8, padding: 2 })
  }

  write(text: string): void {
    let start = 0
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue
      this.cellText += text.slice(start, i)
      start = i + 1
      const ncells = this.terminateCell(ch === '\t')
      if (ch === '\n' || ch === '\f') {
        this.lines.push([])
        // A line of a single cell (no tab) ends every column block: flush now.
        if (ch === '\f' || ncells === 1) this.flush()
      }
    }
    this.cellText += text.slice(start)
  }

  flush(): void {
    if (this.cellText.length > 0) this.terminateCell(false)
    this.format(0, this.lines.length)
    this.lines = [[]]
    this.cellText = ''
    this.widths = []
  }

  rememberedWidths(): number[] {
    return [...this.maxWidths]
  }

  setRememberedWidths(widths: readonly number[] | null): void {
    this.maxWidths = widths ? [...widths] : []
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]
    line.push({ text: this.cellText, width: runeCount(this.cellText), htab })
    this.cellText = ''
    return line.length
  }

  /** Go's Writer.format: recursive column blocks over lines [line0, line1). */
  private format(line0: number, line1: number): void {
    const column = this.widths.length
    for (let current = line0; current < line1; current++) {
      if (column >= this.lines[current].length - 1) continue
      // Cell exists in this column: print the lines before the block, then size the block.
      this.writeLines(line0, current)
      line0 = current
      let width = this.opts.minWidth
      for (; current < line1; current++) {
        const line = this.lines[current]
        if (column >= line.length - 1) break
        const w = line[column].width + this.opts.padding
        if (w > width) width = w
      }
      if (this.opts.rememberWidths) {
        const i = this.widths.length
        if (this.maxWidths.length < i) this.maxWidths.push(...this.widths.slice(this.maxWidths.length))
        if (this.maxWidths.length === i) this.maxWidths.push(width)
        else if (this.maxWidths[i] > width) width = this.maxWidths[i]
        else if (this.maxWidths[i] < width) this.maxWidths[i] = width
      }
      this.widths.push(width)
      this.format(line0, current)
      this.widths.pop()
      line0 = current
    }
    this.writeLines(line0, line1)
  }

  private writeLines(line0: number, line1: number): void {
    let out = ''
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]
      for (let j = 0; j < line.length; j++) {
        const c = line[j]
        out += c.text
        if (j < this.widths.length) out += ' '.repeat(Math.max(0, this.widths[j] - c.width))
      }
      // The last line is the one being collected; it has no newline yet.
      if (i + 1 < this.lines.length) out += '\n'
    }
    if (out) this.out(out)
  }
}
