// API errors with apimachinery's reasons, codes and message texts (pkg/api/errors/errors.go). What
// `message` says is what a real server sends; kubectl adds its own prefix ("Error from server
// (NotFound): ...") or rewrites Invalid errors, using `details`.

import { type FieldError, fieldErrorText, errorBody } from './field-errors'
import { kindInfo, type Kind } from './kinds'

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'Gone'
  | 'Timeout'
  | 'InternalError'
  | 'TooManyRequests'
  // metav1.StatusReasonUnknown is the empty string: a plain Go error that reached the handler becomes a
  // 500 without a reason (responsewriters.ErrorToAPIStatus), and kubectl prints `Error from server: <msg>`.
  | 'Unknown'

const CODES: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  MethodNotAllowed: 405,
  Gone: 410,
  Timeout: 504,
  InternalError: 500,
  TooManyRequests: 429,
  Unknown: 500,
}

export interface StatusCause {
  reason: string
  message: string
  field: string
}

export interface StatusDetails {
  name?: string
  group?: string
  kind?: string
  causes?: StatusCause[]
  /** Set on TooManyRequests (and a few others): when the client may try again. */
  retryAfterSeconds?: number
}

export class ApiError extends Error {
  readonly code: number
  constructor(
    readonly reason: StatusReason,
    message: string,
    readonly details: StatusDetails = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.code = CODES[reason]
  }

  /** The metav1.Status body a real server returns. */
  toStatus(): Record<string, unknown> {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason === 'Unknown' ? undefined : this.reason,
      details: Object.keys(this.details).length ? this.details : undefined,
      code: this.code,
    }
  }
}

export function isApiError(e: unknown, reason?: StatusReason): e is ApiError {
  return e instanceof ApiError && (reason === undefined || e.reason === reason)
}

export function notFound(kind: Kind, name: string): ApiError {
  const k = kindInfo(kind)
  return new ApiError('NotFound', `${k.qualifiedResource} "${name}" not found`, { name, group: k.group || undefined, kind: k.resource })
}

export function alreadyExists(kind: Kind, name: string): ApiError {
  const k = kindInfo(kind)
  return new ApiError('AlreadyExists', `${k.qualifiedResource} "${name}" already exists`, {
    name,
    group: k.group || undefined,
    kind: k.resource,
  })
}

export function conflict(kind: Kind, name: string, why = 'the object has been modified; please apply your changes to the latest version and try again'): ApiError {
  const k = kindInfo(kind)
  return new ApiError('Conflict', `Operation cannot be fulfilled on ${k.qualifiedResource} "${name}": ${why}`, {
    name,
    group: k.group || undefined,
    kind: k.resource,
  })
}

export function forbidden(kind: Kind, name: string, why: string): ApiError {
  const k = kindInfo(kind)
  const subject = name ? `${k.qualifiedResource} "${name}"` : k.qualifiedResource
  return new ApiError('Forbidden', `${subject} is forbidden: ${why}`, { name, group: k.group || undefined, kind: k.resource })
}

export function badRequest(message: string): ApiError {
  return new ApiError('BadRequest', message)
}

/** errors.NewInvalid: `StatefulSet.apps "web" is invalid: [e1, e2]` with one cause per field error. */
export function invalid(kind: Kind, name: string, errs: readonly FieldError[]): ApiError {
  const k = kindInfo(kind)
  const qualifiedKind = k.group ? `${k.kind}.${k.group}` : k.kind
  const texts = errs.map(fieldErrorText)
  const agg = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`
  return new ApiError('Invalid', `${qualifiedKind} "${name}" is invalid: ${agg}`, {
    name,
    group: k.group || undefined,
    kind: k.kind,
    causes: errs.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field })),
  })
}
