// How go-yaml v2's emitter looks at one scalar (emitterc.go yaml_emitter_analyze_scalar and
// select_scalar_style, encode.go stringv): which styles the text allows, and the style it gets.
// Double-quoted escapes follow yaml_emitter_write_double_quoted_scalar.

import { resolvesToNonString } from './go-yaml-resolve'

export type Style = 'plain' | 'single' | 'double' | 'literal'

export interface Analysis {
  multiline: boolean
  flowPlainAllowed: boolean
  blockPlainAllowed: boolean
  singleQuotedAllowed: boolean
  blockAllowed: boolean
}

export const isBreak = (c: number) => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029
export const isSpace = (c: number | undefined) => c === 0x20
const isBlank = (c: number | undefined) => c === 0x20 || c === 0x09
const isBlankz = (c: number | undefined) => c === undefined || c === 0 || isBlank(c) || isBreak(c)

/** libyaml's is_printable, on code points. */
export function isPrintable(c: number): boolean {
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  )
}

export function codePoints(s: string): number[] {
  const out: number[] = []
  for (const ch of s) out.push(ch.codePointAt(0)!)
  return out
}

export function analyze(value: number[]): Analysis {
  if (value.length === 0) {
    return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false }
  }
  let blockIndicators = false
  let flowIndicators = false
  let lineBreaks = false
  let special = false
  let leadingSpace = false
  let leadingBreak = false
  let trailingSpace = false
  let trailingBreak = false
  let breakSpace = false
  let spaceBreak = false
  let previousSpace = false
  let previousBreak = false
  const starts = String.fromCodePoint(...value.slice(0, 3))
  if (starts === '---' || starts === '...') {
    blockIndicators = true
    flowIndicators = true
  }
  let precededByWhitespace = true
  for (let i = 0; i < value.length; i++) {
    const c = value[i]
    const ch = String.fromCodePoint(c)
    const followedByWhitespace = i + 1 >= value.length || isBlank(value[i + 1]) || isBreak(value[i + 1])
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        flowIndicators = true
        blockIndicators = true
      } else if (ch === '?' || ch === ':') {
        flowIndicators = true
        if (followedByWhitespace) blockIndicators = true
      } else if (ch === '-' && followedByWhitespace) {
        flowIndicators = true
        blockIndicators = true
      }
    } else if (',?[]{}'.includes(ch)) {
      flowIndicators = true
    } else if (ch === ':') {
      flowIndicators = true
      if (followedByWhitespace) blockIndicators = true
    } else if (ch === '#' && precededByWhitespace) {
      flowIndicators = true
      blockIndicators = true
    }
    if (!isPrintable(c)) special = true
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true
      if (i === value.length - 1) trailingSpace = true
      if (previousBreak) breakSpace = true
      previousSpace = true
      previousBreak = false
    } else if (isBreak(c)) {
      lineBreaks = true
      if (i === 0) leadingBreak = true
      if (i === value.length - 1) trailingBreak = true
      if (previousSpace) spaceBreak = true
      previousSpace = false
      previousBreak = true
    } else {
      previousSpace = false
      previousBreak = false
    }
    precededByWhitespace = isBlankz(c)
  }
  const a: Analysis = { multiline: lineBreaks, flowPlainAllowed: true, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true }
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.flowPlainAllowed = a.blockPlainAllowed = false
  if (trailingSpace) a.blockAllowed = false
  if (breakSpace) a.flowPlainAllowed = a.blockPlainAllowed = a.singleQuotedAllowed = false
  if (spaceBreak || special) a.flowPlainAllowed = a.blockPlainAllowed = a.singleQuotedAllowed = a.blockAllowed = false
  if (lineBreaks) a.flowPlainAllowed = a.blockPlainAllowed = false
  if (flowIndicators) a.flowPlainAllowed = false
  if (blockIndicators) a.blockPlainAllowed = false
  return a
}

// go-yaml's base60float: quoted on output so YAML 1.1 readers don't take "1:30" for a number.
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/

/** encode.go stringv + select_scalar_style: the style a string value gets. */
export function selectStyle(s: string, a: Analysis, simpleKey: boolean): Style {
  const canUsePlain = !resolvesToNonString(s) && !BASE60_FLOAT.test(s)
  let style: Style = s.includes('\n') ? 'literal' : canUsePlain ? 'plain' : 'double'
  if (simpleKey && a.multiline) style = 'double'
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single'
    if (s.length === 0 && simpleKey) style = 'single'
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double'
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double'
  return style
}

/** The escape after `\\` for a character a double-quoted scalar cannot hold as is. */
export function doubleEscape(c: number): string {
  switch (c) {
    case 0x00:
      return '0'
    case 0x07:
      return 'a'
    case 0x08:
      return 'b'
    case 0x09:
      return 't'
    case 0x0a:
      return 'n'
    case 0x0b:
      return 'v'
    case 0x0c:
      return 'f'
    case 0x0d:
      return 'r'
    case 0x1b:
      return 'e'
    case 0x22:
      return '"'
    case 0x5c:
      return '\\'
    case 0x85:
      return 'N'
    case 0xa0:
      return '_'
    case 0x2028:
      return 'L'
    case 0x2029:
      return 'P'
  }
  const hex = c.toString(16).toUpperCase()
  if (c <= 0xff) return 'x' + hex.padStart(2, '0')
  if (c <= 0xffff) return 'u' + hex.padStart(4, '0')
  return 'U' + hex.padStart(8, '0')
}
