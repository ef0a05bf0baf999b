// The committed schema artifacts are what the generator makes from kubernetes-types and the overlay.

import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

describe('gen-schema', () => {
  it('finds every generated file up to date', () => {
    const script = fileURLToPath(new URL('./gen-schema.mjs', import.meta.url))
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow()
  })
})

describe('the editor JSON Schema', () => {
  const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../web/editor/schemas/statefulset.json', import.meta.url)), 'utf8'))
  const def = (name: string) => schema.definitions[name]

  it('types replicas as an int32 integer and forbids unknown fields', () => {
    expect(def('apps.StatefulSetSpec').properties.replicas).toMatchObject({ type: 'integer', format: 'int32' })
    expect(def('apps.StatefulSetSpec').additionalProperties).toBe(false)
  })

  it('accepts an integer or a string for IntOrString and a string or number for a Quantity', () => {
    expect(def('apps.RollingUpdateStatefulSetStrategy').properties.maxUnavailable.anyOf).toEqual([{ type: 'integer' }, { type: 'string' }])
    expect(def('core.VolumeResourceRequirements').properties.requests.additionalProperties.anyOf).toEqual([{ type: 'string' }, { type: 'number' }])
  })

  it('pins apiVersion and kind and lists required fields', () => {
    expect(def('apps.StatefulSet').properties.apiVersion.enum).toEqual(['apps/v1'])
    expect(def('apps.StatefulSet').properties.kind.enum).toEqual(['StatefulSet'])
    expect(def('apps.StatefulSetSpec').required).toEqual(['selector', 'template'])
  })
})
