import { describe, expect, it } from 'vitest'
import { testSim } from '../../testing/harness'
import type { Service } from '../types'
import { apiError } from './fixtures'
import { parseIPv4 } from './names'

const as = { actor: 'kubectl' }
const sim = () => testSim({ systemPods: false })

function svc(spec: Record<string, any>, name = 'nginx'): Record<string, any> {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec }
}

describe('Service defaults and allocation', () => {
  it('stores a headless Service the way web-world.json shows it', () => {
    const s = sim()
    const got = s.api.create(svc({ clusterIP: 'None', ports: [{ name: 'web', port: 80 }], selector: { app: 'nginx' } }), as) as Service
    expect(JSON.parse(JSON.stringify(got.spec))).toEqual({
      clusterIP: 'None',
      clusterIPs: ['None'],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 80 }],
      selector: { app: 'nginx' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    })
    expect(got.status).toEqual({ loadBalancer: {} })
  })

  it('gives a ClusterIP Service a free address in the service CIDR', () => {
    const s = sim()
    const got = s.api.create(svc({ ports: [{ port: 80, targetPort: 8080 }], selector: { app: 'nginx' } }), as) as Service
    const ip = got.spec!.clusterIP!
    const n = parseIPv4(ip)!
    expect(n >= parseIPv4('10.96.0.0')! && n < parseIPv4('10.112.0.0')!).toBe(true)
    expect(['10.96.0.0', '10.96.0.1', '10.96.0.10']).not.toContain(ip)
    expect(got.spec!.clusterIPs).toEqual([ip])
  })

  it('never hands out an address twice', () => {
    const s = sim()
    const ips = new Set<string>()
    for (let i = 0; i < 30; i++) ips.add((s.api.create(svc({ ports: [{ port: 80 }] }, `s${i}`), as) as Service).spec!.clusterIP!)
    expect(ips.size).toBe(30)
  })

  it('allocates node ports in 30000-32767 for a NodePort Service', () => {
    const s = sim()
    const got = s.api.create(svc({ type: 'NodePort', ports: [{ port: 80 }] }), as) as Service
    const np = got.spec!.ports![0].nodePort!
    expect(np >= 30000 && np <= 32767).toBe(true)
    expect(got.spec!.externalTrafficPolicy).toBe('Cluster')
  })

  it('keeps allocated values a PUT leaves out', () => {
    const s = sim()
    const got = s.api.create(svc({ type: 'NodePort', ports: [{ port: 80 }] }), as) as Service
    const { clusterIP: _a, clusterIPs: _b, ...rest } = got.spec!
    const next = { ...got, spec: { ...rest, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] } }
    const stored = s.api.update(next, as) as Service
    expect(stored.spec!.clusterIP).toBe(got.spec!.clusterIP)
    expect(stored.spec!.ports![0].nodePort).toBe(got.spec!.ports![0].nodePort)
  })
})

describe('Service validation', () => {
  it('requires a DNS-1035 name', () => {
    const s = sim()
    expect(apiError(() => s.api.create(svc({ ports: [{ port: 80 }] }, '1web'), as)).message).toBe(
      `Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    )
  })

  it.each([
    ['no ports', { selector: { app: 'x' } }, 'spec.ports: Required value'],
    ['a port out of range', { ports: [{ port: 70000, targetPort: 8080 }] }, 'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    ['two unnamed ports', { ports: [{ port: 80 }, { port: 443 }] }, '[spec.ports[0].name: Required value, spec.ports[1].name: Required value]'],
    ['an unknown type', { type: 'Internal', ports: [{ port: 80 }] }, 'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    [
      'a nodePort on a ClusterIP Service',
      { ports: [{ port: 80, nodePort: 30080 }] },
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ],
  ])('rejects %s', (_, spec, text) => {
    const s = sim()
    expect(apiError(() => s.api.create(svc(spec), as)).message).toBe(`Service "nginx" is invalid: ${text}`)
  })

  it('refuses a ClusterIP outside the service CIDR', () => {
    const s = sim()
    expect(apiError(() => s.api.create(svc({ clusterIP: '10.0.0.5', ports: [{ port: 80 }] }), as)).message).toBe(
      'Service "nginx" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    )
  })

  it('refuses a ClusterIP that is taken (kube-dns has 10.96.0.10)', () => {
    const s = sim()
    expect(apiError(() => s.api.create(svc({ clusterIP: '10.96.0.10', ports: [{ port: 80 }] }), as)).message).toBe(
      'Service "nginx" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    )
  })

  it('refuses a node port outside the range', () => {
    const s = sim()
    expect(apiError(() => s.api.create(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }), as)).message).toBe(
      'Service "nginx" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    )
  })

  it('forbids changing the ClusterIP', () => {
    const s = sim()
    const got = s.api.create(svc({ ports: [{ port: 80 }] }), as) as Service
    const e = apiError(() => s.api.update({ ...got, spec: { ...got.spec!, clusterIP: 'None', clusterIPs: ['None'] } }, as))
    expect(e.message).toBe('Service "nginx" is invalid: spec.clusterIPs[0]: Invalid value: []string{"None"}: may not change once set')
  })
})
