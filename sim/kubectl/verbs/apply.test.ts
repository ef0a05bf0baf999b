// kubectl apply in a running cluster: the lines of kubectl-output.md §3.1/§11.1, the three-way patch's
// effect on the stored object, server-side field validation (statefulset-controller.md §4.4) and the
// StatefulSet immutability error (§3.3).

import { describe, expect, it } from 'vitest'
import { testShell, WEB_YAML, webShell } from '../mutate/test-shell'

const sts = (t: Awaited<ReturnType<typeof webShell>>) => t.sim.api.get('StatefulSet', 'default', 'web')!

describe('kubectl apply', () => {
  it('creates the objects of a new file, one line each', async () => {
    const t = testShell()
    t.write('web.yaml', WEB_YAML)
    const r = await t.sh('kubectl apply -f web.yaml')
    expect(r).toEqual({ stdout: 'service/nginx created\nstatefulset.apps/web created\n', stderr: '', exitCode: 0 })
  })

  it('stores the last-applied configuration as kubectl encodes it', async () => {
    const t = await webShell()
    const svc = t.sim.api.get('Service', 'default', 'nginx')!
    // The annotation of the same web.yaml on a real v1.33 cluster (shared/tools/fakeapi/web-world.json).
    expect(svc.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"labels":{"app":"nginx"},"name":"nginx","namespace":"default"},"spec":{"clusterIP":"None","ports":[{"name":"web","port":80}],"selector":{"app":"nginx"}}}\n',
    )
  })

  it('leaves the Service unchanged and reports the StatefulSet configured on a second apply (kubernetes#66450)', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl apply -f web.yaml')
    expect(r.stdout).toBe('service/nginx unchanged\nstatefulset.apps/web configured\n')
  })

  it('sets the image the file names', async () => {
    const t = await webShell()
    t.write('web.yaml', WEB_YAML.replace('nginx-slim:0.24', 'nginx-slim:0.27'))
    await t.sh('kubectl apply -f web.yaml')
    expect(sts(t).spec?.template.spec?.containers[0].image).toBe('registry.k8s.io/nginx-slim:0.27')
  })

  it('removes a field that was deleted from the file', async () => {
    const t = testShell()
    t.write('web.yaml', WEB_YAML.replace('  name: web\n', '  name: web\n  labels:\n    tier: db\n'))
    await t.sh('kubectl apply -f web.yaml')
    t.write('web.yaml', WEB_YAML)
    await t.sh('kubectl apply -f web.yaml')
    expect(t.sim.api.get('StatefulSet', 'default', 'web')!.metadata.labels).toBeUndefined()
  })

  it('puts replicas back to the file after a scale', async () => {
    const t = await webShell()
    await t.sh('kubectl scale sts web --replicas=5')
    await t.sh('kubectl apply -f web.yaml')
    expect(sts(t).spec?.replicas).toBe(3)
  })

  it('keeps a scaled replica count when the file does not name replicas', async () => {
    const t = testShell()
    t.write('web.yaml', WEB_YAML.replace('  replicas: 3\n', ''))
    await t.sh('kubectl apply -f web.yaml')
    await t.sh('kubectl scale sts web --replicas=5')
    await t.sh('kubectl apply -f web.yaml')
    expect(t.sim.api.get('StatefulSet', 'default', 'web')!.spec?.replicas).toBe(5)
  })

  it('warns about the missing annotation on an object made by create', async () => {
    const t = testShell()
    t.write('web.yaml', WEB_YAML)
    await t.sh('kubectl create -f web.yaml')
    const r = await t.sh('kubectl apply -f web.yaml')
    expect(r.stderr).toBe(
      'Warning: resource services/nginx is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n' +
        'Warning: resource statefulsets/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    )
    expect(r.stdout).toBe('service/nginx configured\nstatefulset.apps/web configured\n')
  })

  it('refuses a change to an immutable StatefulSet field', async () => {
    const t = await webShell()
    t.write('web.yaml', WEB_YAML.replace('serviceName: "nginx"', 'serviceName: "other"'))
    const r = await t.sh('kubectl apply -f web.yaml')
    expect(r.stderr).toBe(
      "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden\n",
    )
    expect(r.exitCode).toBe(1)
  })

  it('fails on an unknown field by default (strict server-side validation)', async () => {
    const t = testShell()
    t.write('03-postgres-statefulset.yaml', WEB_YAML.split('---\n')[1].replace('    spec:\n      containers:', '    spec:\n      securityContext:\n        podAntiAffinity: {}\n      containers:'))
    const r = await t.sh('kubectl apply -f 03-postgres-statefulset.yaml')
    // statefulset-controller.md §4.4, a real capture.
    expect(r.stderr).toBe(
      'Error from server (BadRequest): error when creating "03-postgres-statefulset.yaml": StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.template.spec.securityContext.podAntiAffinity"\n',
    )
  })

  it('fails a patch with an unknown field as the server words strategic-merge-patch strict errors', async () => {
    const t = await webShell()
    t.write('web.yaml', WEB_YAML.replace('  replicas: 3\n', '  replica: 3\n'))
    const r = await t.sh('kubectl apply -f web.yaml')
    // apiserver patch.go applyPatchToObject: Invalid on field "patch", the value the patch map's %+v.
    expect(r.stderr).toMatch(/^The request is invalid: patch: Invalid value: "map\[metadata:map\[annotations:map\[kubectl\.kubernetes\.io\/last-applied-configuration:.*\]\]\]": strict decoding error: unknown field "spec\.replica"\n$/)
  })

  it('warns about an unknown field with --validate=warn and creates the object without it', async () => {
    const t = testShell()
    t.write('web.yaml', WEB_YAML.replace('  replicas: 3\n', '  replicas: 3\n  replica: 3\n'))
    const r = await t.sh('kubectl apply -f web.yaml --validate=warn')
    expect(r.stderr).toBe('Warning: unknown field "spec.replica"\n')
    expect(t.sim.api.get('StatefulSet', 'default', 'web')!.spec).not.toHaveProperty('replica')
  })

  it('drops an unknown field silently with --validate=false', async () => {
    const t = testShell()
    t.write('web.yaml', WEB_YAML.replace('  replicas: 3\n', '  replicas: 3\n  replica: 3\n'))
    const r = await t.sh('kubectl apply -f web.yaml --validate=false')
    expect(r).toEqual({ stdout: 'service/nginx created\nstatefulset.apps/web created\n', stderr: '', exitCode: 0 })
  })

  it('reads manifests from stdin with -f -', async () => {
    const t = testShell()
    t.write('web.yaml', WEB_YAML)
    const r = await t.sh('cat web.yaml | kubectl apply -f -')
    expect(r.stdout).toBe('service/nginx created\nstatefulset.apps/web created\n')
  })

  it('applies every manifest of a directory in name order', async () => {
    const t = testShell()
    t.write('app/2-web.yaml', WEB_YAML.split('---\n')[1])
    t.write('app/1-svc.yaml', WEB_YAML.split('---\n')[0])
    const r = await t.sh('kubectl apply -f app')
    expect(r.stdout).toBe('service/nginx created\nstatefulset.apps/web created\n')
  })

  it('stores nothing with --dry-run=server', async () => {
    const t = testShell()
    t.write('web.yaml', WEB_YAML)
    const r = await t.sh('kubectl apply -f web.yaml --dry-run=server')
    expect(r.stdout).toBe('service/nginx created (server dry run)\nstatefulset.apps/web created (server dry run)\n')
    expect(t.sim.api.get('StatefulSet', 'default', 'web')).toBeUndefined()
  })
})
