// The lexer of Go's text/template (text/template/parse/lex.go): text, `{{`/`}}` with trim markers
// (`{{- ` and ` -}}` eat the white space beside them), comments, and inside actions: fields, variables,
// identifiers, keywords, numbers, strings, raw strings, char constants, `:=`, `=`, `|`, parens.
// A lexing error becomes an error item whose text the parser reports ("unclosed action", ...).
// Longer than the house's ~300 lines: one state function per lex.go state, in lex.go's order.

export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'comment'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'EOF'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  // keywords
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with'

export interface Item {
  type: ItemType
  /** Offset in the input (UTF-16 units; ErrorContext converts to bytes). */
  pos: number
  val: string
  line: number
}

export const KEYWORDS: Partial<Record<string, ItemType>> = {
  '.': 'dot',
  block: 'block',
  break: 'break',
  continue: 'continue',
  define: 'define',
  else: 'else',
  end: 'end',
  if: 'if',
  range: 'range',
  nil: 'nil',
  template: 'template',
  with: 'with',
}

export function isKeyword(t: ItemType): boolean {
  return ['block', 'break', 'continue', 'dot', 'define', 'else', 'end', 'if', 'nil', 'range', 'template', 'with'].includes(t)
}

const EOF = -1
const LEFT = '{{'
const RIGHT = '}}'
const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u

const isSpace = (r: number) => r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a
export const isAlphaNumeric = (r: number) => r === 0x5f || (r >= 0 && LETTER_OR_DIGIT.test(String.fromCodePoint(r)))
const hasLeftTrimMarker = (s: string) => s.length >= 2 && s[0] === '-' && isSpace(s.charCodeAt(1))
const hasRightTrimMarker = (s: string) => s.length >= 2 && isSpace(s.charCodeAt(0)) && s[1] === '-'
const rightTrimLength = (s: string) => s.length - s.replace(/[ \t\r\n]+$/, '').length
const leftTrimLength = (s: string) => s.length - s.replace(/^[ \t\r\n]+/, '').length

/** Go's %#U for lexer messages: `U+0021 '!'`. */
function goUnicode(r: number): string {
  const hex = 'U+' + r.toString(16).toUpperCase().padStart(4, '0')
  const ch = String.fromCodePoint(r)
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch) ? `${hex} '${ch}'` : hex
}

type StateFn = ((l: Lexer) => StateFn) | null

class Lexer {
  pos = 0
  start = 0
  atEOF = false
  parenDepth = 0
  line = 1
  startLine = 1
  readonly items: Item[] = []

  constructor(
    readonly input: string,
    readonly breakOK: boolean,
    readonly continueOK: boolean,
  ) {}

  next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true
      return EOF
    }
    const r = this.input.codePointAt(this.pos)!
    this.pos += r > 0xffff ? 2 : 1
    if (r === 0x0a) this.line++
    return r
  }

  peek(): number {
    const r = this.next()
    this.backup()
    return r
  }

  backup(): void {
    if (!this.atEOF && this.pos > 0) {
      const lo = this.input.charCodeAt(this.pos - 1)
      const w = lo >= 0xdc00 && lo < 0xe000 && this.pos > 1 ? 2 : 1
      this.pos -= w
      if (lo === 0x0a) this.line--
    }
  }

  emit(type: ItemType): void {
    this.items.push({ type, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine })
    this.start = this.pos
    this.startLine = this.line
  }

  ignore(): void {
    this.line += countNewlines(this.input.slice(this.start, this.pos))
    this.start = this.pos
    this.startLine = this.line
  }

  accept(valid: string): boolean {
    const r = this.next()
    if (r !== EOF && valid.includes(String.fromCodePoint(r))) return true
    this.backup()
    return false
  }

  acceptRun(valid: string): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || !valid.includes(String.fromCodePoint(r))) break
    }
    this.backup()
  }

  errorf(message: string): StateFn {
    this.items.push({ type: 'error', pos: this.start, val: message, line: this.startLine })
    return null
  }

  atRightDelim(): { delim: boolean; trimSpaces: boolean } {
    const rest = this.input.slice(this.pos)
    if (hasRightTrimMarker(rest) && rest.slice(2).startsWith(RIGHT)) return { delim: true, trimSpaces: true }
    if (rest.startsWith(RIGHT)) return { delim: true, trimSpaces: false }
    return { delim: false, trimSpaces: false }
  }

  atTerminator(): boolean {
    const r = this.peek()
    if (isSpace(r)) return true
    if (r === EOF || '.,|:)('.includes(String.fromCodePoint(r))) return true
    return this.input.startsWith(RIGHT, this.pos)
  }
}

