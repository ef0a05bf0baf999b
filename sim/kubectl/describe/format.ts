// The small formatting rules describe shares (kubectl pkg/describe/describe.go helpers and the Go fmt
// verbs they use): RFC1123Z dates in UTC, `%v` of a string slice, labels.FormatLabels, and the
// multi-line Labels/Annotations/Taints/Tolerations/"Used By" blocks whose continuation lines start with
// a tab so their values line up with the first one.

import { parseRfc3339, toCivil } from '../../core/time'
import { goSortBy } from '../go-sort'
import { type DescribeWriter, LEVEL_0 } from './writer'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const p2 = (n: number) => String(n).padStart(2, '0')

/** time.RFC1123Z in UTC (kubectl formats in local time; the lab's terminal is UTC): `Tue, 16 Jul 2024 10:21:30 +0000`. */
export function rfc1123z(ms: number): string {
  const c = toCivil(ms)
  return `${DAYS[c.weekday]}, ${p2(c.day)} ${MONTHS[c.month - 1]} ${String(c.year).padStart(4, '0')} ${p2(c.hour)}:${p2(c.minute)}:${p2(c.second)} +0000`
}

/** Go's zero time.Time formatted with RFC1123Z (a missing metav1.Time prints this). */
const ZERO_TIME = 'Mon, 01 Jan 0001 00:00:00 +0000'

/** `t.Time.Format(time.RFC1123Z)` of an RFC3339 field; the zero time when it is unset. */
export function formatTime(ts: string | null | undefined): string {
  const ms = parseRfc3339(ts)
  return ms === undefined ? ZERO_TIME : rfc1123z(ms)
}

/** fmt `%v` of a []string: `[a b]`, `[]` when empty. */
export function goSlice(items: readonly string[] | null | undefined): string {
  return `[${(items ?? []).join(' ')}]`
}

/** sort.Strings (byte order; UTF-16 order agrees for the text objects hold). */
export function sortedStrings(items: readonly string[]): string[] {
  return goSortBy(items, (a, b) => a < b)
}

/** labels.FormatLabels: `k=v,k2=v2` sorted by key, `<none>` when empty. */
export function formatLabels(m: Readonly<Record<string, string>> | null | undefined): string {
  const keys = sortedStrings(Object.keys(m ?? {}))
  if (keys.length === 0) return '<none>'
  return keys.map((k) => `${k}=${m![k]}`).join(',')
}

/** Bytes in the UTF-8 encoding of `s` (Go's len(string)). */
export function utf8Len(s: string): number {
  let n = 0
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return n
}

/** The first `max` bytes of `s` (Go's s[:max]; describe only cuts ASCII-ish annotation values). */
function byteSlice(s: string, max: number): string {
  let n = 0
  let out = ''
  for (const ch of s) {
    const w = utf8Len(ch)
    if (n + w > max) break
    n += w
    out += ch
  }
  return out
}

/** printLabelsMultilineWithIndent: `<title>:\t` then one `k=v` a line, sorted; `<none>` when empty. */
export function printLabelsMultiline(
  w: DescribeWriter,
  title: string,
  labels: Readonly<Record<string, string>> | null | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  const keys = sortedStrings(Object.keys(labels ?? {}))
  if (keys.length === 0) {
    w.line('<none>')
    return
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent)
      w.write(LEVEL_0, innerIndent)
    }
    w.write(LEVEL_0, `${key}=${labels![key]}\n`)
  })
}

// describe.go maxAnnotationLen; kubectl.kubernetes.io/last-applied-configuration is never shown.
const MAX_ANNOTATION_LEN = 140
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration'])

/** printAnnotationsMultiline: `key: value`, long or multi-line values on their own lines, cut at 138 bytes. */
export function printAnnotationsMultiline(w: DescribeWriter, title: string, annotations: Readonly<Record<string, string>> | null | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  const keys = sortedStrings(Object.keys(annotations ?? {}).filter((k) => !SKIPPED_ANNOTATIONS.has(k)))
  if (keys.length === 0) {
    w.line('<none>')
    return
  }
  const indent = '\t'
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent)
    const value = annotations![key].endsWith('\n') ? annotations![key].slice(0, -1) : annotations![key]
    if (utf8Len(value) + utf8Len(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`)
      for (const s of value.split('\n')) {
        const max = MAX_ANNOTATION_LEN - 2
        w.write(LEVEL_0, `${indent}  ${utf8Len(s) > max ? byteSlice(s, max) + '...' : s}\n`)
      }
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`)
    }
  })
}

