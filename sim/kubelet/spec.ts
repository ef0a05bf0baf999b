// Reading a pod's spec with the API server's defaults applied (pkg/apis/core/v1/defaults.go): the
// kubelet acts on defaulted objects, and ours may come without them.

import type { Container, Obj } from '../api/types'
import type { Probe } from 'kubernetes-types/core/v1'
import type { ClusterConfig } from '../cluster-config'
import { podHostDomain, podHostname } from '../dns/pod-files'

// The pod's hostname and domain are the DNS area's (sim/dns/pod-files.ts), shared with the resolver.
export { podHostDomain, podHostname }
import type { ContainerRecord, ProbeType } from './model'

/** A stored pod: metadata is always there. */
export type PodObj = Obj<'Pod'>

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never'
export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never'

export function restartPolicy(pod: PodObj): RestartPolicy {
  const p = pod.spec?.restartPolicy
  return p === 'OnFailure' || p === 'Never' ? p : 'Always'
}

/**
 * SetDefaults_Container: Always when the image has no tag (or `:latest`) and no digest, else
 * IfNotPresent (parsers.ParseImageName gives "latest" to an untagged, undigested name).
 */
export function pullPolicy(c: Container): PullPolicy {
  const p = c.imagePullPolicy
  if (p === 'Always' || p === 'IfNotPresent' || p === 'Never') return p
  const image = c.image ?? ''
  if (image.includes('@')) return 'IfNotPresent'
  const lastSlash = image.lastIndexOf('/')
  const colon = image.indexOf(':', lastSlash + 1)
  const tag = colon < 0 ? 'latest' : image.slice(colon + 1)
  return tag === 'latest' ? 'Always' : 'IfNotPresent'
}

export function containerSpec(pod: PodObj, c: Pick<ContainerRecord, 'name' | 'init'>): Container | undefined {
  const list = c.init ? pod.spec?.initContainers : pod.spec?.containers
  return list?.find((x) => x.name === c.name)
}

/** `spec.containers{nginx}` / `spec.initContainers{init}`: the fieldPath of container events. */
export function fieldPath(c: Pick<ContainerRecord, 'name' | 'init'>): string {
  return c.init ? `spec.initContainers{${c.name}}` : `spec.containers{${c.name}}`
}

export interface EffectiveProbe {
  probe: Probe
  initialDelayMs: number
  periodMs: number
  timeoutMs: number
  successThreshold: number
  failureThreshold: number
}

/** SetDefaults_Probe: timeout 1s, period 10s, success 1, failure 3. */
export function effectiveProbe(p: Probe): EffectiveProbe {
  return {
    probe: p,
    initialDelayMs: Math.max(0, p.initialDelaySeconds ?? 0) * 1000,
    periodMs: Math.max(1, p.periodSeconds ?? 10) * 1000,
    timeoutMs: Math.max(1, p.timeoutSeconds ?? 1) * 1000,
    successThreshold: Math.max(1, p.successThreshold ?? 1),
    failureThreshold: Math.max(1, p.failureThreshold ?? 3),
  }
}

export function probeOf(c: Container, type: ProbeType): Probe | undefined {
  return type === 'startup' ? c.startupProbe : type === 'readiness' ? c.readinessProbe : c.livenessProbe
}

/** The pod's terminationGracePeriodSeconds (default 30). */
export function podGraceSeconds(pod: PodObj): number {
  return pod.spec?.terminationGracePeriodSeconds ?? 30
}

export function podFqdn(pod: PodObj, config: ClusterConfig): string {
  const d = podHostDomain(pod, config)
  return d ? `${podHostname(pod)}.${d}` : podHostname(pod)
}

/** Restart after this exit? Init containers are re-run only when they failed (OnFailure semantics). */
export function shouldRestart(pod: PodObj, c: Pick<ContainerRecord, 'init'>, exitCode: number): boolean {
  const p = restartPolicy(pod)
  if (c.init) return p !== 'Never' && exitCode !== 0
  return p === 'Always' || (p === 'OnFailure' && exitCode !== 0)
}

/** Resolves a named container port ("web") or a number. */
export function resolvePort(c: Container | undefined, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port
  if (port === undefined) return undefined
  if (/^\d+$/.test(port)) return Number(port)
  return c?.ports?.find((p) => p.name === port)?.containerPort
}