function countNewlines(s: string): number {
  let n = 0
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++
  return n
}

function lexText(l: Lexer): StateFn {
  const x = l.input.indexOf(LEFT, l.pos)
  if (x >= 0) {
    l.pos = x
    const trim = hasLeftTrimMarker(l.input.slice(x + LEFT.length)) ? rightTrimLength(l.input.slice(l.start, l.pos)) : 0
    l.pos -= trim
    if (l.pos > l.start) {
      l.line += countNewlines(l.input.slice(l.start, l.pos))
      l.emit('text')
    }
    l.pos += trim
    l.ignore()
    return lexLeftDelim
  }
  l.pos = l.input.length
  if (l.pos > l.start) {
    l.line += countNewlines(l.input.slice(l.start, l.pos))
    l.emit('text')
  }
  l.emit('EOF')
  return null
}

function lexLeftDelim(l: Lexer): StateFn {
  l.pos += LEFT.length
  const trimSpace = hasLeftTrimMarker(l.input.slice(l.pos))
  const afterMarker = trimSpace ? 2 : 0
  if (l.input.startsWith('/*', l.pos + afterMarker)) {
    l.pos += afterMarker
    l.ignore()
    return lexComment
  }
  l.emit('leftDelim')
  l.pos += afterMarker
  l.ignore()
  l.parenDepth = 0
  return lexInsideAction
}

function lexComment(l: Lexer): StateFn {
  l.pos += 2
  const i = l.input.indexOf('*/', l.pos)
  if (i < 0) return l.errorf('unclosed comment')
  l.pos = i + 2
  const { delim, trimSpaces } = l.atRightDelim()
  if (!delim) return l.errorf('comment ends before closing delimiter')
  if (trimSpaces) l.pos += 2
  l.pos += RIGHT.length
  if (trimSpaces) l.pos += leftTrimLength(l.input.slice(l.pos))
  l.ignore()
  return lexText
}

function lexRightDelim(l: Lexer): StateFn {
  const trimSpace = hasRightTrimMarker(l.input.slice(l.pos))
  if (trimSpace) {
    l.pos += 2
    l.ignore()
  }
  l.pos += RIGHT.length
  l.emit('rightDelim')
  if (trimSpace) {
    l.pos += leftTrimLength(l.input.slice(l.pos))
    l.ignore()
  }
  return lexText
}

function lexInsideAction(l: Lexer): StateFn {
  if (l.atRightDelim().delim) {
    if (l.parenDepth === 0) return lexRightDelim
    return l.errorf('unclosed left paren')
  }
  const r = l.next()
  if (r === EOF) return l.errorf('unclosed action')
  if (isSpace(r)) {
    l.backup() // Put the space back in case we have " -}}".
    return lexSpace
  }
  const ch = String.fromCodePoint(r)
  switch (ch) {
    case '=':
      l.emit('assign')
      return lexInsideAction
    case ':':
      if (l.next() !== 0x3d) return l.errorf('expected :=')
      l.emit('declare')
      return lexInsideAction
    case '|':
      l.emit('pipe')
      return lexInsideAction
    case '"':
      return lexQuote
    case '`':
      return lexRawQuote
    case '$':
      return lexVariable
    case "'":
      return lexChar
    case '(':
      l.emit('leftParen')
      l.parenDepth++
      return lexInsideAction
    case ')':
      l.parenDepth--
      if (l.parenDepth < 0) return l.errorf('unexpected right paren')
      l.emit('rightParen')
      return lexInsideAction
  }
  if (ch === '.') {
    // A '.' followed by a digit starts a number; otherwise it is a field or dot.
    const c = l.input.charCodeAt(l.pos)
    if (l.pos >= l.input.length || c < 0x30 || c > 0x39) return lexField
  }
  if (ch === '.' || ch === '+' || ch === '-' || (r >= 0x30 && r <= 0x39)) {
    l.backup()
    return lexNumber
  }
  if (isAlphaNumeric(r)) {
    l.backup()
    return lexIdentifier
  }
  if (r <= 0x7f && r >= 0x20 && r < 0x7f) {
    l.emit('char')
    return lexInsideAction
  }
  return l.errorf(`unrecognized character in action: ${goUnicode(r)}`)
}

function lexSpace(l: Lexer): StateFn {
  let numSpaces = 0
  while (isSpace(l.peek())) {
    l.next()
    numSpaces++
  }
  // A space just before " -}}" belongs to the trim marker.
  if (hasRightTrimMarker(l.input.slice(l.pos - 1)) && l.input.startsWith(RIGHT, l.pos - 1 + 2)) {
    l.backup()
    if (numSpaces === 1) return lexRightDelim
  }
  l.emit('space')
  return lexInsideAction
}

