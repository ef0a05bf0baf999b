// The scalar and tag scanners of go-yaml v2 (scannerc.go yaml_parser_scan_block_scalar,
// _flow_scalar, _plain_scalar, _tag), re-implemented with the same line folding, chomping and
// error texts.

import { isAlpha, isBlank, isBlankZ, isBreak, isBreakZ, isDigit, isHex } from './reader'
import type { Scanner, Token } from './scanner'

function atDocumentIndicator(s: Scanner): boolean {
  const r = s.r
  if (r.mark.column !== 0) return false
  const a = r.at()
  return (a === 0x2d || a === 0x2e) && r.at(1) === a && r.at(2) === a && isBlankZ(r.at(3))
}

export function scanBlockScalar(s: Scanner, literal: boolean): Token {
  const r = s.r
  const start = r.copyMark()
  r.skip()
  let chomping = 0
  let increment = 0
  const readChomp = () => {
    if (r.at() === 0x2b || r.at() === 0x2d) {
      chomping = r.at() === 0x2b ? 1 : -1
      r.skip()
      return true
    }
    return false
  }
  const readIncrement = () => {
    if (!isDigit(r.at())) return false
    if (r.at() === 0x30) throw s.error('found an indentation indicator equal to 0', start)
    increment = r.at() - 0x30
    r.skip()
    return true
  }
  if (readChomp()) readIncrement()
  else if (readIncrement()) readChomp()
  while (isBlank(r.at())) r.skip()
  if (r.at() === 0x23) while (!isBreakZ(r.at())) r.skip()
  if (!isBreakZ(r.at())) throw s.error('did not find expected comment or line break', start)
  if (isBreak(r.at())) r.skipLine()
  let end = r.copyMark()
  let indent = increment > 0 ? (s.indent >= 0 ? s.indent + increment : increment) : 0
  let text = ''
  let leadingBreak = ''
  let trailingBreaks = ''
  const scanBreaks = () => {
    end = r.copyMark()
    let maxIndent = 0
    for (;;) {
      while ((indent === 0 || r.mark.column < indent) && r.at() === 0x20) r.skip()
      if (r.mark.column > maxIndent) maxIndent = r.mark.column
      if ((indent === 0 || r.mark.column < indent) && r.at() === 0x09) throw s.error('found a tab character where an indentation space is expected', start)
      if (!isBreak(r.at())) break
      trailingBreaks = r.readLine(trailingBreaks)
      end = r.copyMark()
    }
    if (indent === 0) indent = Math.max(maxIndent, s.indent + 1, 1)
  }
  scanBreaks()
  let leadingBlank = false
  while (r.mark.column === indent && r.at() !== 0) {
    const trailingBlank = isBlank(r.at())
    if (!literal && !leadingBlank && !trailingBlank && leadingBreak.startsWith('\n')) {
      if (trailingBreaks.length === 0) text += ' '
    } else {
      text += leadingBreak
    }
    leadingBreak = ''
    text += trailingBreaks
    trailingBreaks = ''
    leadingBlank = isBlank(r.at())
    while (!isBreakZ(r.at())) text = r.read(text)
    leadingBreak = r.readLine(leadingBreak)
    scanBreaks()
  }
  if (chomping !== -1) text += leadingBreak
  if (chomping === 1) text += trailingBreaks
  return { type: 'SCALAR', start, end, value: text, style: literal ? 'literal' : 'folded' }
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  "'": "'",
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
}

export function scanFlowScalar(s: Scanner, single: boolean): Token {
  const r = s.r
  const start = r.copyMark()
  r.skip()
  let text = ''
  let leadingBreak = ''
  let trailingBreaks = ''
  let whitespaces = ''
  for (;;) {
    if (atDocumentIndicator(s)) throw s.error('found unexpected document indicator', start)
    if (r.at() === 0) throw s.error('found unexpected end of stream', start)
    let leadingBlanks = false
    while (!isBlankZ(r.at())) {
      const c = r.at()
      if (single && c === 0x27 && r.at(1) === 0x27) {
        text += "'"
        r.skip()
        r.skip()
      } else if (single && c === 0x27) break
      else if (!single && c === 0x22) break
      else if (!single && c === 0x5c && isBreak(r.at(1))) {
        r.skip()
        r.skipLine()
        leadingBlanks = true
        break
      } else if (!single && c === 0x5c) {
        const e = String.fromCodePoint(r.at(1) || 0x20)
        const codeLength = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0
        if (!codeLength && !(e in ESCAPES)) throw s.error('found unknown escape character', start)
        if (!codeLength) text += ESCAPES[e]
        r.skip()
        r.skip()
        if (codeLength) {
          let value = 0
          for (let k = 0; k < codeLength; k++) {
            if (!isHex(r.at(k))) throw s.error('did not find expected hexdecimal number', start)
            value = value * 16 + parseInt(String.fromCodePoint(r.at(k)), 16)
          }
          if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) throw s.error('found invalid Unicode character escape code', start)
          text += String.fromCodePoint(value)
          for (let k = 0; k < codeLength; k++) r.skip()
        }
      } else {
        text = r.read(text)
      }
    }
    if (r.at() === (single ? 0x27 : 0x22)) break
    while (isBlank(r.at()) || isBreak(r.at())) {
      if (isBlank(r.at())) {
        if (!leadingBlanks) whitespaces = r.read(whitespaces)
        else r.skip()
      } else if (!leadingBlanks) {
        whitespaces = ''
        leadingBreak = r.readLine(leadingBreak)
        leadingBlanks = true
      } else {
        trailingBreaks = r.readLine(trailingBreaks)
      }
    }
    if (leadingBlanks) {
      if (leadingBreak.startsWith('\n')) text += trailingBreaks.length === 0 ? ' ' : trailingBreaks
      else text += leadingBreak + trailingBreaks
      leadingBreak = ''
      trailingBreaks = ''
    } else {
      text += whitespaces
      whitespaces = ''
    }
  }
  r.skip()
  return { type: 'SCALAR', start, end: r.copyMark(), value: text, style: single ? 'single' : 'double' }
}

