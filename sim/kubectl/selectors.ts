// Label and field selectors as the API server parses them for a list (apimachinery pkg/labels
// selector.go Lexer/Parser, pkg/fields selector.go, and each registry's field-label conversion).
// kubectl passes `-l` / `--field-selector` through unparsed; a malformed one comes back as a
// BadRequest, which kubectl wraps in "Unable to find ... that match label selector ..." (see
// enhanceListError).

import { ApiError } from '../api/errors'
import { type FieldError, fieldError, fieldErrorText } from '../api/field-errors'
import type { KindInfo } from '../api/kinds'
import type { Requirement } from '../api/selectors'
import type { KubeObject } from '../api/types'
import { isQualifiedName, isValidLabelValue } from '../api/validation/names'

type Tok = 'id' | 'end' | 'err' | '!' | '!=' | '==' | '=' | '>' | '<' | '(' | ')' | ',' | 'in' | 'notin'

const SYMBOLS: Record<string, Tok> = { ')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', '<': '<', '!=': '!=', '(': '(' }
const KEYWORDS: Record<string, Tok> = { in: 'in', notin: 'notin' }
const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt'

const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n'
const isSpecial = (c: string) => '=!(),><'.includes(c)

function lex(s: string): { tok: Tok; lit: string }[] {
  const out: { tok: Tok; lit: string }[] = []
  let pos = 0
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos])) pos++
    if (pos >= s.length) {
      out.push({ tok: 'end', lit: '' })
      return out
    }
    if (isSpecial(s[pos])) {
      // Longest run of special characters that still forms a known symbol.
      let buf = ''
      let last: { tok: Tok; lit: string } | undefined
      while (pos < s.length && isSpecial(s[pos])) {
        buf += s[pos]
        if (SYMBOLS[buf]) {
          last = { tok: SYMBOLS[buf], lit: buf }
          pos++
        } else if (last) break
        else pos++
      }
      out.push(last ?? { tok: 'err', lit: `error expected: keyword found '${buf}'` })
      continue
    }
    let buf = ''
    while (pos < s.length && !isSpecial(s[pos]) && !isWhitespace(s[pos])) buf += s[pos++]
    out.push({ tok: KEYWORDS[buf] ?? 'id', lit: buf })
  }
}

class ParseError extends Error {}

