// go-yaml v2's event parser (parserc.go), re-implemented: a state machine over the scanner's tokens
// that produces document/mapping/sequence/scalar/alias events and the parser errors kubectl shows
// ("did not find expected key", "did not find expected '-' indicator", "did not find expected ','
// or ']'", "did not find expected <document start>", "did not find expected node content").
// One file for one state machine: its states call each other and read best side by side.

import { GoYamlError, type Mark } from './reader'
import { type ScalarStyle, Scanner, type Token } from './scanner'

export type EventType = 'STREAM_START' | 'STREAM_END' | 'DOCUMENT_START' | 'DOCUMENT_END' | 'ALIAS' | 'SCALAR' | 'SEQUENCE_START' | 'SEQUENCE_END' | 'MAPPING_START' | 'MAPPING_END'

export interface YamlEvent {
  type: EventType
  start: Mark
  anchor?: string
  tag?: string
  value?: string
  /** SCALAR: plain and untagged (or tagged `!`), so its type is resolved from the text. */
  implicit?: boolean
  style?: ScalarStyle
}

type State =
  | 'STREAM_START'
  | 'IMPLICIT_DOCUMENT_START'
  | 'DOCUMENT_START'
  | 'DOCUMENT_CONTENT'
  | 'DOCUMENT_END'
  | 'BLOCK_NODE'
  | 'BLOCK_SEQUENCE_FIRST_ENTRY'
  | 'BLOCK_SEQUENCE_ENTRY'
  | 'INDENTLESS_SEQUENCE_ENTRY'
  | 'BLOCK_MAPPING_FIRST_KEY'
  | 'BLOCK_MAPPING_KEY'
  | 'BLOCK_MAPPING_VALUE'
  | 'FLOW_SEQUENCE_FIRST_ENTRY'
  | 'FLOW_SEQUENCE_ENTRY'
  | 'FLOW_SEQUENCE_ENTRY_MAPPING_KEY'
  | 'FLOW_SEQUENCE_ENTRY_MAPPING_VALUE'
  | 'FLOW_SEQUENCE_ENTRY_MAPPING_END'
  | 'FLOW_MAPPING_FIRST_KEY'
  | 'FLOW_MAPPING_KEY'
  | 'FLOW_MAPPING_VALUE'
  | 'FLOW_MAPPING_EMPTY_VALUE'
  | 'END'

const DEFAULT_TAGS: Record<string, string> = { '!': '!', '!!': 'tag:yaml.org,2002:' }

export class Parser {
  private readonly s: Scanner
  private state: State = 'STREAM_START'
  private states: State[] = []
  private marks: Mark[] = []
  private tagDirectives: Record<string, string> = { ...DEFAULT_TAGS }

  constructor(text: string) {
    this.s = new Scanner(text)
  }

  private peek(): Token {
    return this.s.peek()!
  }

  private skip(): void {
    this.s.skipToken()
  }

  private error(problem: string, problemMark: Mark, contextMark?: Mark): GoYamlError {
    return new GoYamlError('parser', problem, problemMark, contextMark)
  }

  private pop(): void {
    this.state = this.states.pop()!
  }

  private empty(mark: Mark): YamlEvent {
    return { type: 'SCALAR', start: mark, value: '', implicit: true, style: 'plain' }
  }

