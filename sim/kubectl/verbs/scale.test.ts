// kubectl scale in a running cluster (kubectl-output.md §3.1, §11.11; seed 002's
// `kubectl scale statefulset web --replicas=5`).

import { describe, expect, it } from 'vitest'
import { webShell } from '../mutate/test-shell'

describe('kubectl scale', () => {
  it('sets the replicas and says scaled', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl scale statefulset web --replicas=5')
    expect(r).toEqual({ stdout: 'statefulset.apps/web scaled\n', stderr: '', exitCode: 0 })
    expect(t.sim.api.get('StatefulSet', 'default', 'web')?.spec?.replicas).toBe(5)
  })

  it('lets the controller create the new ordinals', async () => {
    const t = await webShell()
    await t.sh('kubectl scale sts web --replicas=5')
    t.sim.settle()
    expect(t.sim.api.list('Pod', { namespace: 'default' }).map((p) => p.metadata.name)).toEqual(['web-0', 'web-1', 'web-2', 'web-3', 'web-4'])
  })

  it('refuses when --current-replicas does not hold', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl scale sts web --replicas=1 --current-replicas=2')
    expect(r.stderr).toBe('error: Expected replicas to be 2, was 3\n')
    expect(t.sim.api.get('StatefulSet', 'default', 'web')?.spec?.replicas).toBe(3)
  })

  it('scales when --current-replicas holds', async () => {
    const t = await webShell()
    await t.sh('kubectl scale sts web --replicas=1 --current-replicas=3')
    expect(t.sim.api.get('StatefulSet', 'default', 'web')?.spec?.replicas).toBe(1)
  })

  it('reports a missing object the way v1.33 does (kubectl#1770)', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl scale sts nope --replicas=2')
    expect(r.stderr).toBe('error: no objects passed to scale statefulsets.apps "nope" not found\n')
  })

  it('cannot scale a kind without a scale subresource', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl scale pod web-0 --replicas=2')
    expect(r.stderr).toBe('Error from server (NotFound): the server could not find the requested resource\n')
  })

  it('waits with --timeout until the status shows the new size', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl scale sts web --replicas=4 --timeout=5m')
    expect(r.stdout).toBe('statefulset.apps/web scaled\n')
    expect(t.sim.api.get('StatefulSet', 'default', 'web')?.status?.replicas).toBe(4)
  })
})
