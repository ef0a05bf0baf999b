// kubectl label and annotate in a running cluster (kubectl-output.md §3.1).

import { describe, expect, it } from 'vitest'
import { webShell } from '../mutate/test-shell'

describe('kubectl label', () => {
  it('adds a label and says labeled', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl label pod web-0 tier=db')
    expect(r.stdout).toBe('pod/web-0 labeled\n')
    expect(t.sim.api.get('Pod', 'default', 'web-0')?.metadata.labels?.tier).toBe('db')
  })

  it('keeps an existing value without --overwrite', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl label pod web-0 app=db')
    expect(r.stderr).toBe("error: 'app' already has a value (nginx), and --overwrite is false\n")
    expect(t.sim.api.get('Pod', 'default', 'web-0')?.metadata.labels?.app).toBe('nginx')
  })

  it('changes an existing value with --overwrite', async () => {
    const t = await webShell()
    await t.sh('kubectl label pod web-0 tier=db')
    await t.sh('kubectl label pod web-0 tier=cache --overwrite')
    expect(t.sim.api.get('Pod', 'default', 'web-0')?.metadata.labels?.tier).toBe('cache')
  })

  it('removes a label with KEY-', async () => {
    const t = await webShell()
    await t.sh('kubectl label pod web-0 tier=db')
    const r = await t.sh('kubectl label pod web-0 tier-')
    expect(r.stdout).toBe('pod/web-0 unlabeled\n')
    expect(t.sim.api.get('Pod', 'default', 'web-0')?.metadata.labels).not.toHaveProperty('tier')
  })

  it('mentions a label it could not remove', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl label pod web-0 tier-')
    expect(r.stdout).toBe('label "tier" not found.\npod/web-0 not labeled\n')
  })

  it('labels every pod a selector matches', async () => {
    const t = await webShell()
    await t.sh('kubectl label pods -l app=nginx tier=db')
    expect(t.sim.api.list('Pod', { namespace: 'default' }).map((p) => p.metadata.labels?.tier)).toEqual(['db', 'db', 'db'])
  })
})

describe('kubectl annotate', () => {
  it('adds an annotation and says annotated', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl annotate pod web-0 note=hello')
    expect(r.stdout).toBe('pod/web-0 annotated\n')
    expect(t.sim.api.get('Pod', 'default', 'web-0')?.metadata.annotations?.note).toBe('hello')
  })

  it('keeps an existing value without --overwrite', async () => {
    const t = await webShell()
    await t.sh('kubectl annotate pod web-0 note=hello')
    const r = await t.sh('kubectl annotate pod web-0 note=bye')
    expect(r.stderr).toBe("error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hello)\n")
  })

  it('removes an annotation with KEY-', async () => {
    const t = await webShell()
    await t.sh('kubectl annotate pod web-0 note=hello')
    await t.sh('kubectl annotate pod web-0 note-')
    expect(t.sim.api.get('Pod', 'default', 'web-0')?.metadata.annotations ?? {}).not.toHaveProperty('note')
  })
})
