// Unit checks of the network plumbing: the API server's JSON for curl (Go's escaping and field order,
// two-space indent), kubectl proxy's default filter (pkg/proxy/proxy_server.go), SplitSchemeNamePort
// (apimachinery util/net), and kube-proxy's REJECT for a Service without endpoints.

import { describe, expect, it } from 'vitest'
import { testSim } from '../testing/harness'
import { splitSchemeNamePort } from './apiserver-proxy'
import { dialIP } from './cluster'
import { prettyJson, prettyObject } from './go-json'
import { DEFAULT_FILTER, proxyHandler, regexpList } from './kubectl-proxy'

describe('JSON for curl', () => {
  it("escapes <, > and & as Go's encoder does", () => {
    expect(prettyJson({ message: 'a<b>&"c"' })).toBe('{\n  "message": "a\\u003cb\\u003e\\u0026\\"c\\""\n}\n')
  })

  it('writes empty objects and arrays on one line', () => {
    expect(prettyJson({ metadata: {}, items: [] })).toBe('{\n  "metadata": {},\n  "items": []\n}\n')
  })

  it("orders a typed object's fields as the Go struct declares them", () => {
    const out = prettyObject('Pod', { status: {}, spec: { containers: [{ image: 'nginx', name: 'x' }] }, metadata: { name: 'x' }, apiVersion: 'v1', kind: 'Pod' })
    expect(out.split('\n').filter((l) => /^ {2}"|^ {8}"/.test(l))).toEqual(['  "kind": "Pod",', '  "apiVersion": "v1",', '  "metadata": {', '  "spec": {', '        "name": "x",', '        "image": "nginx"', '  "status": {}'])
  })
})

describe("kubectl proxy's filter", () => {
  const filter = {
    acceptHosts: regexpList(DEFAULT_FILTER.acceptHosts),
    acceptPaths: regexpList(DEFAULT_FILTER.acceptPaths),
    rejectPaths: regexpList(DEFAULT_FILTER.rejectPaths),
    rejectMethods: regexpList(DEFAULT_FILTER.rejectMethods),
  }
  const req = (path: string, host = 'localhost:8001') => ({ method: 'GET', path, host, headers: [['Host', host]] as [string, string][], remoteAddr: '127.0.0.1' })

  it('forbids a Host header other than localhost', () => {
    const r = proxyHandler(testSim(), filter, '/')(req('/version', 'example.com:8001'))
    expect(r.kind === 'response' && [r.response.status, r.response.body]).toEqual([403, 'Forbidden\n'])
  })

  it('forbids attach', () => {
    const r = proxyHandler(testSim(), filter, '/')(req('/api/v1/namespaces/default/pods/web-0/attach'))
    expect(r.kind === 'response' && r.response.status).toBe(403)
  })

  it('serves /healthz', () => {
    const r = proxyHandler(testSim(), filter, '/')(req('/healthz', '127.0.0.1:8001'))
    expect(r.kind === 'response' && [r.response.status, r.response.body]).toEqual([200, 'ok'])
  })
})

describe('SplitSchemeNamePort', () => {
  it.each([
    ['web-0', { scheme: '', name: 'web-0', port: '' }],
    ['web-0:8080', { scheme: '', name: 'web-0', port: '8080' }],
    ['https:web-0:443', { scheme: 'https', name: 'web-0', port: '443' }],
    ['ftp:web-0:21', undefined],
    ['a:b:c:d', undefined],
  ])('%s', (id, want) => {
    expect(splitSchemeNamePort(id)).toEqual(want)
  })
})

describe('kube-proxy', () => {
  it('rejects connections to a Service without endpoints', () => {
    const sim = testSim()
    const svc = sim.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'empty', namespace: 'default' }, spec: { ports: [{ port: 80 }], selector: { app: 'none' } } } as never, { actor: 'kubectl' }) as { spec: { clusterIP: string } }
    sim.settle()
    expect(dialIP(sim, svc.spec.clusterIP, 80, { method: 'GET', path: '/', host: 'empty', headers: [], remoteAddr: '10.244.1.9' })).toEqual({ kind: 'refused' })
  })

  it('drops connections to a port the Service does not have', () => {
    const sim = testSim()
    const svc = sim.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'empty', namespace: 'default' }, spec: { ports: [{ port: 80 }], selector: { app: 'none' } } } as never, { actor: 'kubectl' }) as { spec: { clusterIP: string } }
    expect(dialIP(sim, svc.spec.clusterIP, 81, { method: 'GET', path: '/', host: 'empty', headers: [], remoteAddr: '10.244.1.9' })).toEqual({ kind: 'timeout' })
  })
})
