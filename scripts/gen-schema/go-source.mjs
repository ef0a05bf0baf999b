// Reads the Go API types (k8s.io/api and k8s.io/apimachinery at the server's version) far enough to
// know what kubernetes-types cannot say: the Go type of every field (int32 vs int64, named string
// types, []byte, the Go names encoding/json prints in its errors), which fields are required
// (kube-openapi generators/openapi.go isOptional), and the enums (+enum types and their constants,
// described as kube-openapi generators/enum.go does). The files are gofmt'ed, so a line-based reader
// is enough; it fails loudly on anything it does not understand.

import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/** Our package keys, by Go import path. The Go package name (what reflect prints) is the path's last element. */
export const PACKAGES = {
  'k8s.io/api/core/v1': 'core',
  'k8s.io/api/apps/v1': 'apps',
  'k8s.io/api/discovery/v1': 'discovery',
  'k8s.io/api/storage/v1': 'storage',
  'k8s.io/api/policy/v1': 'policy',
  'k8s.io/apimachinery/pkg/apis/meta/v1': 'meta',
  'k8s.io/apimachinery/pkg/api/resource': 'resource',
  'k8s.io/apimachinery/pkg/util/intstr': 'intstr',
  'k8s.io/apimachinery/pkg/runtime': 'runtime',
  'k8s.io/apimachinery/pkg/types': 'types',
}

/** Types with their own UnmarshalJSON (or special meaning): leaves of the schema, decoded by name. */
export const SPECIAL = new Set([
  'meta.Time',
  'meta.MicroTime',
  'meta.FieldsV1',
  'resource.Quantity',
  'intstr.IntOrString',
  'runtime.RawExtension',
])

const BUILTIN = new Set(['string', 'bool', 'int32', 'int64', 'float64', 'int', 'byte', 'interface{}'])

/**
 * Parses the non-test .go files of one package directory.
 * Returns {structs: Map<name, member[]>, named: Map<name, {underlying, doc}>, consts: [...], docs: Map<type, Map<field, text>>}.
 */
export function parseGoPackage(dir, pkgKey) {
  const out = { pkg: pkgKey, structs: new Map(), named: new Map(), consts: [], docs: new Map() }
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.go') || f.endsWith('_test.go') || f.startsWith('zz_') || f === 'generated.pb.go') continue
    const text = readFileSync(join(dir, f), 'utf8')
    if (f === 'types_swagger_doc_generated.go') readSwaggerDocs(text, out.docs)
    else readDecls(text, out)
  }
  return out
}

function importsOf(lines) {
  const imports = new Map()
  let inBlock = false
  for (const line of lines) {
    if (line.startsWith('import (')) inBlock = true
    else if (inBlock && line === ')') break
    else if (inBlock || line.startsWith('import ')) {
      const m = /^\s*(?:import\s+)?(?:(\w+)\s+)?"([^"]+)"/.exec(line)
      if (m) imports.set(m[1] ?? m[2].split('/').pop(), m[2])
    }
  }
  return imports
}

function readDecls(text, out) {
  const lines = text.split('\n')
  const imports = importsOf(lines)
  const qualify = (t) => normalizeType(t, out.pkg, imports)
  let comments = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line.startsWith('//')) {
      comments.push(line)
      continue
    }
    let m
    if ((m = /^type (\w+) struct \{$/.exec(line))) {
      const members = []
      i = readStruct(lines, i + 1, members, qualify)
      out.structs.set(m[1], { members, doc: commentText(comments) })
    } else if ((m = /^type (\w+) struct\{\}$/.exec(line))) {
      out.structs.set(m[1], { members: [], doc: commentText(comments) })
    } else if ((m = /^type (\w+) (\S.*)$/.exec(line)) && !m[2].startsWith('interface')) {
      out.named.set(m[1], { underlying: qualify(m[2].trim()), doc: commentText(comments), enum: comments.some((c) => /^\/\/\s*\+enum\s*$/.test(c)) })
    } else if (line === 'const (') {
      i = readConstBlock(lines, i + 1, out, qualify)
    } else if (line.startsWith('const ')) {
      const c = constSpec(line.slice('const '.length), out.pkg, qualify)
      if (c) out.consts.push({ ...c, comment: commentLines(comments) })
    }
    comments = []
  }
}

