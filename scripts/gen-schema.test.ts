// The committed schema artifacts are what the generator makes from kubernetes-types and the overlay.

import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

describe('gen-schema', () => {
  it('finds every generated file up to date', () => {
    const script = fileURLToPath(new URL('./gen-schema.mjs', import.meta.url))
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow()
  })
})
