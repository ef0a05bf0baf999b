// The API server's proxy subresources: `/api/v1/namespaces/<ns>/pods/<pod>[:port]/proxy/<path>` and
// `/services/<svc>[:port]/proxy/<path>`. Where the request goes follows pkg/registry/core/pod
// ResourceLocation (no port: the first declared containerPort; an address that is not global unicast
// is "address not allowed") and pkg/registry/core/service/storage ResourceLocation (a port number is
// mapped to its port name, then a random subset and a random address whose pod still has that IP;
// nothing matching: 503 "no endpoints available for service"). The API server dials from the control
// plane node; a failed dial is a 503 "error trying to reach service: <dial error>".

import { notFound } from '../api/errors'
import type { Obj } from '../api/types'
import type { Simulation } from '../simulation'
import { dialIP, nodeSourceIP } from './cluster'
import { CONNECT_TIMEOUT_MS, type DialResult, type NetRequest, type NetResponse } from './http'
import { netRng } from './rng'
import { fromApiError, unavailable, type Status } from './status'

/** The API server's dial timeout toward pods and services (proxy transport, 30 s). */
const PROXY_DIAL_TIMEOUT_MS = 30_000

export type ProxyAnswer = { error: Status; afterMs?: number } | { response: NetResponse; afterMs?: number }

/** utilnet.SplitSchemeNamePort: `name`, `name:port`, `scheme:name:port` (scheme http or https). */
export function splitSchemeNamePort(id: string): { scheme: string; name: string; port: string } | undefined {
  const parts = id.split(':')
  let scheme = ''
  let name: string
  let port = ''
  if (parts.length === 1) name = parts[0]
  else if (parts.length === 2) [name, port] = parts
  else if (parts.length === 3) [scheme, name, port] = parts
  else return undefined
  if (name === '' || (scheme !== '' && scheme !== 'http' && scheme !== 'https')) return undefined
  return { scheme, name, port }
}

function badRequest(message: string): Status {
  return { code: 400, reason: 'BadRequest', message }
}

function controlPlaneNode(sim: Simulation): string {
  return sim.config.nodes.find((n) => n.controlPlane)?.name ?? sim.config.nodes[0]?.name ?? ''
}

/** Sends the proxied request to ip:port and turns a failed dial into the proxy's 503. */
function forward(sim: Simulation, ip: string, port: string, path: string, req: NetRequest): ProxyAnswer {
  const addr = `${ip}:${port}`
  if (!/^\d+$/.test(port)) return { error: unavailable(`error trying to reach service: dial tcp: address tcp/${port}: unknown port`) }
  const remoteAddr = nodeSourceIP(sim, controlPlaneNode(sim))
  // httputil.ReverseProxy appends the address it saw the request come from.
  const prior = req.headers.find(([k]) => k.toLowerCase() === 'x-forwarded-for')?.[1]
  const xff = prior ? `${prior}, ${req.remoteAddr}` : req.remoteAddr
  const headers: [string, string][] = [...req.headers.filter(([k]) => !['x-forwarded-for', 'connection'].includes(k.toLowerCase())), ['X-Forwarded-For', xff]]
  const r: DialResult = dialIP(sim, ip, Number(port), { ...req, path, host: addr, headers, remoteAddr })
  switch (r.kind) {
    case 'response':
      return { response: { ...r.response, headers: r.response.headers.filter(([k]) => !['connection', 'keep-alive'].includes(k.toLowerCase())) } }
    case 'refused':
      return { error: unavailable(`error trying to reach service: dial tcp ${addr}: connect: connection refused`) }
    case 'unreachable':
      return { error: unavailable(`error trying to reach service: dial tcp ${addr}: connect: no route to host`), afterMs: r.afterMs }
    case 'timeout':
      return { error: unavailable(`error trying to reach service: dial tcp ${addr}: i/o timeout`), afterMs: Math.min(PROXY_DIAL_TIMEOUT_MS, CONNECT_TIMEOUT_MS) }
    case 'empty':
      return { error: unavailable('error trying to reach service: EOF') }
  }
}

function podIP(pod: Obj<'Pod'>): string {
  return pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP ?? ''
}

function globalUnicast(ip: string): boolean {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip)
  if (!m) return false
  const a = Number(m[1])
  return a !== 0 && a !== 127 && a < 224 && !(a === 169 && Number(m[2]) === 254)
}

/** GET/POST/... /api/v1/namespaces/<ns>/pods/<id>/proxy<path>. */
export function proxyToPod(sim: Simulation, namespace: string, id: string, path: string, req: NetRequest): ProxyAnswer {
  const parts = splitSchemeNamePort(id)
  if (!parts) return { error: badRequest(`invalid pod request "${id}"`) }
  const pod = sim.api.get('Pod', namespace, parts.name)
  if (!pod) return { error: fromApiError(notFound('Pod', parts.name)) }
  let port = parts.port
  if (port === '') {
    const withPorts = (pod.spec?.containers ?? []).find((c) => (c.ports ?? []).length > 0)
    port = withPorts ? String(withPorts.ports![0].containerPort) : '80'
  }
  const ip = podIP(pod)
  if (!globalUnicast(ip)) return { error: badRequest('address not allowed') }
  return forward(sim, ip, port, path, req)
}

/** GET/POST/... /api/v1/namespaces/<ns>/services/<id>/proxy<path>. */
export function proxyToService(sim: Simulation, namespace: string, id: string, path: string, req: NetRequest): ProxyAnswer {
  const parts = splitSchemeNamePort(id)
  if (!parts) return { error: badRequest(`invalid service request "${id}"`) }
  const svcName = parts.name
  let portName = parts.port
  if (/^\d+$/.test(portName)) {
    const svc = sim.api.get('Service', namespace, svcName)
    if (!svc) return { error: fromApiError(notFound('Service', svcName)) }
    const sp = (svc.spec?.ports ?? []).find((p) => p.port === Number(portName))
    if (!sp) return { error: unavailable(`no service port ${Number(portName)} found for service "${svcName}"`) }
    portName = sp.name ?? ''
  }
  const eps = sim.api.get('Endpoints', namespace, svcName)
  if (!eps) return { error: fromApiError(notFound('Endpoints', svcName)) }
  const subsets = eps.subsets ?? []
  if (subsets.length === 0) return { error: unavailable(`no endpoints available for service "${svcName}"`) }
  const start = netRng(sim).int(subsets.length)
  for (let i = 0; i < subsets.length; i++) {
    const ss = subsets[(start + i) % subsets.length]
    const addrs = ss.addresses ?? []
    if (addrs.length === 0) continue
    for (const p of ss.ports ?? []) {
      if ((p.name ?? '') !== portName) continue
      const seed = netRng(sim).int(addrs.length)
      for (let t = 0; t < addrs.length; t++) {
        const a = addrs[(seed + t) % addrs.length]
        // isValidAddress: the endpoint's pod must still exist with that IP.
        const ref = a.targetRef
        const pod = ref?.kind === 'Pod' && ref.namespace === namespace ? sim.api.get('Pod', namespace, ref.name ?? '') : undefined
        if (!pod || !(pod.status?.podIPs ?? []).some((x) => x.ip === a.ip)) continue
        return forward(sim, a.ip, String(p.port), path, req)
      }
    }
  }
  return { error: unavailable(`no endpoints available for service "${id}"`) }
}
