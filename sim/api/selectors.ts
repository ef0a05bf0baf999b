// Label selectors: the API's LabelSelector (matchLabels + matchExpressions) and the string form that
// kubectl's `-l` and the API's labelSelector parameter use (apimachinery pkg/labels/selector.go).

import type { LabelSelector } from './types'

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Equals' | 'NotEquals' | 'GreaterThan' | 'LessThan'

export interface Requirement {
  key: string
  operator: Operator
  values: string[]
}

/** A parsed selector: all requirements must hold. `null` selects nothing (a nil LabelSelector). */
export type Selector = readonly Requirement[] | null

type Labels = Readonly<Record<string, string>> | undefined

export function matches(selector: Selector, labels: Labels): boolean {
  if (selector === null) return false
  for (const r of selector) if (!requirementMatches(r, labels)) return false
  return true
}

function requirementMatches(r: Requirement, labels: Labels): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key)
  const v = has ? labels![r.key] : undefined
  switch (r.operator) {
    case 'In':
    case 'Equals':
      return has && r.values.includes(v!)
    case 'NotIn':
    case 'NotEquals':
      return !has || !r.values.includes(v!)
    case 'Exists':
      return has
    case 'DoesNotExist':
      return !has
    case 'GreaterThan':
    case 'LessThan': {
      if (!has || !/^-?\d+$/.test(v!)) return false
      const n = Number(v)
      const bound = Number(r.values[0])
      return r.operator === 'GreaterThan' ? n > bound : n < bound
    }
  }
}

/**
 * metav1.LabelSelectorAsSelector: nil selects nothing, an empty selector selects everything.
 * Unknown operators make the selector select nothing (the real function returns an error).
 */
export function fromLabelSelector(sel: LabelSelector | null | undefined): Selector {
  if (sel === null || sel === undefined) return null
  const reqs: Requirement[] = []
  for (const key of Object.keys(sel.matchLabels ?? {}).sort()) {
    reqs.push({ key, operator: 'In', values: [sel.matchLabels![key]] })
  }
  for (const e of sel.matchExpressions ?? []) {
    switch (e.operator) {
      case 'In':
      case 'NotIn':
        reqs.push({ key: e.key, operator: e.operator, values: [...(e.values ?? [])] })
        break
      case 'Exists':
      case 'DoesNotExist':
        reqs.push({ key: e.key, operator: e.operator, values: [] })
        break
      default:
        return null
    }
  }
  return reqs
}

/** A selector made of key=value pairs (a Service's spec.selector). Empty or missing selects nothing. */
export function fromMap(m: Readonly<Record<string, string>> | undefined | null): Selector {
  if (!m || Object.keys(m).length === 0) return null
  return Object.keys(m)
    .sort()
    .map((key) => ({ key, operator: 'In' as const, values: [m[key]] }))
}

/** The string form (selector.String()): `app=nginx,tier in (a,b),!x`. Requirements sorted by key. */
export function selectorString(selector: Selector): string {
  if (selector === null) return '<none>'
  return [...selector]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => {
      switch (r.operator) {
        case 'In':
          return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${[...r.values].sort().join(',')})`
        case 'Equals':
          return `${r.key}=${r.values[0]}`
        case 'NotEquals':
          return `${r.key}!=${r.values[0]}`
        case 'NotIn':
          return `${r.key} notin (${[...r.values].sort().join(',')})`
        case 'Exists':
          return r.key
        case 'DoesNotExist':
          return `!${r.key}`
        case 'GreaterThan':
          return `${r.key}>${r.values[0]}`
        case 'LessThan':
          return `${r.key}<${r.values[0]}`
      }
    })
    .join(',')
}

/** describe's form of a LabelSelector (metav1.FormatLabelSelector): `<none>` when empty. */
export function formatLabelSelector(sel: LabelSelector | null | undefined): string {
  const s = fromLabelSelector(sel)
  if (s === null) return '<none>'
  if (s.length === 0) return '<none>'
  return selectorString(s)
}

export class SelectorParseError extends Error {}

/**
 * Parses the string syntax (`a=b,c!=d,e in (x,y),!f,g,h notin (z)`); an empty string selects
 * everything. Throws SelectorParseError with apimachinery's wording for malformed input.
 */
export function parseSelector(text: string): Requirement[] {
  const reqs: Requirement[] = []
  let i = 0
  const s = text
  const skipWs = () => {
    while (i < s.length && /\s/.test(s[i])) i++
  }
  const readIdent = () => {
    const start = i
    while (i < s.length && !/[\s,=!()<>]/.test(s[i])) i++
    return s.slice(start, i)
  }
  skipWs()
  if (i >= s.length) return reqs
  for (;;) {
    skipWs()
    let negate = false
    if (s[i] === '!') {
      negate = true
      i++
      skipWs()
    }
    const key = readIdent()
    if (!key) throw new SelectorParseError(`found '${s[i] ?? ''}', expected: identifier`)
    skipWs()
    if (negate) {
      reqs.push({ key, operator: 'DoesNotExist', values: [] })
    } else if (i >= s.length || s[i] === ',') {
      reqs.push({ key, operator: 'Exists', values: [] })
    } else if (s.startsWith('!=', i)) {
      i += 2
      skipWs()
      reqs.push({ key, operator: 'NotEquals', values: [readIdent()] })
    } else if (s.startsWith('==', i)) {
      i += 2
      skipWs()
      reqs.push({ key, operator: 'Equals', values: [readIdent()] })
    } else if (s[i] === '=') {
      i += 1
      skipWs()
      reqs.push({ key, operator: 'Equals', values: [readIdent()] })
    } else if (s[i] === '>' || s[i] === '<') {
      const op = s[i] === '>' ? 'GreaterThan' : 'LessThan'
      i += 1
      skipWs()
      const v = readIdent()
      if (!/^-?\d+$/.test(v)) throw new SelectorParseError(`for 'Gt', 'Lt' operators, exactly one value is required`)
      reqs.push({ key, operator: op, values: [v] })
    } else {
      const word = readIdent()
      const op = word === 'in' ? 'In' : word === 'notin' ? 'NotIn' : undefined
      if (!op) throw new SelectorParseError(`found '${word || s[i]}', expected: '=', '!=', '==', 'in', notin'`)
      skipWs()
      if (s[i] !== '(') throw new SelectorParseError(`found '${s[i] ?? ''}', expected: '('`)
      i++
      const values: string[] = []
      for (;;) {
        skipWs()
        values.push(readIdent())
        skipWs()
        if (s[i] === ',') {
          i++
          continue
        }
        if (s[i] === ')') {
          i++
          break
        }
        throw new SelectorParseError(`found '${s[i] ?? ''}', expected: ',', ')' or identifier`)
      }
      reqs.push({ key, operator: op, values: values.filter((v) => v !== '' || values.length === 1) })
    }
    skipWs()
    if (i >= s.length) break
    if (s[i] !== ',') throw new SelectorParseError(`found '${s[i]}', expected: ',' or 'end of string'`)
    i++
  }
  return reqs
}
