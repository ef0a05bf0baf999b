// metav1.Status answers of the API server, as curl receives them through `kubectl proxy`: the
// typed Status in its field order, pretty-printed for curl (negotiate.go isPrettyPrint), with the
// headers every API response carries (Audit-Id from the audit filter, Cache-Control from
// WithCacheControl, Go's Content-Type and Date).

import type { ApiError } from '../api/errors'
import type { Simulation } from '../simulation'
import { httpDate } from '../images/time-format'
import { prettyJson } from './go-json'
import { netRng } from './rng'
import { statusText, type NetResponse } from './http'

export interface Status {
  code: number
  /** metav1.StatusReason; absent for a plain error turned into a 500. */
  reason?: string
  message: string
  /** Absent: no details field; `{}`: an empty one (the "could not find the requested resource" 404). */
  details?: Record<string, unknown>
}

export function fromApiError(e: ApiError): Status {
  const d = e.details
  const details: Record<string, unknown> = {}
  if (d.name !== undefined) details.name = d.name
  if (d.group !== undefined) details.group = d.group
  if (d.kind !== undefined) details.kind = d.kind
  if (d.causes?.length) details.causes = d.causes
  if (d.retryAfterSeconds !== undefined) details.retryAfterSeconds = d.retryAfterSeconds
  return { code: e.code, reason: e.reason === 'Unknown' ? undefined : e.reason, message: e.message, details: Object.keys(details).length ? details : undefined }
}

export function unavailable(message: string): Status {
  return { code: 503, reason: 'ServiceUnavailable', message }
}

/** The 404 for a path under /api or /apis that names no resource. */
export const NOT_FOUND_RESOURCE: Status = { code: 404, reason: 'NotFound', message: 'the server could not find the requested resource', details: {} }

/** Headers of an API server response (the audit id comes from the seeded RNG). */
export function apiHeaders(sim: Simulation, contentType: string, body: string): [string, string][] {
  return [
    ['Audit-Id', netRng(sim).uuid()],
    ['Cache-Control', 'no-cache, private'],
    ['Content-Type', contentType],
    ['Date', httpDate(sim.now())],
    ['Content-Length', String(new TextEncoder().encode(body).length)],
  ]
}

export function statusResponse(sim: Simulation, s: Status): NetResponse {
  const body = prettyJson({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: s.message, reason: s.reason, details: s.details, code: s.code })
  return { status: s.code, statusText: statusText(s.code), headers: apiHeaders(sim, 'application/json', body), body }
}

export function jsonResponse(sim: Simulation, body: string): NetResponse {
  return { status: 200, statusText: 'OK', headers: apiHeaders(sim, 'application/json', body), body }
}

export function textResponse(sim: Simulation, status: number, body: string): NetResponse {
  return { status, statusText: statusText(status), headers: apiHeaders(sim, 'text/plain; charset=utf-8', body), body }
}