function readStruct(lines, i, members, qualify) {
  let comments = []
  for (; i < lines.length; i++) {
    const raw = lines[i]
    if (raw === '}') return i
    const line = raw.trim()
    if (line.startsWith('//')) {
      comments.push(line)
      continue
    }
    if (line.startsWith('/*')) {
      // A block comment is a note to maintainers, not a doc comment (DaemonEndpoint): skip it.
      while (!lines[i].includes('*/')) i++
      comments = []
      continue
    }
    if (line === '') {
      comments = []
      continue
    }
    const m = /^(?:(\w+)\s+)?([\w.*[\]{}]+)\s+`([^`]*)`$/.exec(line)
    if (!m) throw new Error(`go-source: cannot read struct member: ${raw}`)
    const json = /json:"([^"]*)"/.exec(m[3])
    comments = commentsAndReset(comments, members, m, json, qualify)
  }
  throw new Error('go-source: unterminated struct')
}

function commentsAndReset(comments, members, m, json, qualify) {
  if (!json || json[1] === '-') return []
  const [name, ...opts] = json[1].split(',')
  const tags = comments.map((c) => c.replace(/^\/\/\s?/, ''))
  const hasTag = (t) => tags.some((c) => c === `+${t}` || c.startsWith(`+${t}=`))
  // kube-openapi isOptional: +required wins, then +optional, else the json tag's omitempty.
  const optional = hasTag('required') ? false : hasTag('optional') ? true : opts.includes('omitempty')
  members.push({
    json: name,
    inline: opts.includes('inline') || (name === '' && !m[1]),
    type: qualify(m[2]),
    required: !optional,
  })
  return []
}

function readConstBlock(lines, i, out, qualify) {
  let comments = []
  for (; i < lines.length; i++) {
    const line = lines[i].trim()
    if (lines[i] === ')') return i
    if (line.startsWith('//')) {
      comments.push(line)
      continue
    }
    const c = constSpec(line, out.pkg, qualify)
    if (c) out.consts.push({ ...c, comment: commentLines(comments) })
    comments = []
  }
  throw new Error('go-source: unterminated const block')
}

/**
 * A typed string constant: `Name Type = "value"`, or a conversion `Name = Type("value")` /
 * `Name = Type(pkg.Other)` (AddressTypeIPv4 = AddressType(v1.IPv4Protocol)), whose value is
 * looked up later (resolveConstRefs) as gengo evaluates it.
 */
function constSpec(line, pkg, qualify) {
  let m = /^(\w+)\s+([\w.]+)\s*=\s*("(?:[^"\\]|\\.)*")/.exec(line)
  if (m) return { key: `${pkg}.${m[1]}`, name: m[1], type: qualify(m[2]), value: JSON.parse(m[3]) }
  m = /^(\w+)\s*=\s*([\w.]+)\((?:("(?:[^"\\]|\\.)*")|([\w.]+))\)/.exec(line)
  if (m) return { key: `${pkg}.${m[1]}`, name: m[1], type: qualify(m[2]), value: m[3] !== undefined ? JSON.parse(m[3]) : undefined, ref: m[4] && qualify(m[4]) }
  return undefined
}

/**
 * Fills in the values of constants defined as conversions of other constants. Conversions of
 * anything else (`time.Duration(5)`, function calls) are not string constants and are dropped.
 */
export function resolveConstRefs(consts) {
  const byKey = new Map(consts.map((c) => [c.key, c]))
  for (const c of consts) {
    if (c.value === undefined && c.ref) c.value = byKey.get(c.ref)?.value
  }
  return consts.filter((c) => typeof c.value === 'string')
}

/** go/ast CommentGroup.Text(): markers and the first space go, directives go, trailing space is trimmed. */
function commentLines(comments) {
  const lines = comments.filter((c) => !/^\/\/(go:|line )/.test(c)).map((c) => c.replace(/^\/\/ ?/, '').replace(/\s+$/, ''))
  while (lines.length && lines[0] === '') lines.shift()
  while (lines.length && lines[lines.length - 1] === '') lines.pop()
  return lines
}

function commentText(comments) {
  return commentLines(comments).join('\n')
}

/**
 * A Go type expression, normalized: pointers dropped (encoding/json dereferences them), package
 * qualifiers replaced by our keys (`v1.PodSpec` in apps -> `core.PodSpec`), local names qualified.
 */
export function normalizeType(t, pkg, imports) {
  if (t.startsWith('*')) return normalizeType(t.slice(1), pkg, imports)
  if (t === '[]byte') return 'bytes'
  if (t.startsWith('[]')) return '[]' + normalizeType(t.slice(2), pkg, imports)
  if (t.startsWith('map[')) {
    let depth = 0
    for (let j = 3; j < t.length; j++) {
      if (t[j] === '[') depth++
      else if (t[j] === ']' && --depth === 0) return `map[${normalizeType(t.slice(4, j), pkg, imports)}]${normalizeType(t.slice(j + 1), pkg, imports)}`
    }
    throw new Error(`go-source: bad map type ${t}`)
  }
  if (BUILTIN.has(t)) return t
  const dot = t.indexOf('.')
  if (dot < 0) return `${pkg}.${t}`
  const path = imports.get(t.slice(0, dot))
  const key = path && PACKAGES[path]
  // A package we do not read (watch, fmt): fine unless a served kind reaches it (buildUpstream throws then).
  if (!key) return `unread-${t}`
  return `${key}.${t.slice(dot + 1)}`
}

/** types_swagger_doc_generated.go: `var map_X = map[string]string{ "": "...", "field": "..." }`. */
function readSwaggerDocs(text, docs) {
  const re = /^var map_(\w+) = map\[string\]string\{\n([\s\S]*?)\n\}/gm
  let m
  while ((m = re.exec(text))) {
    const fields = new Map()
    for (const line of m[2].split('\n')) {
      const e = /^\s*("(?:[^"\\]|\\.)*"):\s*("(?:[^"\\]|\\.)*"),$/.exec(line)
      if (!e) throw new Error(`go-source: cannot read swagger doc line: ${line}`)
      fields.set(JSON.parse(e[1]), JSON.parse(e[2]))
    }
    docs.set(m[1], fields)
  }
}

/**
 * kube-openapi enum.go: an enum's values with their descriptions, sorted as DescriptionLines sorts
 * them: ` - \`"Value"\` comment` with the constant's name trimmed off the front of its comment.
 */
