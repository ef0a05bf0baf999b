// The server `kubectl proxy` runs (kubectl pkg/proxy/proxy_server.go): a reverse proxy to the API
// server behind a request filter. The filter's defaults accept only localhost Host headers and reject
// the exec and attach subresources; a rejected request gets Go's http.Error "Forbidden". Requests
// under --api-prefix are forwarded with the prefix removed, with X-Forwarded-For set to the client.

import type { Simulation } from '../simulation'
import { httpDate } from '../images/time-format'
import { serveApi } from './apiserver'
import { header, statusText, type DialResult, type NetRequest } from './http'

export interface ProxyFilter {
  acceptHosts: RegExp[]
  acceptPaths: RegExp[]
  rejectPaths: RegExp[]
  rejectMethods: RegExp[]
}

/** MakeRegexpArray: a comma-separated list of regular expressions. */
export function regexpList(text: string): RegExp[] {
  return text === '' ? [] : text.split(',').map((r) => new RegExp(r))
}

export const DEFAULT_FILTER = {
  acceptHosts: '^localhost$,^127\\.0\\.0\\.1$,^\\[::1\\]$',
  acceptPaths: '^.*',
  rejectPaths: '^/api/.*/pods/.*/exec,^/api/.*/pods/.*/attach',
  rejectMethods: '^$',
}

function matchesAny(res: readonly RegExp[], s: string): boolean {
  return res.some((r) => r.test(s))
}

/** FilterServer.accept: the host without its port, then path and method. */
function accepts(f: ProxyFilter, method: string, path: string, host: string): boolean {
  const h = host.replace(/:\d+$/, '')
  return matchesAny(f.acceptPaths, path) && !matchesAny(f.rejectPaths, path) && matchesAny(f.acceptHosts, h) && !matchesAny(f.rejectMethods, method)
}

function plain(sim: Simulation, status: number, body: string): DialResult {
  return {
    kind: 'response',
    response: {
      status,
      statusText: statusText(status),
      headers: [['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff'], ['Date', httpDate(sim.now())], ['Content-Length', String(body.length)]],
      body,
    },
  }
}

/** Handles one connection to the proxy's listening socket. */
export function proxyHandler(sim: Simulation, filter: ProxyFilter | undefined, apiPrefix: string): (req: NetRequest) => DialResult & { afterMs?: number } {
  const prefix = apiPrefix.endsWith('/') ? apiPrefix : apiPrefix + '/'
  return (req) => {
    const path = req.path.split('?')[0]
    if (filter && !accepts(filter, req.method, path, header(req.headers, 'host') ?? req.host)) return plain(sim, 403, 'Forbidden\n')
    if (!path.startsWith(prefix) && path + '/' !== prefix) return plain(sim, 404, '404 page not found\n')
    const upstreamPath = '/' + req.path.slice(prefix.length)
    const control = sim.config.nodes.find((n) => n.controlPlane) ?? sim.config.nodes[0]
    const prior = header(req.headers, 'x-forwarded-for')
    const headers: [string, string][] = [...req.headers.filter(([k]) => k.toLowerCase() !== 'x-forwarded-for'), ['X-Forwarded-For', prior ? `${prior}, ${req.remoteAddr}` : req.remoteAddr]]
    const a = serveApi(sim, { ...req, path: upstreamPath, headers, remoteAddr: control?.internalIP ?? '' })
    return { kind: 'response', response: a.response, afterMs: a.afterMs }
  }
}
