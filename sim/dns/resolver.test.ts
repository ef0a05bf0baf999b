// What CoreDNS answers in the §10 world (kubectl-output.md §8): expected records come from the
// reference's table and from CoreDNS's rules it cites, never from this resolver's output.

import { describe, expect, it } from 'vitest'
import { Rng } from '../core/rng'
import { buildDnsView } from './cluster-view'
import { fixturePod, fixtureService, webWorld, WEB_PODS, type WebWorldOptions } from './fixture'
import { createResolver, loadbalanceShuffle } from './resolver'
import type { DnsResponse, QType, RR } from './types'

const NOW = Date.UTC(2024, 6, 16, 10, 27, 2)

function resolver(opts: WebWorldOptions = {}, extra: { upstream?: Record<string, { A?: string[] }>; rng?: Rng } = {}) {
  const view = buildDnsView(webWorld(opts), '10.96.0.10')
  return createResolver(view, { zone: 'cluster.local', now: NOW, upstream: extra.upstream, rng: extra.rng })
}

const ask = (name: string, type: QType, opts: WebWorldOptions = {}) => resolver(opts)(name, type)

/** Records as zone-file text, e.g. `web-0.nginx.default.svc.cluster.local. 30 A 10.244.1.5`. */
function text(rrs: readonly RR[]): string[] {
  return rrs.map((r) => {
    const head = `${r.name} ${r.ttl} ${r.type}`
    switch (r.type) {
      case 'A':
      case 'AAAA':
        return `${head} ${r.address}`
      case 'SRV':
        return `${head} ${r.priority} ${r.weight} ${r.port} ${r.target}`
      case 'SOA':
        return `${head} ${r.mname} ${r.rname} ${r.serial} ${r.refresh} ${r.retry} ${r.expire} ${r.minimum}`
      case 'TXT':
        return `${head} ${r.text.join(' ')}`
      case 'MX':
        return `${head} ${r.preference} ${r.exchange}`
      default:
        return `${head} ${r.target}`
    }
  })
}

const SOA = 'cluster.local. 30 SOA ns.dns.cluster.local. hostmaster.cluster.local. 1721125290 7200 1800 86400 30'

function expectNxdomain(r: DnsResponse) {
  expect(r.rcode).toBe('NXDOMAIN')
  expect(r.answer).toEqual([])
  expect(text(r.authority)).toEqual([SOA])
  expect(r.aa).toBe(true)
}

const notReady = (name: string) => WEB_PODS.map((p) => (p.name === name ? { ...p, ready: false } : p))

describe('headless Service A records', () => {
  it('answers one A record per ready endpoint, authoritative, TTL 30', () => {
    const r = ask('nginx.default.svc.cluster.local', 'A')
    expect(r.rcode).toBe('NOERROR')
    expect(r.aa).toBe(true)
    expect(r.ra).toBe(false)
    expect(text(r.answer).sort()).toEqual([
      'nginx.default.svc.cluster.local. 30 A 10.244.1.5',
      'nginx.default.svc.cluster.local. 30 A 10.244.1.6',
      'nginx.default.svc.cluster.local. 30 A 10.244.2.6',
    ])
  })

  it('leaves out a pod that is not ready', () => {
    const r = ask('nginx.default.svc.cluster.local', 'A', { pods: notReady('web-1') })
    expect(r.answer.map((a) => (a.type === 'A' ? a.address : '')).sort()).toEqual(['10.244.1.5', '10.244.1.6'])
  })

  it('is NXDOMAIN while no endpoint is ready', () => {
    expectNxdomain(ask('nginx.default.svc.cluster.local', 'A', { pods: WEB_PODS.map((p) => ({ ...p, ready: false })) }))
  })

  it('publishes not-ready pods when the Service asks for it', () => {
    const r = ask('web-1.nginx.default.svc.cluster.local', 'A', { pods: notReady('web-1'), publishNotReadyAddresses: true })
    expect(text(r.answer)).toEqual(['web-1.nginx.default.svc.cluster.local. 30 A 10.244.2.6'])
  })

  it('keeps the case the client asked in', () => {
    expect(ask('WEB-0.Nginx.default.svc.cluster.local', 'A').answer[0].name).toBe('WEB-0.Nginx.default.svc.cluster.local.')
  })
})

