// The diff upstream appends to "pod updates may not change fields ..." and "spec is immutable after
// creation ...": cmp.Diff(old, new) from github.com/google/go-cmp (v0.7, report_compare.go,
// report_reflect.go, report_text.go). Re-implemented for our Go value trees: equal runs are elided
// to two records of context ("... // N identical fields"), changed leaves print as -/+ pairs, and
// identical values print tersely. go-cmp deliberately varies its spacing between processes; this
// uses the plain-space variant.

import { goTree, goEqual, isZero, type GoTree } from './go-value-tree'
import { compact, ELLIPSIS, expanded, indent, line, render, type Rec, type Text } from './go-diff-text'

type Mode = 'unknown' | 'identical' | 'removed' | 'inserted'
type TypeMode = 'auto' | 'elide'

interface Node {
  type: string
  x?: GoTree
  y?: GoTree
  numSame: number
  numDiff: number
  kind: 'leaf' | 'struct' | 'slice' | 'map' | 'ptr'
  recs: { key: string; node: Node }[]
  maxDepth: number
}

function leaf(type: string, x: GoTree | undefined, y: GoTree | undefined): Node {
  const same = x !== undefined && y !== undefined && goEqual(x, y)
  return { type, x, y, numSame: same ? 1 : 0, numDiff: same ? 0 : 1, kind: 'leaf', recs: [], maxDepth: 0 }
}

function parent(kind: Node['kind'], type: string, x: GoTree, y: GoTree, recs: Node['recs']): Node {
  let numSame = 0
  let numDiff = 0
  let depth = 0
  for (const r of recs) {
    numSame += r.node.numSame
    numDiff += r.node.numDiff
    depth = Math.max(depth, r.node.maxDepth)
  }
  return { type, x, y, numSame, numDiff, kind, recs, maxDepth: recs.length ? depth + 1 : 0 }
}

