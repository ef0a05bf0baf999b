// What `kubectl wait --for=...` waits for (kubectl pkg/cmd/wait/wait.go conditionFuncFor,
// condition.go checkCondition, json.go checkCondition): delete, create, condition=NAME[=VALUE]
// (compared case-insensitively, and only once the condition's or the status's observedGeneration
// has caught up with metadata.generation), or jsonpath='{...}'[=VALUE] (one scalar result, compared
// as Go's %v prints it, or any non-empty result when no value is given). Pure.

import type { KubeObject } from '../../api/types'
import { KubectlError } from '../errors'
import { relaxedJsonPath } from '../jsonpath-lite'
import { goSprint } from '../printers/go-template/fmt'
import { kindOf } from '../printers/go-template/go-value'
import { JsonPath, JsonPathExecError } from '../printers/jsonpath/evaluate'
import { JsonPathParseError, parseJsonPath } from '../printers/jsonpath/parser'

export type WaitFor =
  | { type: 'delete' }
  | { type: 'create' }
  | { type: 'condition'; name: string; value: string }
  | { type: 'jsonpath'; path: JsonPath; value: string | undefined }

/** unicode simple case folding, close enough for condition names and values (strings.EqualFold). */
function equalFold(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase()
}

/** splitJSONPathInput: split on single '='; '==' stays in the expression. */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = []
  let el = ''
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (i < input.length - 1 && input[i + 1] === '=') {
        el += '=='
        i++
        continue
      }
      out.push(el)
      el = ''
      continue
    }
    el += input[i]
  }
  out.push(el)
  return out
}

function parseJsonPathFor(input: string): WaitFor {
  const parts = splitJsonPathInput(input)
  if (parts.length < 1 || parts.length > 2) {
    throw new KubectlError("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'")
  }
  const expr = relaxedJsonPath(parts[0])
  if (expr === undefined) throw new KubectlError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
  let value: string | undefined
  if (parts.length === 2) {
    value = parts[1].replace(/^['"]+|['"]+$/g, '')
    if (value === '') throw new KubectlError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3")
  }
  if (expr === '') throw new KubectlError('jsonpath expression cannot be empty')
  try {
    return { type: 'jsonpath', path: new JsonPath(parseJsonPath(expr), true), value }
  } catch (e) {
    if (e instanceof JsonPathParseError) throw new KubectlError(e.message)
    throw e
  }
}

/** conditionFuncFor: the --for value, or kubectl's error for one it does not know. */
export function parseWaitFor(condition: string): WaitFor {
  const lower = condition.toLowerCase()
  if (lower === 'delete') return { type: 'delete' }
  if (lower === 'create') return { type: 'create' }
  if (condition.startsWith('condition=')) {
    const rest = condition.slice('condition='.length)
    const eq = rest.indexOf('=')
    return eq < 0 ? { type: 'condition', name: rest, value: 'true' } : { type: 'condition', name: rest.slice(0, eq), value: rest.slice(eq + 1) }
  }
  if (condition.startsWith('jsonpath=')) return parseJsonPathFor(condition.slice('jsonpath='.length))
  throw new KubectlError(`unrecognized condition: "${condition}"`)
}

type Conditioned = { metadata?: { generation?: number }; status?: { observedGeneration?: number; conditions?: { type?: string; status?: string; observedGeneration?: number }[] } }

/** ConditionalWait.checkCondition. */
export function conditionMet(obj: KubeObject, name: string, value: string): boolean {
  const o = obj as unknown as Conditioned
  for (const c of o.status?.conditions ?? []) {
    if (typeof c.type !== 'string' || !equalFold(c.type, name)) continue
    if (typeof c.status !== 'string') continue
    const generation = o.metadata?.generation
    if (generation !== undefined) {
      const observed = c.observedGeneration ?? o.status?.observedGeneration
      if (observed !== undefined && observed < generation) return false
    }
    return equalFold(c.status, value)
  }
  return false
}

/** JSONPathWait.checkCondition: throws kubectl's errors for results it cannot compare. */
export function jsonPathMet(obj: KubeObject, path: JsonPath, value: string | undefined): boolean {
  let results: unknown[][]
  try {
    results = path.findResults(obj)
  } catch (e) {
    if (e instanceof JsonPathExecError) throw new KubectlError(e.message)
    throw e
  }
  if (results.length === 0 || results[0].length === 0) return false
  if (results.length > 1) throw new KubectlError('given jsonpath expression matches more than one list')
  if (results[0].length > 1) throw new KubectlError('given jsonpath expression matches more than one value')
  if (value === undefined) return true
  const r = results[0][0]
  const k = kindOf(r)
  if (k === 'map' || k === 'slice') throw new KubectlError('jsonpath leads to a nested object or list which is not supported')
  return goSprint(r).trim() === value.trim()
}

/** Whether the object meets a condition or jsonpath wait (delete and create are decided elsewhere). */
export function met(obj: KubeObject, w: WaitFor): boolean {
  if (w.type === 'condition') return conditionMet(obj, w.name, w.value)
  if (w.type === 'jsonpath') return jsonPathMet(obj, w.path, w.value)
  return false
}