export function enumValues(typeKey, consts) {
  const byValue = new Map()
  for (const c of consts) {
    if (c.type !== typeKey) continue
    const v = { name: c.name, value: c.value, comment: c.comment.join(' ') }
    const old = byValue.get(v.value)
    // addIfNotPresent: the longer comment wins (ties: the smaller one).
    if (!old || old.comment.length < v.comment.length || (old.comment.length === v.comment.length && old.comment > v.comment)) byValue.set(v.value, v)
  }
  const lines = [...byValue.values()].map((v) => {
    let comment = v.comment.trim()
    if (comment.startsWith(v.name)) comment = comment.slice(v.name.length)
    comment = comment.trim().replace(/\s+/g, ' ')
    // fmtRawDoc later trims each line's trailing spaces: a value without a comment ends at its quote.
    return { value: v.value, line: ` - \`${goQuote(v.value)}\` ${comment}`.trimEnd() }
  })
  lines.sort((a, b) => (a.line < b.line ? -1 : a.line > b.line ? 1 : 0))
  const values = [...byValue.keys()].sort((a, b) => {
    const qa = goQuote(a)
    const qb = goQuote(b)
    return qa < qb ? -1 : qa > qb ? 1 : 0
  })
  return { values, lines: lines.map((l) => l.line) }
}

function goQuote(s) {
  return JSON.stringify(s)
}
