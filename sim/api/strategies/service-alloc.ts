// ClusterIP and NodePort allocation (pkg/registry/core/service/ipallocator, portallocator and
// storage/alloc.go). Free values are picked at random from the upper ("dynamic") part of each range
// first (KEP-3070), so hand-picked low addresses and ports stay free. What is in use is read from
// the stored Services, so nothing needs saving.

import { ApiError, invalid } from '../errors'
import { fieldError } from '../field-errors'
import type { StrategyContext } from '../strategy'
import type { Service } from '../types'
import { formatIPv4, parseIPv4 } from '../validation/names'
import { goStringSlice } from '../validation/go-value'

export const NODE_PORT_MIN = 30000
export const NODE_PORT_MAX = 32767

interface Cidr {
  base: number
  size: number
  text: string
}

export function parseCidr(text: string): Cidr {
  const [ip, bits] = text.split('/')
  const size = 2 ** (32 - Number(bits))
  return { base: parseIPv4(ip)! - (parseIPv4(ip)! % size), size, text }
}

function usedClusterIPs(ctx: StrategyContext, except?: string): Set<string> {
  const used = new Set<string>()
  for (const s of ctx.list('Service') as Service[]) {
    if (except !== undefined && s.metadata?.uid === except) continue
    for (const ip of s.spec?.clusterIPs ?? (s.spec?.clusterIP ? [s.spec.clusterIP] : [])) if (ip !== 'None') used.add(ip)
  }
  return used
}

/** A free address: random in the dynamic band, then anywhere; never the network, broadcast or in-use ones. */
function nextClusterIP(cidr: Cidr, used: Set<string>, ctx: StrategyContext): string {
  const staticBand = Math.min(Math.max(16, cidr.size / 16), 256)
  const ok = (off: number) => {
    const ip = formatIPv4(cidr.base + off)
    const last = (cidr.base + off) & 255
    return off > 0 && off < cidr.size - 1 && last !== 0 && last !== 255 && !used.has(ip) ? ip : undefined
  }
  for (let i = 0; i < 64; i++) {
    const ip = ok(staticBand + ctx.randomInt(cidr.size - staticBand - 1))
    if (ip) return ip
  }
  for (let off = 1; off < cidr.size - 1; off++) {
    const ip = ok(off)
    if (ip) return ip
  }
  throw new ApiError('InternalError', 'Internal error occurred: failed to allocate a serviceIP: range is full')
}

/** Gives a Service its ClusterIP(s), or checks the one it asked for. Headless and ExternalName get none. */
export function allocateClusterIP(svc: Service, serviceCIDR: string, ctx: StrategyContext): void {
  const spec = svc.spec!
  if (spec.type === 'ExternalName') return
  if (spec.clusterIP === 'None' || spec.clusterIPs?.[0] === 'None') return
  const cidr = parseCidr(serviceCIDR)
  const used = usedClusterIPs(ctx)
  const wanted = spec.clusterIP || spec.clusterIPs?.[0]
  if (!wanted) {
    const ip = nextClusterIP(cidr, used, ctx)
    spec.clusterIP = ip
    spec.clusterIPs = [ip]
    return
  }
  const n = parseIPv4(wanted)
  // An unparsable address is left to validation ("must be a valid IP address").
  if (n === undefined) return
  let why: string | undefined
  if (n < cidr.base || n >= cidr.base + cidr.size) why = `the provided IP (${wanted}) is not in the valid range. The range of valid IPs is ${cidr.text}`
  else if (used.has(wanted)) why = 'provided IP is already allocated'
  if (why) {
    throw invalid('Service', svc.metadata!.name!, [fieldError.invalid('spec.clusterIPs', goStringSlice(spec.clusterIPs ?? [wanted]), `failed to allocate IP ${wanted}: ${why}`)])
  }
}

function usedNodePorts(ctx: StrategyContext, except?: string): Set<number> {
  const used = new Set<number>()
  for (const s of ctx.list('Service') as Service[]) {
    if (except !== undefined && s.metadata?.uid === except) continue
    for (const p of s.spec?.ports ?? []) if (p.nodePort) used.add(p.nodePort)
  }
  return used
}

export function needsNodePorts(svc: Service): boolean {
  const t = svc.spec?.type
  return t === 'NodePort' || (t === 'LoadBalancer' && svc.spec?.allocateLoadBalancerNodePorts !== false)
}

/** Gives each port of a NodePort/LoadBalancer Service a node port, or checks the one it asked for. */
export function allocateNodePorts(svc: Service, ctx: StrategyContext, exceptUid?: string): void {
  if (!needsNodePorts(svc)) return
  const used = usedNodePorts(ctx, exceptUid)
  const size = NODE_PORT_MAX - NODE_PORT_MIN + 1
  const staticBand = Math.min(Math.max(16, Math.floor(size / 32)), 128)
  const mine = new Set<number>()
  svc.spec!.ports?.forEach((p, i) => {
    if (p.nodePort) {
      let why: string | undefined
      if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) why = `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`
      else if (used.has(p.nodePort)) why = 'provided port is already allocated'
      if (why) throw invalid('Service', svc.metadata!.name!, [fieldError.invalid(`spec.ports[${i}].nodePort`, p.nodePort, why)])
      mine.add(p.nodePort)
    }
  })
  for (const p of svc.spec!.ports ?? []) {
    if (p.nodePort) continue
    // Ports with the same number share a node port (TCP and UDP on 53, say).
    const twin = svc.spec!.ports!.find((q) => q !== p && q.port === p.port && q.nodePort)
    if (twin) {
      p.nodePort = twin.nodePort
      continue
    }
    let port = 0
    for (let i = 0; i < 64 && !port; i++) {
      const c = NODE_PORT_MIN + staticBand + ctx.randomInt(size - staticBand)
      if (!used.has(c) && !mine.has(c)) port = c
    }
    for (let c = NODE_PORT_MIN; !port && c <= NODE_PORT_MAX; c++) if (!used.has(c) && !mine.has(c)) port = c
    if (!port) throw new ApiError('InternalError', 'Internal error occurred: failed to allocate a nodePort: range is full')
    p.nodePort = port
    mine.add(port)
  }
}
