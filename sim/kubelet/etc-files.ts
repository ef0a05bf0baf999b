// The files the kubelet and the runtime write for every pod and bind-mount into its containers:
// /etc/hosts (kubelet_pods.go managedHostsFileContent), /etc/resolv.conf (the DNS configurer with
// containerd's formatting: search, nameserver, options) and /etc/hostname.

import type { ClusterConfig } from '../cluster-config'
import { podHostDomain, podHostname, type PodObj } from './spec'

/**
 * What a systemd-resolved Ubuntu node (the course's VirtualBox VMs) gives pods with dnsPolicy
 * Default: the kubelet reads /run/systemd/resolve/resolv.conf, whose server is VirtualBox's NAT DNS.
 */
export const NODE_NAMESERVERS = ['10.0.2.3']

export function hostsFile(pod: PodObj, podIPs: readonly string[], config: ClusterConfig): string {
  const hostname = podHostname(pod)
  const domain = podHostDomain(pod, config)
  let out = '# Kubernetes-managed hosts file.\n'
  out += '127.0.0.1\tlocalhost\n'
  out += '::1\tlocalhost ip6-localhost ip6-loopback\n'
  out += 'fe00::0\tip6-localnet\n'
  out += 'fe00::0\tip6-mcastprefix\n'
  out += 'fe00::1\tip6-allnodes\n'
  out += 'fe00::2\tip6-allrouters\n'
  for (const ip of podIPs) out += domain ? `${ip}\t${hostname}.${domain}\t${hostname}\n` : `${ip}\t${hostname}\n`
  const aliases = pod.spec?.hostAliases ?? []
  if (aliases.length) {
    out += '\n# Entries added by HostAliases.\n'
    for (const a of aliases) out += `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`
  }
  return out
}

export function resolvConf(pod: PodObj, config: ClusterConfig): string {
  const ns = pod.metadata.namespace ?? 'default'
  const policy = pod.spec?.dnsPolicy ?? 'ClusterFirst'
  const hostNetwork = pod.spec?.hostNetwork === true
  const clusterFirst = policy === 'ClusterFirst' ? !hostNetwork : policy === 'ClusterFirstWithHostNet'
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
      const text = o.value !== undefined ? `${o.name}:${o.value}` : `${o.name}`
      options = options.filter((x) => x.split(':')[0] !== o.name)
      options.push(text)
    }
  }
  let out = ''
  if (searches.length) out += `search ${searches.join(' ')}\n`
  for (const n of nameservers) out += `nameserver ${n}\n`
  if (options.length) out += `options ${options.join(' ')}\n`
  return out
}

export function hostnameFile(pod: PodObj): string {
  return `${podHostname(pod)}\n`
}