  next(): YamlEvent {
    switch (this.state) {
      case 'STREAM_START': {
        const t = this.peek()
        this.state = 'IMPLICIT_DOCUMENT_START'
        this.skip()
        return { type: 'STREAM_START', start: t.start }
      }
      case 'IMPLICIT_DOCUMENT_START':
        return this.documentStart(true)
      case 'DOCUMENT_START':
        return this.documentStart(false)
      case 'DOCUMENT_CONTENT': {
        const t = this.peek()
        if (['VERSION_DIRECTIVE', 'TAG_DIRECTIVE', 'DOCUMENT_START', 'DOCUMENT_END', 'STREAM_END'].includes(t.type)) {
          this.pop()
          return this.empty(t.start)
        }
        return this.node(true, false)
      }
      case 'DOCUMENT_END': {
        const t = this.peek()
        if (t.type === 'DOCUMENT_END') this.skip()
        this.tagDirectives = { ...DEFAULT_TAGS }
        this.state = 'DOCUMENT_START'
        return { type: 'DOCUMENT_END', start: t.start }
      }
      case 'BLOCK_NODE':
        return this.node(true, false)
      case 'BLOCK_SEQUENCE_FIRST_ENTRY':
      case 'BLOCK_SEQUENCE_ENTRY':
        return this.blockSequenceEntry(this.state === 'BLOCK_SEQUENCE_FIRST_ENTRY')
      case 'INDENTLESS_SEQUENCE_ENTRY':
        return this.indentlessSequenceEntry()
      case 'BLOCK_MAPPING_FIRST_KEY':
      case 'BLOCK_MAPPING_KEY':
        return this.blockMappingKey(this.state === 'BLOCK_MAPPING_FIRST_KEY')
      case 'BLOCK_MAPPING_VALUE':
        return this.blockMappingValue()
      case 'FLOW_SEQUENCE_FIRST_ENTRY':
      case 'FLOW_SEQUENCE_ENTRY':
        return this.flowSequenceEntry(this.state === 'FLOW_SEQUENCE_FIRST_ENTRY')
      case 'FLOW_SEQUENCE_ENTRY_MAPPING_KEY': {
        const t = this.peek()
        if (t.type !== 'VALUE' && t.type !== 'FLOW_ENTRY' && t.type !== 'FLOW_SEQUENCE_END') {
          this.states.push('FLOW_SEQUENCE_ENTRY_MAPPING_VALUE')
          return this.node(false, false)
        }
        this.skip()
        this.state = 'FLOW_SEQUENCE_ENTRY_MAPPING_VALUE'
        return this.empty(t.end)
      }
      case 'FLOW_SEQUENCE_ENTRY_MAPPING_VALUE': {
        let t = this.peek()
        if (t.type === 'VALUE') {
          this.skip()
          t = this.peek()
          if (t.type !== 'FLOW_ENTRY' && t.type !== 'FLOW_SEQUENCE_END') {
            this.states.push('FLOW_SEQUENCE_ENTRY_MAPPING_END')
            return this.node(false, false)
          }
        }
        this.state = 'FLOW_SEQUENCE_ENTRY_MAPPING_END'
        return this.empty(t.start)
      }
      case 'FLOW_SEQUENCE_ENTRY_MAPPING_END':
        this.state = 'FLOW_SEQUENCE_ENTRY'
        return { type: 'MAPPING_END', start: this.peek().start }
      case 'FLOW_MAPPING_FIRST_KEY':
      case 'FLOW_MAPPING_KEY':
        return this.flowMappingKey(this.state === 'FLOW_MAPPING_FIRST_KEY')
      case 'FLOW_MAPPING_VALUE':
      case 'FLOW_MAPPING_EMPTY_VALUE':
        return this.flowMappingValue(this.state === 'FLOW_MAPPING_EMPTY_VALUE')
      case 'END':
        throw new Error('go-yaml parser: no events after the end of the stream')
    }
  }

  private documentStart(implicit: boolean): YamlEvent {
    let t = this.peek()
    if (!implicit) {
      while (t.type === 'DOCUMENT_END') {
        this.skip()
        t = this.peek()
      }
    }
    if (implicit && !['VERSION_DIRECTIVE', 'TAG_DIRECTIVE', 'DOCUMENT_START', 'STREAM_END'].includes(t.type)) {
      this.states.push('DOCUMENT_END')
      this.state = 'BLOCK_NODE'
      return { type: 'DOCUMENT_START', start: t.start }
    }
    if (t.type !== 'STREAM_END') {
      const start = t.start
      while (t.type === 'VERSION_DIRECTIVE' || t.type === 'TAG_DIRECTIVE') {
        if (t.type === 'TAG_DIRECTIVE') this.tagDirectives[t.value ?? ''] = t.suffix ?? ''
        this.skip()
        t = this.peek()
      }
      if (t.type !== 'DOCUMENT_START') throw this.error('did not find expected <document start>', t.start)
      this.states.push('DOCUMENT_END')
      this.state = 'DOCUMENT_CONTENT'
      this.skip()
      return { type: 'DOCUMENT_START', start }
    }
    this.state = 'END'
    this.skip()
    return { type: 'STREAM_END', start: t.start }
  }

