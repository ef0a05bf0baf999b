// How many terminal columns text takes. It must agree with xterm.js's own table (Unicode 6,
// @xterm/xterm src/common/input/UnicodeV6.ts, the default provider): if the line editor thought a
// Chinese character took one column while xterm drew it in two, the cursor would drift after it.

/** Zero-width ranges (combining marks, joiners, variation selectors): the common subset of xterm's table. */
const ZERO: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f], [0x0483, 0x0489], [0x0591, 0x05bd], [0x0610, 0x0615], [0x064b, 0x065e],
  [0x0e31, 0x0e31], [0x0e34, 0x0e3a], [0x0e47, 0x0e4e], [0x1160, 0x11ff], [0x200b, 0x200f],
  [0x202a, 0x202e], [0x2060, 0x2063], [0x20d0, 0x20ef], [0x302a, 0x302f], [0x3099, 0x309a],
  [0xfe00, 0xfe0f], [0xfe20, 0xfe23], [0xfeff, 0xfeff],
]

/** Wide (two-column) ranges, exactly xterm's Unicode 6 table. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2329, 0x232a], [0x2e80, 0x303e], [0x3040, 0xa4cf], [0xac00, 0xd7a3],
  [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6],
  [0x20000, 0x2fffd], [0x30000, 0x3fffd],
]

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  for (const [lo, hi] of ranges) {
    if (cp < lo) return false
    if (cp <= hi) return true
  }
  return false
}

/** Columns one code point takes: 0 for controls and combining marks, 2 for CJK and fullwidth forms. */
export function charWidth(cp: number): 0 | 1 | 2 {
  if (cp < 32 || (cp >= 0x7f && cp < 0xa0)) return 0
  if (cp < 0x300) return 1
  if (inRanges(cp, ZERO)) return 0
  return inRanges(cp, WIDE) ? 2 : 1
}

/** Removes escape sequences (colours in a prompt, OSC titles): they take no columns. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g, '')
}

/** Columns a string takes on one line (no newlines, no escapes). */
export function textWidth(text: string): number {
  let w = 0
  for (const ch of text) w += charWidth(ch.codePointAt(0)!)
  return w
}
