// Label and field selectors as the API server parses them for a list (apimachinery labels.Parse and
// fields.ParseSelector messages; the field labels each registry converts).

import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/errors'
import { kindInfo } from '../api/kinds'
import { enhanceListError, parseFieldSelector, parseLabelSelector } from './selectors'

function labelError(s: string): string {
  try {
    parseLabelSelector(s)
  } catch (e) {
    if (e instanceof ApiError) return e.message
    throw e
  }
  return 'no error'
}

describe('parseLabelSelector', () => {
  it('reads every operator, sorted by key', () => {
    expect(parseLabelSelector('tier notin (db),app=nginx,!legacy,env in (prod, dev),idx>1,x==y,y!=z,release')).toEqual([
      { key: 'app', operator: 'Equals', values: ['nginx'] },
      { key: 'env', operator: 'In', values: ['dev', 'prod'] },
      { key: 'idx', operator: 'GreaterThan', values: ['1'] },
      { key: 'legacy', operator: 'DoesNotExist', values: [] },
      { key: 'release', operator: 'Exists', values: [] },
      { key: 'tier', operator: 'NotIn', values: ['db'] },
      { key: 'x', operator: 'Equals', values: ['y'] },
      { key: 'y', operator: 'NotEquals', values: ['z'] },
    ])
  })

  it('selects everything for an empty selector', () => {
    expect(parseLabelSelector('')).toEqual([])
  })

  it.each([
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['app in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['app in a', "unable to parse requirement: found 'a' expected: '('"],
    ['app=nginx,', "found '', expected: identifier after ','"],
    ['=x', "found '=', expected: !, identifier, or 'end of string'"],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['idx>a', `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`],
  ])('rejects %j: %s', (s, message) => {
    expect(labelError(s)).toBe(message)
  })

  it('rejects an invalid key with the parser nil path', () => {
    expect(labelError('a/b/c')).toMatch(/^unable to parse requirement: <nil>: Invalid value: "a\/b\/c": a qualified name must consist of/)
  })
})

describe('parseFieldSelector', () => {
  it('reads =, == and != terms, sorted', () => {
    expect(parseFieldSelector('status.phase!=Failed,spec.nodeName==n1', kindInfo('Pod'))).toEqual([
      { field: 'spec.nodeName', value: 'n1', negate: false },
      { field: 'status.phase', value: 'Failed', negate: true },
    ])
  })

  it('accepts metadata.name for every kind', () => {
    expect(parseFieldSelector('metadata.name=web', kindInfo('StatefulSet'))).toEqual([{ field: 'metadata.name', value: 'web', negate: false }])
  })

  it('rejects a field the registry does not convert', () => {
    expect(() => parseFieldSelector('status.phase=Running', kindInfo('StatefulSet'))).toThrow('field label not supported: status.phase')
  })

  it('rejects a term without an operator', () => {
    expect(() => parseFieldSelector('metadata.name', kindInfo('Pod'))).toThrow("invalid selector: 'metadata.name'; can't understand 'metadata.name'")
  })
})

describe('enhanceListError', () => {
  it('says which list and selectors failed, as kubectl does', () => {
    const e = enhanceListError(new ApiError('BadRequest', 'field label not supported: foo'), kindInfo('Pod'), '', 'foo=bar') as ApiError
    expect(e.message).toBe('Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo')
  })
})
