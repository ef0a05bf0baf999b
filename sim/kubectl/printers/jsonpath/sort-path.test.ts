// --sort-by's JSONPath: what each object sorts by, and the errors kubectl v1.33.1 printed for bad
// paths (__oracle__/cases.json, the --sort-by cases).

import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../api/types'
import { formatError } from '../../errors'
import { ORACLE_CASES, ORACLE_INPUTS } from './oracle-cases'
import { SortPath } from './sort-path'

const pods = (JSON.parse(ORACLE_INPUTS['pods']) as { items: KubeObject[] }).items

function stderrFor(sortBy: string): string {
  const c = ORACLE_CASES.find((k) => (k.flags ?? []).includes(`--sort-by=${sortBy}`))
  if (!c) throw new Error(`no capture for --sort-by=${sortBy}`)
  return c.stderr
}

function errorOf(fn: () => void): string {
  try {
    fn()
  } catch (e) {
    return formatError(e).text
  }
  return ''
}

describe('SortPath', () => {
  it('normalizes the flag to the {.a.b} form', () => {
    expect(new SortPath('status.podIP').field).toBe('{.status.podIP}')
  })

  it('finds each object value through filters', () => {
    const p = new SortPath('status.conditions[?(@.type=="Ready")].lastTransitionTime')
    const ready = (o: KubeObject) => (o as unknown as { status: { conditions: { type: string; lastTransitionTime: string }[] } }).status.conditions.find((c) => c.type === 'Ready')!.lastTransitionTime
    expect(pods.map((o) => p.valueOf(o))).toEqual(pods.map(ready))
  })

  it('takes the first value when the path finds several', () => {
    expect(new SortPath('.spec.containers[*].name').valueOf(pods[0])).toBe('nginx')
  })

  it('reads keys with escaped dots', () => {
    expect(pods.map((o) => new SortPath('.metadata.labels.apps\\.kubernetes\\.io/pod-index').valueOf(o))).toEqual(['0', '1', '2'])
  })

  it('gives undefined for an object without the field', () => {
    expect(new SortPath('.nope').valueOf(pods[0])).toBeUndefined()
  })

  it('fails like kubectl when no object has the field', () => {
    expect(errorOf(() => new SortPath('.nope').requireFoundIn(pods))).toBe(stderrFor('.nope'))
  })

  it('fails like kubectl on a path it cannot parse', () => {
    expect(errorOf(() => new SortPath('.a['))).toBe(stderrFor('.a['))
  })

  it('fails like kubectl on a path that is not a plain field path', () => {
    expect(errorOf(() => new SortPath('{.a}{.b}'))).toBe(stderrFor('{.a}{.b}'))
  })
})