function aggregate(errs: FieldError[]): string {
  const texts = [...new Set(errs.map(fieldErrorText))]
  return texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`
}

function newRequirement(key: string, op: Requirement['operator'], values: string[]): Requirement {
  const errs: FieldError[] = []
  const keyErrs = isQualifiedName(key)
  if (keyErrs.length) errs.push(fieldError.invalid('key', key, keyErrs.join('; ')))
  if ((op === 'GreaterThan' || op === 'LessThan') && values.some((v) => !/^[+-]?\d+$/.test(v))) {
    values.forEach((v, i) => {
      if (!/^[+-]?\d+$/.test(v)) errs.push(fieldError.invalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"))
    })
  }
  values.forEach((v, i) => {
    const e = isValidLabelValue(v)
    if (e.length) errs.push(fieldError.invalid(`values[${i}][${key}]`, v, e.join('; ')))
  })
  if (errs.length) throw new ParseError(aggregate(errs))
  return { key, operator: op, values }
}

/** labels.Parse: the requirements (sorted by key), or a BadRequest with the parser's message. */
export function parseLabelSelector(text: string): Requirement[] {
  const items = lex(text)
  let p = 0
  // In a value position the keywords `in`/`notin` are plain identifiers.
  const asValue = (t: Tok): Tok => (t === 'in' || t === 'notin' ? 'id' : t)
  const peek = () => ({ tok: asValue(items[p].tok), lit: items[p].lit })
  const next = (ctx: 'values' | 'op' = 'values') => {
    const it = items[p++]
    return { tok: ctx === 'values' ? asValue(it.tok) : it.tok, lit: it.lit }
  }
  const parseRequirement = (): Requirement => {
    let { tok, lit } = next()
    let negate = false
    if (tok === '!') {
      negate = true
      ;({ tok, lit } = next())
    }
    if (tok !== 'id') throw new ParseError(`found '${lit}', expected: identifier`)
    const keyErrs = isQualifiedName(lit)
    // validateLabelKey with the parser's nil path renders the field as "<nil>".
    if (keyErrs.length) throw new ParseError(fieldErrorText(fieldError.invalid('<nil>', lit, keyErrs.join('; '))))
    const key = lit
    // `!key` is DoesNotExist whatever follows (a following operator is then a syntax error).
    if (negate) return newRequirement(key, 'DoesNotExist', [])
    const la = peek().tok
    if (la === 'end' || la === ',') return newRequirement(key, 'Exists', [])
    const op = next('op')
    let operator: Requirement['operator']
    switch (op.tok) {
      case 'in':
        operator = 'In'
        break
      case 'notin':
        operator = 'NotIn'
        break
      case '=':
      case '==':
        operator = 'Equals'
        break
      case '!=':
        operator = 'NotEquals'
        break
      case '>':
        operator = 'GreaterThan'
        break
      case '<':
        operator = 'LessThan'
        break
      default:
        throw new ParseError(`found '${op.lit}', expected: ${BINARY_OPERATORS}`)
    }
    const values = operator === 'In' || operator === 'NotIn' ? parseValues() : parseExactValue()
    return newRequirement(key, operator, [...new Set(values)].sort())
  }
  const parseExactValue = (): string[] => {
    const la = peek().tok
    if (la === 'end' || la === ',') return ['']
    const { tok, lit } = next()
    if (tok === 'id') return [lit]
    throw new ParseError(`found '${lit}', expected: identifier`)
  }
  const parseValues = (): string[] => {
    const open = next()
    if (open.tok !== '(') throw new ParseError(`found '${open.lit}' expected: '('`)
    const la = peek()
    if (la.tok === ')') {
      next()
      return ['']
    }
    if (la.tok !== 'id' && la.tok !== ',') throw new ParseError(`found '${la.lit}', expected: ',', ')' or identifier`)
    const s = parseIdentifiersList()
    if (next().tok !== ')') throw new ParseError(`found '${la.lit}', expected: ')'`)
    return s
  }
  const parseIdentifiersList = (): string[] => {
    const s: string[] = []
    for (;;) {
      const { tok, lit } = next()
      if (tok === 'id') {
        s.push(lit)
        const la = peek()
        if (la.tok === ',') continue
        if (la.tok === ')') return s
        throw new ParseError(`found '${la.lit}', expected: ',' or ')'`)
      } else if (tok === ',') {
        if (s.length === 0) s.push('')
        const la = peek().tok
        if (la === ')') {
          s.push('')
          return s
        }
        if (la === ',') {
          next()
          s.push('')
        }
      } else {
        throw new ParseError(`found '${lit}', expected: ',', or identifier`)
      }
    }
  }
  const reqs: Requirement[] = []
  try {
    for (;;) {
      const { tok, lit } = peek()
      if (tok === 'end') break
      if (tok !== 'id' && tok !== '!') throw new ParseError(`found '${lit}', expected: !, identifier, or 'end of string'`)
      try {
        reqs.push(parseRequirement())
      } catch (e) {
        if (e instanceof ParseError) throw new ParseError(`unable to parse requirement: ${e.message}`)
        throw e
      }
      const t = next()
      if (t.tok === 'end') break
      if (t.tok !== ',') throw new ParseError(`found '${t.lit}', expected: ',' or 'end of string'`)
      const t2 = peek()
      if (t2.tok !== 'id' && t2.tok !== '!') throw new ParseError(`found '${t2.lit}', expected: identifier after ','`)
    }
  } catch (e) {
    if (e instanceof ParseError) throw new ApiError('BadRequest', e.message)
    throw e
  }
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

// ---------------------------------------------------------------- field selectors

export interface FieldTerm {
  field: string
  value: string
  negate: boolean
}

// The field labels each registry converts (metadata.name and metadata.namespace work everywhere).
const FIELD_LABELS: Partial<Record<string, readonly string[]>> = {
  Pod: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.podIPs',
    'status.nominatedNodeName',
  ],
  Event: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  Node: ['spec.unschedulable'],
  Namespace: ['status.phase'],
  Secret: ['type'],
  ReplicaSet: ['status.replicas'],
  Service: ['spec.clusterIP', 'spec.type'],
}

function splitTerms(s: string): string[] {
  if (s === '') return []
  const terms: string[] = []
  let start = 0
  let inSlash = false
  for (let i = 0; i < s.length; i++) {
    if (inSlash) inSlash = false
    else if (s[i] === '\\') inSlash = true
    else if (s[i] === ',') {
      terms.push(s.slice(start, i))
      start = i + 1
    }
  }
  terms.push(s.slice(start))
  return terms
}

/** fields.ParseSelector alone (the syntax, as kubectl checks it itself): BadRequest on a bad term. */
export function fieldSelectorTerms(text: string): FieldTerm[] {
  const terms: FieldTerm[] = []
  for (const part of splitTerms(text).sort()) {
    if (part === '') continue
    const m = /^(.*?)(!=|==|=)(.*)$/s.exec(part)
    if (!m) throw new ApiError('BadRequest', `invalid selector: '${text}'; can't understand '${part}'`)
    terms.push({ field: m[1], value: m[3].replace(/\\(.)/g, '$1'), negate: m[2] === '!=' })
  }
  return terms
}

/** fields.ParseSelector + the registry's label conversion: BadRequest errors as the server sends them. */
export function parseFieldSelector(text: string, kind: KindInfo): FieldTerm[] {
  const terms = fieldSelectorTerms(text)
  const allowed = ['metadata.name', 'metadata.namespace', ...(FIELD_LABELS[kind.kind] ?? [])]
  for (const t of terms) if (!allowed.includes(t.field)) throw new ApiError('BadRequest', `field label not supported: ${t.field}`)
  return terms
}

function fieldValue(o: KubeObject, field: string): string {
  const obj = o as unknown as Record<string, unknown>
  if (field === 'source') return String((obj.source as { component?: string } | undefined)?.component ?? '')
  if (field === 'status.podIPs') return String((o.status as { podIPs?: { ip: string }[] } | undefined)?.podIPs?.[0]?.ip ?? '')
  let cur: unknown = obj
  for (const part of field.split('.')) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined
  if (cur === undefined || cur === null) return field === 'spec.hostNetwork' || field === 'spec.unschedulable' ? 'false' : ''
  return String(cur)
}

export function matchesFields(o: KubeObject, terms: readonly FieldTerm[]): boolean {
  return terms.every((t) => (fieldValue(o, t.field) === t.value) !== t.negate)
}

/** cli-runtime EnhanceListError: what a BadRequest/NotFound from a list turns into. */
export function enhanceListError(err: unknown, kind: KindInfo, labelSelector: string, fieldSelector: string): unknown {
  if (!(err instanceof ApiError) || (err.reason !== 'BadRequest' && err.reason !== 'NotFound')) return err
  const subject = `${kind.group}/${kind.version}, Resource=${kind.resource}`
  const message =
    !labelSelector && !fieldSelector
      ? `Unable to list "${subject}": ${err.message}`
      : `Unable to find "${subject}" that match label selector "${labelSelector}", field selector "${fieldSelector}": ${err.message}`
  return new ApiError(err.reason, message, err.details)
}
