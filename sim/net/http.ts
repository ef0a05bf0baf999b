// HTTP as the simulated network carries it: one request over one TCP connection, and what the client
// sees — an answer, a refused connection (nothing listens, or kube-proxy's REJECT for a Service without
// endpoints), no answer at all (a node whose cable is pulled), no route (an address nobody has), or a
// connection closed without a reply. Clients (curl, wget, kubectl proxy) turn these into their own
// texts; servers (images' behaviours, the API server) never see the transport.

export interface NetRequest {
  method: string
  /** The request target: path and query (`/api/v1/namespaces?limit=1`). */
  path: string
  /** The Host header's value (`localhost:8001`). */
  host: string
  headers: [string, string][]
  body?: string
  /** The client's address as the server sees it (access logs, X-Forwarded-For). */
  remoteAddr: string
}

export interface NetResponse {
  status: number
  statusText: string
  headers: [string, string][]
  body: string
}

export type DialResult =
  | { kind: 'response'; response: NetResponse }
  /** RST at once: nothing listens on the port. */
  | { kind: 'refused' }
  /** The SYN is never answered; the client gives up after its connect timeout. */
  | { kind: 'timeout' }
  /** ICMP host unreachable after the ARP timeout (~3 s): no machine has the address. */
  | { kind: 'unreachable'; afterMs: number }
  /** The server accepted the connection and closed it without a reply. */
  | { kind: 'empty' }

/** Go's http.StatusText / the reason phrases servers send. */
const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/**
 * The reason phrase for a status. nginx says `Not Allowed` for 405 (its own status line table);
 * Go servers (the API server, kubectl proxy) say `Method Not Allowed`.
 */
export function statusText(status: number, server: 'nginx' | 'go' | 'node' = 'go'): string {
  if (status === 405) return server === 'nginx' ? 'Not Allowed' : 'Method Not Allowed'
  return STATUS_TEXT[status] ?? ''
}

export function header(headers: readonly [string, string][], name: string): string | undefined {
  const n = name.toLowerCase()
  return headers.find(([k]) => k.toLowerCase() === n)?.[1]
}

/** A response with a body and the headers Go's net/http adds (Content-Length, Date set by the caller). */
export function goResponse(status: number, contentType: string, body: string, date: string, extra: [string, string][] = []): NetResponse {
  const headers: [string, string][] = [
    ['Content-Type', contentType],
    ...extra,
    ['Date', date],
    ['Content-Length', String(new TextEncoder().encode(body).length)],
  ]
  return { status, statusText: statusText(status), headers, body }
}

/** How long Linux tries to connect before giving up when SYNs go unanswered (6 retries: 1+2+4+...+64 s). */
export const CONNECT_TIMEOUT_MS = 127_000
/** ARP resolution failing on the local segment: `No route to host` after about 3 s. */
export const NO_ROUTE_MS = 3_060