describe('pod names under a headless Service', () => {
  it('answers the pod IP for <pod>.<svc>.<ns>.svc.cluster.local', () => {
    expect(text(ask('web-0.nginx.default.svc.cluster.local', 'A').answer)).toEqual(['web-0.nginx.default.svc.cluster.local. 30 A 10.244.1.5'])
  })

  it('is NXDOMAIN while the pod is not ready, with the cluster SOA', () => {
    expectNxdomain(ask('web-0.nginx.default.svc.cluster.local', 'A', { pods: notReady('web-0') }))
  })

  it('is NXDOMAIN for a terminating pod', () => {
    const pods = WEB_PODS.map((p) => (p.name === 'web-2' ? { ...p, terminating: true } : p))
    expectNxdomain(ask('web-2.nginx.default.svc.cluster.local', 'A', { pods }))
  })

  it('is NXDOMAIN for a pod that does not exist', () => {
    expectNxdomain(ask('web-3.nginx.default.svc.cluster.local', 'A'))
  })

  it('names an endpoint without hostname by its dashed IP', () => {
    const svc = fixtureService('app', { clusterIP: 'None', clusterIPs: ['None'], selector: { run: 'app' }, ports: [{ name: 'http', port: 8080, protocol: 'TCP', targetPort: 8080 }] })
    const pod = fixturePod({ name: 'app-7d9c-x2x4z', ip: '10.244.2.9', hostname: null, subdomain: null, labels: { run: 'app' } })
    const q = resolver({ moreServices: [svc], morePods: [pod] })
    expect(text(q('10-244-2-9.app.default.svc.cluster.local', 'A').answer)).toEqual(['10-244-2-9.app.default.svc.cluster.local. 30 A 10.244.2.9'])
    expect(text(q('9.2.244.10.in-addr.arpa', 'PTR').answer)).toEqual(['9.2.244.10.in-addr.arpa. 30 PTR 10-244-2-9.app.default.svc.cluster.local.'])
  })
})

describe('SRV records', () => {
  const SRV = [
    '0 33 80 web-0.nginx.default.svc.cluster.local.',
    '0 33 80 web-1.nginx.default.svc.cluster.local.',
    '0 33 80 web-2.nginx.default.svc.cluster.local.',
  ]
  const rdata = (r: DnsResponse) => text(r.answer).map((t) => t.split(' SRV ')[1])

  it('answers one SRV per endpoint and port, in slice order, with the targets A records as extras', () => {
    const r = ask('nginx.default.svc.cluster.local', 'SRV')
    expect(rdata(r)).toEqual(SRV)
    expect(text(r.additional).sort()).toEqual([
      'web-0.nginx.default.svc.cluster.local. 30 A 10.244.1.5',
      'web-1.nginx.default.svc.cluster.local. 30 A 10.244.2.6',
      'web-2.nginx.default.svc.cluster.local. 30 A 10.244.1.6',
    ])
  })

  it('answers _web._tcp with the same records, case-insensitively', () => {
    expect(rdata(ask('_web._tcp.nginx.default.svc.cluster.local', 'SRV'))).toEqual(SRV)
    expect(rdata(ask('_WEB._TCP.nginx.default.svc.cluster.local', 'SRV'))).toEqual(SRV)
  })

  it('is NXDOMAIN for a port name the Service does not have', () => {
    expectNxdomain(ask('_http._tcp.nginx.default.svc.cluster.local', 'SRV'))
  })

  it.each([
    [1, 100],
    [2, 50],
    [3, 33],
    [4, 25],
    [5, 20],
  ])('gives %i records the weight %i', (n, weight) => {
    const pods = Array.from({ length: n }, (_, i) => ({ name: `web-${i}`, ip: `10.244.1.${10 + i}` }))
    const r = ask('nginx.default.svc.cluster.local', 'SRV', { pods })
    expect(r.answer).toHaveLength(n)
    expect(r.answer.every((a) => a.type === 'SRV' && a.weight === weight && a.priority === 0)).toBe(true)
  })

  it('targets the Service name for a ClusterIP Service', () => {
    const r = ask('kubernetes.default.svc.cluster.local', 'SRV')
    expect(text(r.answer)).toEqual(['kubernetes.default.svc.cluster.local. 30 SRV 0 100 443 kubernetes.default.svc.cluster.local.'])
    expect(text(r.additional)).toEqual(['kubernetes.default.svc.cluster.local. 30 A 10.96.0.1'])
  })
})

