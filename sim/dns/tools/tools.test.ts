// Tool behaviours beyond the worked examples: /etc/hosts first for libc clients, the busybox 1.29
// search rule, dig's section switches and +search, a DNS service that does not answer, hostname.

import { describe, expect, it } from 'vitest'
import { busyboxNewNslookup, busyboxOldNslookup } from './nslookup-busybox'
import { bindNslookup } from './nslookup-bind'
import { dig } from './dig'
import { host } from './host'
import { hostname } from './hostname'
import { BIND_9_18, dnsToolsForImage } from './variants'
import { stderrOf, stdoutOf } from './env'
import { tabs, testEnv } from './test-env'

const argv = (line: string) => line.split(' ')

describe('busybox 1.28 nslookup and /etc/hosts', () => {
  it('answers the pod its own hostname from /etc/hosts, named by the hosts file', () => {
    const r = busyboxOldNslookup(argv('nslookup web-0'), testEnv({ from: 'web-0' }))
    expect(stdoutOf(r).split('\n').slice(3)).toEqual(['Name:      web-0', 'Address 1: 10.244.1.5 web-0.nginx.default.svc.cluster.local', ''])
  })

  it('lists localhost from /etc/hosts, IPv6 first', () => {
    const r = busyboxOldNslookup(argv('nslookup localhost'), testEnv())
    expect(stdoutOf(r).split('\n').slice(3)).toEqual(['Name:      localhost', 'Address 1: ::1 localhost', 'Address 2: 127.0.0.1 localhost', ''])
  })

  it('prints its usage without a name', () => {
    const r = busyboxOldNslookup(['nslookup'], testEnv())
    expect(stderrOf(r)).toBe(`BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.

Usage: nslookup [HOST] [SERVER]

Query the nameserver for the IP address of the given HOST
optionally using a specified DNS server
`)
    expect(r.exitCode).toBe(1)
  })

  it("cannot resolve anything while CoreDNS is not ready, after the resolver's timeouts", () => {
    const r = busyboxOldNslookup(argv('nslookup web-0.nginx'), testEnv({ corednsReady: false }))
    expect(stdoutOf(r)).toBe('Server:    10.96.0.10\nAddress 1: 10.96.0.10\n\n')
    expect(stderrOf(r)).toBe("nslookup: can't resolve 'web-0.nginx'\n")
    expect(r.delayMs).toBeGreaterThan(0)
  })
})

describe('busybox 1.29+ nslookup', () => {
  it('applies no search domains at all in 1.29', () => {
    const r = busyboxNewNslookup(argv('nslookup nginx'), testEnv(), { version: '1.29.3', search: 'none' })
    expect(stdoutOf(r)).toContain("** server can't find nginx: NXDOMAIN\n")
    expect(stdoutOf(r)).not.toContain('default.svc.cluster.local')
  })

  it('reports that no server could be reached while CoreDNS is not ready', () => {
    const r = busyboxNewNslookup(argv('nslookup nginx'), testEnv({ corednsReady: false }), { version: '1.36.1', search: 'dotless' })
    expect(stdoutOf(r)).toBe(';; connection timed out; no servers could be reached\n\n')
    expect(r.exitCode).toBe(1)
  })
})

