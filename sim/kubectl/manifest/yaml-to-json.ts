// One YAML document to a JSON value, as sigs.k8s.io/yaml.YAMLToJSON (go-yaml v2 underneath) does it,
// with go-yaml's own error messages ("yaml: line 7: mapping values are not allowed in this
// context"): the document goes through a re-implementation of go-yaml's scanner, parser and decoder
// (go-yaml/). Each document is parsed on its own, so lines count from the document's first line, as
// with kubectl's YAML reader.

import { decodeDocument, GoYamlDecodeError, type JsonValue } from './go-yaml/compose'
import { GoYamlError, goYamlMessage } from './go-yaml/reader'

export type { JsonValue }

export class YamlSyntaxError extends Error {}

/** The document's value (null for an empty document), or a YamlSyntaxError with go-yaml's message. */
export function yamlDocumentToJson(text: string): JsonValue {
  let value: JsonValue
  try {
    value = decodeDocument(text) ?? null
  } catch (e) {
    if (e instanceof GoYamlError) throw new YamlSyntaxError(goYamlMessage(e))
    if (e instanceof GoYamlDecodeError) throw new YamlSyntaxError(e.message)
    throw e
  }
  const bad = unsupportedNumber(value)
  // The value goes through json.Marshal, which has no spelling for infinities and NaN.
  if (bad !== undefined) throw new YamlSyntaxError(`json: unsupported value: ${bad}`)
  return value
}

function unsupportedNumber(v: JsonValue): string | undefined {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : undefined
  if (v !== null && typeof v === 'object') {
    for (const x of Array.isArray(v) ? v : Object.values(v)) {
      const bad = unsupportedNumber(x)
      if (bad !== undefined) return bad
    }
  }
  return undefined
}