/** Pairs up slice elements: equal ones by LCS, the rest by position as modified/removed/inserted. */
function sliceRecords(xs: GoTree[], ys: GoTree[], elemType: string): Node['recs'] {
  const n = xs.length
  const m = ys.length
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = goEqual(xs[i], ys[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
  const recs: Node['recs'] = []
  let i = 0
  let j = 0
  const flush = (ri: number[], rj: number[]) => {
    const k = Math.min(ri.length, rj.length)
    for (let t = 0; t < k; t++) recs.push({ key: '', node: compare(elemType, xs[ri[t]], ys[rj[t]]) })
    for (let t = k; t < ri.length; t++) recs.push({ key: '', node: leaf(elemType, xs[ri[t]], undefined) })
    for (let t = k; t < rj.length; t++) recs.push({ key: '', node: leaf(elemType, undefined, ys[rj[t]]) })
  }
  let pendX: number[] = []
  let pendY: number[] = []
  while (i < n || j < m) {
    if (i < n && j < m && goEqual(xs[i], ys[j])) {
      flush(pendX, pendY)
      pendX = []
      pendY = []
      recs.push({ key: '', node: compare(elemType, xs[i++], ys[j++]) })
    } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) pendX.push(i++)
    else pendY.push(j++)
  }
  flush(pendX, pendY)
  return recs
}

/** Types go-cmp compares with their Equal method, so it never looks inside them. */
const EQUAL_METHOD = new Set(['resource.Quantity'])

function compare(type: string, x: GoTree, y: GoTree): Node {
  if (x.k !== y.k || x.k === 'nil' || x.k === 'scalar' || EQUAL_METHOD.has(x.type)) return leaf(type, x, y)
  switch (x.k) {
    case 'ptr':
      return parent('ptr', type, x, y, [{ key: '', node: compare(x.elem.type, x.elem, (y as typeof x).elem) }])
    case 'struct':
      return parent('struct', type, x, y, x.fields.map((f, i) => ({ key: f.name, node: compare(f.v.type, f.v, (y as typeof x).fields[i].v) })))
    case 'slice':
      return parent('slice', type, x, y, sliceRecords(x.elems, (y as typeof x).elems, type.slice(2)))
    case 'map': {
      const ye = (y as typeof x).entries
      const keys = [...new Set([...x.entries.map((e) => e.key), ...ye.map((e) => e.key)])].sort()
      return parent(
        'map',
        type,
        x,
        y,
        keys.map((key) => {
          const a = x.entries.find((e) => e.key === key)?.v
          const b = ye.find((e) => e.key === key)?.v
          return { key, node: a && b ? compare(a.type, a, b) : leaf(type, a, b) }
        }),
      )
    }
  }
}

interface Opts {
  mode: Mode
  typeMode: TypeMode
  verbosity: number
  limit: boolean
}

function withType(opts: Opts, type: string, kind: GoTree['k'], out: Text): Text {
  if (opts.typeMode === 'elide') return out
  if (kind !== 'struct' && kind !== 'slice' && kind !== 'map') return out
  if (out.t === 'line' && out.s === 'nil') return out
  if (opts.mode === 'identical') return out
  return { t: 'wrap', pre: type, v: out, post: '' }
}

function appendEllipsis(list: Rec[], comment?: string): void {
  const last = list[list.length - 1]
  if (last && last.v.t === 'line' && last.v.s === ELLIPSIS) return
  list.push({ diff: '', key: '', v: line(ELLIPSIS), elideComma: true, comment })
}

/** FormatValue: a whole value, with go-cmp's verbosity limits. */
function formatValue(v: GoTree | undefined, opts: Opts): Text | undefined {
  if (!v) return undefined
  const sub = (o: Partial<Opts>) => ({ ...opts, ...o })
  switch (v.k) {
    case 'nil':
      return line('nil')
    case 'scalar':
      return line(v.text)
    case 'ptr': {
      const inner = formatValue(v.elem, opts)!
      return { t: 'wrap', pre: '&', v: inner, post: '' }
    }
    case 'struct': {
      const max = opts.limit ? ((1 << Math.max(opts.verbosity, 0)) >> 1) << 2 : Infinity
      const next = sub({ verbosity: opts.verbosity - 1, typeMode: 'auto' })
      const list: Rec[] = []
      for (const f of v.fields) {
        if (isZero(f.v)) continue
        if (list.length === max) {
          appendEllipsis(list)
          break
        }
        list.push({ diff: '', key: f.name, v: formatValue(f.v, next)! })
      }
      return withType(opts, v.type, v.k, { t: 'wrap', pre: '{', v: { t: 'list', recs: list }, post: '}' })
    }
    case 'slice':
    case 'map': {
      const max = opts.limit ? ((1 << Math.max(opts.verbosity, 0)) >> 1) << 2 : Infinity
      const next = sub({ verbosity: opts.verbosity - 1, typeMode: 'elide' })
      const items = v.k === 'slice' ? v.elems.map((e) => ({ key: '', v: e })) : v.entries
      const list: Rec[] = []
      for (const it of items) {
        if (list.length === max) {
          appendEllipsis(list)
          break
        }
        list.push({ diff: '', key: it.key, v: formatValue(it.v, next)! })
      }
      return withType(opts, v.type, v.k, { t: 'wrap', pre: '{', v: { t: 'list', recs: list }, post: '}' })
    }
  }
}

function stats(name: string, identical: number, removed = 0, inserted = 0, modified = 0): string {
  const parts: string[] = []
  const labels: [number, string][] = [
    [identical, 'identical'],
    [removed, 'removed'],
    [inserted, 'inserted'],
    [modified, 'modified'],
  ]
  let sum = 0
  for (const [n, l] of labels) {
    if (n > 0) parts.push(`${n} ${l}`)
    sum += n
  }
  let noun = name
  if (sum > 1) noun = name === 'entry' ? 'entries' : name + 's'
  if (parts.length <= 2) return `${parts.join(' and ')} ${noun}`
  return `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]} ${noun}`
}

function formatDiff(node: Node, opts: Opts): Text | undefined {
  opts = opts.mode === 'identical' ? { ...opts, verbosity: 1, limit: true } : { ...opts, verbosity: Math.max(opts.verbosity, 3), limit: true }
  if (node.maxDepth === 0) {
    if (opts.mode === 'identical' || (opts.mode === 'unknown' && node.numDiff === 0)) {
      const ox = formatValue(node.x, opts)
      const oy = formatValue(node.y, opts)
      return textLen(ox) < textLen(oy) ? ox : oy
    }
    if (opts.mode === 'removed') return formatValue(node.x, opts)
    if (opts.mode === 'inserted') return formatValue(node.y, opts)
    const list = pairRecords('', node, { ...opts, typeMode: 'elide' })
    return withType({ ...opts, typeMode: 'auto' }, node.type, 'struct', { t: 'wrap', pre: '{', v: { t: 'list', recs: list }, post: '}' })
  }
  if (node.kind === 'ptr') {
    const inner = formatDiff(node.recs[0].node, opts)
    return inner && { t: 'wrap', pre: '&', v: inner, post: '' }
  }
  const out = formatDiffList(node, opts)
  return withType(opts, node.type, node.kind as GoTree['k'], out)
}

function textLen(t: Text | undefined): number {
  return t ? render(compact(t).text).length : Infinity
}

/** The -/+ pair for a changed record, raising verbosity while both sides print the same. */
function pairRecords(key: string, node: Node, opts: Opts): Rec[] {
  let ox = formatDiff(node, { ...opts, mode: 'removed' })
  let oy = formatDiff(node, { ...opts, mode: 'inserted' })
  for (let i = 1; i <= 6 && ox && oy && render(compact(ox).text) === render(compact(oy).text); i++) {
    const o = { ...opts, verbosity: Math.max(opts.verbosity, 3) + 2 * i }
    ox = formatValueAt(node.x, o)
    oy = formatValueAt(node.y, o)
  }
  const recs: Rec[] = []
  if (ox) recs.push({ diff: '-', key, v: ox })
  if (oy) recs.push({ diff: '+', key, v: oy })
  return recs
}

function formatValueAt(v: GoTree | undefined, opts: Opts): Text | undefined {
  return formatValue(v, { ...opts, limit: true })
}

function formatDiffList(node: Node, opts: Opts): Text {
  const name = node.kind === 'struct' ? 'field' : node.kind === 'map' ? 'entry' : 'element'
  const childOpts: Opts = { ...opts, typeMode: node.kind === 'struct' ? 'auto' : 'elide' }
  const list: Rec[] = []
  if (opts.mode !== 'unknown') {
    const max = opts.mode === 'identical' ? ((1 << opts.verbosity) >> 1) << 2 : (1 << opts.verbosity) << 1
    let deferred = false
    for (const r of node.recs) {
      if (list.length === max) {
        deferred = true
        break
      }
      if (node.kind === 'struct') {
        const zero = opts.mode === 'identical' ? (r.node.x && isZero(r.node.x)) || (r.node.y && isZero(r.node.y)) : opts.mode === 'removed' ? !r.node.x || isZero(r.node.x) : !r.node.y || isZero(r.node.y)
        if (zero) continue
      }
      const out = formatDiff(r.node, { ...childOpts, verbosity: opts.verbosity - 1 })
      if (out) list.push({ diff: '', key: r.key, v: out })
    }
    if (deferred) appendEllipsis(list)
    return { t: 'wrap', pre: '{', v: { t: 'list', recs: list }, post: '}' }
  }
  // Group runs of equal and unequal records (coalesceAdjacentRecords).
  const recs = node.recs
  const groups: { equal: boolean; count: number }[] = []
  for (const r of recs) {
    const eq = r.node.numDiff === 0
    if (groups.length && groups[groups.length - 1].equal === eq) groups[groups.length - 1].count++
    else groups.push({ equal: eq, count: 1 })
  }
  let at = 0
  groups.forEach((g, gi) => {
    const run = recs.slice(at, at + g.count)
    at += g.count
    if (g.equal) {
      let lo = 0
      let hi = 0
      while (lo < 2 && lo + hi < g.count && gi !== 0) lo++
      while (hi < 2 && lo + hi < g.count && gi !== groups.length - 1) hi++
      if (g.count - (lo + hi) === 1) hi++
      for (const r of run.slice(0, lo)) list.push({ diff: '', key: r.key, v: formatDiff(r.node, { ...childOpts, mode: 'identical' })! })
      if (g.count > lo + hi) list.push({ diff: '', key: '', v: line(ELLIPSIS), elideComma: true, comment: stats(name, g.count - lo - hi) })
      for (const r of run.slice(g.count - hi)) list.push({ diff: '', key: r.key, v: formatDiff(r.node, { ...childOpts, mode: 'identical' })! })
      return
    }
    for (const r of run) {
      if (r.node.recs.length === r.node.maxDepth) list.push(...pairRecords(r.key, r.node, childOpts))
      else {
        const out = formatDiff(r.node, childOpts)
        if (out) list.push({ diff: '', key: r.key, v: out })
      }
    }
  })
  return { t: 'wrap', pre: '{', v: { t: 'list', recs: list }, post: '}' }
}

/** cmp.Diff(x, y) for two values of a Go type given in JSON form. */
export function goDiff(type: string, x: unknown, y: unknown): string {
  const node = compare(type, goTree(type, x), goTree(type, y))
  if (node.numDiff === 0) return ''
  const text = formatDiff(node, { mode: 'unknown', typeMode: 'auto', verbosity: 3, limit: true })!
  return indent(0, '') + expanded(compact(text).text, '', 0) + '\n'
}

/** The internal PodSpec keeps hostNetwork & co. in its security context, and has no serviceAccount. */
function internalPodSpec(spec: Record<string, unknown>): Record<string, unknown> {
  const s = { ...spec }
  const moved: Record<string, unknown> = {}
  for (const k of ['hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'hostUsers']) {
    if (s[k] !== undefined) moved[k] = s[k]
    delete s[k]
  }
  delete s.serviceAccount
  if (Object.keys(moved).length) s.securityContext = { ...((s.securityContext as object) ?? {}), ...moved }
  return s
}

export function podSpecDiff(oldSpec: unknown, newSpec: unknown): string {
  return goDiff('core.PodSpec', internalPodSpec(oldSpec as Record<string, unknown>), internalPodSpec(newSpec as Record<string, unknown>))
}

export function pvcSpecDiff(oldSpec: unknown, newSpec: unknown): string {
  return goDiff('core.PersistentVolumeClaimSpec', oldSpec, newSpec)
}