function lexIdentifier(l: Lexer): StateFn {
  for (;;) {
    const r = l.next()
    if (isAlphaNumeric(r)) continue
    l.backup()
    const word = l.input.slice(l.start, l.pos)
    if (!l.atTerminator()) return l.errorf(`bad character ${goUnicode(r)}`)
    const kw = KEYWORDS[word]
    if (kw && kw !== 'dot') {
      if ((kw === 'break' && !l.breakOK) || (kw === 'continue' && !l.continueOK)) l.emit('identifier')
      else l.emit(kw)
    } else if (word[0] === '.') l.emit('field')
    else if (word === 'true' || word === 'false') l.emit('bool')
    else l.emit('identifier')
    return lexInsideAction
  }
}

function lexField(l: Lexer): StateFn {
  return lexFieldOrVariable(l, 'field')
}

function lexVariable(l: Lexer): StateFn {
  if (l.atTerminator()) {
    l.emit('variable')
    return lexInsideAction
  }
  return lexFieldOrVariable(l, 'variable')
}

function lexFieldOrVariable(l: Lexer, type: 'field' | 'variable'): StateFn {
  if (l.atTerminator()) {
    l.emit(type === 'variable' ? 'variable' : 'dot')
    return lexInsideAction
  }
  let r: number
  for (;;) {
    r = l.next()
    if (!isAlphaNumeric(r)) {
      l.backup()
      break
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${goUnicode(r)}`)
  l.emit(type)
  return lexInsideAction
}

function lexChar(l: Lexer): StateFn {
  for (;;) {
    const r = l.next()
    if (r === 0x5c) {
      const n = l.next()
      if (n !== EOF && n !== 0x0a) continue
      return l.errorf('unterminated character constant')
    }
    if (r === EOF || r === 0x0a) return l.errorf('unterminated character constant')
    if (r === 0x27) break
  }
  l.emit('charConstant')
  return lexInsideAction
}

function lexNumber(l: Lexer): StateFn {
  if (!scanNumber(l)) return l.errorf(`bad number syntax: ${goQuoteSimple(l.input.slice(l.start, l.pos))}`)
  const sign = l.peek()
  if (sign === 0x2b || sign === 0x2d) {
    // Complex: 1+2i. No spaces, must end in 'i'.
    if (!scanNumber(l) || l.input[l.pos - 1] !== 'i') return l.errorf(`bad number syntax: ${goQuoteSimple(l.input.slice(l.start, l.pos))}`)
    l.emit('complex')
  } else {
    l.emit('number')
  }
  return lexInsideAction
}

function scanNumber(l: Lexer): boolean {
  l.accept('+-')
  let digits = '0123456789_'
  if (l.accept('0')) {
    if (l.accept('xX')) digits = '0123456789abcdefABCDEF_'
    else if (l.accept('oO')) digits = '01234567_'
    else if (l.accept('bB')) digits = '01_'
  }
  l.acceptRun(digits)
  if (l.accept('.')) l.acceptRun(digits)
  if (digits.length === 11 && l.accept('eE')) {
    l.accept('+-')
    l.acceptRun('0123456789_')
  }
  if (digits.length === 23 && l.accept('pP')) {
    l.accept('+-')
    l.acceptRun('0123456789_')
  }
  l.accept('i')
  if (isAlphaNumeric(l.peek())) {
    l.next()
    return false
  }
  return true
}

/** %q for the short ASCII texts lexer errors quote. */
function goQuoteSimple(s: string): string {
  return JSON.stringify(s)
}

function lexQuote(l: Lexer): StateFn {
  for (;;) {
    const r = l.next()
    if (r === 0x5c) {
      const n = l.next()
      if (n !== EOF && n !== 0x0a) continue
      return l.errorf('unterminated quoted string')
    }
    if (r === EOF || r === 0x0a) return l.errorf('unterminated quoted string')
    if (r === 0x22) break
  }
  l.emit('string')
  return lexInsideAction
}

function lexRawQuote(l: Lexer): StateFn {
  for (;;) {
    const r = l.next()
    if (r === EOF) return l.errorf('unterminated raw quoted string')
    if (r === 0x60) break
  }
  l.emit('rawString')
  return lexInsideAction
}

/** All the items of a template, ending with EOF or an error item. */
export function lex(input: string, breakOK = true, continueOK = true): Item[] {
  const l = new Lexer(input, breakOK, continueOK)
  for (let state: StateFn = lexText; state; ) state = state(l)
  return l.items
}

