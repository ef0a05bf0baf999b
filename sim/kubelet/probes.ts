// Probes (pkg/kubelet/prober): when each probe runs, what it reports, and how consecutive results
// turn into a container's started/ready state or a restart. Ticks are laid on a grid anchored at the
// container's start (startedAt + random phase + k * period), so they can be recomputed at any time.

import type { Container } from '../api/types'
import type { Rng } from '../core/rng'
import type { ProbeType, ProbeWorker } from './model'
import type { ContainerRuntime, RuntimeContainer } from './runtime'
import { effectiveProbe, probeOf, resolvePort, type EffectiveProbe } from './spec'

export const PROBE_TYPES: readonly ProbeType[] = ['startup', 'readiness', 'liveness']

/** The kubelet's User-Agent for HTTP probes (probe/http: "kube-probe/<major>.<minor>"). */
export const PROBE_USER_AGENT = 'kube-probe/1.33'

export function probeName(t: ProbeType): string {
  return t === 'startup' ? 'Startup' : t === 'readiness' ? 'Readiness' : 'Liveness'
}

export function newProbeWorker(type: ProbeType, eff: EffectiveProbe, rng: Rng): ProbeWorker {
  return {
    type,
    offsetMs: Math.floor(rng.next() * eff.periodMs),
    run: 0,
    result: type === 'readiness' ? 'failure' : type === 'liveness' ? 'success' : 'unknown',
    onHold: false,
  }
}

export function specProbe(c: Container | undefined, type: ProbeType): EffectiveProbe | undefined {
  const p = c ? probeOf(c, type) : undefined
  return p ? effectiveProbe(p) : undefined
}

/**
 * When the worker probes next, at or after `from`: the first tick of its grid that is not before
 * initialDelaySeconds (doProbe skips earlier ticks). A pending manual run (readiness right after the
 * start) comes first.
 */
export function nextProbeAt(w: ProbeWorker, eff: EffectiveProbe, startedAt: number, from: number): number | undefined {
  if (w.onHold) return undefined
  const earliest = Math.max(from, startedAt + eff.initialDelayMs)
  if (w.manualAt !== undefined && w.manualAt >= startedAt + eff.initialDelayMs) return Math.max(w.manualAt, from)
  const anchor = startedAt + w.offsetMs
  const k = Math.max(0, Math.ceil((earliest - anchor) / eff.periodMs))
  return anchor + k * eff.periodMs
}

export interface ProbeOutcome {
  ok: boolean
  /** What the kubelet puts after "<Type> probe failed: ". */
  output: string
}

/** Runs one probe against a running container. */
export function runProbe(runtime: ContainerRuntime, c: RuntimeContainer, spec: Container, eff: EffectiveProbe, podIP: string, gateway: string, at: number): ProbeOutcome {
  const p = eff.probe
  if (p.exec) {
    const argv = p.exec.command ?? []
    const r = runtime.execIn(c, argv, true)
    if (!r) {
      return {
        ok: false,
        output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0] ?? ''}": executable file not found in $PATH: unknown`,
      }
    }
    return { ok: r.exitCode === 0, output: r.stdout + r.stderr }
  }
  if (p.httpGet) {
    const port = resolvePort(spec, p.httpGet.port as number | string) ?? 0
    const host = p.httpGet.host || podIP
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase()
    const path = p.httpGet.path || '/'
    const url = `${scheme}://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`
    const headers: Record<string, string> = { 'User-Agent': PROBE_USER_AGENT, Accept: '*/*' }
    for (const h of p.httpGet.httpHeaders ?? []) headers[h.name] = h.value
    const r = runtime.request(c, port, { method: 'GET', path, headers, remoteAddr: gateway }, at, true)
    if (r.kind !== 'response') return { ok: false, output: `Get "${url}": ${r.message}` }
    const status = r.response.status
    // probe/http DoHTTPProbe: 200 <= code < 400 is a success.
    if (status >= 200 && status < 400) return { ok: true, output: '' }
    return { ok: false, output: `HTTP probe failed with statuscode: ${status}` }
  }
  // tcpSocket (and grpc, which we treat as a connection check).
  const port = resolvePort(spec, (p.tcpSocket?.port ?? p.grpc?.port) as number | string | undefined) ?? 0
  const host = p.tcpSocket?.host || podIP
  if (runtime.listening(c, port, at)) return { ok: true, output: '' }
  return { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` }
}

/**
 * worker.doProbe after the probe ran: count consecutive identical results, and only when they reach
 * the threshold change what the kubelet acts on. Returns whether that changed.
 */
export function applyProbeResult(w: ProbeWorker, eff: EffectiveProbe, ok: boolean): boolean {
  if (w.last === ok) w.run++
  else {
    w.last = ok
    w.run = 1
  }
  if ((!ok && w.run < eff.failureThreshold) || (ok && w.run < eff.successThreshold)) return false
  const next = ok ? 'success' : 'failure'
  const changed = w.result !== next
  w.result = next
  if ((w.type === 'liveness' || w.type === 'startup') && !ok) {
    // Stop probing until a new container is seen (worker.onHold).
    w.onHold = true
    w.run = 0
  }
  return changed
}

/** The result a probe settles in when nothing changes: readiness as it is, liveness passing. */
export function isStableResult(w: ProbeWorker, ok: boolean): boolean {
  if (w.type === 'startup') return false
  if (w.type === 'liveness') return ok
  return ok ? w.result === 'success' : w.result === 'failure'
}
