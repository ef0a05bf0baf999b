// `-o jsonpath=...`, `jsonpath-file=...` and `jsonpath-as-json=...`: cli-runtime's JSONPathPrinter over
// client-go's JSONPath. Each result list prints its values separated by one space; maps and lists
// print as compact JSON (json.Marshal: sorted keys, HTML-safe escapes), null as `null`, numbers as Go's
// %v. Errors are kubectl's texts, including the dump of the object (Go's %#v) on execution errors.

import type { KubeObject } from '../../../api/types'
import { KubectlError } from '../../errors'
import { goQuote, goSprint, goSyntax } from '../go-template/fmt'
import { GoFloat, GoInt, kindOf } from '../go-template/go-value'
import { toGoJson, toGoJsonCompact } from '../json'
import type { ObjectPrinter } from '../registry'
import { JsonPath, JsonPathExecError } from './evaluate'
import { JsonPathParseError, parseJsonPath, type ListNode } from './parser'

/** A value as json.Marshal sees it (template constants become plain numbers). */
function plain(v: unknown): unknown {
  return v instanceof GoFloat || v instanceof GoInt ? v.value : v
}

/** PrintResults: the text of one result list. */
export function printResults(results: readonly unknown[], asJson = false): string {
  if (asJson) return toGoJson(results.map(plain))
  return results
    .map((r) => {
      const k = kindOf(r)
      if (k === 'map' || k === 'slice') return toGoJsonCompact(r)
      if (k === 'nil') return 'null'
      return goSprint(r)
    })
    .join(' ')
}

/** Parses a template the way `-o jsonpath` does, or throws kubectl's "error parsing jsonpath" error. */
export function parseJsonPathTemplate(template: string): ListNode {
  try {
    return parseJsonPath(template)
  } catch (e) {
    if (e instanceof JsonPathParseError) throw new KubectlError(`error parsing jsonpath ${template}, ${e.message}`)
    throw e
  }
}

export class JsonPathPrinter implements ObjectPrinter {
  private readonly jsonPath: JsonPath

  constructor(
    private readonly template: string,
    allowMissingKeys: boolean,
    private readonly asJson = false,
  ) {
    this.jsonPath = new JsonPath(parseJsonPathTemplate(template), allowMissingKeys)
  }

  print(obj: KubeObject): string {
    let results: unknown[][]
    try {
      results = this.jsonPath.findResults(obj)
    } catch (e) {
      if (!(e instanceof JsonPathExecError)) throw e
      throw new KubectlError(
        `error executing jsonpath ${goQuote(this.template)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
          `\ttemplate was:\n\t\t${this.template}\n` +
          `\tobject given to jsonpath engine was:\n\t\t${goSyntax(obj)}\n\n\n`,
      )
    }
    return results.map((r) => printResults(r, this.asJson)).join('')
  }
}
