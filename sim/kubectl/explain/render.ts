// kubectl's plaintext explain template (pkg/explain/v2/templates/plaintext.tmpl, kubectl v1.33),
// sub-template by sub-template: "output" follows the field path and prints FIELD, DESCRIPTION and
// FIELDS; "fieldList" walks properties sorted by name (Go templates range over maps in key order);
// "fieldDetail" prints one field; "extractEnum" its enum. Descriptions wrap with go-wordwrap.

import { descriptionChain, resolve, typeGuess, type Descriptions, type Property, type SchemaNode } from './schema-view'
import { wrapString } from './wordwrap'

/** The template's `indent`: a prefix on the first line and after every newline. */
export function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount)
  return pad + s.split('\n').join('\n' + pad)
}

/**
 * extractEnum. Long view (the FIELD line): `ENUM:` and one value per line; short view (field lists):
 * `\n<indent>enum: A, B, C, D, ....` with at most `limit` values.
 */
export function extractEnum(values: readonly string[] | undefined, longView: boolean, limit = -1, indentAmount = 0): string {
  if (!values || values.length === 0) return ''
  let out = longView ? 'ENUM:' : '\n' + ' '.repeat(indentAmount) + 'enum: '
  for (let i = 0; i < values.length; i++) {
    if (limit > -1 && i >= limit) {
      out += ', ....'
      break
    }
    if (i > 0 && !longView) out += ', '
    else if (longView) out += '\n    '
    out += values[i] === '' ? '""' : values[i]
  }
  return out
}

function enumOf(node: SchemaNode): readonly string[] | undefined {
  return node.t === 'scalar' ? node.enum : undefined
}

/** fieldDetail: `name\t<type> -required-`, the enum, and unless `short` the wrapped description. */
export function fieldDetail(p: Property, short: boolean, level: number, docs: Descriptions): string {
  const indentAmount = level * 2
  let out = indent(indentAmount, p.name) + '\t<' + typeGuess(p.node, docs) + '>'
  if (p.required) out += ' -required-'
  out += extractEnum(enumOf(p.node), false, 4, indentAmount) + '\n'
  if (!short) out += indent(indentAmount + 2, wrapString(p.node.description || '<no description>', 78 - indentAmount)) + '\n\n'
  return out
}

/** fieldList: every property, and with `recursive` their own fields below them; a type already on the path is not entered again. */
export function fieldList(node: SchemaNode | { t: 'resolved'; name: string }, level: number, recursive: boolean, docs: Descriptions, history: ReadonlySet<string> = new Set()): string {
  switch (node.t) {
    case 'array':
      return fieldList(node.items, level, recursive, docs, history)
    case 'map':
      return fieldList(node.value, level, recursive, docs, history)
    case 'scalar':
      return ''
    case 'ref':
    case 'resolved': {
      if (node.t === 'ref' && history.has(node.name)) return ''
      const next = node.t === 'ref' ? new Set([...history, node.name]) : history
      let out = ''
      for (const p of resolve(node.name, docs).properties) {
        out += fieldDetail(p, recursive, level, docs)
        if (recursive) out += fieldList(p.node, level + 1, recursive, docs, next)
      }
      return out
    }
  }
}

/** DESCRIPTION and FIELDS of what the path ends at. */
function describe(description: string, list: string): string {
  let out = 'DESCRIPTION:\n' + indent(4, wrapString(description || '<empty>', 76)) + '\n'
  if (list) out += 'FIELDS:\n' + list
  return out
}

/**
 * "output" from a kind's root: empty when the path leads nowhere (the caller reports the path's
 * last element as the field that does not exist).
 */
export function renderRoot(rootName: string, path: readonly string[], recursive: boolean, docs: Descriptions): string {
  if (path.length === 0) {
    return describe(resolve(rootName, docs).description ? resolve(rootName, docs).description + '\n' : '', fieldList({ t: 'resolved', name: rootName }, 1, recursive, docs))
  }
  return follow({ t: 'ref', name: rootName }, path, recursive, docs)
}

function follow(node: SchemaNode, path: readonly string[], recursive: boolean, docs: Descriptions): string {
  if (path.length === 0) return describe(descriptionChain(node, docs), fieldList(node, 1, recursive, docs))
  switch (node.t) {
    case 'array':
      return follow(node.items, path, recursive, docs)
    case 'map':
      return follow(node.value, path, recursive, docs)
    case 'scalar':
      return ''
    case 'ref': {
      const p = resolve(node.name, docs).properties.find((x) => x.name === path[0])
      if (!p) return ''
      let out = ''
      if (path.length === 1) out = `FIELD: ${p.name} <${typeGuess(p.node, docs)}>\n` + extractEnum(enumOf(p.node), true) + '\n\n'
      return out + follow(p.node, path.slice(1), recursive, docs)
    }
  }
}
