// describe's output writer (kubectl pkg/describe/describe.go: tabbedString, prefixWriter): a
// text/tabwriter (minwidth 0, tabwidth 8, padding 2, space padding, no flags) fed through a writer that
// indents by LEVEL (two spaces a level) and escapes terminal control characters
// (cli-runtime printers.WriteEscaped). A line without a tab ends the tabwriter's column block, so every
// run of tabbed lines is aligned on its own: that is the whole describe layout.

import { TabWriter } from '../printers/tabwriter'

export const LEVEL_0 = 0
export const LEVEL_1 = 1
export const LEVEL_2 = 2
export const LEVEL_3 = 3
export const LEVEL_4 = 4

/** printers.WriteEscaped: ESC and CR would let object contents drive the terminal. */
function escapeTerminal(text: string): string {
  return text.split('\x1b').join('^[').split('\r').join('\\r')
}

export interface DescribeWriter {
  /** prefixWriter.Write: `level` indents, then the (already formatted) text. */
  write(level: number, text: string): void
  /** WriteLine: the text and a newline, no indent. */
  line(text?: string): void
  /** Flush: aligns what was written so far on its own (describe does it before the Events table). */
  flush(): void
}

class PrefixWriter implements DescribeWriter {
  constructor(private readonly tw: TabWriter) {}

  write(level: number, text: string): void {
    this.tw.write(escapeTerminal('  '.repeat(level) + text))
  }

  line(text = ''): void {
    this.tw.write(escapeTerminal(text + '\n'))
  }

  flush(): void {
    this.tw.flush()
  }
}

/** NewNestedPrefixWriter: every level shifted by `indent`. */
export function nestedWriter(w: DescribeWriter, indent: number): DescribeWriter {
  return {
    write: (level, text) => w.write(level + indent, text),
    line: (text = '') => w.write(indent, text + '\n'),
    flush: () => w.flush(),
  }
}

/** tabbedString: runs `fn` against a describe writer and returns the aligned text. */
export function tabbed(fn: (w: DescribeWriter) => void): string {
  let out = ''
  const tw = TabWriter.forDescribe((t) => (out += t))
  fn(new PrefixWriter(tw))
  tw.flush()
  return out
}

/**
 * A writer that writes straight to a string, with no tabwriter: `rollout history --revision` prints
 * DescribePodTemplate this way, so the raw tabs reach the terminal.
 */
export function rawWriter(): DescribeWriter & { text(): string } {
  let out = ''
  return {
    write: (level, text) => (out += escapeTerminal('  '.repeat(level) + text)),
    line: (text = '') => (out += escapeTerminal(text + '\n')),
    flush: () => {},
    text: () => out,
  }
}