describe('ClusterIP Services', () => {
  it('answers the ClusterIP', () => {
    expect(text(ask('kube-dns.kube-system.svc.cluster.local', 'A').answer)).toEqual(['kube-dns.kube-system.svc.cluster.local. 30 A 10.96.0.10'])
  })
})

describe('PTR records', () => {
  it.each([
    ['5.1.244.10.in-addr.arpa', 'web-0.nginx.default.svc.cluster.local.'],
    ['6.2.244.10.in-addr.arpa', 'web-1.nginx.default.svc.cluster.local.'],
    ['1.0.96.10.in-addr.arpa', 'kubernetes.default.svc.cluster.local.'],
    ['10.0.96.10.in-addr.arpa', 'kube-dns.kube-system.svc.cluster.local.'],
  ])('answers %s with %s', (name, target) => {
    const r = ask(name, 'PTR')
    expect(r.aa).toBe(true)
    expect(text(r.answer)).toEqual([`${name}. 30 PTR ${target}`])
  })

  it('has no PTR for a pod that is not ready: the query goes upstream and is NXDOMAIN', () => {
    const r = ask('5.1.244.10.in-addr.arpa', 'PTR', { pods: notReady('web-0') })
    expect(r.rcode).toBe('NXDOMAIN')
    expect(r.aa).toBe(false)
  })
})

describe('names that do not exist', () => {
  it('answers AAAA on an IPv4-only name with NODATA and the SOA', () => {
    const r = ask('web-0.nginx.default.svc.cluster.local', 'AAAA')
    expect(r.rcode).toBe('NOERROR')
    expect(r.answer).toEqual([])
    expect(text(r.authority)).toEqual([SOA])
  })

  it.each(['nginx.svc.cluster.local', 'nginx.cluster.local', 'web-0.nginx.nosuchns.svc.cluster.local', 'a.b.web-0.nginx.default.svc.cluster.local'])(
    'is NXDOMAIN for the search-list miss %s',
    (name) => expectNxdomain(ask(name, 'A')),
  )

  it('forwards names outside the cluster domain upstream, which does not know them', () => {
    const r = ask('web-0.nginx', 'A')
    expect(r.rcode).toBe('NXDOMAIN')
    expect(r.aa).toBe(false)
    expect(r.ra).toBe(true)
    expect(r.question.name).toBe('web-0.nginx.')
  })

  it('resolves an external name a lab gives the upstream resolver', () => {
    const q = resolver({}, { upstream: { 'kubernetes.io': { A: ['147.75.40.148'] } } })
    const r = q('kubernetes.io', 'A')
    expect(r.rcode).toBe('NOERROR')
    expect(r.aa).toBe(false)
    expect(r.answer.map((a) => (a.type === 'A' ? a.address : ''))).toEqual(['147.75.40.148'])
  })
})

