// kubectl create in a running cluster: what it stores, and the server's answers as kubectl prints
// them (kubectl-output.md §3.1, §3.3; the generators' error wrapping from kubectl's create_*.go).

import { describe, expect, it } from 'vitest'
import { testShell, WEB_YAML } from '../mutate/test-shell'

describe('kubectl create', () => {
  it('creates each object of the file in file order', async () => {
    const t = testShell()
    t.write('web.yaml', WEB_YAML)
    const r = await t.sh('kubectl create -f web.yaml')
    expect(r.stdout).toBe('service/nginx created\nstatefulset.apps/web created\n')
    expect(t.sim.api.get('StatefulSet', 'default', 'web')?.spec?.replicas).toBe(3)
  })

  it('stores no last-applied annotation without --save-config', async () => {
    const t = testShell()
    t.write('web.yaml', WEB_YAML)
    await t.sh('kubectl create -f web.yaml')
    expect(t.sim.api.get('StatefulSet', 'default', 'web')?.metadata.annotations).toBeUndefined()
  })

  it('stores the last-applied annotation with --save-config', async () => {
    const t = testShell()
    t.write('web.yaml', WEB_YAML)
    await t.sh('kubectl create -f web.yaml --save-config')
    expect(Object.keys(t.sim.api.get('Service', 'default', 'nginx')?.metadata.annotations ?? {})).toEqual(['kubectl.kubernetes.io/last-applied-configuration'])
  })

  it('reports objects that already exist, with their file', async () => {
    const t = testShell()
    t.write('web.yaml', WEB_YAML)
    await t.sh('kubectl create -f web.yaml')
    const r = await t.sh('kubectl create -f web.yaml')
    expect(r).toEqual({
      stdout: '',
      stderr:
        'Error from server (AlreadyExists): error when creating "web.yaml": services "nginx" already exists\n' +
        'Error from server (AlreadyExists): error when creating "web.yaml": statefulsets.apps "web" already exists\n',
      exitCode: 1,
    })
  })

  it('creates the namespace it is asked for', async () => {
    const t = testShell()
    const r = await t.sh('kubectl create namespace lab')
    expect(r.stdout).toBe('namespace/lab created\n')
    expect(t.sim.api.get('Namespace', '', 'lab')?.status?.phase).toBe('Active')
  })

  it('reports an existing namespace as the server words it', async () => {
    const t = testShell()
    const r = await t.sh('kubectl create namespace default')
    expect(r.stderr).toBe('Error from server (AlreadyExists): namespaces "default" already exists\n')
  })

  it('wraps a configmap failure in its own words', async () => {
    const t = testShell()
    await t.sh('kubectl create configmap game --from-literal=lives=3')
    const r = await t.sh('kubectl create configmap game --from-literal=lives=3')
    expect(r.stderr).toBe('error: failed to create configmap: configmaps "game" already exists\n')
  })

  it('wraps a secret failure without a colon, as kubectl does', async () => {
    const t = testShell()
    await t.sh('kubectl create secret generic pw --from-literal=pw=x')
    const r = await t.sh('kubectl create secret generic pw --from-literal=pw=x')
    expect(r.stderr).toBe('error: failed to create secret secrets "pw" already exists\n')
  })

  it('creates a headless service with --clusterip=None', async () => {
    const t = testShell()
    const r = await t.sh('kubectl create service clusterip nginx --clusterip=None --tcp=80:80')
    expect(r.stdout).toBe('service/nginx created\n')
    expect(t.sim.api.get('Service', 'default', 'nginx')?.spec?.clusterIP).toBe('None')
  })

  it('gives a NodePort service a node port from the range', async () => {
    const t = testShell()
    await t.sh('kubectl create service nodeport np --tcp=80:8080')
    const port = t.sim.api.get('Service', 'default', 'np')?.spec?.ports?.[0].nodePort ?? 0
    expect(port >= 30000 && port <= 32767).toBe(true)
  })

  it('creates a deployment in the namespace given with -n', async () => {
    const t = testShell()
    await t.sh('kubectl create namespace lab')
    await t.sh('kubectl create deployment web --image=nginx -n lab')
    expect(t.sim.api.get('Deployment', 'lab', 'web')?.spec?.template.spec?.containers.map((c) => c.name)).toEqual(['nginx'])
  })

  it('stores the data of a configmap from a file', async () => {
    const t = testShell()
    t.write('app.properties', 'server.port=8080\n')
    await t.sh('kubectl create configmap app --from-file=app.properties')
    expect(t.sim.api.get('ConfigMap', 'default', 'app')?.data).toEqual({ 'app.properties': 'server.port=8080\n' })
  })

  it('prints the stored object for -o yaml', async () => {
    const t = testShell()
    const r = await t.sh('kubectl create namespace lab -o yaml')
    expect(r.stdout).toContain('  name: lab\n')
    expect(r.stdout).toContain('  uid: ')
  })

  it('stores nothing with --dry-run=server', async () => {
    const t = testShell()
    const r = await t.sh('kubectl create namespace lab --dry-run=server')
    expect(r.stdout).toBe('namespace/lab created (server dry run)\n')
    expect(t.sim.api.get('Namespace', '', 'lab')).toBeUndefined()
  })
})