  private node(block: boolean, indentlessSequence: boolean): YamlEvent {
    let t = this.peek()
    if (t.type === 'ALIAS') {
      this.pop()
      this.skip()
      return { type: 'ALIAS', start: t.start, anchor: t.value }
    }
    const start = t.start
    let anchor: string | undefined
    let tagToken: Token | undefined
    if (t.type === 'ANCHOR') {
      anchor = t.value
      this.skip()
      t = this.peek()
      if (t.type === 'TAG') {
        tagToken = t
        this.skip()
        t = this.peek()
      }
    } else if (t.type === 'TAG') {
      tagToken = t
      this.skip()
      t = this.peek()
      if (t.type === 'ANCHOR') {
        anchor = t.value
        this.skip()
        t = this.peek()
      }
    }
    let tag: string | undefined
    if (tagToken) {
      if (!tagToken.value) tag = tagToken.suffix
      else {
        const prefix = this.tagDirectives[tagToken.value]
        if (prefix === undefined) throw this.error('found undefined tag handle', tagToken.start, start)
        tag = prefix + (tagToken.suffix ?? '')
      }
    }
    if (indentlessSequence && t.type === 'BLOCK_ENTRY') {
      this.state = 'INDENTLESS_SEQUENCE_ENTRY'
      return { type: 'SEQUENCE_START', start, anchor, tag }
    }
    if (t.type === 'SCALAR') {
      this.pop()
      this.skip()
      const implicit = (!tag && t.style === 'plain') || tag === '!'
      return { type: 'SCALAR', start, anchor, tag, value: t.value, implicit, style: t.style }
    }
    if (t.type === 'FLOW_SEQUENCE_START') {
      this.state = 'FLOW_SEQUENCE_FIRST_ENTRY'
      return { type: 'SEQUENCE_START', start, anchor, tag }
    }
    if (t.type === 'FLOW_MAPPING_START') {
      this.state = 'FLOW_MAPPING_FIRST_KEY'
      return { type: 'MAPPING_START', start, anchor, tag }
    }
    if (block && t.type === 'BLOCK_SEQUENCE_START') {
      this.state = 'BLOCK_SEQUENCE_FIRST_ENTRY'
      return { type: 'SEQUENCE_START', start, anchor, tag }
    }
    if (block && t.type === 'BLOCK_MAPPING_START') {
      this.state = 'BLOCK_MAPPING_FIRST_KEY'
      return { type: 'MAPPING_START', start, anchor, tag }
    }
    if (anchor !== undefined || tag !== undefined) {
      this.pop()
      return { type: 'SCALAR', start, anchor, tag, value: '', implicit: !tag, style: 'plain' }
    }
    throw this.error('did not find expected node content', t.start, start)
  }

