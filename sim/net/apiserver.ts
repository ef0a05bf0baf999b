// The API server's HTTP surface as `kubectl proxy` forwards to it (authenticated as the admin user):
// the proxy subresources (apiserver-proxy.ts), pod logs, reads of the served resources, /version and
// the health endpoints. Writes through raw HTTP are not simulated (405). Unknown paths get the two
// answers a real server gives: a Status 404 under /api and /apis, Go's "404 page not found" elsewhere.

import { notFound } from '../api/errors'
import { KINDS, type KindInfo } from '../api/kinds'
import { podLogs } from '../kubelet/log-access'
import type { Simulation } from '../simulation'
import { proxyToPod, proxyToService, type ProxyAnswer } from './apiserver-proxy'
import { prettyJson, prettyList, prettyObject } from './go-json'
import type { NetRequest, NetResponse } from './http'
import { fromApiError, jsonResponse, NOT_FOUND_RESOURCE, statusResponse, textResponse } from './status'

export interface ApiAnswer {
  response: NetResponse
  /** Virtual time the server took (a proxied dial that timed out). */
  afterMs: number
}

function answer(response: NetResponse, afterMs = 0): ApiAnswer {
  return { response, afterMs }
}

function fromProxy(sim: Simulation, a: ProxyAnswer): ApiAnswer {
  return 'error' in a ? answer(statusResponse(sim, a.error), a.afterMs) : answer(a.response, a.afterMs)
}

function query(path: string): URLSearchParams {
  const i = path.indexOf('?')
  return new URLSearchParams(i < 0 ? '' : path.slice(i + 1))
}

/** The group/version prefix of a path: `/api/v1/...` or `/apis/<group>/<version>/...`. */
function groupVersion(segs: string[]): { apiVersion: string; rest: string[] } | undefined {
  if (segs[0] === 'api' && segs.length >= 2) return { apiVersion: segs[1], rest: segs.slice(2) }
  if (segs[0] === 'apis' && segs.length >= 3) return { apiVersion: `${segs[1]}/${segs[2]}`, rest: segs.slice(3) }
  return undefined
}

function kindFor(apiVersion: string, resource: string): KindInfo | undefined {
  return KINDS.find((k) => k.apiVersion === apiVersion && k.resource === resource)
}

function logs(sim: Simulation, namespace: string, name: string, q: URLSearchParams): NetResponse {
  const r = podLogs(sim.api, sim.runtime, namespace, name, q.get('container') ?? undefined, { previous: q.get('previous') === 'true', timestamps: q.get('timestamps') === 'true' })
  if (!r.ok) return statusResponse(sim, r.reason === 'NotFound' ? fromApiError(notFound('Pod', name)) : { code: 400, reason: 'BadRequest', message: r.message })
  let text = r.text
  const tail = q.get('tailLines')
  if (tail !== null && /^\d+$/.test(tail)) {
    const lines = text.split('\n')
    if (lines[lines.length - 1] === '') lines.pop()
    text = lines.slice(Math.max(0, lines.length - Number(tail))).map((l) => l + '\n').join('')
  }
  return textResponse(sim, 200, text)
}

/** GET of a resource collection or object: `/api/v1/namespaces/default/pods[/web-0]`, `/api/v1/nodes`. */
function read(sim: Simulation, apiVersion: string, rest: string[]): NetResponse | undefined {
  let namespace: string | undefined
  let r = rest
  if (r[0] === 'namespaces' && r.length >= 3) {
    namespace = r[1]
    r = r.slice(2)
  }
  const kind = kindFor(apiVersion, r[0] ?? '')
  if (!kind || r.length > 2 || (namespace !== undefined && !kind.namespaced)) return undefined
  if (r.length === 1) {
    const items = sim.api.list(kind.kind, kind.namespaced && namespace !== undefined ? { namespace } : {})
    return jsonResponse(sim, prettyList(kind.kind, kind.apiVersion, sim.api.resourceVersion(), items))
  }
  if (kind.namespaced && namespace === undefined) return undefined
  const obj = sim.api.get(kind.kind, namespace ?? '', r[1])
  if (!obj) return statusResponse(sim, fromApiError(notFound(kind.kind, r[1])))
  return jsonResponse(sim, prettyObject(kind.kind, obj))
}

function version(sim: Simulation): string {
  const v = sim.config.kubernetesVersion
  const [major, minor] = v.replace(/^v/, '').split('.')
  return prettyJson({
    major,
    minor,
    emulationMajor: major,
    emulationMinor: minor,
    minCompatibilityMajor: major,
    minCompatibilityMinor: String(Number(minor) - 1),
    gitVersion: v,
    gitCommit: '8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828',
    gitTreeState: 'clean',
    buildDate: '2025-05-15T08:19:08Z',
    goVersion: 'go1.24.2',
    compiler: 'gc',
    platform: 'linux/amd64',
  })
}

/** Serves one request that reached the API server. */
export function serveApi(sim: Simulation, req: NetRequest): ApiAnswer {
  const rawPath = req.path.split('?')[0]
  const segs = rawPath.split('/').filter((s) => s !== '')
  const gv = groupVersion(segs)
  // /api/v1/namespaces/<ns>/{pods,services}/<id>/proxy[/<path>]: the path after `proxy` keeps its
  // trailing slash and query (net.JoinPreservingTrailingSlash).
  const m = /^\/api\/v1\/namespaces\/([^/]+)\/(pods|services)\/([^/]+)\/proxy(\/.*)?$/.exec(rawPath)
  if (m) {
    const q = req.path.includes('?') ? req.path.slice(req.path.indexOf('?')) : ''
    const path = (m[4] ?? '/') + q
    return fromProxy(sim, m[2] === 'pods' ? proxyToPod(sim, m[1], decodeURIComponent(m[3]), path, req) : proxyToService(sim, m[1], decodeURIComponent(m[3]), path, req))
  }
  if (['/healthz', '/livez', '/readyz'].includes(rawPath)) return answer(textResponse(sim, 200, 'ok'))
  if (rawPath === '/version') return answer(jsonResponse(sim, version(sim)))
  if (!gv) {
    if (segs[0] === 'api' || segs[0] === 'apis') return answer(statusResponse(sim, NOT_FOUND_RESOURCE))
    return answer(textResponse(sim, 404, '404 page not found\n'))
  }
  const logPath = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/log$/.exec(rawPath)
  if (logPath && req.method === 'GET') return answer(logs(sim, logPath[1], logPath[2], query(req.path)))
  if (req.method !== 'GET') {
    return answer(statusResponse(sim, { code: 405, reason: 'MethodNotAllowed', message: 'the server does not allow this method on the requested resource', details: {} }))
  }
  return answer(read(sim, gv.apiVersion, gv.rest) ?? statusResponse(sim, NOT_FOUND_RESOURCE))
}
