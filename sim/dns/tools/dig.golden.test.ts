// Goldens: kubectl-output.md §11.14 (dig 9.18 against CoreDNS), byte for byte, `→` = TAB; and the
// layout facts of §9.4 (columns, MSG SIZE) for `dig -x` and a single pod name.

import { describe, expect, it } from 'vitest'
import { dig } from './dig'
import { BIND_9_18 } from './variants'
import { stdoutOf } from './env'
import { tabs, testEnv } from './test-env'
import type { Namespace } from '../../api/types'
import { fromCivil } from '../../core/time'
import { buildDnsView } from '../cluster-view'
import { fixturePod, fixtureService, slicesFor } from '../fixture'
import { createResolver } from '../resolver'
import { DEFAULT_DIG_FLAGS, digGreeting, digReplyText } from '../format/dig-text'

const run = (line: string) => dig(line.split(' '), testEnv(), BIND_9_18)

describe('dig (§11.14)', () => {
  it('prints the headless Service A records with the .local warning, COOKIE and MSG SIZE 213', () => {
    const r = run('dig nginx.default.svc.cluster.local')
    expect(stdoutOf(r)).toBe(
      tabs(`
; <<>> DiG 9.18.33 <<>> nginx.default.svc.cluster.local
;; global options: +cmd
;; Got answer:
;; WARNING: .local is reserved for Multicast DNS
;; You are currently testing what happens when an mDNS query is leaked to DNS
;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 41235
;; flags: qr aa rd; QUERY: 1, ANSWER: 3, AUTHORITY: 0, ADDITIONAL: 1
;; WARNING: recursion requested but not available

;; OPT PSEUDOSECTION:
; EDNS: version: 0, flags:; udp: 1232
; COOKIE: 8d2c5e6f1a3b4c7d (echoed)
;; QUESTION SECTION:
;nginx.default.svc.cluster.local. IN→A

;; ANSWER SECTION:
nginx.default.svc.cluster.local. 30 IN→A→10.244.1.5
nginx.default.svc.cluster.local. 30 IN→A→10.244.2.6
nginx.default.svc.cluster.local. 30 IN→A→10.244.1.6

;; Query time: 0 msec
;; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)
;; WHEN: Tue Jul 16 10:27:02 UTC 2024
;; MSG SIZE  rcvd: 213

`),
    )
    expect(r.exitCode).toBe(0)
  })

  it('prints _web._tcp SRV records and the targets in the additional section (MSG SIZE 535)', () => {
    expect(stdoutOf(run('dig SRV _web._tcp.nginx.default.svc.cluster.local'))).toBe(
      tabs(`
; <<>> DiG 9.18.33 <<>> SRV _web._tcp.nginx.default.svc.cluster.local
;; global options: +cmd
;; Got answer:
;; WARNING: .local is reserved for Multicast DNS
;; You are currently testing what happens when an mDNS query is leaked to DNS
;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 41235
;; flags: qr aa rd; QUERY: 1, ANSWER: 3, AUTHORITY: 0, ADDITIONAL: 4
;; WARNING: recursion requested but not available

;; OPT PSEUDOSECTION:
; EDNS: version: 0, flags:; udp: 1232
; COOKIE: 8d2c5e6f1a3b4c7d (echoed)
;; QUESTION SECTION:
;_web._tcp.nginx.default.svc.cluster.local. IN SRV

;; ANSWER SECTION:
_web._tcp.nginx.default.svc.cluster.local. 30 IN SRV 0 33 80 web-0.nginx.default.svc.cluster.local.
_web._tcp.nginx.default.svc.cluster.local. 30 IN SRV 0 33 80 web-1.nginx.default.svc.cluster.local.
_web._tcp.nginx.default.svc.cluster.local. 30 IN SRV 0 33 80 web-2.nginx.default.svc.cluster.local.

;; ADDITIONAL SECTION:
web-0.nginx.default.svc.cluster.local. 30 IN A→10.244.1.5
web-1.nginx.default.svc.cluster.local. 30 IN A→10.244.2.6
web-2.nginx.default.svc.cluster.local. 30 IN A→10.244.1.6

;; Query time: 0 msec
;; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)
;; WHEN: Tue Jul 16 10:27:02 UTC 2024
;; MSG SIZE  rcvd: 535

`),
    )
  })

  it('prints the Service SRV records (MSG SIZE 495)', () => {
    expect(stdoutOf(run('dig SRV nginx.default.svc.cluster.local'))).toBe(
      tabs(`
; <<>> DiG 9.18.33 <<>> SRV nginx.default.svc.cluster.local
;; global options: +cmd
;; Got answer:
;; WARNING: .local is reserved for Multicast DNS
;; You are currently testing what happens when an mDNS query is leaked to DNS
;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 41235
;; flags: qr aa rd; QUERY: 1, ANSWER: 3, AUTHORITY: 0, ADDITIONAL: 4
;; WARNING: recursion requested but not available

;; OPT PSEUDOSECTION:
; EDNS: version: 0, flags:; udp: 1232
; COOKIE: 8d2c5e6f1a3b4c7d (echoed)
;; QUESTION SECTION:
;nginx.default.svc.cluster.local. IN→SRV

;; ANSWER SECTION:
nginx.default.svc.cluster.local. 30 IN→SRV→0 33 80 web-0.nginx.default.svc.cluster.local.
nginx.default.svc.cluster.local. 30 IN→SRV→0 33 80 web-1.nginx.default.svc.cluster.local.
nginx.default.svc.cluster.local. 30 IN→SRV→0 33 80 web-2.nginx.default.svc.cluster.local.

;; ADDITIONAL SECTION:
web-0.nginx.default.svc.cluster.local. 30 IN A→10.244.1.5
web-1.nginx.default.svc.cluster.local. 30 IN A→10.244.2.6
web-2.nginx.default.svc.cluster.local. 30 IN A→10.244.1.6

;; Query time: 0 msec
;; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)
;; WHEN: Tue Jul 16 10:27:02 UTC 2024
;; MSG SIZE  rcvd: 495

`),
    )
  })

  it('prints NXDOMAIN with the cluster SOA in the authority section (MSG SIZE 171)', () => {
    expect(stdoutOf(run('dig web-9.nginx.default.svc.cluster.local'))).toBe(
      tabs(`
; <<>> DiG 9.18.33 <<>> web-9.nginx.default.svc.cluster.local
;; global options: +cmd
;; Got answer:
;; WARNING: .local is reserved for Multicast DNS
;; You are currently testing what happens when an mDNS query is leaked to DNS
;; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 41235
;; flags: qr aa rd; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1
;; WARNING: recursion requested but not available

;; OPT PSEUDOSECTION:
; EDNS: version: 0, flags:; udp: 1232
; COOKIE: 8d2c5e6f1a3b4c7d (echoed)
;; QUESTION SECTION:
;web-9.nginx.default.svc.cluster.local. IN A

;; AUTHORITY SECTION:
cluster.local.→→30→IN→SOA→ns.dns.cluster.local. hostmaster.cluster.local. 1721125290 7200 1800 86400 30

;; Query time: 0 msec
;; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)
;; WHEN: Tue Jul 16 10:27:02 UTC 2024
;; MSG SIZE  rcvd: 171

`),
    )
  })

  it('prints only the rdata with +short', () => {
    expect(stdoutOf(run('dig +short SRV nginx.default.svc.cluster.local'))).toBe(`0 33 80 web-0.nginx.default.svc.cluster.local.
0 33 80 web-1.nginx.default.svc.cluster.local.
0 33 80 web-2.nginx.default.svc.cluster.local.
`)
  })
})

