// kubectl's JSONPath template syntax, parsed the way k8s.io/client-go/util/jsonpath/parser.go does it:
// text outside `{...}` is printed as is; inside an action `.a.b` are fields (a backslash escapes the
// next character: `.metadata.annotations.kubernetes\.io/change-cause`), `[...]` an index, slice
// (`[1:3]`, `[-1:]`, `[*]`), union (`[0,2]`) or quoted key (`['name']`), `[?(@.a=="x")]` a filter,
// `..` recursive descent, `*` a wildcard, quoted strings are text, and `range`/`end` loop.
// Errors carry upstream's texts ("unclosed action", "unterminated array", ...).

import { unquoteExtend } from '../go-template/strconv'

export interface SliceParam {
  value: number
  /** Whether the value was given (or derived from the start index: `[2]` is `[2:3]`). */
  known: boolean
  derived: boolean
}

export type JsonPathNode =
  | ListNode
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'identifier'; name: string }
  | { type: 'array'; params: readonly [SliceParam, SliceParam, SliceParam] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; lists: ListNode[] }

export interface ListNode {
  type: 'list'
  nodes: JsonPathNode[]
}

/** A template the parser rejects; the message is upstream's (the printer adds "error parsing jsonpath ..."). */
export class JsonPathParseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'JsonPathParseError'
  }
}

const EOF = -1
const DICT_KEY = /^'([^']*)'$/
const SLICE = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/
const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u

function isAlphaNumeric(r: number): boolean {
  return r === 0x5f || (r >= 0 && LETTER_OR_DIGIT.test(String.fromCodePoint(r)))
}

function isTerminator(r: number): boolean {
  if (r === EOF) return true
  return ' \t\r\n.,[]$@{}'.includes(String.fromCodePoint(r))
}

/** Go's %#U: `U+0021 '!'`. */
export function goUnicode(r: number): string {
  const hex = 'U+' + r.toString(16).toUpperCase().padStart(4, '0')
  const ch = String.fromCodePoint(r)
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch) ? `${hex} '${ch}'` : hex
}

class Parser {
  private pos = 0
  private start = 0
  private width = 0
  readonly root: ListNode = { type: 'list', nodes: [] }

  constructor(private readonly input: string) {}

  parse(): ListNode {
    this.parseText(this.root)
    return this.root
  }

