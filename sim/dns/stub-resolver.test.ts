// The client side: /etc/resolv.conf as the kubelet writes it (kubectl-output.md §3.5), the search
// walk with ndots (res_search), and libc's hosts-file-first lookups.

import { describe, expect, it } from 'vitest'
import { buildDnsView } from './cluster-view'
import { webWorld } from './fixture'
import { createResolver } from './resolver'
import { getaddrinfo, getnameinfo, parseHosts, parseResolvConf, resolveWithSearch, searchCandidates } from './stub-resolver'

const RESOLV = `search default.svc.cluster.local svc.cluster.local cluster.local
nameserver 10.96.0.10
options ndots:5
`
const conf = parseResolvConf(RESOLV)
const query = createResolver(buildDnsView(webWorld(), '10.96.0.10'), { zone: 'cluster.local', now: 0 })

describe('resolv.conf', () => {
  it('reads the cluster search path, kube-dns and ndots:5', () => {
    expect(conf).toEqual({ nameservers: ['10.96.0.10'], search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], ndots: 5, options: ['ndots:5'] })
  })

  it('defaults ndots to 1', () => {
    expect(parseResolvConf('nameserver 10.0.2.3\n').ndots).toBe(1)
  })
})

describe('search list and ndots', () => {
  it('tries a name with fewer than 5 dots with each search domain first, then as is', () => {
    expect(searchCandidates('web-0.nginx', conf)).toEqual([
      'web-0.nginx.default.svc.cluster.local.',
      'web-0.nginx.svc.cluster.local.',
      'web-0.nginx.cluster.local.',
      'web-0.nginx.',
    ])
  })

  it('tries a name with 5 dots as is first', () => {
    expect(searchCandidates('web-0.nginx.default.svc.cluster.local', conf)[0]).toBe('web-0.nginx.default.svc.cluster.local.')
  })

  it('tries an absolute name only as is', () => {
    expect(searchCandidates('web-0.nginx.', conf)).toEqual(['web-0.nginx.'])
  })

  it('finds web-0.nginx under the namespace domain', () => {
    const r = resolveWithSearch('web-0.nginx', conf, query)
    expect(r.ok && r.name).toBe('web-0.nginx.default.svc.cluster.local.')
  })

  it('finds a Service of another namespace through svc.cluster.local', () => {
    const r = resolveWithSearch('kube-dns.kube-system', conf, query)
    expect(r.ok && r.name).toBe('kube-dns.kube-system.svc.cluster.local.')
    expect(r.tried).toEqual(['kube-dns.kube-system.default.svc.cluster.local.', 'kube-dns.kube-system.svc.cluster.local.'])
  })

  it('walks every candidate for a name that does not exist', () => {
    const r = resolveWithSearch('web-3.nginx', conf, query)
    expect(r.ok).toBe(false)
    expect(r.tried).toHaveLength(4)
  })

  it('goes on after an empty answer and reports NODATA at the end', () => {
    const r = resolveWithSearch('nginx', conf, query, 'AAAA')
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error).toBe('NODATA')
  })
})

describe('libc lookups', () => {
  const hosts = parseHosts(`# Kubernetes-managed hosts file.
127.0.0.1\tlocalhost
::1\tlocalhost ip6-localhost ip6-loopback
10.244.1.5\tweb-0.nginx.default.svc.cluster.local\tweb-0
`)
  const libc = { hosts, conf, query }

  it('answers the pod hostname from /etc/hosts, with the FQDN as canonical name', () => {
    expect(getaddrinfo(libc, 'web-0')).toEqual({ addresses: ['10.244.1.5'], canonical: 'web-0.nginx.default.svc.cluster.local' })
  })

  it('gives localhost IPv6 first, as uClibc asks AF_INET6 before AF_INET', () => {
    expect(getaddrinfo(libc, 'localhost').addresses).toEqual(['::1', '127.0.0.1'])
  })

  it('falls back to DNS with the search list', () => {
    expect(getaddrinfo(libc, 'web-1.nginx').addresses).toEqual(['10.244.2.6'])
  })

  it('names an address from /etc/hosts before asking for its PTR', () => {
    expect(getnameinfo(libc, '10.244.1.5')).toBe('web-0.nginx.default.svc.cluster.local')
    expect(getnameinfo(libc, '10.244.1.6')).toBe('web-2.nginx.default.svc.cluster.local')
    expect(getnameinfo(libc, '10.244.9.9')).toBeUndefined()
  })
})
