// Evaluates a parsed JSONPath template against a JSON object, as k8s.io/client-go/util/jsonpath's
// JSONPath does (FindResults/walk/eval*): every node maps a list of values to a list of values; the
// top-level actions each give one result list; `{range}`...`{end}` re-runs the nodes between them for
// every value, with upstream's counters (beginRange/inRange/endRange) so that odd templates (a range
// without end, an end without range) behave as kubectl's do. Map keys are visited in sorted order
// (Go visits them in random order, so any fixed order is one kubectl could print).

import { GoFloat, GoInt, goTypeName, INVALID, isMap, kindOf, sortedKeys, utf8Bytes, type GoMap } from '../go-template/go-value'
import { goSprint } from '../go-template/fmt'
import { compareWith, ComparisonError } from './compare'
import type { JsonPathNode, ListNode } from './parser'

/** An error while executing a template (kubectl wraps it in "error executing jsonpath ..."). */
export class JsonPathExecError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'JsonPathExecError'
  }
}

type Values = unknown[]

/** One JSONPath template with the state upstream keeps between (and during) executions. */
export class JsonPath {
  private rootNodes: JsonPathNode[]
  private beginRange = 0
  private inRange = 0
  private endRange = 0
  private lastEndNode: JsonPathNode | undefined

  constructor(
    root: ListNode,
    readonly allowMissingKeys: boolean,
  ) {
    this.rootNodes = root.nodes
  }

  /** FindResults: one list of values per top-level node that produces output. */
  findResults(data: unknown): Values[] {
    const cur: Values = [data]
    const nodes = this.rootNodes
    const full: Values[] = []
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i])
      // An end node closes the current block.
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--
        this.lastEndNode = nodes[i]
        break
      }
      // A range node: run the following nodes for each value.
      if (this.beginRange > 0) {
        this.beginRange--
        this.inRange++
        this.rootNodes = nodes.slice(i + 1)
        if (results.length > 0) {
          for (const value of results) {
            this.rootNodes = nodes.slice(i + 1)
            full.push(...this.findResults(value))
          }
        } else {
          // Still walk the body so the position moves on to its end node.
          this.findResults(INVALID)
        }
        this.inRange--
        // Resume after the most recent end node met.
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k
            break
          }
        }
        continue
      }
      full.push(results)
    }
    return full
  }

  private walk(input: Values, node: JsonPathNode): Values {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node)
      case 'text':
        return [node.text]
      case 'field':
        return this.evalField(input, node.name)
      case 'array':
        return evalArray(input, node.params)
      case 'filter':
        return this.evalFilter(input, node)
      case 'int':
        return input.map(() => new GoInt(node.value))
      case 'float':
        return input.map(() => new GoFloat(node.value))
      case 'bool':
        return input.map(() => node.value)
      case 'wildcard':
        return input.flatMap(children)
      case 'recursive':
        return evalRecursive(input)
      case 'union':
        return node.lists.flatMap((l) => this.evalList(input, l))
      case 'identifier':
        return this.evalIdentifier(input, node.name)
    }
  }

  private evalList(input: Values, list: ListNode): Values {
    let cur = input
    for (const n of list.nodes) cur = this.walk(cur, n)
    return cur
  }

  private evalIdentifier(input: Values, name: string): Values {
    if (name === 'range') {
      this.beginRange++
      return input
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++
        return []
      }
      throw new JsonPathExecError('not in range, nothing to end')
    }
    throw new JsonPathExecError(`unrecognized identifier ${name}`)
  }

  private evalField(input: Values, name: string): Values {
    const results: Values = []
    if (input.length === 0) return results
    for (const v of input) {
      if (v === null) continue
      if (isMap(v) && Object.prototype.hasOwnProperty.call(v, name) && (v as GoMap)[name] !== undefined) {
        results.push((v as GoMap)[name])
      }
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathExecError(`${name} is not found`)
    return results
  }

  private evalFilter(input: Values, node: Extract<JsonPathNode, { type: 'filter' }>): Values {
    const results: Values = []
    for (const v of input) {
      if (!Array.isArray(v)) throw new JsonPathExecError(`${goSprint(v)} is not array or slice and cannot be filtered`)
      for (const elem of v) {
        let lefts: Values
        let leftError: unknown
        try {
          lefts = this.evalList([elem], node.left)
        } catch (e) {
          lefts = []
          leftError = e
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(elem)
          continue
        }
        if (leftError) throw leftError
        if (lefts.length === 0) continue
        if (lefts.length > 1) throw new JsonPathExecError('can only compare one element at a time')
        const rights = this.evalList([elem], node.right)
        if (rights.length === 0) continue
        if (rights.length > 1) throw new JsonPathExecError('can only compare one element at a time')
        let pass: boolean | undefined
        try {
          pass = compareWith(node.operator, lefts[0], rights[0])
        } catch (e) {
          if (e instanceof ComparisonError) throw new JsonPathExecError(e.message)
          throw e
        }
        if (pass === undefined) throw new JsonPathExecError(`unrecognized filter operator ${node.operator}`)
        if (pass) results.push(elem)
      }
    }
    return results
  }
}

/** evalArray: an index or slice of every array in the input. */
function evalArray(input: Values, params: Extract<JsonPathNode, { type: 'array' }>['params']): Values {
  const result: Values = []
  for (const v of input) {
    if (v === null) continue
    if (v === INVALID) throw new JsonPathExecError('reflect: call of reflect.Value.Type on zero Value')
    if (!Array.isArray(v)) throw new JsonPathExecError(`${goTypeName(v)} is not array or slice`)
    const len = v.length
    let start = params[0].known ? params[0].value : 0
    if (start < 0) start += len
    let end = params[1].known ? params[1].value : len
    if (end < 0 || (end === 0 && params[1].derived)) end += len
    if (end === start) return result
    if (start >= len || start < 0) throw new JsonPathExecError(`array index out of bounds: index ${start}, length ${len}`)
    if (end > len || end < 0) throw new JsonPathExecError(`array index out of bounds: index ${end - 1}, length ${len}`)
    if (start > end) throw new JsonPathExecError(`starting index ${start} is greater than ending index ${end}`)
    let step = 1
    if (params[2].known) {
      if (params[2].value <= 0) throw new JsonPathExecError('step must be > 0')
      step = params[2].value
    }
    for (let i = start; i < end; i += step) result.push(v[i])
  }
  return result
}

/** What `*` and `..` see inside a value: map values, array elements, or the bytes of a string. */
function children(v: unknown): Values {
  switch (kindOf(v)) {
    case 'map':
      return sortedKeys(v as GoMap).map((k) => (v as GoMap)[k])
    case 'slice':
      return [...(v as unknown[])]
    case 'string':
      return utf8Bytes(v as string).map((b) => new GoInt(b, 'uint8'))
    default:
      return []
  }
}

/** evalRecursive: every value that has children, followed by its descendants that have some. */
function evalRecursive(input: Values): Values {
  const result: Values = []
  for (const v of input) {
    if (v === null) continue
    const kids = children(v)
    if (kids.length === 0) continue
    result.push(v)
    result.push(...evalRecursive(kids))
  }
  return result
}