/** A continuation-line block (taints, tolerations, pods): the title, then one entry a line. */
function printMultiline(w: DescribeWriter, title: string, entries: readonly string[], initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  if (entries.length === 0) {
    w.line('<none>')
    return
  }
  entries.forEach((e, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent)
      w.write(LEVEL_0, innerIndent)
    }
    w.write(LEVEL_0, `${e}\n`)
  })
}

export interface TaintLike {
  key: string
  value?: string
  effect: string
}

/** Taint.ToString: `key=value:effect`, `key:effect`. */
export function taintString(t: TaintLike): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}`
}

/** printTaintsMultilineWithIndent: sorted by `effect,key`. */
export function printTaintsMultiline(w: DescribeWriter, title: string, taints: readonly TaintLike[] | null | undefined): void {
  const sorted = goSortBy(taints ?? [], (a, b) => `${a.effect},${a.key}` < `${b.effect},${b.key}`)
  printMultiline(w, title, sorted.map(taintString))
}

export interface TolerationLike {
  key?: string
  operator?: string
  value?: string
  effect?: string
  tolerationSeconds?: number
}

/** One toleration as describe prints it: `key=value:effect op=Exists for 300s`. */
function tolerationString(t: TolerationLike): string {
  let s = t.key ?? ''
  if (t.value) s += `=${t.value}`
  if (t.effect) s += `:${t.effect}`
  // `operator: Exists` with no value tolerates everything (with no key and effect it prints bare).
  if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists'
  if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`
  return s
}

/** printTolerationsMultilineWithIndent: sorted by key. */
export function printTolerationsMultiline(w: DescribeWriter, title: string, tolerations: readonly TolerationLike[] | null | undefined): void {
  const sorted = goSortBy(tolerations ?? [], (a, b) => (a.key ?? '') < (b.key ?? ''))
  printMultiline(w, title, sorted.map(tolerationString))
}

/** printPodsMultiline ("Used By"): pod names sorted. */
export function printPodsMultiline(w: DescribeWriter, title: string, podNames: readonly string[]): void {
  printMultiline(w, title, goSortBy(podNames, (a, b) => a < b))
}

/** printBool: `True` / `False`. */
export function printBool(v: boolean | undefined): string {
  return v ? 'True' : 'False'
}

/** printBoolPtr: `<unset>` for a missing value. */
export function printBoolPtr(v: boolean | undefined | null): string {
  return v === undefined || v === null ? '<unset>' : printBool(v)
}

/** stringOrNone. */
export function stringOrNone(s: string | undefined): string {
  return s ? s : '<none>'
}

interface LabelSelectorLike {
  matchLabels?: Record<string, string>
  matchExpressions?: { key: string; operator: string; values?: string[] }[]
}

/**
 * metav1.LabelSelectorAsSelector(...).String(): matchLabels as `k=v`, expressions as `k in (a,b)`,
 * `k notin (a)`, `k`, `!k`, requirements sorted by key; '' for a nil or empty selector.
 */
export function labelSelectorString(sel: LabelSelectorLike | null | undefined): string {
  if (!sel) return ''
  const reqs: { key: string; text: string }[] = []
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` })
  for (const e of sel.matchExpressions ?? []) {
    const values = e.values ?? []
    const list = values.length === 1 ? values[0] : sortedStrings(values).join(',')
    if (e.operator === 'In') reqs.push({ key: e.key, text: `${e.key} in (${list})` })
    else if (e.operator === 'NotIn') reqs.push({ key: e.key, text: `${e.key} notin (${list})` })
    else if (e.operator === 'Exists') reqs.push({ key: e.key, text: e.key })
    else if (e.operator === 'DoesNotExist') reqs.push({ key: e.key, text: `!${e.key}` })
    else return '<error>'
  }
  return goSortBy(reqs, (a, b) => a.key < b.key)
    .map((r) => r.text)
    .join(',')
}

/** metav1.FormatLabelSelector: `<none>` when the selector selects everything or nothing. */
export function formatLabelSelector(sel: LabelSelectorLike | null | undefined): string {
  return labelSelectorString(sel) || '<none>'
}