  private consumeText(): string {
    const v = this.input.slice(this.start, this.pos)
    this.start = this.pos
    return v
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0
      return EOF
    }
    const r = this.input.codePointAt(this.pos)!
    this.width = r > 0xffff ? 2 : 1
    this.pos += this.width
    return r
  }

  private peek(): number {
    const r = this.next()
    this.backup()
    return r
  }

  private backup(): void {
    this.pos -= this.width
  }

  private rest(): string {
    return this.input.slice(this.pos)
  }

  // Upstream's parse functions call one another in tail position (parseRightDelim goes back to
  // parseText at the root); here parseText loops over the actions instead.
  private parseText(cur: ListNode): void {
    for (;;) {
      const i = this.input.indexOf('{', this.pos)
      if (i < 0) {
        this.pos = this.input.length
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() })
        return
      }
      this.pos = i
      if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() })
      this.pos += 1
      this.consumeText()
      const action: ListNode = { type: 'list', nodes: [] }
      cur.nodes.push(action)
      this.parseInsideAction(action)
    }
  }

  /** The inside of one action, up to and including its '}'. */
  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      const rest = this.rest()
      if (rest.startsWith('}')) {
        this.pos += 1
        this.consumeText()
        return
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur)
        continue
      }
      if (rest.startsWith('..')) {
        this.parseRecursive(cur)
        continue
      }
      const r = this.next()
      if (r === EOF || r === 0x0d || r === 0x0a) throw new JsonPathParseError('unclosed action')
      if (r === 0x20 || r === 0x40 || r === 0x24) {
        // ' ' separates; '@' and '$' stand for the current object.
        this.consumeText()
      } else if (r === 0x5b) {
        this.parseArray(cur)
      } else if (r === 0x22 || r === 0x27) {
        this.parseQuote(cur, r)
      } else if (r === 0x2e) {
        this.parseField(cur)
      } else if (r === 0x2b || r === 0x2d || (r >= 0x30 && r <= 0x39) || /^\p{Nd}$/u.test(String.fromCodePoint(r))) {
        this.backup()
        this.parseNumber(cur)
      } else if (isAlphaNumeric(r)) {
        this.backup()
        this.parseIdentifier(cur)
      } else {
        throw new JsonPathParseError(`unrecognized character in action: ${goUnicode(r)}`)
      }
    }
  }

  private parseIdentifier(cur: ListNode): void {
    while (!isTerminator(this.next()));
    this.backup()
    const value = this.consumeText()
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' })
    else cur.nodes.push({ type: 'identifier', name: value })
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes.length > 0 && cur.nodes[cur.nodes.length - 1].type === 'recursive') {
      throw new JsonPathParseError('invalid multiple recursive descent')
    }
    this.pos += 2
    this.consumeText()
    cur.nodes.push({ type: 'recursive' })
    if (isAlphaNumeric(this.peek())) this.parseField(cur)
  }

  private parseNumber(cur: ListNode): void {
    const r = this.peek()
    if (r === 0x2b || r === 0x2d) this.next()
    for (;;) {
      const c = this.next()
      if (c !== 0x2e && !(c >= 0 && /^\p{Nd}$/u.test(String.fromCodePoint(c)))) {
        this.backup()
        break
      }
    }
    const value = this.consumeText()
    if (/^[+-]?[0-9]+$/.test(value) && Number.isSafeInteger(Number(value))) {
      cur.nodes.push({ type: 'int', value: Number(value) })
    } else if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value)) {
      cur.nodes.push({ type: 'float', value: Number(value) })
    } else {
      throw new JsonPathParseError(`cannot parse number ${value}`)
    }
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === 0x0a) throw new JsonPathParseError('unterminated array')
      if (r === 0x5d) break
    }
    let text = this.consumeText()
    text = text.slice(1, -1)
    if (text === '*') text = ':'

    const parts = text.split(',')
    if (parts.length > 1) {
      const lists = parts.map((p) => parseAction(`[${p.replace(/^ +| +$/g, '')}]`))
      cur.nodes.push({ type: 'union', lists })
      return
    }
    const key = DICT_KEY.exec(text)
    if (key) {
      cur.nodes.push(...parseAction(`.${key[1]}`).nodes)
      return
    }
    const m = SLICE.exec(text)
    if (!m) throw new JsonPathParseError(`invalid array index ${text}`)
    const params: SliceParam[] = []
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? ''
      if (v !== '') {
        if (i > 0) v = v.slice(1)
        if (i > 0 && v === '') {
          params.push({ value: 0, known: false, derived: false })
        } else {
          if (!/^[+-]?[0-9]+$/.test(v)) throw new JsonPathParseError(`array index ${v} is not a number`)
          params.push({ value: Number(v), known: true, derived: false })
        }
      } else if (i === 1) {
        params.push({ value: params[0].value + 1, known: true, derived: true })
      } else {
        params.push({ value: 0, known: false, derived: false })
      }
    }
    cur.nodes.push({ type: 'array', params: [params[0], params[1], params[2]] })
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3
    this.consumeText()
    let begin = false
    let end = false
    let pair = 0
    for (;;) {
      const r = this.next()
      if (r === EOF || r === 0x0a) throw new JsonPathParseError('unterminated filter')
      if (r === 0x22 || r === 0x27) {
        if (!begin) {
          begin = true
          pair = r
          continue
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true
      } else if (r === 0x29 && begin === end) {
        break
      }
    }
    if (this.next() !== 0x5d) throw new JsonPathParseError('unclosed array expect ]')
    let text = this.consumeText()
    text = text.slice(0, -2)
    const m = FILTER.exec(text)
    if (!m) {
      cur.nodes.push({ type: 'filter', left: parseAction(text), right: { type: 'list', nodes: [] }, operator: 'exists' })
    } else {
      cur.nodes.push({ type: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), operator: m[2] })
    }
  }

  private parseQuote(cur: ListNode, end: number): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === 0x0a) throw new JsonPathParseError('unterminated quoted string')
      if (r === end && this.input[this.pos - 2] !== '\\') break
    }
    const value = this.consumeText()
    let s: string
    try {
      s = unquoteExtend(value)
    } catch (e) {
      throw new JsonPathParseError(`unquote string ${value} error ${(e as Error).message}`)
    }
    cur.nodes.push({ type: 'text', text: s })
  }

  private parseField(cur: ListNode): void {
    this.consumeText()
    for (;;) {
      const r = this.next()
      if (r === 0x5c) {
        this.next()
      } else if (isTerminator(r)) {
        this.backup()
        break
      }
    }
    const value = this.consumeText()
    if (value === '*') cur.nodes.push({ type: 'wildcard' })
    else cur.nodes.push({ type: 'field', name: value.replaceAll('\\', '') })
  }
}

/** parseAction: the nodes of `{text}` (filters, unions and quoted keys parse their parts this way). */
function parseAction(text: string): ListNode {
  const root = new Parser(`{${text}}`).parse()
  return root.nodes[0] as ListNode
}

/** Parses a JSONPath template (jsonpath.Parse). Throws JsonPathParseError with upstream's message. */
export function parseJsonPath(text: string): ListNode {
  return new Parser(text).parse()
}
