// One YAML document to a JSON value the way sigs.k8s.io/yaml.YAMLToJSON does it: go-yaml v2's
// yaml.Unmarshal into interface{} (decode.go: plain scalars resolved with YAML 1.1 rules, quoted ones
// stay strings, timestamps stay strings, `<<` merges, aliases expanded, later duplicate keys win),
// then map keys turned into strings (convertToJSONableObject).

import { resolvePlain } from '../../printers/go-yaml-resolve'
import { Parser, type YamlEvent } from './parser'
import { GoYamlError } from './reader'

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue }

type Node =
  | { kind: 'scalar'; value: string; tag?: string; implicit: boolean }
  | { kind: 'alias'; target: Node; name: string }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'map'; pairs: [Node, Node][] }

/** failf: a decode error (no line), e.g. `yaml: unknown anchor 'x' referenced`. */
export class GoYamlDecodeError extends Error {}

const failf = (msg: string) => new GoYamlDecodeError(`yaml: ${msg}`)

function buildTree(p: Parser): Node | undefined {
  p.next() // STREAM_START
  if (p.next().type === 'STREAM_END') return undefined
  const anchors = new Map<string, Node>()
  const parse = (e: YamlEvent): Node => {
    switch (e.type) {
      case 'SCALAR': {
        const n: Node = { kind: 'scalar', value: e.value ?? '', tag: e.tag, implicit: e.implicit ?? false }
        if (e.anchor !== undefined) anchors.set(e.anchor, n)
        return n
      }
      case 'ALIAS': {
        const target = anchors.get(e.anchor ?? '')
        if (!target) throw failf(`unknown anchor '${e.anchor}' referenced`)
        return { kind: 'alias', target, name: e.anchor ?? '' }
      }
      case 'SEQUENCE_START': {
        const n: Node = { kind: 'seq', items: [] }
        if (e.anchor !== undefined) anchors.set(e.anchor, n)
        for (let c = p.next(); c.type !== 'SEQUENCE_END'; c = p.next()) n.items.push(parse(c))
        return n
      }
      case 'MAPPING_START': {
        const n: Node = { kind: 'map', pairs: [] }
        if (e.anchor !== undefined) anchors.set(e.anchor, n)
        for (let c = p.next(); c.type !== 'MAPPING_END'; c = p.next()) n.pairs.push([parse(c), parse(p.next())])
        return n
      }
      default:
        throw new Error(`go-yaml decode: unexpected ${e.type} event`)
    }
  }
  // DOCUMENT_START, the node, DOCUMENT_END.
  const root = parse(p.next())
  p.next()
  return root
}

const isMerge = (n: Node) => n.kind === 'scalar' && n.value === '<<' && (n.implicit || n.tag === 'tag:yaml.org,2002:merge')

function scalarValue(n: Extract<Node, { kind: 'scalar' }>): JsonValue {
  if (!n.tag && !n.implicit) return n.value
  if (n.tag && n.tag !== '!' && n.tag.startsWith('tag:yaml.org,2002:')) {
    const want = n.tag.slice('tag:yaml.org,2002:'.length)
    if (want === 'str') return n.value
    const r = resolvePlain(n.value)
    if (r.tag === want || (want === 'float' && r.tag === 'int')) return r.tag === 'timestamp' ? n.value : (r.value as JsonValue)
    throw failf(`cannot decode !!${r.tag} \`${n.value}\` as a !!${want}`)
  }
  if (n.tag) return n.value
  const r = resolvePlain(n.value)
  return r.tag === 'str' || r.tag === 'timestamp' || r.tag === 'merge' ? n.value : (r.value as JsonValue)
}

function keyString(v: JsonValue): string {
  if (typeof v === 'string') return v
  if (typeof v === 'number') return Number.isNaN(v) ? '.nan' : v === Infinity ? '.inf' : v === -Infinity ? '-.inf' : String(v)
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  return 'null'
}

/**
 * go-yaml v2's defence against alias bombs (decode.go allowedAliasRatio): every node decoded counts,
 * and those decoded under an alias count again; past 100 alias-driven decodes (and 1000 in all) the
 * share coming from aliases may not exceed 99% for small documents, down to 10% for large ones.
 */
interface DecodeCounts {
  decode: number
  alias: number
  aliasDepth: number
}

function allowedAliasRatio(decodeCount: number): number {
  const low = 400_000
  const high = 4_000_000
  if (decodeCount <= low) return 0.99
  if (decodeCount >= high) return 0.1
  return 0.99 - (0.89 * (decodeCount - low)) / (high - low)
}

function count(c: DecodeCounts): void {
  c.decode++
  if (c.aliasDepth > 0) c.alias++
  if (c.alias > 100 && c.decode > 1000 && c.alias / c.decode > allowedAliasRatio(c.decode)) throw failf('document contains excessive aliasing')
}

function toJson(n: Node, seen: Set<Node>, c: DecodeCounts = { decode: 0, alias: 0, aliasDepth: 0 }): JsonValue {
  count(c)
  switch (n.kind) {
    case 'scalar':
      return scalarValue(n)
    case 'alias': {
      if (seen.has(n.target)) throw failf(`anchor '${n.name}' value contains itself`)
      seen.add(n.target)
      c.aliasDepth++
      const v = toJson(n.target, seen, c)
      c.aliasDepth--
      seen.delete(n.target)
      return v
    }
    case 'seq':
      return n.items.map((i) => toJson(i, seen, c))
    case 'map': {
      const out: Record<string, JsonValue> = {}
      const mergeInto = (m: Node) => {
        const target = m.kind === 'alias' ? m.target : m
        if (target.kind !== 'map') throw failf('map merge requires map or sequence of maps as the value')
        Object.assign(out, toJson(m, seen, c) as Record<string, JsonValue>)
      }
      for (const [k, v] of n.pairs) {
        if (isMerge(k)) {
          // Earlier maps in a merged sequence take precedence: apply them last.
          if (v.kind === 'seq') for (const m of [...v.items].reverse()) mergeInto(m)
          else mergeInto(v)
          continue
        }
        out[keyString(toJson(k, seen, c))] = toJson(v, seen, c)
      }
      return out
    }
  }
}

/** yaml.Unmarshal of one document; undefined for an empty one. Throws GoYamlError / GoYamlDecodeError. */
export function decodeDocument(text: string): JsonValue | undefined {
  const tree = buildTree(new Parser(text.length ? text : '\n'))
  return tree === undefined ? undefined : toJson(tree, new Set())
}

export { GoYamlError }