describe('ExternalName Services', () => {
  const ext = fixtureService('docs', { type: 'ExternalName', externalName: 'kubernetes.io' })

  it('answers a CNAME to the external name, with the upstream addresses after it', () => {
    const view = buildDnsView(webWorld({ moreServices: [ext] }), '10.96.0.10')
    const q = createResolver(view, { zone: 'cluster.local', now: NOW, upstream: { 'kubernetes.io': { A: ['147.75.40.148'] } } })
    expect(text(q('docs.default.svc.cluster.local', 'A').answer)).toEqual(['docs.default.svc.cluster.local. 30 CNAME kubernetes.io.', 'kubernetes.io. 30 A 147.75.40.148'])
  })

  it('answers the CNAME alone when the upstream does not know the name', () => {
    const r = resolver({ moreServices: [ext] })('docs.default.svc.cluster.local', 'A')
    expect(r.rcode).toBe('NOERROR')
    expect(text(r.answer)).toEqual(['docs.default.svc.cluster.local. 30 CNAME kubernetes.io.'])
  })
})

describe('SOA serial', () => {
  it('is the time of the newest change the objects record', () => {
    const later = fixtureService('late', { clusterIP: '10.96.44.1', clusterIPs: ['10.96.44.1'], ports: [{ port: 80, protocol: 'TCP' }] }, 'default', '2024-07-16T10:25:00Z')
    const r = ask('nope.default.svc.cluster.local', 'A', { moreServices: [later] })
    expect(r.authority[0].type === 'SOA' && r.authority[0].serial).toBe(Date.UTC(2024, 6, 16, 10, 25, 0) / 1000)
  })
})

describe('pods insecure', () => {
  it('answers a-b-c-d.<ns>.pod.cluster.local with that address', () => {
    expect(text(ask('10-244-1-5.default.pod.cluster.local', 'A').answer)).toEqual(['10-244-1-5.default.pod.cluster.local. 30 A 10.244.1.5'])
  })
})

describe('the zone itself', () => {
  it('answers dns-version TXT with the schema version', () => {
    expect(text(ask('dns-version.cluster.local', 'TXT').answer)).toEqual(['dns-version.cluster.local. 28800 TXT 1.1.0'])
  })

  it('answers NS at the apex with ns.dns and its address', () => {
    const r = ask('cluster.local', 'NS')
    expect(text(r.answer)).toEqual(['cluster.local. 30 NS ns.dns.cluster.local.'])
    expect(text(r.additional)).toEqual(['ns.dns.cluster.local. 30 A 10.96.0.10'])
  })
})

describe('loadbalance', () => {
  const order = (seed: number) => {
    const q = resolver({}, { rng: new Rng(seed) })
    return q('nginx.default.svc.cluster.local', 'A').answer.map((a) => (a.type === 'A' ? a.address : '')).join(',')
  }

  it('shuffles the same way for the same seed', () => {
    expect(order(42)).toBe(order(42))
  })

  it('produces every order of three records across seeds', () => {
    const seen = new Set<string>()
    for (let seed = 1; seed <= 200; seed++) seen.add(order(seed))
    expect(seen.size).toBe(6)
  })

  it('changes the order from one query to the next', () => {
    const q = resolver({}, { rng: new Rng(5) })
    const orders = new Set(Array.from({ length: 20 }, () => q('nginx.default.svc.cluster.local', 'A').answer.map((a) => (a.type === 'A' ? a.address : '')).join(',')))
    expect(orders.size).toBeGreaterThan(1)
  })

  it('keeps SRV records in slice order', () => {
    const q = resolver({}, { rng: new Rng(9) })
    for (let i = 0; i < 10; i++) {
      expect(q('nginx.default.svc.cluster.local', 'SRV').answer.map((a) => (a.type === 'SRV' ? a.target.split('.')[0] : ''))).toEqual(['web-0', 'web-1', 'web-2'])
    }
  })

  it('leaves a single record alone without drawing', () => {
    const rng = new Rng(3)
    const before = rng.state()
    loadbalanceShuffle(rng)(['x'])
    expect(rng.state()).toBe(before)
  })
})
