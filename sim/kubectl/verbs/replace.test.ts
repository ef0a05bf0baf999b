// kubectl replace in a running cluster: a PUT of the file as it is.

import { describe, expect, it } from 'vitest'
import { testShell, WEB_YAML, webShell } from '../mutate/test-shell'

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: game\n  labels:\n    tier: db\ndata:\n  lives: "3"\n'

describe('kubectl replace', () => {
  it('replaces the object with the file and says replaced', async () => {
    const t = testShell()
    t.write('cm.yaml', CM)
    await t.sh('kubectl create -f cm.yaml')
    t.write('cm.yaml', CM.replace('"3"', '"5"'))
    const r = await t.sh('kubectl replace -f cm.yaml')
    expect(r.stdout).toBe('configmap/game replaced\n')
    expect(t.sim.api.get('ConfigMap', 'default', 'game')?.data).toEqual({ lives: '5' })
  })

  it('drops what the file no longer has', async () => {
    const t = testShell()
    t.write('cm.yaml', CM)
    await t.sh('kubectl create -f cm.yaml')
    t.write('cm.yaml', CM.replace('  labels:\n    tier: db\n', ''))
    await t.sh('kubectl replace -f cm.yaml')
    expect(t.sim.api.get('ConfigMap', 'default', 'game')?.metadata.labels).toBeUndefined()
  })

  it('does not create a missing object', async () => {
    const t = testShell()
    t.write('cm.yaml', CM)
    const r = await t.sh('kubectl replace -f cm.yaml')
    expect(r.stderr).toBe('Error from server (NotFound): error when replacing "cm.yaml": configmaps "game" not found\n')
  })

  it('refuses an immutable StatefulSet change', async () => {
    const t = await webShell()
    t.write('web.yaml', WEB_YAML.replace('serviceName: "nginx"', 'serviceName: "other"'))
    const r = await t.sh('kubectl replace -f web.yaml')
    expect(r.stderr).toMatch(/^The StatefulSet "web" is invalid: spec: Forbidden: /)
  })
})

describe('kubectl replace --force', () => {
  it('deletes and creates again what an update may not change', async () => {
    const t = await webShell()
    t.write('web.yaml', WEB_YAML.replace('storage: 1Gi', 'storage: 2Gi'))
    const r = await t.sh('kubectl replace --force -f web.yaml')
    expect(r.stdout).toBe('service "nginx" deleted\nstatefulset.apps "web" deleted\nservice/nginx replaced\nstatefulset.apps/web replaced\n')
    expect(t.sim.api.get('StatefulSet', 'default', 'web')?.spec?.volumeClaimTemplates?.[0].spec?.resources?.requests?.storage).toBe('2Gi')
  })
})
