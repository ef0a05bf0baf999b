// A machine's view of the network, for its HTTP clients (curl, wget): how it resolves a name and what
// a connection to an address reaches. The student's machine (k8s-master) resolves localhost and the
// node names only (no cluster DNS in its /etc/resolv.conf) and finds `kubectl proxy` and port-forwards
// on its loopback; being a node, it reaches pod IPs and ClusterIPs through flannel and kube-proxy. A pod
// resolves through its own /etc/hosts and /etc/resolv.conf (search path, ndots:5) against the cluster
// DNS, and its localhost is its own network namespace.

import { clusterResolver } from '../dns/resolver'
import { getaddrinfo, parseHosts, parseResolvConf } from '../dns/stub-resolver'
import type { Simulation } from '../simulation'
import { dialIP, fromOutcome, nodeSourceIP, toImageRequest } from './cluster'
import type { DialResult, NetRequest } from './http'
import { hostListeners } from './listeners'

export interface NetStack {
  /**
   * The addresses a name resolves to, in the order a client tries them; `undefined` when it does not
   * resolve. `delayMs`: time the resolver spent (a DNS server that never answers).
   */
  resolve(host: string): { addresses: string[] | undefined; delayMs: number }
  /** Opens a connection to ip:port and sends one request (`remoteAddr` is filled in). */
  dial(ip: string, port: number, req: Omit<NetRequest, 'remoteAddr'>): DialResult & { afterMs?: number }
}

const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/

function literal(host: string): string | undefined {
  const h = host.replace(/^\[(.*)\]$/, '$1')
  return IPV4.test(h) || h.includes(':') ? h : undefined
}

function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.')
}

/** The student's machine, the control-plane node `k8s-master`. */
export function hostStack(sim: Simulation): NetStack {
  const self = sim.config.nodes.find((n) => n.controlPlane) ?? sim.config.nodes[0]
  return {
    resolve(host) {
      const lit = literal(host)
      if (lit) return { addresses: [lit], delayMs: 0 }
      const name = host.toLowerCase().replace(/\.$/, '')
      if (name === 'localhost' || name === 'ip6-localhost') return { addresses: ['::1', '127.0.0.1'], delayMs: 0 }
      const node = sim.config.nodes.find((n) => n.name === name)
      return { addresses: node ? [node.internalIP] : undefined, delayMs: 0 }
    },
    dial(ip, port, req) {
      const listener = hostListeners(sim).find(ip, port)
      if (listener) return listener.handle({ ...req, remoteAddr: ip })
      if (isLoopback(ip)) return { kind: 'refused' }
      const remoteAddr = ip.startsWith('10.244.') ? nodeSourceIP(sim, self?.name ?? '') : (self?.internalIP ?? '')
      return dialIP(sim, ip, port, { ...req, remoteAddr })
    },
  }
}

export interface PodFiles {
  resolvConf: string
  hosts: string
}

/** A pod's network namespace: its files say how names resolve, its IP is the source of its connections. */
export function podStack(sim: Simulation, namespace: string, pod: string, files: () => PodFiles): NetStack {
  const podIP = () => {
    const p = sim.api.get('Pod', namespace, pod)
    return p?.status?.podIPs?.[0]?.ip ?? p?.status?.podIP ?? ''
  }
  return {
    resolve(host) {
      const lit = literal(host)
      if (lit) return { addresses: [lit], delayMs: 0 }
      const f = files()
      const conf = parseResolvConf(f.resolvConf)
      const { view, query } = clusterResolver(sim.api, sim.config, { now: sim.now(), rng: sim.rng, upstream: sim.config.dnsUpstream })
      const dnsEndpoints = view.endpoints.filter((e) => e.namespace === 'kube-system' && e.service === 'kube-dns').flatMap((e) => e.addresses.map((a) => a.ip))
      const answers = conf.nameservers.some((s) => view.serving && (view.nameservers.includes(s) || dnsEndpoints.includes(s)))
      const hosts = parseHosts(f.hosts)
      const inHosts = hosts.some((h) => h.names.some((n) => n.toLowerCase() === host.toLowerCase()))
      // A resolver whose servers never answer waits timeout:5 × attempts:2 before giving up.
      if (!answers && !inHosts) return { addresses: undefined, delayMs: 10_000 }
      const r = getaddrinfo({ hosts, conf, query }, host)
      const v4 = r.addresses.filter((a) => IPV4.test(a))
      const ordered = [...r.addresses.filter((a) => !IPV4.test(a)), ...v4]
      return { addresses: ordered.length ? ordered : undefined, delayMs: 0 }
    },
    dial(ip, port, req) {
      const self = podIP()
      if (isLoopback(ip) || ip === self) return fromOutcome(sim.runtime.http(namespace, pod, port, toImageRequest({ ...req, remoteAddr: isLoopback(ip) ? ip : self })))
      return dialIP(sim, ip, port, { ...req, remoteAddr: self })
    },
  }
}
