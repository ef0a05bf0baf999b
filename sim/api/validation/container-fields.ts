// Container fields with their own rules (pkg/apis/core/validation): resource requirements, probes
// and lifecycle handlers, and the container security context.

import { fieldError, type FieldError } from '../field-errors'
import type { Container } from '../types'
import { canonicalQuantity, compareQuantities, parseQuantity } from '../defaults/quantity'
import { inclusiveRangeError, isHTTPHeaderName, isQualifiedName, isValidPortName, isValidPortNum } from './names'
import { IS_NEGATIVE, nonNegative } from './meta'

type Src = Record<string, unknown>

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage'])
const STANDARD_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims'])

function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-')
}

function resourceName(name: string, field: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => fieldError.invalid(field, name, m))
  if (errs.length) return errs
  if (!name.includes('/')) {
    const standard = STANDARD_RESOURCES.has(name) || isHugePages(name) || name.startsWith('requests.') || name.startsWith('limits.')
    if (!standard) return [fieldError.invalid(field, name, 'must be a standard resource type or fully qualified')]
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) return [fieldError.invalid(field, name, 'must be a standard resource for containers')]
  } else if (!name.includes('kubernetes.io/') && name.startsWith('requests.')) {
    return [fieldError.invalid(field, name, "doesn't follow extended resource name standard")]
  }
  return []
}

/** Extended resources (and hugepages) may not be overcommitted: requests must equal limits. */
function overcommitAllowed(name: string): boolean {
  return STANDARD_CONTAINER_RESOURCES.has(name) || (!name.includes('/') && !isHugePages(name))
}

export function resources(c: Container, field: string): FieldError[] {
  const errs: FieldError[] = []
  const limits = (c.resources?.limits ?? {}) as Record<string, string | number>
  const requests = (c.resources?.requests ?? {}) as Record<string, string | number>
  const quantityErrors = (name: string, v: string | number, path: string) => {
    const q = parseQuantity(v)
    if (!q) return []
    const out: FieldError[] = []
    if (q.unscaled < 0n) out.push(fieldError.invalid(path, canonicalQuantity(v)!, IS_NEGATIVE))
    if (name.includes('/') && !name.includes('kubernetes.io/') && q.exp < 0 && q.unscaled % 10n ** BigInt(-q.exp) !== 0n) {
      out.push(fieldError.invalid(path, canonicalQuantity(v)!, 'must be an integer'))
    }
    return out
  }
  for (const [name, v] of Object.entries(limits)) {
    const path = `${field}.limits[${name}]`
    errs.push(...resourceName(name, path), ...quantityErrors(name, v, path))
  }
  for (const [name, v] of Object.entries(requests)) {
    const path = `${field}.requests[${name}]`
    errs.push(...resourceName(name, path), ...quantityErrors(name, v, path))
    const lim = limits[name]
    const q = parseQuantity(v)
    const l = lim === undefined ? undefined : parseQuantity(lim)
    if (l && q) {
      const cmp = compareQuantities(q, l)
      if (cmp !== 0 && !overcommitAllowed(name)) errs.push(fieldError.invalid(`${field}.requests`, canonicalQuantity(v)!, `must be equal to ${name} limit of ${canonicalQuantity(lim!)}`))
      else if (cmp > 0) errs.push(fieldError.invalid(`${field}.requests`, canonicalQuantity(v)!, `must be less than or equal to ${name} limit of ${canonicalQuantity(lim!)}`))
    } else if (lim === undefined && !overcommitAllowed(name)) {
      errs.push(fieldError.required(`${field}.limits`, 'Limit must be set for non overcommitable resources'))
    }
  }
  return errs
}

function portNumOrName(port: unknown, field: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => fieldError.invalid(field, port, m))
  return isValidPortName(String(port ?? '')).map((m) => fieldError.invalid(field, String(port ?? ''), m))
}

