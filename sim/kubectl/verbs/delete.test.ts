// kubectl delete in a running cluster: lines from kubectl-output.md §3.2 (v1.33 wording), the waiting
// kubectl does by default, and what each cascade leaves behind.

import { describe, expect, it } from 'vitest'
import { webShell } from '../mutate/test-shell'

describe('kubectl delete', () => {
  it('prints the v1.33 line for a StatefulSet', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl delete statefulset web')
    expect(r).toEqual({ stdout: 'statefulset.apps "web" deleted\n', stderr: '', exitCode: 0 })
  })

  it('returns only once the pod it deleted is gone', async () => {
    const t = await webShell()
    const uid = t.sim.api.get('Pod', 'default', 'web-1')!.metadata.uid
    const r = await t.sh('kubectl delete pod web-1')
    expect(r.stdout).toBe('pod "web-1" deleted\n')
    expect(t.sim.api.get('Pod', 'default', 'web-1')?.metadata.uid).not.toBe(uid)
  })

  it('returns at once with --wait=false, the pod still terminating', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl delete pod web-1 --wait=false')
    expect(r.stdout).toBe('pod "web-1" deleted\n')
    expect(t.sim.api.get('Pod', 'default', 'web-1')?.metadata.deletionTimestamp).toBeDefined()
  })

  it('lets the grace period pass while it waits', async () => {
    const t = await webShell()
    const before = t.sim.now()
    await t.sh('kubectl delete pod web-1 --grace-period=5')
    expect(t.sim.now()).toBeGreaterThan(before)
  })

  it('force-deletes with the warning on stderr', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl delete pod web-0 --grace-period=0 --force')
    expect(r.stdout).toBe('pod "web-0" force deleted\n')
    expect(r.stderr).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    )
  })

  it('orphans the pods with --cascade=orphan: they stay, without an owner', async () => {
    const t = await webShell()
    await t.sh('kubectl delete sts web --cascade=orphan')
    t.sim.settle()
    const pods = t.sim.api.list('Pod', { namespace: 'default' })
    expect(pods.map((p) => p.metadata.name)).toEqual(['web-0', 'web-1', 'web-2'])
    expect(pods.map((p) => p.metadata.ownerReferences ?? [])).toEqual([[], [], []])
  })

  it('still accepts the old --cascade=false, with its deprecation note', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl delete sts web --cascade=false')
    expect(r.stderr).toBe('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n')
    t.sim.settle()
    expect(t.sim.api.list('Pod', { namespace: 'default' })).toHaveLength(3)
  })

  it('waits for the dependents with --cascade=foreground', async () => {
    const t = await webShell()
    await t.sh('kubectl delete sts web --cascade=foreground')
    expect(t.sim.api.get('StatefulSet', 'default', 'web')).toBeUndefined()
    expect(t.sim.api.list('Pod', { namespace: 'default' })).toEqual([])
  })

  it('keeps the claims of a deleted StatefulSet', async () => {
    const t = await webShell()
    await t.sh('kubectl delete sts web')
    t.sim.settle()
    expect(t.sim.api.list('PersistentVolumeClaim', { namespace: 'default' }).map((p) => p.metadata.name)).toEqual(['www-web-0', 'www-web-1', 'www-web-2'])
  })

  it('prints one line per object of the file', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl delete -f web.yaml')
    expect(r.stdout).toBe('service "nginx" deleted\nstatefulset.apps "web" deleted\n')
  })

  it('names the file when an object of it is not found', async () => {
    const t = await webShell()
    await t.sh('kubectl delete sts web')
    const r = await t.sh('kubectl delete -f web.yaml')
    expect(r.stderr).toBe('Error from server (NotFound): error when deleting "web.yaml": statefulsets.apps "web" not found\n')
    expect(r.exitCode).toBe(1)
  })

  it('deletes every object of a type with --all', async () => {
    const t = await webShell()
    await t.sh('kubectl delete sts web --cascade=orphan')
    const r = await t.sh('kubectl delete pods --all --wait=false')
    expect(r.stdout).toBe('pod "web-0" deleted\npod "web-1" deleted\npod "web-2" deleted\n')
  })

  it('selects by label with -l', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl delete pods -l statefulset.kubernetes.io/pod-name=web-2 --wait=false')
    expect(r.stdout).toBe('pod "web-2" deleted\n')
  })

  it('says no resources were found when the selector matches nothing', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl delete pods -l app=nope')
    expect(r).toEqual({ stdout: 'No resources found\n', stderr: '', exitCode: 0 })
  })

  it('treats a missing object as deleted with --ignore-not-found', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl delete pod nope --ignore-not-found')
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 0 })
  })

  it('reports a missing object by name', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl delete pod nope')
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n')
  })

  it('gives up at --timeout on a claim a pod still uses', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl delete pvc www-web-0 --timeout=10s')
    expect(r.stdout).toBe('persistentvolumeclaim "www-web-0" deleted\n')
    expect(r.stderr).toBe('error: timed out waiting for the condition on persistentvolumeclaims/www-web-0\n')
    expect(t.sim.api.get('PersistentVolumeClaim', 'default', 'www-web-0')?.metadata.deletionTimestamp).toBeDefined()
  })

  it('changes nothing with --dry-run=server', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl delete pod web-0 --dry-run=server')
    expect(r.stdout).toBe('pod "web-0" deleted (server dry run)\n')
    expect(t.sim.api.get('Pod', 'default', 'web-0')?.metadata.deletionTimestamp).toBeUndefined()
  })
})
