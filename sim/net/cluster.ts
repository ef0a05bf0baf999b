// The cluster network as a client on a node or in a pod reaches it: pod IPs go to the container
// runtime (whichever container listens on the port answers), Service ClusterIPs and NodePorts go
// through kube-proxy (iptables mode: a random ready endpoint per connection; a Service without
// endpoints REJECTs, so the client sees "connection refused"), node addresses answer on NodePorts and
// the API server's and kubelet's TLS ports. Anything else is a black hole (no answer) or, inside a
// pod CIDR, an address nobody holds (no route to host).

import type { Obj } from '../api/types'
import type { HttpRequest as ImageRequest } from '../images/types'
import type { HttpOutcome } from '../kubelet/runtime'
import type { Simulation } from '../simulation'
import { netRng } from './rng'
import { NO_ROUTE_MS, statusText, type DialResult, type NetRequest, type NetResponse } from './http'

/** A Service port's ready endpoints (ip, port) as kube-proxy programs them. */
export function serviceEndpoints(sim: Simulation, svc: Obj<'Service'>, portName: string): { ip: string; port: number }[] {
  const eps = sim.api.get('Endpoints', svc.metadata.namespace ?? '', svc.metadata.name ?? '')
  const out: { ip: string; port: number }[] = []
  for (const ss of eps?.subsets ?? []) {
    const p = (ss.ports ?? []).find((x) => (x.name ?? '') === portName && (x.protocol ?? 'TCP') === 'TCP')
    if (!p) continue
    for (const a of ss.addresses ?? []) out.push({ ip: a.ip, port: p.port })
  }
  return out
}

function serviceByClusterIP(sim: Simulation, ip: string): Obj<'Service'> | undefined {
  for (const s of sim.api.each('Service')) {
    const ips = s.spec?.clusterIPs ?? (s.spec?.clusterIP ? [s.spec.clusterIP] : [])
    if (ips.includes(ip)) return s
  }
  return undefined
}

function ipv4(a: string): number | undefined {
  const parts = a.split('.')
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined
  return parts.reduce((n, o) => ((n << 8) | Number(o)) >>> 0, 0)
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/')
  const a = ipv4(ip)
  const b = ipv4(base)
  if (a === undefined || b === undefined) return false
  const bits = Number(bitsText)
  if (bits === 0) return true
  const mask = (0xffffffff << (32 - bits)) >>> 0
  return ((a & mask) >>> 0) === ((b & mask) >>> 0)
}

const HTTPS_ONLY = 'Client sent an HTTP request to an HTTPS server.\n'

/** Go's TLS server answering a plain-HTTP request (the API server on 6443, the kubelet on 10250). */
function tlsServerReply(): DialResult {
  const response: NetResponse = { status: 400, statusText: statusText(400), headers: [['Content-Type', 'text/plain; charset=utf-8'], ['Connection', 'close']], body: HTTPS_ONLY }
  return { kind: 'response', response }
}

export function toImageRequest(req: NetRequest): ImageRequest {
  const headers: Record<string, string> = {}
  for (const [k, v] of req.headers) headers[k] = v
  return { method: req.method, path: req.path, headers, body: req.body, remoteAddr: req.remoteAddr }
}

/** What the runtime answered, as the client's connection sees it. */
export function fromOutcome(o: HttpOutcome): DialResult {
  if (o.kind === 'refused') return { kind: 'refused' }
  if (o.kind === 'unreachable') return /i\/o timeout/.test(o.message) ? { kind: 'timeout' } : { kind: 'unreachable', afterMs: NO_ROUTE_MS }
  const r = o.response
  if (r.reset) return { kind: 'empty' }
  const server = Object.entries(r.headers).find(([k]) => k.toLowerCase() === 'server')?.[1] ?? ''
  const status = { status: r.status, statusText: statusText(r.status, server.startsWith('nginx') ? 'nginx' : 'go') }
  return { kind: 'response', response: { ...status, headers: Object.entries(r.headers), body: r.body } }
}

/** A connection through kube-proxy's rules for one Service port: a random ready endpoint, or REJECT. */
function viaKubeProxy(sim: Simulation, svc: Obj<'Service'>, port: number, req: NetRequest, by: 'port' | 'nodePort'): DialResult | undefined {
  const sp = (svc.spec?.ports ?? []).find((p) => (p.protocol ?? 'TCP') === 'TCP' && (by === 'port' ? p.port === port : p.nodePort === port))
  if (!sp) return undefined
  const eps = serviceEndpoints(sim, svc, sp.name ?? '')
  if (eps.length === 0) return { kind: 'refused' }
  const ep = eps[netRng(sim).int(eps.length)]
  return dialIP(sim, ep.ip, ep.port, req)
}

/** Opens a connection to ip:port from inside the cluster and sends one request. */
export function dialIP(sim: Simulation, ip: string, port: number, req: NetRequest): DialResult {
  const svc = serviceByClusterIP(sim, ip)
  if (svc) return viaKubeProxy(sim, svc, port, req, 'port') ?? { kind: 'timeout' }
  const node = sim.api.list('Node').find((n) => (n.status?.addresses ?? []).some((a) => a.address === ip))
  if (node) {
    if (!sim.nodeHealth.isUp(node.metadata.name ?? '')) return { kind: 'timeout' }
    for (const s of sim.api.each('Service')) {
      if (s.spec?.type !== 'NodePort' && s.spec?.type !== 'LoadBalancer') continue
      const r = viaKubeProxy(sim, s, port, req, 'nodePort')
      if (r) return r
    }
    if (port === 10250 || (port === 6443 && 'node-role.kubernetes.io/control-plane' in (node.metadata.labels ?? {}))) return tlsServerReply()
    return { kind: 'refused' }
  }
  if (sim.runtime.findByIP(ip)) return fromOutcome(sim.runtime.httpToIP(ip, port, toImageRequest(req)))
  if (sim.config.nodes.some((n) => inCidr(ip, n.podCIDR))) return { kind: 'unreachable', afterMs: NO_ROUTE_MS }
  return { kind: 'timeout' }
}

/** The flannel address a node's own processes use toward pods (kube-apiserver, curl on the host). */
export function nodeSourceIP(sim: Simulation, node: string): string {
  const cidr = sim.config.nodes.find((n) => n.name === node)?.podCIDR ?? '10.244.0.0/24'
  return cidr.split('/')[0]
}

