// The comparisons of JSONPath filters (`[?(@.port>80)]`), as client-go's forked text/template funcs.go
// has them: only basic kinds compare, both sides of the same kind (an int64 field against an int
// constant is fine, against a float constant it is "incompatible types for comparison").

import { kindOf, numberOf } from '../go-template/go-value'

export class ComparisonError extends Error {}

const BAD_TYPE = 'invalid type for comparison'
const BAD_COMPARISON = 'incompatible types for comparison'

type Basic = 'bool' | 'int' | 'float' | 'string'

function basicKind(v: unknown): Basic {
  const k = kindOf(v)
  if (k === 'bool' || k === 'int' || k === 'float' || k === 'string') return k
  throw new ComparisonError(BAD_TYPE)
}

export function goEqual(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a)
  const k2 = basicKind(b)
  if (k1 !== k2) throw new ComparisonError(BAD_COMPARISON)
  if (k1 === 'int' || k1 === 'float') return numberOf(a) === numberOf(b)
  return a === b
}

export function goLess(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a)
  const k2 = basicKind(b)
  if (k1 !== k2) throw new ComparisonError(BAD_COMPARISON)
  if (k1 === 'bool') throw new ComparisonError(BAD_TYPE)
  if (k1 === 'string') return (a as string) < (b as string)
  return numberOf(a) < numberOf(b)
}

/** The filter operators; anything else is "unrecognized filter operator". */
export function compareWith(op: string, a: unknown, b: unknown): boolean | undefined {
  switch (op) {
    case '<':
      return goLess(a, b)
    case '>':
      return !(goLess(a, b) || goEqual(a, b))
    case '==':
      return goEqual(a, b)
    case '!=':
      return !goEqual(a, b)
    case '<=':
      return goLess(a, b) || goEqual(a, b)
    case '>=':
      return !goLess(a, b)
  }
  return undefined
}
