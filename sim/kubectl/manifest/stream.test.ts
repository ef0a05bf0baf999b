// Reading manifests as kubectl does: YAML 1.1 typing through go-yaml, document splitting, JSON streams.

import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { toGoJson } from '../printers/json'
import { decodeStream } from './stream'

describe('decodeStream', () => {
  it('types values as kubectl v1.33.1 does (yes, octal, hex, timestamps, merges, folded and kept blocks)', () => {
    // __golden__/decode/types.json: `kubectl create -f types.yaml --dry-run=client -o json` (real binary).
    const src = fs.readFileSync(path.join(__dirname, '../__fixtures__/manifests/types.yaml'), 'utf8')
    const [obj] = decodeStream(src).values as { metadata: Record<string, unknown> }[]
    obj.metadata.namespace = 'default'
    expect(toGoJson(obj)).toBe(fs.readFileSync(path.join(__dirname, '../__golden__/decode/types.json'), 'utf8'))
  })

  it('splits documents at --- lines and skips empty ones', () => {
    expect(decodeStream('---\na: 1\n---\n---\n# only a comment\n---\nb: 2\n').values).toEqual([{ a: 1 }, null, { b: 2 }])
  })

  it('refuses text after a document separator', () => {
    expect(decodeStream('a: 1\n--- x\n').error).toBe('invalid Yaml document separator: x')
  })

  it('reads a stream of JSON objects', () => {
    expect(decodeStream('{"a": 1}\n{"b": [2]}').values).toEqual([{ a: 1 }, { b: [2] }])
  })

  it('falls back to YAML for JSON it cannot read (a trailing comma)', () => {
    expect(decodeStream('{"a": 1,}').values).toEqual([{ a: 1 }])
  })

  it('reports a truncated JSON object as encoding/json does', () => {
    expect(decodeStream('{"a": {"b": 1}').error).toBe('unexpected EOF')
  })

  it('numbers lines from the start of each document', () => {
    expect(decodeStream('a: 1\n---\nb: 2\nc: d: e\n').error).toBe('error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context')
  })

  it('refuses an infinity, which JSON cannot carry', () => {
    expect(decodeStream('a: .inf\n').error).toBe('error converting YAML to JSON: json: unsupported value: +Inf')
  })

  it('refuses control characters', () => {
    expect(decodeStream('a: "\u0001"\n').error).toBe('error converting YAML to JSON: yaml: control characters are not allowed')
  })
})
