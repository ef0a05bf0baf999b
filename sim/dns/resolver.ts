// The cluster DNS service as pods reach it at 10.96.0.10: the kubeadm Corefile's chain, reduced to
// what shapes answers — kubernetes (cluster.local, in-addr.arpa, ip6.arpa; pods insecure; fallthrough
// for the reverse zones; ttl 30), forward . /etc/resolv.conf (the simulated upstream), and
// loadbalance (A/AAAA/MX records shuffled on every NOERROR response). The cache is disabled for
// cluster.local in that Corefile, so cluster answers always carry the full TTL.

import type { Rng } from '../core/rng'
import type { ApiServer } from '../api/server'
import type { ClusterConfig } from '../cluster-config'
import { dnsViewFromApi, type DnsView } from './cluster-view'
import { KubernetesPlugin } from './kubernetes-plugin'
import { absolute } from './names'
import { forwardQuery, type UpstreamRecords } from './upstream'
import type { DnsResponse, QType, QueryFn, RR } from './types'

/** Reorders a list; the loadbalance plugin uses a random one, tests may pass their own. */
export type Shuffle = <T>(items: readonly T[]) => T[]

export interface ResolverOptions {
  /** The cluster domain (ClusterConfig.clusterDomain). */
  zone: string
  /** The kubernetes plugin's `ttl` (30 in the kubeadm Corefile). */
  ttl?: number
  /** Names the upstream resolver knows; none by default (the lab has no internet). */
  upstream?: UpstreamRecords
  /** Virtual now, for the upstream's SOA. */
  now: number
  /** Randomness for the loadbalance shuffle; with neither rng nor shuffle, records keep their order. */
  rng?: Rng
  shuffle?: Shuffle
}

/**
 * loadbalance's roundRobinShuffle: two records swap on an even draw; longer lists get a forward
 * Fisher-Yates pass (position j swaps with j + draw % (n - j)).
 */
export function loadbalanceShuffle(rng: Rng): Shuffle {
  return <T>(items: readonly T[]): T[] => {
    const out = items.slice()
    if (out.length <= 1) return out
    if (out.length === 2) {
      if (rng.int(2) === 0) [out[0], out[1]] = [out[1], out[0]]
      return out
    }
    for (let j = 0; j < out.length; j++) {
      const p = j + rng.int(out.length - j)
      if (p !== j) [out[j], out[p]] = [out[p], out[j]]
    }
    return out
  }
}

/** roundRobin: all-address sections are shuffled; mixed ones become CNAMEs, others, addresses, MX. */
function roundRobin(rrs: readonly RR[], shuffle: Shuffle): readonly RR[] {
  if (rrs.length <= 1) return rrs
  const first = rrs[0].type
  if ((first === 'A' || first === 'AAAA') && rrs.every((r) => r.type === first)) return shuffle(rrs)
  const cname = rrs.filter((r) => r.type === 'CNAME')
  const address = rrs.filter((r) => r.type === 'A' || r.type === 'AAAA')
  const mx = rrs.filter((r) => r.type === 'MX')
  const rest = rrs.filter((r) => r.type !== 'CNAME' && r.type !== 'A' && r.type !== 'AAAA' && r.type !== 'MX')
  return [...cname, ...rest, ...shuffle(address), ...shuffle(mx)]
}

/** The loadbalance plugin's response writer: only successful responses are touched. */
export function loadbalance(resp: DnsResponse, shuffle: Shuffle): DnsResponse {
  if (resp.rcode !== 'NOERROR') return resp
  return { ...resp, answer: roundRobin(resp.answer, shuffle), authority: roundRobin(resp.authority, shuffle), additional: roundRobin(resp.additional, shuffle) }
}

const keepOrder: Shuffle = (items) => items.slice()

/** A resolver over a DNS view: `query(name, type)` as the cluster DNS Service answers it. */
export function createResolver(view: DnsView, opts: ResolverOptions): QueryFn {
  const upstream = opts.upstream ?? {}
  const forward = (name: string, type: QType) => forwardQuery(name, type, upstream, opts.now)
  const plugin = new KubernetesPlugin(view, { zone: opts.zone, ttl: opts.ttl ?? 30, lookupUpstream: forward })
  const shuffle = opts.shuffle ?? (opts.rng ? loadbalanceShuffle(opts.rng) : keepOrder)
  return (name, type) => {
    const qname = absolute(name)
    const r = plugin.serve(qname, type)
    return loadbalance(r === 'fallthrough' ? forward(qname, type) : r, shuffle)
  }
}

/** The DNS service of a running simulation: its API objects, cluster domain and upstream records. */
export function clusterResolver(api: ApiServer, config: ClusterConfig, opts: { now: number; rng?: Rng; shuffle?: Shuffle; upstream?: UpstreamRecords }): { view: DnsView; query: QueryFn } {
  const view = dnsViewFromApi(api, config.clusterDNSIP)
  return { view, query: createResolver(view, { zone: config.clusterDomain, ...opts }) }
}
