// Reads kubernetes-types (TypeScript declarations generated from the Kubernetes OpenAPI) for what
// it carries: the field set of every type, which fields are optional, and the descriptions (the
// doc comments, which are the OpenAPI descriptions without the "Possible enum values" lines).

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'

/** kubernetes-types module -> our package key (see go-source.mjs PACKAGES). */
export const TS_MODULES = {
  'core/v1.d.ts': 'core',
  'apps/v1.d.ts': 'apps',
  'discovery/v1.d.ts': 'discovery',
  'storage/v1.d.ts': 'storage',
  'policy/v1.d.ts': 'policy',
  'meta/v1.d.ts': 'meta',
  'api/resource.d.ts': 'resource',
  'runtime.d.ts': 'runtime',
}

/**
 * Every interface and type alias: Map<'pkg.Name', {doc, fields: Map<json, {doc, optional, tsType}>}>.
 */
export function readKubernetesTypes(root) {
  const out = new Map()
  for (const [file, pkg] of Object.entries(TS_MODULES)) {
    const text = readFileSync(join(root, file), 'utf8')
    const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
    for (const st of src.statements) {
      if (ts.isInterfaceDeclaration(st)) {
        const fields = new Map()
        for (const m of st.members) {
          if (!ts.isPropertySignature(m)) continue
          const name = m.name.getText(src).replace(/^"|"$/g, '')
          fields.set(name, { doc: jsDoc(text, m), optional: !!m.questionToken, tsType: m.type ? m.type.getText(src) : '' })
        }
        out.set(`${pkg}.${st.name.text}`, { doc: jsDoc(text, st), fields })
      } else if (ts.isTypeAliasDeclaration(st)) {
        out.set(`${pkg}.${st.name.text}`, { doc: jsDoc(text, st), fields: new Map(), alias: st.type.getText(src) })
      }
    }
  }
  return out
}

/**
 * The text of a node's `/** ... *\/` comment: one-line comments as they are; in multi-line ones each
 * line loses its indentation, the `*` and one space, so indented list items keep their indent.
 */
function jsDoc(text, node) {
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []
  const r = ranges.filter((c) => text.startsWith('/**', c.pos)).pop()
  if (!r) return ''
  const body = text.slice(r.pos + 3, r.end - 2)
  if (!body.includes('\n')) return body.trim()
  const lines = body.split('\n').map((l) => l.replace(/^\s*\*?/, '').replace(/^ /, ''))
  while (lines.length && lines[0].trim() === '') lines.shift()
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop()
  return lines.join('\n')
}
