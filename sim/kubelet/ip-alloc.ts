// Pod IPs the way flannel's CNI delegates to the host-local IPAM plugin on each node: the node's
// podCIDR, .1 taken by the cni0 bridge, addresses handed out in order *after the last one reserved*
// (host-local remembers it in last_reserved_ip.0 and wraps around), skipping those in use. So a pod
// that is recreated gets a new IP, as on a real node. Pure functions; the kubelet keeps the "last
// reserved" on the node's disk (the volume store), so a saved session continues where it was.

export interface Cidr {
  network: number
  prefix: number
}

export function parseIPv4(ip: string): number | undefined {
  const parts = ip.split('.')
  if (parts.length !== 4) return undefined
  let n = 0
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined
    n = n * 256 + Number(p)
  }
  return n
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

export function parseCidr(cidr: string): Cidr | undefined {
  const [ip, bits] = cidr.split('/')
  const base = parseIPv4(ip ?? '')
  const prefix = Number(bits)
  if (base === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 30) return undefined
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0
  return { network: (base & mask) >>> 0, prefix }
}

/** The bridge (gateway) address of a pod CIDR: cni0 holds .1. */
export function gatewayIP(cidr: string): string | undefined {
  const c = parseCidr(cidr)
  return c ? formatIPv4(c.network + 1) : undefined
}

/**
 * host-local's RangeIter: the next free address after `lastReserved` (wrapping), from network+2 to
 * broadcast-1. Undefined when the range is exhausted.
 */
export function allocateIP(cidr: string, inUse: ReadonlySet<string>, lastReserved?: string): string | undefined {
  const c = parseCidr(cidr)
  if (!c) return undefined
  const size = 2 ** (32 - c.prefix)
  const first = c.network + 2
  const last = c.network + size - 2
  if (last < first) return undefined
  const count = last - first + 1
  const lr = lastReserved !== undefined ? parseIPv4(lastReserved) : undefined
  const start = lr !== undefined && lr >= first && lr <= last ? lr + 1 : first
  for (let i = 0; i < count; i++) {
    const n = first + ((start - first + i) % count)
    const ip = formatIPv4(n)
    if (!inUse.has(ip)) return ip
  }
  return undefined
}
