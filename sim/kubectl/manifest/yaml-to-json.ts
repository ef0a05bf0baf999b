// One YAML document to a JSON value, as sigs.k8s.io/yaml.YAMLToJSON (go-yaml v2 underneath) does it:
// plain scalars resolved with YAML 1.1 rules (`yes` is true, `0x1F` is 31, `2024-07-16` stays a
// string), quoted and block scalars are strings, later duplicate keys win, `<<` merges, aliases are
// expanded, and non-string keys become strings. Syntax errors are reported with go-yaml's messages
// ("yaml: line 7: mapping values are not allowed in this context"); see yaml-errors.ts.

import { Alias, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node } from 'yaml'
import { resolvePlain } from '../printers/go-yaml-resolve'
import { goYamlError, goYamlOnlyError } from './yaml-errors'

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue }

export class YamlSyntaxError extends Error {}

function keyString(v: JsonValue): string {
  if (typeof v === 'string') return v
  if (v === null) return 'null'
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}

function toJson(node: unknown, anchors: Map<string, unknown>): JsonValue {
  if (node === null || node === undefined) return null
  if (isAlias(node)) {
    const target = anchors.get((node as Alias).source)
    if (target === undefined) throw new YamlSyntaxError(`yaml: unknown anchor '${(node as Alias).source}' referenced`)
    return toJson(target, anchors)
  }
  const n = node as Node
  if (n.anchor) anchors.set(n.anchor, n)
  if (isScalar(n)) {
    const s = n as Scalar
    const text = String(s.value ?? '')
    if (s.type === 'PLAIN' && !s.tag) {
      const r = resolvePlain(text)
      switch (r.tag) {
        case 'bool':
        case 'null':
        case 'int':
        case 'float':
          return r.value
        default:
          return text
      }
    }
    return text
  }
  if (isSeq(n)) return n.items.map((i) => toJson(i, anchors))
  if (isMap(n)) {
    const out: Record<string, JsonValue> = {}
    for (const pair of n.items) {
      if (!isPair(pair)) continue
      const keyNode = pair.key as unknown
      if (isScalar(keyNode) && (keyNode as Scalar).type === 'PLAIN' && String((keyNode as Scalar).value) === '<<') {
        // Merge keys: the merged mappings' entries, without overriding keys set explicitly later.
        const merged = toJson(pair.value, anchors)
        for (const m of Array.isArray(merged) ? merged : [merged]) {
          if (m && typeof m === 'object' && !Array.isArray(m)) for (const [k, v] of Object.entries(m)) if (!(k in out)) out[k] = v
        }
        continue
      }
      out[keyString(toJson(keyNode, anchors))] = toJson(pair.value, anchors)
    }
    return out
  }
  return null
}

/** Parses one document (already split by the YAML reader); line numbers are relative to it. */
export function yamlDocumentToJson(text: string): JsonValue {
  // A %YAML/%TAG directive must be followed by `---` (which kubectl's reader has split away).
  const lines = text.split('\n')
  const directive = lines.findIndex((l) => l.startsWith('%'))
  if (directive >= 0 && lines.every((l) => l.startsWith('%') || l.trim() === '' || l.trim().startsWith('#'))) {
    throw new YamlSyntaxError(`yaml: line ${directive + 1}: did not find expected <document start>`)
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, schema: 'failsafe', uniqueKeys: false, keepSourceTokens: false, strict: false })
  if (doc.errors.length) throw new YamlSyntaxError(goYamlError(text, doc.errors, lineCounter))
  const extra = goYamlOnlyError(text)
  if (extra) throw new YamlSyntaxError(extra)
  return toJson(doc.contents, new Map())
}