/** validateHandler: exactly one of exec/httpGet/tcpSocket/grpc (probes) or sleep (lifecycle). */
function handler(h: Src, field: string, gracePeriod: number | undefined, kinds: readonly string[]): FieldError[] {
  const errs: FieldError[] = []
  let n = 0
  for (const kind of kinds) {
    const v = h[kind] as Src | undefined
    if (!v) continue
    if (n > 0) {
      errs.push(fieldError.forbidden(`${field}.${kind}`, 'may not specify more than 1 handler type'))
      continue
    }
    n++
    const p = `${field}.${kind}`
    switch (kind) {
      case 'exec':
        if (!(v.command as unknown[] | undefined)?.length) errs.push(fieldError.required(`${p}.command`))
        break
      case 'httpGet':
        if (!v.path) errs.push(fieldError.required(`${p}.path`))
        errs.push(...portNumOrName(v.port, `${p}.port`))
        if (v.scheme !== 'HTTP' && v.scheme !== 'HTTPS') errs.push(fieldError.notSupported(`${p}.scheme`, v.scheme ?? '', ['HTTP', 'HTTPS']))
        for (const hd of (v.httpHeaders as Src[] | undefined) ?? []) for (const m of isHTTPHeaderName(String(hd.name ?? ''))) errs.push(fieldError.invalid(`${p}.httpHeaders`, String(hd.name ?? ''), m))
        break
      case 'tcpSocket':
        errs.push(...portNumOrName(v.port, `${p}.port`))
        break
      case 'grpc':
        errs.push(...portNumOrName(Number(v.port ?? 0), `${p}.port`))
        break
      case 'sleep': {
        const s = Number(v.seconds ?? 0)
        if (gracePeriod !== undefined && (s < 0 || s > gracePeriod)) {
          // AllowPodLifecycleSleepActionZeroValue is on by default in 1.33.
          errs.push(fieldError.invalid(p, s, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`))
        }
        break
      }
    }
  }
  if (n === 0) errs.push(fieldError.required(field, 'must specify a handler type'))
  return errs
}

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc']
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep']

export function probe(p: Src | undefined, field: string, ctx: { gracePeriod: number | undefined }, kind: 'liveness' | 'readiness' | 'startup'): FieldError[] {
  if (!p) return []
  const errs = handler(p, field, ctx.gracePeriod, PROBE_HANDLERS)
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...nonNegative(Number(p[f] ?? 0), `${field}.${f}`))
  }
  const tgp = p.terminationGracePeriodSeconds as number | undefined
  if (tgp !== undefined && tgp !== null && tgp <= 0) errs.push(fieldError.invalid(`${field}.terminationGracePeriodSeconds`, tgp, 'must be greater than 0'))
  if (kind !== 'readiness' && Number(p.successThreshold ?? 0) !== 1) errs.push(fieldError.invalid(`${field}.successThreshold`, Number(p.successThreshold ?? 0), 'must be 1'))
  if (kind === 'readiness' && tgp !== undefined && tgp !== null) {
    errs.push(fieldError.invalid(`${field}.terminationGracePeriodSeconds`, tgp, 'must not be set for readinessProbes'))
  }
  return errs
}

export function lifecycle(l: Src | undefined, field: string, gracePeriod: number | undefined): FieldError[] {
  if (!l) return []
  const errs: FieldError[] = []
  if (l.postStart) errs.push(...handler(l.postStart as Src, `${field}.postStart`, gracePeriod, LIFECYCLE_HANDLERS))
  if (l.preStop) errs.push(...handler(l.preStop as Src, `${field}.preStop`, gracePeriod, LIFECYCLE_HANDLERS))
  return errs
}

export function securityContext(sc: Src | undefined, field: string): FieldError[] {
  if (!sc) return []
  const errs: FieldError[] = []
  for (const f of ['runAsUser', 'runAsGroup']) {
    const v = sc[f] as number | undefined
    if (typeof v === 'number' && (v < 0 || v > 2147483647)) errs.push(fieldError.invalid(`${field}.${f}`, v, inclusiveRangeError(0, 2147483647)))
  }
  return errs
}