describe('dig', () => {
  const run = (line: string, env = testEnv()) => dig(argv(line), env, BIND_9_18)

  it('prints just the answer lines with +noall +answer', () => {
    expect(stdoutOf(run('dig +noall +answer web-0.nginx.default.svc.cluster.local'))).toBe(tabs('web-0.nginx.default.svc.cluster.local. 30 IN A→10.244.1.5\n'))
  })

  it('does not use the search list: web-0.nginx goes upstream and is NXDOMAIN without aa', () => {
    const out = stdoutOf(run('dig web-0.nginx'))
    expect(out).toContain(';; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 41235\n;; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1\n\n')
    expect(out).toContain(';web-0.nginx.→→→IN→A\n'.replaceAll('→', '\t'))
  })

  it('uses the search list with +search', () => {
    expect(stdoutOf(run('dig +short +search web-0.nginx'))).toBe('10.244.1.5\n')
  })

  it('prints nothing with +short for a name that does not exist, and exits 0', () => {
    const r = run('dig +short web-9.nginx.default.svc.cluster.local')
    expect(stdoutOf(r)).toBe('')
    expect(r.exitCode).toBe(0)
  })

  it('times out while CoreDNS is not ready (exit 9)', () => {
    const r = run('dig nginx.default.svc.cluster.local', testEnv({ corednsReady: false }))
    expect(stdoutOf(r)).toBe(`;; communications error to 10.96.0.10#53: timed out
;; communications error to 10.96.0.10#53: timed out
;; communications error to 10.96.0.10#53: timed out

; <<>> DiG 9.18.33 <<>> nginx.default.svc.cluster.local
;; global options: +cmd
;; no servers could be reached
`)
    expect(r.exitCode).toBe(9)
  })

  it('rejects an unknown +option with its usage', () => {
    const r = run('dig +bogus nginx')
    expect(stderrOf(r).split('\n')[0]).toBe('Invalid option: +bogus')
    expect(r.exitCode).toBe(1)
  })
})

describe('bind nslookup and host', () => {
  it('prints no header for a reverse lookup (9.18 prints it for A lookups only)', () => {
    const r = bindNslookup(argv('nslookup 10.244.1.5'), testEnv(), BIND_9_18)
    expect(stdoutOf(r)).toBe(tabs('5.1.244.10.in-addr.arpa→name = web-0.nginx.default.svc.cluster.local.\n\n'))
  })

  it('says a type has no record with host -t', () => {
    expect(stdoutOf(host(argv('host -t aaaa web-0.nginx'), testEnv(), BIND_9_18))).toBe('web-0.nginx.default.svc.cluster.local has no AAAA record\n')
  })
})

describe('hostname', () => {
  it('prints the pod hostname', () => {
    expect(stdoutOf(hostname(['hostname'], testEnv({ from: 'web-0' }), 'busybox'))).toBe('web-0\n')
  })

  it('prints the FQDN with -f in a pod with a subdomain (§3.4)', () => {
    expect(stdoutOf(hostname(argv('hostname -f'), testEnv({ from: 'web-0' }), 'gnu'))).toBe('web-0.nginx.default.svc.cluster.local\n')
  })

  it('prints just the name with -f in a pod without subdomain', () => {
    expect(stdoutOf(hostname(argv('hostname -f'), testEnv(), 'busybox'))).toBe('dns-test\n')
  })

  it('prints the address with -i', () => {
    expect(stdoutOf(hostname(argv('hostname -i'), testEnv({ from: 'web-0' }), 'busybox'))).toBe('10.244.1.5\n')
  })

  it('cannot change the hostname in a container', () => {
    const r = hostname(argv('hostname other'), testEnv(), 'busybox')
    expect(stderrOf(r)).toBe('hostname: sethostname: Operation not permitted\n')
    expect(r.exitCode).toBe(1)
  })
})

describe('tools by image', () => {
  it.each([
    ['busybox:1.28', 'busybox-old'],
    ['busybox:1.28.4', 'busybox-old'],
    ['busybox', 'busybox-new'],
    ['busybox:1.36', 'busybox-new'],
    ['alpine:3.20', 'busybox-new'],
    ['registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3', 'bind'],
    ['tutum/dnsutils', 'bind'],
  ])('gives %s the %s nslookup', (image, kind) => {
    expect(dnsToolsForImage(image).nslookup?.kind).toBe(kind)
  })

  it('gives busybox 1.29 no search domains and 1.30+ dotless-only search', () => {
    expect(dnsToolsForImage('busybox:1.29.3').nslookup).toMatchObject({ search: 'none' })
    expect(dnsToolsForImage('busybox:1.30').nslookup).toMatchObject({ search: 'dotless' })
  })

  it('has no nslookup, dig or host in nginx', () => {
    expect(dnsToolsForImage('registry.k8s.io/nginx-slim:0.24')).toEqual({ hostname: 'gnu' })
  })
})
