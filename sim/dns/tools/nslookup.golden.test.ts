// Goldens: kubectl-output.md §11.13 (busybox 1.28, busybox 1.36, bind nslookup, host) and §9.5,
// byte for byte; `→` in the expected text is a TAB, as in the reference.

import { describe, expect, it } from 'vitest'
import { busyboxNewNslookup, busyboxOldNslookup } from './nslookup-busybox'
import { bindNslookup } from './nslookup-bind'
import { host } from './host'
import { BIND_9_18 } from './variants'
import { stderrOf, stdoutOf } from './env'
import { orderBy, tabs, testEnv } from './test-env'
import type { Namespace } from '../../api/types'
import { buildDnsView } from '../cluster-view'
import { fixtureService } from '../fixture'
import { createResolver } from '../resolver'

const NEW = { version: '1.36.1', search: 'dotless' as const }
const argv = (line: string) => line.split(' ')

describe('busybox 1.28 nslookup (§11.13)', () => {
  it('resolves web-0.nginx through the search list and appends the PTR names', () => {
    const r = busyboxOldNslookup(argv('nslookup web-0.nginx'), testEnv())
    expect(stdoutOf(r)).toBe(`Server:    10.96.0.10
Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

Name:      web-0.nginx
Address 1: 10.244.1.5 web-0.nginx.default.svc.cluster.local
`)
    expect(r.exitCode).toBe(0)
  })

  it('lists every ready pod of the headless Service in the answer order', () => {
    const r = busyboxOldNslookup(argv('nslookup nginx'), testEnv({ shuffle: orderBy(['10.244.1.6', '10.244.1.5', '10.244.2.6']) }))
    expect(stdoutOf(r)).toBe(`Server:    10.96.0.10
Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

Name:      nginx
Address 1: 10.244.1.6 web-2.nginx.default.svc.cluster.local
Address 2: 10.244.1.5 web-0.nginx.default.svc.cluster.local
Address 3: 10.244.2.6 web-1.nginx.default.svc.cluster.local
`)
  })

  it("prints the server, then can't resolve on stderr with exit status 1", () => {
    const r = busyboxOldNslookup(argv('nslookup web-3.nginx'), testEnv())
    expect(stdoutOf(r)).toBe(`Server:    10.96.0.10
Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

`)
    expect(stderrOf(r)).toBe("nslookup: can't resolve 'web-3.nginx'\n")
    expect(r.exitCode).toBe(1)
  })

  it('writes the server block before the error (stdout, then stderr)', () => {
    const r = busyboxOldNslookup(argv('nslookup web-3.nginx'), testEnv())
    expect(r.output.map((c) => c.stream)).toEqual(['stdout', 'stderr'])
  })
})

describe('busybox 1.36 nslookup (§11.13)', () => {
  it('answers an FQDN: the A reply, an empty line, and the empty AAAA reply', () => {
    const r = busyboxNewNslookup(argv('nslookup web-0.nginx.default.svc.cluster.local'), testEnv(), NEW)
    expect(stdoutOf(r)).toBe(
      tabs(`Server:→→10.96.0.10
Address:→10.96.0.10:53

Name:→web-0.nginx.default.svc.cluster.local
Address: 10.244.1.5


`),
    )
    expect(r.exitCode).toBe(0)
  })

  it('sends web-0.nginx as is (it has a dot): NXDOMAIN for A and AAAA, exit 1', () => {
    const r = busyboxNewNslookup(argv('nslookup web-0.nginx'), testEnv(), NEW)
    expect(stdoutOf(r)).toBe(
      tabs(`Server:→→10.96.0.10
Address:→10.96.0.10:53

** server can't find web-0.nginx: NXDOMAIN

** server can't find web-0.nginx: NXDOMAIN

`),
    )
    expect(r.exitCode).toBe(1)
  })

  it('expands a dotless name with the three search domains, A then AAAA', () => {
    const r = busyboxNewNslookup(argv('nslookup nginx'), testEnv(), NEW)
    expect(stdoutOf(r)).toBe(
      tabs(`Server:→→10.96.0.10
Address:→10.96.0.10:53

Name:→nginx.default.svc.cluster.local
Address: 10.244.1.5
Name:→nginx.default.svc.cluster.local
Address: 10.244.2.6
Name:→nginx.default.svc.cluster.local
Address: 10.244.1.6

** server can't find nginx.svc.cluster.local: NXDOMAIN

** server can't find nginx.cluster.local: NXDOMAIN


** server can't find nginx.svc.cluster.local: NXDOMAIN

** server can't find nginx.cluster.local: NXDOMAIN

`),
    )
    expect(r.exitCode).toBe(1)
  })

  it('prints SRV records as service = prio weight port target', () => {
    const r = busyboxNewNslookup(argv('nslookup -type=srv nginx.default.svc.cluster.local'), testEnv(), NEW)
    expect(stdoutOf(r)).toBe(
      tabs(`Server:→→10.96.0.10
Address:→10.96.0.10:53

nginx.default.svc.cluster.local→service = 0 33 80 web-0.nginx.default.svc.cluster.local
nginx.default.svc.cluster.local→service = 0 33 80 web-1.nginx.default.svc.cluster.local
nginx.default.svc.cluster.local→service = 0 33 80 web-2.nginx.default.svc.cluster.local

`),
    )
  })

  it('turns an address into a PTR query', () => {
    const r = busyboxNewNslookup(argv('nslookup 10.244.1.5'), testEnv(), NEW)
    expect(stdoutOf(r)).toBe(
      tabs(`Server:→→10.96.0.10
Address:→10.96.0.10:53

5.1.244.10.in-addr.arpa→name = web-0.nginx.default.svc.cluster.local

`),
    )
  })
})

