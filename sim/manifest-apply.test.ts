// sim.apply(yamlText): per-object outcomes, or the errors kubectl prints, for any manifest.
import { describe, it, expect, beforeAll } from 'vitest'
import { testSim } from './testing/harness'

const WEB = `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
    name: web
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: nginx
  serviceName: nginx
  replicas: 2
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
`

describe('sim.apply', { timeout: 60_000 }, () => {
  // kubectl and its help texts are a large module graph: load it once, outside the tests' timeouts.
  beforeAll(async () => {
    await import('./manifest-apply')
  }, 120_000)

  it('creates every object of a multi-document manifest and says so per object', async () => {
    const sim = testSim()
    const r = await sim.apply(WEB)
    expect(r.outcomes).toEqual([
      { object: 'service/nginx', action: 'created' },
      { object: 'statefulset.apps/web', action: 'created' },
    ])
    expect(r.exitCode).toBe(0)
    sim.settle()
    expect(sim.get('StatefulSet', 'default', 'web')?.status?.readyReplicas).toBe(2)
  })

  it('reports unchanged objects on a second apply', async () => {
    const sim = testSim()
    await sim.apply(WEB)
    const r = await sim.apply(WEB)
    expect(r.outcomes[0]).toEqual({ object: 'service/nginx', action: 'unchanged' })
  })

  // Expected texts: the real kubectl v1.33.1 (`kubectl apply -f - --dry-run=client < file`).
  it('gives go-yaml\'s error for malformed YAML, naming STDIN and the line', async () => {
    const sim = testSim()
    const r = await sim.apply('apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports:\n  - port: 80\n   name: x\n')
    expect(r.errors).toEqual(['error: error parsing STDIN: error converting YAML to JSON: yaml: line 7: did not find expected key'])
    expect(r.exitCode).toBe(1)
    expect(sim.get('Service', 'default', 'a')).toBeUndefined()
  })

  it('refuses a YAML alias bomb without expanding it', async () => {
    const sim = testSim()
    const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']
    let data = '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for (let i = 1; i < levels.length; i++) data += `  ${levels[i]}: &${levels[i]} [${Array(9).fill('*' + levels[i - 1]).join(',')}]\n`
    const r = await sim.apply(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n${data}`)
    expect(r.errors).toEqual(['error: error parsing STDIN: error converting YAML to JSON: yaml: document contains excessive aliasing'])
  })

  it('refuses absurdly deep nesting as kubectl\'s JSON decoder does', async () => {
    const sim = testSim()
    const r = await sim.apply(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: ${'['.repeat(10000)}${']'.repeat(10000)}\n`)
    expect(r.errors).toEqual(["error: error parsing STDIN: error unmarshaling JSON: while decoding JSON: invalid character '[' exceeded max depth"])
  })

  it('rejects a ConfigMap over 1 MiB at the API server and stores nothing', async () => {
    const sim = testSim()
    const r = await sim.apply(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: "${'x'.repeat(1_100_000)}"\n`)
    expect(r.exitCode).toBe(1)
    expect(r.errors.join('\n')).toContain('The ConfigMap "big" is invalid')
    expect(sim.get('ConfigMap', 'default', 'big')).toBeUndefined()
  })

  it('applies the good objects of a manifest and reports the bad one, without half-applying it', async () => {
    const sim = testSim()
    const r = await sim.apply(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: bad\nspec:\n  replicas: -1\n  serviceName: x\n  template:\n    metadata:\n      labels:\n        app: x\n    spec:\n      containers:\n      - name: c\n        image: nginx\n`)
    expect(r.outcomes).toEqual([{ object: 'configmap/good', action: 'created' }])
    expect(r.errors[0]).toMatch(/^The StatefulSet "bad" is invalid: $/)
    expect(sim.get('StatefulSet', 'default', 'bad')).toBeUndefined()
  })

  it('reports a kind the cluster does not serve as kubectl does', async () => {
    const sim = testSim()
    const r = await sim.apply('apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n')
    expect(r.errors).toEqual([
      'error: resource mapping not found for name: "x" namespace: "" from "STDIN": no matches for kind "Foo" in version "v1"',
      'ensure CRDs are installed first',
    ])
  })
})
