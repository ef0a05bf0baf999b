// kubectl patch in a running cluster: seed 002's commands, kubectl-output.md §3.1's lines, and the
// server's default field validation for a request that names none (warn).

import { describe, expect, it } from 'vitest'
import { webShell } from '../mutate/test-shell'

describe('kubectl patch', () => {
  it('applies a strategic merge patch', async () => {
    const t = await webShell()
    const r = await t.sh(`kubectl patch statefulset web -p '{"spec":{"replicas":2}}'`)
    expect(r.stdout).toBe('statefulset.apps/web patched\n')
    expect(t.sim.api.get('StatefulSet', 'default', 'web')?.spec?.replicas).toBe(2)
  })

  it('says no change when the object stays as it was', async () => {
    const t = await webShell()
    const r = await t.sh(`kubectl patch statefulset web -p '{"spec":{"replicas":3}}'`)
    expect(r.stdout).toBe('statefulset.apps/web patched (no change)\n')
  })

  it('applies the JSON patch of the seed tutorial', async () => {
    const t = await webShell()
    const r = await t.sh(
      `kubectl patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"gcr.io/google_containers/nginx-slim:0.7"}]'`,
    )
    expect(r.stdout).toBe('statefulset.apps/web patched\n')
    expect(t.sim.api.get('StatefulSet', 'default', 'web')?.spec?.template.spec?.containers[0].image).toBe('gcr.io/google_containers/nginx-slim:0.7')
  })

  it('applies a merge patch written in YAML', async () => {
    const t = await webShell()
    await t.sh(`kubectl patch sts web --type=merge -p 'spec: {replicas: 4}'`)
    expect(t.sim.api.get('StatefulSet', 'default', 'web')?.spec?.replicas).toBe(4)
  })

  it('reads the patch from --patch-file', async () => {
    const t = await webShell()
    t.write('patch.yaml', 'spec:\n  replicas: 1\n')
    await t.sh('kubectl patch sts web --patch-file=patch.yaml')
    expect(t.sim.api.get('StatefulSet', 'default', 'web')?.spec?.replicas).toBe(1)
  })

  it('warns about an unknown field and drops it', async () => {
    const t = await webShell()
    const r = await t.sh(`kubectl patch sts web -p '{"spec":{"replica":3}}'`)
    expect(r).toEqual({ stdout: 'statefulset.apps/web patched (no change)\n', stderr: 'Warning: unknown field "spec.replica"\n', exitCode: 0 })
  })

  it('shows the server message for a JSON patch that cannot apply', async () => {
    const t = await webShell()
    const r = await t.sh(`kubectl patch sts web --type=json -p '[{"op":"remove","path":"/spec/nope"}]'`)
    expect(r.stderr).toBe('The request is invalid: the server rejected our request due to an error in our request\n')
  })

  it('refuses an immutable field with the StatefulSet error', async () => {
    const t = await webShell()
    const r = await t.sh(`kubectl patch sts web -p '{"spec":{"podManagementPolicy":"Parallel"}}'`)
    expect(r.stderr).toMatch(/^The StatefulSet "web" is invalid: spec: Forbidden: updates to statefulset spec for fields other than /)
  })
})