describe('bind nslookup in a dnsutils image (§11.13)', () => {
  it('resolves web-0.nginx with search and ndots', () => {
    const r = bindNslookup(argv('nslookup web-0.nginx'), testEnv(), BIND_9_18)
    expect(stdoutOf(r)).toBe(
      tabs(`Server:→→10.96.0.10
Address:→10.96.0.10#53

Name:→web-0.nginx.default.svc.cluster.local
Address: 10.244.1.5

`),
    )
    expect(r.exitCode).toBe(0)
  })

  it('prints SRV targets with their trailing dot', () => {
    const r = bindNslookup(argv('nslookup -type=srv _web._tcp.nginx'), testEnv(), BIND_9_18)
    expect(stdoutOf(r)).toBe(
      tabs(`Server:→→10.96.0.10
Address:→10.96.0.10#53

_web._tcp.nginx.default.svc.cluster.local→service = 0 33 80 web-0.nginx.default.svc.cluster.local.
_web._tcp.nginx.default.svc.cluster.local→service = 0 33 80 web-1.nginx.default.svc.cluster.local.
_web._tcp.nginx.default.svc.cluster.local→service = 0 33 80 web-2.nginx.default.svc.cluster.local.

`),
    )
  })

  it("reports a missing name under the name as typed, exit 1", () => {
    const r = bindNslookup(argv('nslookup web-9.nginx'), testEnv(), BIND_9_18)
    expect(stdoutOf(r)).toBe(
      tabs(`Server:→→10.96.0.10
Address:→10.96.0.10#53

** server can't find web-9.nginx: NXDOMAIN

`),
    )
    expect(r.exitCode).toBe(1)
  })
})

describe('host (§11.13, §9.5)', () => {
  it('prints the address of web-0.nginx found through the search list', () => {
    const r = host(argv('host web-0.nginx'), testEnv(), BIND_9_18)
    expect(stdoutOf(r)).toBe('web-0.nginx.default.svc.cluster.local has address 10.244.1.5\n')
    expect(r.exitCode).toBe(0)
  })

  it('prints SRV records with -t srv', () => {
    const r = host(argv('host -t srv nginx'), testEnv(), BIND_9_18)
    expect(stdoutOf(r)).toBe(`nginx.default.svc.cluster.local has SRV record 0 33 80 web-0.nginx.default.svc.cluster.local.
nginx.default.svc.cluster.local has SRV record 0 33 80 web-1.nginx.default.svc.cluster.local.
nginx.default.svc.cluster.local has SRV record 0 33 80 web-2.nginx.default.svc.cluster.local.
`)
  })

  it('looks an address up as a PTR', () => {
    const r = host(argv('host 10.244.1.5'), testEnv(), BIND_9_18)
    expect(stdoutOf(r)).toBe('5.1.244.10.in-addr.arpa domain name pointer web-0.nginx.default.svc.cluster.local.\n')
  })

  it('reports NXDOMAIN with exit status 1', () => {
    const r = host(argv('host web-9.nginx'), testEnv(), BIND_9_18)
    expect(stdoutOf(r)).toBe('Host web-9.nginx not found: 3(NXDOMAIN)\n')
    expect(r.exitCode).toBe(1)
  })
})

describe('bind 9.9 nslookup of the jessie-dnsutils image (a real capture against CoreDNS)', () => {
  it('resolves <svc>.<ns> through svc.cluster.local, with the header and no AAAA lookup', () => {
    const ns = (name: string): Namespace => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })
    const svc = fixtureService('cert-manager-webhook', { clusterIP: '10.43.225.90', clusterIPs: ['10.43.225.90'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 10250 }] }, 'cert-manager')
    const view = buildDnsView({ services: [svc], endpointSlices: [], namespaces: [ns('default'), ns('cert-manager')] }, '10.43.0.10')
    const env = {
      ...testEnv(),
      query: createResolver(view, { zone: 'cluster.local', ttl: 5, now: 0 }),
      answers: (s: string) => s === '10.43.0.10',
      resolvConf: 'search default.svc.cluster.local svc.cluster.local cluster.local 6browns.org\nnameserver 10.43.0.10\noptions ndots:5\n',
    }
    const r = bindNslookup(argv('nslookup cert-manager-webhook.cert-manager'), env, { version: '9.9.5-9+deb8u19-Debian', modern: false })
    const capture = tabs(`Server:→→10.43.0.10
Address:→10.43.0.10#53

Name:→cert-manager-webhook.cert-manager.svc.cluster.local
Address: 10.43.225.90
`)
    // The capture ends at the last record; nslookup's main() then puts("") an empty line.
    expect(stdoutOf(r)).toBe(capture + '\n')
  })
})
