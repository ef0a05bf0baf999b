// How curl (and later wget inside containers) reaches HTTP servers in the simulation. The transport
// is an interface so the cluster side can plug in `kubectl proxy`, port-forwards and pod/Service
// addresses; until then nothing listens and curl fails the way it does on a machine with no server.

import type { CommandContext } from './types'

export interface HttpRequest {
  method: string
  url: URL
  headers: [string, string][]
  body?: string
}

export interface HttpResponse {
  /** `HTTP/1.1`. */
  version: string
  status: number
  statusText: string
  headers: [string, string][]
  body: string
}

/** A transport failure, with curl's exit code and message (`(7) Failed to connect to ...`). */
export interface HttpFailure {
  code: number
  message: string
}

export type HttpResult = { response: HttpResponse } | { failure: HttpFailure }

export interface HttpTransport {
  request(req: HttpRequest, ctx: CommandContext): HttpResult | Promise<HttpResult>
}

const IP = /^(\d{1,3}\.){3}\d{1,3}$/

export function defaultPort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80
}

/** curl 7/8's texts for a refused connection and an unknown host name. */
export function connectFailure(url: URL): HttpFailure {
  return { code: 7, message: `Failed to connect to ${url.hostname} port ${defaultPort(url)} after 0 ms: Couldn't connect to server` }
}

export function resolveFailure(url: URL): HttpFailure {
  return { code: 6, message: `Could not resolve host: ${url.hostname}` }
}

/** Nothing listens anywhere yet: names other than localhost do not resolve from the host. */
export const noServers: HttpTransport = {
  request(req) {
    const host = req.url.hostname
    if (host === 'localhost' || IP.test(host) || host.startsWith('[')) return { failure: connectFailure(req.url) }
    return { failure: resolveFailure(req.url) }
  },
}
