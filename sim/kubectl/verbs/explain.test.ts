// `kubectl explain` through the emulated kubectl: the explain module's output (its own tests hold the
// reference bytes, kubectl-output.md §7) reaches the terminal, errors exit 1.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { webWorldEnv } from '../__fixtures__/env'

describe('kubectl explain', () => {
  it('prints the StatefulSet documentation as the reference shows it', async () => {
    const golden = readFileSync(new URL('../explain/__golden__/sts-top.txt', import.meta.url), 'utf8')
    const r = await webWorldEnv().run(['explain', 'sts'])
    expect(r.stdout.startsWith(golden)).toBe(true)
    expect(r.exitCode).toBe(0)
  })

  it('prints a field with --recursive, nested fields indented', async () => {
    const r = await webWorldEnv().run(['explain', 'sts.spec.updateStrategy', '--recursive'])
    expect(r.stdout).toContain('FIELDS:\n  rollingUpdate\t<RollingUpdateStatefulSetStrategy>\n    maxUnavailable\t<IntOrString>\n    partition\t<integer>\n  type\t<string>\n')
  })

  it('asks for a resource when none is given', async () => {
    const r = await webWorldEnv().run(['explain'])
    expect(r.stderr).toBe('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n')
    expect(r.exitCode).toBe(1)
  })
})
