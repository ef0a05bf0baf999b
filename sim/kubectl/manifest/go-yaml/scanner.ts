// go-yaml v2's scanner (scannerc.go), re-implemented: it turns characters into tokens, tracking
// block indentation (BLOCK_*_START / BLOCK_END) and "simple keys" (a scalar becomes a KEY once the
// `:` after it shows up). Its errors and their positions are what kubectl prints for most YAML
// mistakes: "mapping values are not allowed in this context", "could not find expected ':'",
// "found character that cannot start any token", ...

import { GoYamlError, isAlpha, isBlank, isBlankZ, isBreak, isBreakZ, type Mark, Reader } from './reader'
import { scanBlockScalar, scanFlowScalar, scanPlainScalar, scanTag } from './scan-scalars'

export type TokenType =
  | 'STREAM_START'
  | 'STREAM_END'
  | 'VERSION_DIRECTIVE'
  | 'TAG_DIRECTIVE'
  | 'DOCUMENT_START'
  | 'DOCUMENT_END'
  | 'BLOCK_SEQUENCE_START'
  | 'BLOCK_MAPPING_START'
  | 'BLOCK_END'
  | 'FLOW_SEQUENCE_START'
  | 'FLOW_SEQUENCE_END'
  | 'FLOW_MAPPING_START'
  | 'FLOW_MAPPING_END'
  | 'BLOCK_ENTRY'
  | 'FLOW_ENTRY'
  | 'KEY'
  | 'VALUE'
  | 'ALIAS'
  | 'ANCHOR'
  | 'TAG'
  | 'SCALAR'

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded'

export interface Token {
  type: TokenType
  start: Mark
  end: Mark
  value?: string
  /** TAG: the suffix (value is the handle); directives: the prefix. */
  suffix?: string
  style?: ScalarStyle
}

interface SimpleKey {
  possible: boolean
  required: boolean
  tokenNumber: number
  mark: Mark
}

export class Scanner {
  readonly r: Reader
  private tokens: Token[] = []
  private head = 0
  private tokensParsed = 0
  private tokenAvailable = false
  private streamStartProduced = false
  private streamEndProduced = false
  indent = -1
  private indents: number[] = []
  simpleKeyAllowed = false
  private simpleKeys: SimpleKey[] = []
  private simpleKeysByTok = new Map<number, number>()
  flowLevel = 0

  constructor(text: string) {
    this.r = new Reader(text)
  }

  error(problem: string, contextMark?: Mark): GoYamlError {
    return new GoYamlError('scanner', problem, this.r.copyMark(), contextMark)
  }

  /** The next token, without consuming it (parser's peek_token). */
  peek(): Token | undefined {
    if (!this.tokenAvailable) this.fetchMoreTokens()
    return this.streamEndProduced && this.head >= this.tokens.length ? undefined : this.tokens[this.head]
  }

  /** Consumes the peeked token (parser's skip_token). */
  skipToken(): void {
    this.tokenAvailable = false
    this.tokensParsed++
    const t = this.tokens[this.head++]
    if (t.type === 'STREAM_END') this.streamEndProduced = true
  }