export function scanPlainScalar(s: Scanner): Token {
  const r = s.r
  let text = ''
  let leadingBreak = ''
  let trailingBreaks = ''
  let whitespaces = ''
  let leadingBlanks = false
  const indent = s.indent + 1
  const start = r.copyMark()
  let end = r.copyMark()
  for (;;) {
    if (atDocumentIndicator(s)) break
    if (r.at() === 0x23) break
    while (!isBlankZ(r.at())) {
      const c = String.fromCodePoint(r.at())
      if ((c === ':' && isBlankZ(r.at(1))) || (s.flowLevel > 0 && ',?[]{}'.includes(c))) break
      if (leadingBlanks || whitespaces.length > 0) {
        if (leadingBlanks) {
          if (leadingBreak.startsWith('\n')) text += trailingBreaks.length === 0 ? ' ' : trailingBreaks
          else text += leadingBreak + trailingBreaks
          trailingBreaks = ''
          leadingBreak = ''
          leadingBlanks = false
        } else {
          text += whitespaces
          whitespaces = ''
        }
      }
      text = r.read(text)
      end = r.copyMark()
    }
    if (!(isBlank(r.at()) || isBreak(r.at()))) break
    while (isBlank(r.at()) || isBreak(r.at())) {
      if (isBlank(r.at())) {
        if (leadingBlanks && r.mark.column < indent && r.at() === 0x09) throw s.error('found a tab character that violates indentation', start)
        if (!leadingBlanks) whitespaces = r.read(whitespaces)
        else r.skip()
      } else if (!leadingBlanks) {
        whitespaces = ''
        leadingBreak = r.readLine(leadingBreak)
        leadingBlanks = true
      } else {
        trailingBreaks = r.readLine(trailingBreaks)
      }
    }
    if (s.flowLevel === 0 && r.mark.column < indent) break
  }
  if (leadingBlanks) s.simpleKeyAllowed = true
  return { type: 'SCALAR', start, end, value: text, style: 'plain' }
}

/** `!`, `!!str`, `!local`, `!<verbatim>`: value is the handle, suffix the rest. */
export function scanTag(s: Scanner): Token {
  const r = s.r
  const start = r.copyMark()
  let handle = ''
  let suffix = ''
  if (r.at(1) === 0x3c) {
    r.skip()
    r.skip()
    while (!isBlankZ(r.at()) && r.at() !== 0x3e) suffix = r.read(suffix)
    if (r.at() !== 0x3e) throw s.error("did not find the expected '>'", start)
    r.skip()
  } else {
    handle = r.read('')
    while (isAlpha(r.at())) handle = r.read(handle)
    if (r.at() === 0x21) handle = r.read(handle)
    const isHandle = handle.length > 1 && handle.endsWith('!')
    // Not a handle after all (`!local`): its letters start the suffix and the handle is `!`.
    if (!isHandle) suffix = handle.slice(1)
    while (!isBlankZ(r.at()) && !(s.flowLevel > 0 && r.at() === 0x2c)) suffix = r.read(suffix)
    if (!isHandle) {
      handle = '!'
      // The non-specific tag `!`: no handle, suffix `!`.
      if (suffix === '') [handle, suffix] = ['', '!']
    }
  }
  if (!isBlankZ(r.at()) && !(s.flowLevel > 0 && r.at() === 0x2c)) throw s.error('did not find expected whitespace or line break', start)
  return { type: 'TAG', start, end: r.copyMark(), value: handle, suffix }
}
