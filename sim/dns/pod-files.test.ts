// /etc/hosts and /etc/resolv.conf of kubectl-output.md §3.5 (`→` = TAB).

import { describe, expect, it } from 'vitest'
import { fixturePod } from './fixture'
import { hostsFile, resolvConf } from './pod-files'
import { tabs } from './tools/test-env'

const CONFIG = { clusterDomain: 'cluster.local', clusterDNSIP: '10.96.0.10' }
const web0 = fixturePod({ name: 'web-0', ip: '10.244.1.5' })

describe('/etc/hosts', () => {
  it('has the FQDN line for a pod with hostname and subdomain', () => {
    expect(hostsFile(web0, CONFIG)).toBe(
      tabs(`# Kubernetes-managed hosts file.
127.0.0.1→localhost
::1→localhost ip6-localhost ip6-loopback
fe00::0→ip6-localnet
fe00::0→ip6-mcastprefix
fe00::1→ip6-allnodes
fe00::2→ip6-allrouters
10.244.1.5→web-0.nginx.default.svc.cluster.local→web-0
`),
    )
  })

  it('has only the hostname for a pod without subdomain', () => {
    const pod = fixturePod({ name: 'dns-test', ip: '10.244.2.7', hostname: null, subdomain: null })
    expect(hostsFile(pod, CONFIG).split('\n').slice(-2)).toEqual(['10.244.2.7\tdns-test', ''])
  })

  it('appends HostAliases', () => {
    const pod = { ...web0, spec: { ...web0.spec!, hostAliases: [{ ip: '10.1.2.3', hostnames: ['foo.local', 'bar.local'] }] } }
    expect(hostsFile(pod, CONFIG).endsWith('\n# Entries added by HostAliases.\n10.1.2.3\tfoo.local\tbar.local\n')).toBe(true)
  })
})

describe('/etc/resolv.conf', () => {
  it('has the cluster search path, kube-dns and ndots:5 for ClusterFirst', () => {
    expect(resolvConf(web0, CONFIG)).toBe(`search default.svc.cluster.local svc.cluster.local cluster.local
nameserver 10.96.0.10
options ndots:5
`)
  })

  it('uses the namespace of the pod', () => {
    const pod = fixturePod({ name: 'x', ip: '10.244.1.9', namespace: 'prod' })
    expect(resolvConf(pod, CONFIG).split('\n')[0]).toBe('search prod.svc.cluster.local svc.cluster.local cluster.local')
  })

  it('merges dnsConfig: extra searches appended, options overridden by name', () => {
    const pod = { ...web0, spec: { ...web0.spec!, dnsConfig: { searches: ['example.com'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } } }
    expect(resolvConf(pod, CONFIG)).toBe(`search default.svc.cluster.local svc.cluster.local cluster.local example.com
nameserver 10.96.0.10
options ndots:2 edns0
`)
  })

  it('gives only dnsConfig to dnsPolicy None', () => {
    const pod = { ...web0, spec: { ...web0.spec!, dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'] } } }
    expect(resolvConf(pod, CONFIG)).toBe('nameserver 1.1.1.1\n')
  })
})
