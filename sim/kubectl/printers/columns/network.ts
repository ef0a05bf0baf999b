// Tables of Services, Endpoints and EndpointSlices (printers.go printService, formatEndpoints,
// formatDiscoveryPorts, formatDiscoveryEndpoints).

import type { Obj } from '../../../api/types'
import { timestampSince } from '../duration'
import { formatLabels } from '../table'
import type { Cell, Column } from '../table'

const NAME: Column = { name: 'Name', format: 'name' }
const AGE: Column = { name: 'Age' }

export const serviceColumns: Column[] = [
  NAME,
  { name: 'Type' },
  { name: 'Cluster-IP' },
  { name: 'External-IP' },
  { name: 'Port(s)' },
  AGE,
  { name: 'Selector', priority: 1 },
]

const LOAD_BALANCER_WIDTH = 16

function loadBalancerIngress(svc: Obj<'Service'>, wide: boolean): string {
  const set = new Set<string>()
  for (const i of svc.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) set.add(i.ip)
    else if (i.hostname) set.add(i.hostname)
  }
  let r = [...set].sort().join(',')
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = r.slice(0, LOAD_BALANCER_WIDTH - 3) + '...'
  return r
}

function externalIP(svc: Obj<'Service'>, wide: boolean): string {
  const sp = svc.spec ?? {}
  const ext = sp.externalIPs ?? []
  switch (sp.type) {
    case 'ClusterIP':
    case 'NodePort':
      return ext.length ? ext.join(',') : '<none>'
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(svc, wide)
      if (ext.length) return [...(lb ? lb.split(',') : []), ...ext].join(',')
      return lb || '<pending>'
    }
    case 'ExternalName':
      return sp.externalName ?? ''
  }
  return '<unknown>'
}

export function serviceRow(svc: Obj<'Service'>, now: number, wide = false): Cell[] {
  const sp = svc.spec ?? {}
  const ports = (sp.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`)).join(',')
  return [
    svc.metadata.name ?? '',
    sp.type ?? '',
    sp.clusterIPs?.[0] ?? '<none>',
    externalIP(svc, wide),
    ports || '<none>',
    timestampSince(svc.metadata.creationTimestamp, now),
    formatLabels(sp.selector),
  ]
}

export const endpointsColumns: Column[] = [NAME, { name: 'Endpoints' }, AGE]

/** formatEndpoints: ready addresses only, at most 3 `ip:port`, then ` + N more...`; `<none>` without subsets. */
export function formatEndpoints(ep: Obj<'Endpoints'>): string {
  const subsets = ep.subsets ?? []
  if (subsets.length === 0) return '<none>'
  const max = 3
  const list: string[] = []
  let more = false
  let count = 0
  for (const ss of subsets) {
    const addresses = ss.addresses ?? []
    const ports = ss.ports ?? []
    if (ports.length === 0) {
      // Headless services without ports list bare IPs.
      count += addresses.length
      for (const a of addresses) {
        if (list.length === max) {
          more = true
          break
        }
        list.push(a.ip)
      }
      continue
    }
    for (const port of ports) {
      count += addresses.length
      for (const a of addresses) {
        if (list.length === max) {
          more = true
          break
        }
        list.push(a.ip.includes(':') ? `[${a.ip}]:${port.port}` : `${a.ip}:${port.port}`)
      }
    }
  }
  const ret = list.join(',')
  return more ? `${ret} + ${count - max} more...` : ret
}

export function endpointsRow(ep: Obj<'Endpoints'>, now: number): Cell[] {
  return [ep.metadata.name ?? '', formatEndpoints(ep), timestampSince(ep.metadata.creationTimestamp, now)]
}

export const endpointSliceColumns: Column[] = [NAME, { name: 'AddressType' }, { name: 'Ports' }, { name: 'Endpoints' }, AGE]

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',')
  if (more) return `${ret} + ${count - max} more...`
  return ret === '' ? '<unset>' : ret
}

export function endpointSliceRow(es: Obj<'EndpointSlice'>, now: number): Cell[] {
  const max = 3
  const ports: string[] = []
  let portsMore = false
  let portCount = 0
  for (const p of es.ports ?? []) {
    if (ports.length < max) ports.push(p.port !== undefined ? String(p.port) : (p.name ?? '*'))
    else if (ports.length === max) portsMore = true
    portCount++
  }
  const addrs: string[] = []
  let addrMore = false
  let addrCount = 0
  for (const e of es.endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (addrs.length < max) addrs.push(a)
      else if (addrs.length === max) addrMore = true
      addrCount++
    }
  }
  return [
    es.metadata.name ?? '',
    es.addressType ?? '',
    listWithMore(ports, portsMore, portCount, max),
    listWithMore(addrs, addrMore, addrCount, max),
    timestampSince(es.metadata.creationTimestamp, now),
  ]
}