describe('dig layout notes (§11.14)', () => {
  it('lays out a reverse lookup without the .local warning (MSG SIZE 138)', () => {
    const out = stdoutOf(run('dig -x 10.244.1.5'))
    expect(out).not.toContain('Multicast DNS')
    expect(out).toContain(tabs(';5.1.244.10.in-addr.arpa.→IN→PTR\n'))
    expect(out).toContain(tabs('5.1.244.10.in-addr.arpa. 30→IN→PTR→web-0.nginx.default.svc.cluster.local.\n'))
    expect(out).toContain(';; MSG SIZE  rcvd: 138\n')
  })

  it('lays out a pod name with single spaces (MSG SIZE 131)', () => {
    const out = stdoutOf(run('dig web-0.nginx.default.svc.cluster.local'))
    expect(out).toContain(';web-0.nginx.default.svc.cluster.local. IN A\n')
    expect(out).toContain(tabs('web-0.nginx.default.svc.cluster.local. 30 IN A→10.244.1.5\n'))
    expect(out).toContain(';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n')
    expect(out).toContain(';; MSG SIZE  rcvd: 131\n')
  })
})

describe('dig 9.10 of an old dnsutils image (seed 004, a real capture)', () => {
  // Kubernetes in Action's `dig SRV` against a StatefulSet's headless Service: CoreDNS with the
  // plugin's default TTL 5, no COOKIE, udp 4096, no transport after SERVER. The capture's WHEN is in
  // CST; containers here run in UTC, so that line shows the same instant in UTC. The SRV port is the
  // endpoint's port, 80 in the capture.
  it('matches the captured answer, layout and MSG SIZE 373', () => {
    const ns = (name: string): Namespace => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })
    const svc = fixtureService('svc-kubia', { clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'kubia' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] }, 'prod')
    const pods = [
      fixturePod({ name: 'sts-kubia-0', ip: '172.42.0.176', namespace: 'prod', labels: { app: 'kubia' } }, 'svc-kubia'),
      fixturePod({ name: 'sts-kubia-1', ip: '172.42.0.179', namespace: 'prod', labels: { app: 'kubia' } }, 'svc-kubia'),
    ]
    const view = buildDnsView({ services: [svc], endpointSlices: slicesFor(svc, pods), namespaces: [ns('default'), ns('prod')] }, '10.43.0.10')
    const query = createResolver(view, { zone: 'cluster.local', ttl: 5, now: 0 })
    const bind = { version: '9.10.3-P4-Debian', modern: false }
    const flags = { ...DEFAULT_DIG_FLAGS, cookie: false }
    const out = digReplyText(query('svc-kubia.prod.svc.cluster.local', 'SRV'), {
      bind,
      flags,
      greeting: digGreeting(bind, ['SRV', 'svc-kubia.prod.svc.cluster.local'], flags),
      id: 17883,
      cookie: '',
      server: '10.43.0.10',
      address: '10.43.0.10',
      now: fromCivil(2020, 7, 27, 6, 16, 0),
      queryTimeMs: 84,
    })
    expect(out).toBe(`
; <<>> DiG 9.10.3-P4-Debian <<>> SRV svc-kubia.prod.svc.cluster.local
;; global options: +cmd
;; Got answer:
;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 17883
;; flags: qr aa rd; QUERY: 1, ANSWER: 2, AUTHORITY: 0, ADDITIONAL: 3
;; WARNING: recursion requested but not available

;; OPT PSEUDOSECTION:
; EDNS: version: 0, flags:; udp: 4096
;; QUESTION SECTION:
;svc-kubia.prod.svc.cluster.local. IN	SRV

;; ANSWER SECTION:
svc-kubia.prod.svc.cluster.local. 5 IN	SRV	0 50 80 sts-kubia-0.svc-kubia.prod.svc.cluster.local.
svc-kubia.prod.svc.cluster.local. 5 IN	SRV	0 50 80 sts-kubia-1.svc-kubia.prod.svc.cluster.local.

;; ADDITIONAL SECTION:
sts-kubia-0.svc-kubia.prod.svc.cluster.local. 5	IN A 172.42.0.176
sts-kubia-1.svc-kubia.prod.svc.cluster.local. 5	IN A 172.42.0.179

;; Query time: 84 msec
;; SERVER: 10.43.0.10#53(10.43.0.10)
;; WHEN: Mon Jul 27 06:16:00 UTC 2020
;; MSG SIZE  rcvd: 373

`)
  })
})
