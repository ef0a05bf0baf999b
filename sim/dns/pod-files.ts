// The name-resolution files a pod's containers see (kubectl-output.md §3.5): /etc/hosts from the
// kubelet (kubelet_pods.go managedHostsFileContent) and /etc/resolv.conf from its DNS configurer
// (pkg/kubelet/network/dns/dns.go) in containerd's layout — search, nameserver, options.

import type { Pod } from '../api/types'
import type { ClusterConfig } from '../cluster-config'

/** What a node's own resolver gives pods with dnsPolicy Default (the course VMs' VirtualBox NAT DNS). */
export const NODE_NAMESERVERS: readonly string[] = ['10.0.2.3']

/** GeneratePodHostNameAndDomain: spec.hostname or the pod name, cut to 63 characters. */
export function podHostname(pod: Pod): string {
  const h = pod.spec?.hostname || pod.metadata?.name || ''
  return h.length > 63 ? h.slice(0, 63).replace(/[-.]+$/, '') : h
}

/** `<subdomain>.<ns>.svc.<cluster domain>` when the pod has a subdomain. */
export function podHostDomain(pod: Pod, config: Pick<ClusterConfig, 'clusterDomain'>): string | undefined {
  const sub = pod.spec?.subdomain
  return sub ? `${sub}.${pod.metadata?.namespace ?? 'default'}.svc.${config.clusterDomain}` : undefined
}

function podIPs(pod: Pod): string[] {
  const ips = pod.status?.podIPs?.map((p) => p.ip).filter((ip): ip is string => !!ip) ?? []
  return ips.length ? ips : pod.status?.podIP ? [pod.status.podIP] : []
}

/**
 * managedHostsFileContent: localhost lines, then the pod's addresses with its FQDN (when it has a
 * subdomain) and hostname, then HostAliases. Host-network pods get the node's file instead.
 */
export function hostsFile(pod: Pod, config: Pick<ClusterConfig, 'clusterDomain'>): string {
  const name = podHostname(pod)
  const domain = podHostDomain(pod, config)
  let out = '# Kubernetes-managed hosts file.\n'
  out += '127.0.0.1\tlocalhost\n'
  out += '::1\tlocalhost ip6-localhost ip6-loopback\n'
  out += 'fe00::0\tip6-localnet\n'
  out += 'fe00::0\tip6-mcastprefix\n'
  out += 'fe00::1\tip6-allnodes\n'
  out += 'fe00::2\tip6-allrouters\n'
  for (const ip of podIPs(pod)) out += domain ? `${ip}\t${name}.${domain}\t${name}\n` : `${ip}\t${name}\n`
  const aliases = pod.spec?.hostAliases ?? []
  if (aliases.length) {
    out += '\n# Entries added by HostAliases.\n'
    for (const a of aliases) out += `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`
  }
  return out
}

/**
 * The DNS configurer: ClusterFirst pods (not on the host network) get kube-dns and the cluster
 * search path with ndots:5; Default gets the node's resolver; None only what dnsConfig says.
 * dnsConfig nameservers/searches are appended without duplicates, its options override by name.
 */
export function resolvConf(pod: Pod, config: Pick<ClusterConfig, 'clusterDomain' | 'clusterDNSIP'>): string {
  const ns = pod.metadata?.namespace ?? 'default'
  const policy = pod.spec?.dnsPolicy ?? 'ClusterFirst'
  const hostNetwork = pod.spec?.hostNetwork === true
  const clusterFirst = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !hostNetwork)
  let nameservers: string[] = []
  let searches: string[] = []
  let options: string[] = []
  if (policy !== 'None') {
    if (clusterFirst) {
      const d = config.clusterDomain
      nameservers = [config.clusterDNSIP]
      searches = [`${ns}.svc.${d}`, `svc.${d}`, d]
      options = ['ndots:5']
    } else {
      nameservers = [...NODE_NAMESERVERS]
    }
  }
  const extra = pod.spec?.dnsConfig
  if (extra) {
    nameservers = [...new Set([...nameservers, ...(extra.nameservers ?? [])])]
    searches = [...new Set([...searches, ...(extra.searches ?? [])])]
    for (const o of extra.options ?? []) {
      options = options.filter((x) => x.split(':')[0] !== o.name)
      options.push(o.value !== undefined ? `${o.name}:${o.value}` : `${o.name}`)
    }
  }
  let out = ''
  if (searches.length) out += `search ${searches.join(' ')}\n`
  for (const n of nameservers) out += `nameserver ${n}\n`
  if (options.length) out += `options ${options.join(' ')}\n`
  return out
}
