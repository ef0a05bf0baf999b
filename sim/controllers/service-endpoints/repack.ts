// endpoints.RepackSubsets (pkg/api/v1/endpoints/util.go): the Endpoints controller emits one subset
// per (address, port) and repacks them into the canonical layout: each set of addresses (with their
// readiness) gets one subset listing every port it serves. Addresses are sorted by IP bytes then pod
// uid, ports and subsets by the md5 of their go-spew dump, as upstream does.

import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1'
import { byMd5Of, dumpEndpointPort, dumpEndpointSubset } from './go-hash'

export interface AddressEntry {
  address: EndpointAddress
  /** undefined: a headless Service without ports (upstream's Port -1 sentinel). */
  port: EndpointPort | undefined
  ready: boolean
}

// Keys per address and port object: the Endpoints controller hands the same objects to every sync
// while a pod stays as it is.
const addrKeys = new WeakMap<EndpointAddress, string>()
const portKeys = new WeakMap<EndpointPort, string>()

function addrKey(a: EndpointAddress): string {
  let k = addrKeys.get(a)
  if (k === undefined) addrKeys.set(a, (k = `${a.ip}\u0000${a.targetRef?.uid ?? ''}`))
  return k
}

/** A key per distinct port ('' for none), kept per port object. */
export function portKey(p: EndpointPort | undefined): string {
  if (!p) return ''
  let k = portKeys.get(p)
  if (k === undefined) portKeys.set(p, (k = JSON.stringify([p.name ?? '', p.port, p.protocol ?? '', p.appProtocol ?? null])))
  return k
}

/** LessEndpointAddress: IP bytes, then target uid (no targetRef sorts first). */
export function lessAddress(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1
  const ua = a.targetRef?.uid
  const ub = b.targetRef?.uid
  if (ub === undefined) return ua === undefined ? 0 : 1
  if (ua === undefined) return -1
  return ua < ub ? -1 : ua > ub ? 1 : 0
}

export function repackSubsets(entries: readonly AddressEntry[]): EndpointSubset[] {
  const addrs = new Map<string, EndpointAddress>()
  // port -> (address key -> ready); "not ready always trumps ready" (mapAddressByPort).
  const byPort = new Map<string, { port: EndpointPort | undefined; ready: Map<string, boolean> }>()
  for (const e of entries) {
    const ak = addrKey(e.address)
    if (!addrs.has(ak)) addrs.set(ak, e.address)
    const pk = portKey(e.port)
    let slot = byPort.get(pk)
    if (!slot) byPort.set(pk, (slot = { port: e.port, ready: new Map() }))
    const was = slot.ready.get(ak)
    if (was === undefined || was) slot.ready.set(ak, e.ready)
  }
  // Ports that serve exactly the same addresses (with the same readiness) share a subset, in the
  // order their first port came.
  const groups: { ready: Map<string, boolean>; ports: EndpointPort[] }[] = []
  for (const { port, ready } of byPort.values()) {
    let g = groups.find((x) => sameReadiness(x.ready, ready))
    if (!g) groups.push((g = { ready, ports: [] }))
    if (port) g.ports.push(port)
  }
  const byPortHash = byMd5Of<EndpointPort>((p) => dumpEndpointPort(p))
  const subsets: EndpointSubset[] = []
  for (const g of groups) {
    const ready: EndpointAddress[] = []
    const notReady: EndpointAddress[] = []
    for (const [ak, r] of g.ready) (r ? ready : notReady).push(addrs.get(ak)!)
    ready.sort(lessAddress)
    notReady.sort(lessAddress)
    subsets.push({
      addresses: ready.length ? ready : undefined,
      notReadyAddresses: notReady.length ? notReady : undefined,
      ports: g.ports.length ? [...g.ports].sort(byPortHash) : undefined,
    })
  }
  return subsets.sort(byMd5Of<EndpointSubset>(dumpEndpointSubset))
}

function sameReadiness(a: ReadonlyMap<string, boolean>, b: ReadonlyMap<string, boolean>): boolean {
  if (a === b) return true
  if (a.size !== b.size) return false
  for (const [k, r] of a) if (b.get(k) !== r) return false
  return true
}
