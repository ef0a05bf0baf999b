// The JSONPath side of `kubectl get --sort-by` (kubectl pkg/cmd/get/sorter.go SortObjects and
// RuntimeSort.Less): the flag is a relaxed path (`.a.b`, `{.a.b}`, `a.b`), parsed with missing keys
// allowed, and each object is compared by the first value of the first result; an object without
// one sorts first. The comparison itself (isLess: numbers, quantities, strings) is get's.

import type { KubeObject } from '../../../api/types'
import { KubectlError } from '../../errors'
import { goQuote } from '../go-template/fmt'
import { relaxedJsonPathExpression } from '../custom-columns'
import { JsonPath, JsonPathExecError } from './evaluate'
import { JsonPathParseError, parseJsonPath, type ListNode } from './parser'

export class SortPath {
  /** The normalized template, `{.status.podIP}` (kubectl's messages quote it). */
  readonly field: string
  private readonly root: ListNode

  /** Throws kubectl's errors for a path it rejects ("unexpected path string ...", "unterminated array"). */
  constructor(sortBy: string) {
    this.field = relaxedJsonPathExpression(sortBy)
    try {
      this.root = parseJsonPath(this.field)
    } catch (e) {
      if (e instanceof JsonPathParseError) throw new KubectlError(e.message)
      throw e
    }
  }

  /** The value an object sorts by, or undefined when the path finds nothing in it. */
  valueOf(obj: unknown): unknown {
    let results: unknown[][]
    try {
      // A fresh JSONPath per lookup, as RuntimeSort.Less parses the field anew each time.
      results = new JsonPath(this.root, true).findResults(obj)
    } catch (e) {
      if (e instanceof JsonPathExecError) throw new KubectlError(e.message)
      throw e
    }
    return results.length > 0 && results[0].length > 0 ? results[0][0] : undefined
  }

  /** SortObjects: at least one object must have the field. */
  requireFoundIn(objs: readonly KubeObject[]): void {
    if (!objs.some((o) => this.valueOf(o) !== undefined)) {
      throw new KubectlError(`couldn't find any field with path ${goQuote(this.field)} in the list of objects`)
    }
  }
}