  private insert(pos: number, token: Token): void {
    if (pos < 0) this.tokens.push(token)
    else this.tokens.splice(this.head + pos, 0, token)
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.head !== this.tokens.length) {
        const idx = this.simpleKeysByTok.get(this.tokensParsed)
        if (idx === undefined) break
        if (!this.simpleKeyIsValid(this.simpleKeys[idx])) break
      }
      this.fetchNextToken()
    }
    this.tokenAvailable = true
  }

  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false
    const m = this.r.mark
    if (key.mark.line < m.line || key.mark.index + 1024 < m.index) {
      if (key.required) throw this.error("could not find expected ':'", key.mark)
      key.possible = false
      return false
    }
    return true
  }

  saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.r.mark.column
    if (!this.simpleKeyAllowed) return
    const key: SimpleKey = { possible: true, required, tokenNumber: this.tokensParsed + (this.tokens.length - this.head), mark: this.r.copyMark() }
    this.removeSimpleKey()
    this.simpleKeys[this.simpleKeys.length - 1] = key
    this.simpleKeysByTok.set(key.tokenNumber, this.simpleKeys.length - 1)
  }

  removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]
    if (key.possible) {
      if (key.required) throw this.error("could not find expected ':'", key.mark)
      key.possible = false
      this.simpleKeysByTok.delete(key.tokenNumber)
    }
  }

  private rollIndent(column: number, number: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0 || this.indent >= column) return
    this.indents.push(this.indent)
    this.indent = column
    this.insert(number > -1 ? number - this.tokensParsed : -1, { type, start: mark, end: mark })
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return
    while (this.indent > column) {
      this.insert(-1, { type: 'BLOCK_END', start: this.r.copyMark(), end: this.r.copyMark() })
      this.indent = this.indents.pop()!
    }
  }

  /** Adds a token for the characters consumed since `start`. */
  private simple(type: TokenType, width: number): void {
    const start = this.r.copyMark()
    for (let i = 0; i < width; i++) this.r.skip()
    this.insert(-1, { type, start, end: this.r.copyMark() })
  }

  private fetchNextToken(): void {
    const r = this.r
    if (!this.streamStartProduced) {
      this.indent = -1
      this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: r.copyMark() })
      this.simpleKeyAllowed = true
      this.streamStartProduced = true
      this.insert(-1, { type: 'STREAM_START', start: r.copyMark(), end: r.copyMark() })
      return
    }
    this.scanToNextToken()
    this.unrollIndent(r.mark.column)
    const c = r.at()
    if (c === 0) {
      if (r.mark.column !== 0) {
        r.mark.column = 0
        r.mark.line++
      }
      this.unrollIndent(-1)
      this.removeSimpleKey()
      this.simpleKeyAllowed = false
      this.insert(-1, { type: 'STREAM_END', start: r.copyMark(), end: r.copyMark() })
      return
    }
    const ch = String.fromCodePoint(c)
    if (r.mark.column === 0 && ch === '%') return this.fetchDirective()
    const three = String.fromCodePoint(c, r.at(1) || 0x20, r.at(2) || 0x20)
    if (r.mark.column === 0 && (three === '---' || three === '...') && isBlankZ(r.at(3))) {
      this.unrollIndent(-1)
      this.removeSimpleKey()
      this.simpleKeyAllowed = false
      return this.simple(three === '---' ? 'DOCUMENT_START' : 'DOCUMENT_END', 3)
    }
    if (ch === '[' || ch === '{') {
      this.saveSimpleKey()
      this.simpleKeys.push({ possible: false, required: false, tokenNumber: this.tokensParsed + (this.tokens.length - this.head), mark: r.copyMark() })
      this.flowLevel++
      this.simpleKeyAllowed = true
      return this.simple(ch === '[' ? 'FLOW_SEQUENCE_START' : 'FLOW_MAPPING_START', 1)
    }
    if (ch === ']' || ch === '}') {
      this.removeSimpleKey()
      if (this.flowLevel > 0) {
        this.flowLevel--
        const last = this.simpleKeys.pop()!
        this.simpleKeysByTok.delete(last.tokenNumber)
      }
      this.simpleKeyAllowed = false
      return this.simple(ch === ']' ? 'FLOW_SEQUENCE_END' : 'FLOW_MAPPING_END', 1)
    }
    if (ch === ',') {
      this.removeSimpleKey()
      this.simpleKeyAllowed = true
      return this.simple('FLOW_ENTRY', 1)
    }
    if (ch === '-' && isBlankZ(r.at(1))) return this.fetchBlockEntry()
    if (ch === '?' && (this.flowLevel > 0 || isBlankZ(r.at(1)))) return this.fetchKey()
    if (ch === ':' && (this.flowLevel > 0 || isBlankZ(r.at(1)))) return this.fetchValue()
    if (ch === '*' || ch === '&') {
      this.saveSimpleKey()
      this.simpleKeyAllowed = false
      return this.insert(-1, this.scanAnchor(ch === '*' ? 'ALIAS' : 'ANCHOR'))
    }
    if (ch === '!') {
      this.saveSimpleKey()
      this.simpleKeyAllowed = false
      return this.insert(-1, scanTag(this))
    }
    if ((ch === '|' || ch === '>') && this.flowLevel === 0) {
      this.removeSimpleKey()
      this.simpleKeyAllowed = true
      return this.insert(-1, scanBlockScalar(this, ch === '|'))
    }
    if (ch === "'" || ch === '"') {
      this.saveSimpleKey()
      this.simpleKeyAllowed = false
      return this.insert(-1, scanFlowScalar(this, ch === "'"))
    }
    const n = r.at(1)
    if (
      !(isBlankZ(c) || '-?:,[]{}#&*!|>\'"%@`'.includes(ch)) ||
      (ch === '-' && !isBlank(n)) ||
      (this.flowLevel === 0 && (ch === '?' || ch === ':') && !isBlankZ(n))
    ) {
      this.saveSimpleKey()
      this.simpleKeyAllowed = false
      const token = scanPlainScalar(this)
      return this.insert(-1, token)
    }
    throw this.error('found character that cannot start any token', r.copyMark())
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) throw this.error('block sequence entries are not allowed in this context', this.r.copyMark())
      this.rollIndent(this.r.mark.column, -1, 'BLOCK_SEQUENCE_START', this.r.copyMark())
    }
    this.removeSimpleKey()
    this.simpleKeyAllowed = true
    this.simple('BLOCK_ENTRY', 1)
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) throw this.error('mapping keys are not allowed in this context', this.r.copyMark())
      this.rollIndent(this.r.mark.column, -1, 'BLOCK_MAPPING_START', this.r.copyMark())
    }
    this.removeSimpleKey()
    this.simpleKeyAllowed = this.flowLevel === 0
    this.simple('KEY', 1)
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]
    if (this.simpleKeyIsValid(key)) {
      // The scalar before ':' was a key: insert KEY (and maybe BLOCK_MAPPING_START) before it.
      this.insert(key.tokenNumber - this.tokensParsed, { type: 'KEY', start: key.mark, end: key.mark })
      this.rollIndent(key.mark.column, key.tokenNumber, 'BLOCK_MAPPING_START', key.mark)
      key.possible = false
      this.simpleKeysByTok.delete(key.tokenNumber)
      this.simpleKeyAllowed = false
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) throw this.error('mapping values are not allowed in this context', this.r.copyMark())
        this.rollIndent(this.r.mark.column, -1, 'BLOCK_MAPPING_START', this.r.copyMark())
      }
      this.simpleKeyAllowed = this.flowLevel === 0
    }
    this.simple('VALUE', 1)
  }

  private scanAnchor(type: 'ALIAS' | 'ANCHOR'): Token {
    const r = this.r
    const start = r.copyMark()
    r.skip()
    let s = ''
    while (isAlpha(r.at())) s = r.read(s)
    const end = r.copyMark()
    const c = String.fromCodePoint(r.at() || 0x20)
    if (s === '' || !(isBlankZ(r.at()) || '?:,]}%@`'.includes(c))) {
      throw this.error('did not find expected alphabetic or numeric character', start)
    }
    return { type, start, end, value: s }
  }

  /** %YAML and %TAG directives (others are an error), up to the end of the line. */
  private fetchDirective(): void {
    this.unrollIndent(-1)
    this.removeSimpleKey()
    this.simpleKeyAllowed = false
    const r = this.r
    const start = r.copyMark()
    r.skip()
    let name = ''
    while (isAlpha(r.at())) name = r.read(name)
    if (name === '') throw this.error('could not find expected directive name', start)
    if (!isBlankZ(r.at())) throw this.error('found unexpected non-alphabetical character', start)
    if (name !== 'YAML' && name !== 'TAG') throw this.error('found unknown directive name', start)
    const words: string[] = []
    for (;;) {
      while (isBlank(r.at())) r.skip()
      if (isBreakZ(r.at()) || r.at() === 0x23) break
      let w = ''
      while (!isBlankZ(r.at())) w = r.read(w)
      words.push(w)
    }
    while (!isBreakZ(r.at())) r.skip()
    const end = r.copyMark()
    if (isBreak(r.at())) r.skipLine()
    this.insert(-1, name === 'YAML' ? { type: 'VERSION_DIRECTIVE', start, end, value: words[0] ?? '' } : { type: 'TAG_DIRECTIVE', start, end, value: words[0] ?? '', suffix: words[1] ?? '' })
  }

  private scanToNextToken(): void {
    const r = this.r
    for (;;) {
      if (r.mark.column === 0 && r.at() === 0xfeff) r.skip()
      while (r.at() === 0x20 || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && r.at() === 0x09)) r.skip()
      if (r.at() === 0x23) while (!isBreakZ(r.at())) r.skip()
      if (!isBreak(r.at())) return
      r.skipLine()
      if (this.flowLevel === 0) this.simpleKeyAllowed = true
    }
  }
}