  private blockSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start)
      this.skip()
    }
    let t = this.peek()
    if (t.type === 'BLOCK_ENTRY') {
      const mark = t.end
      this.skip()
      t = this.peek()
      if (t.type !== 'BLOCK_ENTRY' && t.type !== 'BLOCK_END') {
        this.states.push('BLOCK_SEQUENCE_ENTRY')
        return this.node(true, false)
      }
      this.state = 'BLOCK_SEQUENCE_ENTRY'
      return this.empty(mark)
    }
    if (t.type === 'BLOCK_END') {
      this.pop()
      this.marks.pop()
      this.skip()
      return { type: 'SEQUENCE_END', start: t.start }
    }
    throw this.error("did not find expected '-' indicator", t.start, this.marks.pop())
  }

  private indentlessSequenceEntry(): YamlEvent {
    let t = this.peek()
    if (t.type === 'BLOCK_ENTRY') {
      const mark = t.end
      this.skip()
      t = this.peek()
      if (!['BLOCK_ENTRY', 'KEY', 'VALUE', 'BLOCK_END'].includes(t.type)) {
        this.states.push('INDENTLESS_SEQUENCE_ENTRY')
        return this.node(true, false)
      }
      this.state = 'INDENTLESS_SEQUENCE_ENTRY'
      return this.empty(mark)
    }
    this.pop()
    return { type: 'SEQUENCE_END', start: t.start }
  }

  private blockMappingKey(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start)
      this.skip()
    }
    let t = this.peek()
    if (t.type === 'KEY') {
      const mark = t.end
      this.skip()
      t = this.peek()
      if (t.type !== 'KEY' && t.type !== 'VALUE' && t.type !== 'BLOCK_END') {
        this.states.push('BLOCK_MAPPING_VALUE')
        return this.node(true, true)
      }
      this.state = 'BLOCK_MAPPING_VALUE'
      return this.empty(mark)
    }
    if (t.type === 'BLOCK_END') {
      this.pop()
      this.marks.pop()
      this.skip()
      return { type: 'MAPPING_END', start: t.start }
    }
    throw this.error('did not find expected key', t.start, this.marks.pop())
  }

  private blockMappingValue(): YamlEvent {
    let t = this.peek()
    if (t.type === 'VALUE') {
      const mark = t.end
      this.skip()
      t = this.peek()
      if (t.type !== 'KEY' && t.type !== 'VALUE' && t.type !== 'BLOCK_END') {
        this.states.push('BLOCK_MAPPING_KEY')
        return this.node(true, true)
      }
      this.state = 'BLOCK_MAPPING_KEY'
      return this.empty(mark)
    }
    this.state = 'BLOCK_MAPPING_KEY'
    return this.empty(t.start)
  }

  private flowSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start)
      this.skip()
    }
    let t = this.peek()
    if (t.type !== 'FLOW_SEQUENCE_END') {
      if (!first) {
        if (t.type !== 'FLOW_ENTRY') throw this.error("did not find expected ',' or ']'", t.start, this.marks.pop())
        this.skip()
        t = this.peek()
      }
      if (t.type === 'KEY') {
        this.state = 'FLOW_SEQUENCE_ENTRY_MAPPING_KEY'
        this.skip()
        return { type: 'MAPPING_START', start: t.start }
      }
      if (t.type !== 'FLOW_SEQUENCE_END') {
        this.states.push('FLOW_SEQUENCE_ENTRY')
        return this.node(false, false)
      }
    }
    this.pop()
    this.marks.pop()
    this.skip()
    return { type: 'SEQUENCE_END', start: t.start }
  }

  private flowMappingKey(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start)
      this.skip()
    }
    let t = this.peek()
    if (t.type !== 'FLOW_MAPPING_END') {
      if (!first) {
        if (t.type !== 'FLOW_ENTRY') throw this.error("did not find expected ',' or '}'", t.start, this.marks.pop())
        this.skip()
        t = this.peek()
      }
      if (t.type === 'KEY') {
        this.skip()
        t = this.peek()
        if (t.type !== 'VALUE' && t.type !== 'FLOW_ENTRY' && t.type !== 'FLOW_MAPPING_END') {
          this.states.push('FLOW_MAPPING_VALUE')
          return this.node(false, false)
        }
        this.state = 'FLOW_MAPPING_VALUE'
        return this.empty(t.start)
      }
      if (t.type !== 'FLOW_MAPPING_END') {
        this.states.push('FLOW_MAPPING_EMPTY_VALUE')
        return this.node(false, false)
      }
    }
    this.pop()
    this.marks.pop()
    this.skip()
    return { type: 'MAPPING_END', start: t.start }
  }

  private flowMappingValue(empty: boolean): YamlEvent {
    let t = this.peek()
    if (empty) {
      this.state = 'FLOW_MAPPING_KEY'
      return this.empty(t.start)
    }
    if (t.type === 'VALUE') {
      this.skip()
      t = this.peek()
      if (t.type !== 'FLOW_ENTRY' && t.type !== 'FLOW_MAPPING_END') {
        this.states.push('FLOW_MAPPING_KEY')
        return this.node(false, false)
      }
    }
    this.state = 'FLOW_MAPPING_KEY'
    return this.empty(t.start)
  }
}
