// Splitting a manifest file into documents as apimachinery's YAMLOrJSONDecoder does: a stream that
// starts with `{` is read as JSON values (falling back to YAML when the first value is not valid
// JSON); otherwise YAMLReader splits it at lines starting with `---` (anything but a comment after
// the dashes is an error) and each document is converted on its own. Empty and `null` documents are
// skipped by the caller. The error text is what follows `error parsing <file>: `.

import { type JsonValue, YamlSyntaxError, yamlDocumentToJson } from './yaml-to-json'

export interface DecodedStream {
  values: JsonValue[]
  /** Set when a document could not be read; the documents before it are still in `values`. */
  error?: string
}

/** YAMLReader.Read: the documents of a YAML stream, each as its own text. */
function splitYamlDocuments(text: string): { docs: string[]; error?: string } {
  const docs: string[] = []
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? []
  let buf = ''
  for (const line of lines) {
    if (line.startsWith('---')) {
      const trimmed = line.slice(3).trim()
      if (trimmed.length > 0 && trimmed[0] !== '#') return { docs, error: `invalid Yaml document separator: ${trimmed}` }
      if (buf.length) docs.push(buf)
      buf = ''
      continue
    }
    buf += line
  }
  if (buf.length) docs.push(buf)
  return { docs }
}

/** encoding/json's scanner refuses more than 10000 nested arrays/objects (maxNestingDepth). */
const MAX_NESTING = 10000

/**
 * The bracket that takes flow collections past encoding/json's depth limit, if any. The converted
 * document is decoded by encoding/json, which fails there with `invalid character '[' exceeded max
 * depth`; checking first also keeps our recursive decoders away from deep inputs.
 */
function tooDeep(text: string): string | undefined {
  let flow = 0
  let quote: string | undefined
  const indents: number[] = []
  let lineStart = true
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (lineStart && !quote && flow === 0) {
      // Block nesting: each enclosing indentation level is one more JSON object or array.
      let j = i
      while (text[j] === ' ') j++
      if (text[j] !== '\n' && text[j] !== '#' && j < text.length) {
        while (indents.length && indents[indents.length - 1] >= j - i) indents.pop()
        indents.push(j - i)
      }
    }
    lineStart = c === '\n'
    if (quote) {
      if (c === '\\' && quote === '"') i++
      else if (c === quote) quote = undefined
    } else if (c === '"' || c === "'") quote = c
    else if (c === '[' || c === '{') {
      if (++flow + indents.length > MAX_NESTING) return c
    } else if (c === ']' || c === '}') flow = Math.max(0, flow - 1)
  }
  return undefined
}

function decodeYaml(text: string, values: JsonValue[]): DecodedStream {
  const { docs, error } = splitYamlDocuments(text)
  for (const d of docs) {
    const deep = tooDeep(d)
    if (deep) return { values, error: `error unmarshaling JSON: while decoding JSON: invalid character ${quoteChar(deep)} exceeded max depth` }
    try {
      values.push(yamlDocumentToJson(d))
    } catch (e) {
      if (e instanceof YamlSyntaxError) return { values, error: `error converting YAML to JSON: ${e.message}` }
      // Nesting by indentation alone can still exhaust the stack: report it as the depth limit.
      if (e instanceof RangeError) return { values, error: "error unmarshaling JSON: while decoding JSON: invalid character '[' exceeded max depth" }
      throw e
    }
  }
  return error ? { values, error } : { values }
}

class JsonError extends Error {}

function quoteChar(c: string): string {
  if (c === "'") return "'\\''"
  if (c === '"') return "'\"'"
  return `'${c}'`
}

/** Reads one JSON value starting at `pos` with encoding/json's scanner errors; returns the end offset. */
function scanJsonValue(s: string, start: number): number {
  let i = start
  const ws = () => {
    while (i < s.length && ' \t\r\n'.includes(s[i])) i++
  }
  const eof = () => new JsonError('unexpected EOF')
  const bad = (context: string) => new JsonError(`invalid character ${quoteChar(s[i])} ${context}`)
  const value = (): void => {
    ws()
    if (i >= s.length) throw eof()
    const c = s[i]
    if (c === '{') {
      i++
      ws()
      if (s[i] === '}') return void i++
      for (;;) {
        ws()
        if (i >= s.length) throw eof()
        if (s[i] !== '"') throw bad('looking for beginning of object key string')
        string()
        ws()
        if (i >= s.length) throw eof()
        if (s[i] !== ':') throw bad('after object key')
        i++
        value()
        ws()
        if (i >= s.length) throw eof()
        if (s[i] === ',') {
          i++
          continue
        }
        if (s[i] === '}') return void i++
        throw bad('after object key:value pair')
      }
    }
    if (c === '[') {
      i++
      ws()
      if (s[i] === ']') return void i++
      for (;;) {
        value()
        ws()
        if (i >= s.length) throw eof()
        if (s[i] === ',') {
          i++
          continue
        }
        if (s[i] === ']') return void i++
        throw bad('after array element')
      }
    }
    if (c === '"') return string()
    const lit = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(s.slice(i))
    if (!lit) throw bad('looking for beginning of value')
    i += lit[0].length
  }
  const string = () => {
    i++
    for (;;) {
      if (i >= s.length) throw eof()
      if (s[i] === '\\') i += 2
      else if (s[i] === '"') return void i++
      else i++
    }
  }
  value()
  return i
}

/** The documents of a manifest file or stdin. */
export function decodeStream(text: string): DecodedStream {
  const values: JsonValue[] = []
  if (!/^\s*\{/.test(text.slice(0, 4096))) return decodeYaml(text, values)
  let pos = 0
  for (;;) {
    while (pos < text.length && /\s/.test(text[pos])) pos++
    if (pos >= text.length) return { values }
    try {
      const end = scanJsonValue(text, pos)
      values.push(JSON.parse(text.slice(pos, end)) as JsonValue)
      pos = end
    } catch (e) {
      if (!(e instanceof JsonError)) throw e
      // One JSON value or none so far: the stream may be YAML after all (a trailing comma, say).
      if (values.length > 1) return { values, error: e.message }
      const before = values.length
      const yaml = decodeYaml(text.slice(pos), values)
      // If YAML cannot read that value either, the JSON decoder's error is the one reported.
      return yaml.error && yaml.values.length === before ? { values: yaml.values, error: e.message } : yaml
    }
  }
}
