// The Containers / Init Containers blocks of describe pod and of pod templates (describe.go
// describeContainers and the describeContainer* helpers, kubectl 1.33): basic info, command, state
// (pods only), resources, probes, environment, mounts. Templates pass no statuses, so they print no
// Container ID/Image ID/State lines, and indent names by one more space.

import type { Container, ContainerState, ContainerStatus, EnvVar, Pod, Probe } from 'kubernetes-types/core/v1'
import { goQuote } from '../../api/field-errors'
import { formatTime, goSlice, printBool, sortedStrings, stringOrNone } from './format'
import { goSortBy } from '../go-sort'
import { qMilliValue, qString, qValue, quantityOf, resourceList, type Quantity } from './quantity'
import { type DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3 } from './writer'

/** Resolves `valueFrom.fieldRef` env values (EnvValueRetriever); templates have none. */
export type EnvResolver = (e: EnvVar) => string

/**
 * EnvValueRetriever: kubectl's scheme has no field-label conversions for pods, so only
 * metadata.name and metadata.namespace resolve (anything else prints empty).
 */
export function podEnvResolver(pod: Pod): EnvResolver {
  return (e) => {
    const path = e.valueFrom?.fieldRef?.fieldPath
    if (path === 'metadata.name') return pod.metadata?.name ?? ''
    if (path === 'metadata.namespace') return pod.metadata?.namespace ?? ''
    return ''
  }
}

export function describeContainers(
  label: string,
  containers: readonly Container[] | undefined,
  statuses: readonly ContainerStatus[] | undefined | null,
  resolve: EnvResolver | undefined,
  w: DescribeWriter,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]))
  const list = containers ?? []
  w.write(LEVEL_0, `${space}${label}:${list.length === 0 ? ' <none>' : ''}\n`)
  for (const c of list) {
    const status = byName.get(c.name)
    basicInfo(c, status, space, w)
    command(c, w)
    if (status) containerState(status, w)
    describeResources(c.resources, w, LEVEL_2)
    probes(c, w)
    if (c.envFrom && c.envFrom.length > 0) envFrom(c, w)
    envVars(c, resolve, w)
    mounts(c, w)
  }
}

function basicInfo(c: Container, status: ContainerStatus | undefined, space: string, w: DescribeWriter): void {
  w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`)
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`)
  w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`)
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`)
  // kubectl 1.34 adds the port name (` (web)`); 1.33 prints number/protocol only.
  const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? ''}`).join(', ')
  if (ports.includes(',')) w.write(LEVEL_2, `Ports:\t${ports}\n`)
  else w.write(LEVEL_2, `Port:\t${stringOrNone(ports)}\n`)
  const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ')
  if (hostPorts.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`)
  else w.write(LEVEL_2, `Host Port:\t${stringOrNone(hostPorts)}\n`)
  const seccomp = c.securityContext?.seccompProfile
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`)
    if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
  }
}

function command(c: Container, w: DescribeWriter): void {
  if (c.command && c.command.length > 0) {
    w.write(LEVEL_2, 'Command:\n')
    for (const part of c.command) for (const s of part.split('\n')) w.write(LEVEL_3, `${s}\n`)
  }
  if (c.args && c.args.length > 0) {
    w.write(LEVEL_2, 'Args:\n')
    for (const part of c.args) for (const s of part.split('\n')) w.write(LEVEL_3, `${s}\n`)
  }
}

function containerState(status: ContainerStatus, w: DescribeWriter): void {
  describeStatus('State', status.state, w)
  if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w)
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`)
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`)
}

function describeStatus(name: string, state: ContainerState | undefined, w: DescribeWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`)
    w.write(LEVEL_3, `Started:\t${formatTime(state.running.startedAt as unknown as string)}\n`)
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`)
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state?.terminated) {
    const t = state.terminated
    w.write(LEVEL_2, `${name}:\tTerminated\n`)
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`)
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`)
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`)
    w.write(LEVEL_3, `Started:\t${formatTime(t.startedAt as unknown as string)}\n`)
    w.write(LEVEL_3, `Finished:\t${formatTime(t.finishedAt as unknown as string)}\n`)
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`)
  }
}

/** describeResources: Limits then Requests, resource names sorted. */
export function describeResources(
  resources: { limits?: Record<string, string | number>; requests?: Record<string, string | number> } | undefined | null,
  w: DescribeWriter,
  level: number,
): void {
  if (!resources) return
  for (const [title, list] of [
    ['Limits', resources.limits],
    ['Requests', resources.requests],
  ] as const) {
    const names = sortedStrings(Object.keys(list ?? {}))
    if (names.length > 0) w.write(level, `${title}:\n`)
    for (const n of names) w.write(level + 1, `${n}:\t${qString(quantityOf(list![n]))}\n`)
  }
}

function probes(c: Container, w: DescribeWriter): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`)
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`)
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`)
}

const portText = (p: string | number | undefined) => (p === undefined ? '' : String(p))

/** DescribeProbe (kubectl ≤1.36 wording: `#success=1 #failure=3`). */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`
  if (p.exec) return `exec ${goSlice(p.exec.command)} ${attrs}`
  if (p.httpGet) {
    const g = p.httpGet
    const port = portText(g.port)
    const host = port ? `${hostForUrl(g.host ?? '')}:${port}` : (g.host ?? '')
    // url.URL.String: a relative path gets a leading slash once there is a host.
    const path = g.path ?? ''
    const slash = path !== '' && !path.startsWith('/') && host !== '' ? '/' : ''
    return `http-get ${(g.scheme ?? '').toLowerCase()}://${host}${slash}${path} ${attrs}`
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${portText(p.tcpSocket.port)} ${attrs}`
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`
  return `unknown ${attrs}`
}

/** net.JoinHostPort brackets IPv6 hosts. */
function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host
}

function envFrom(c: Container, w: DescribeWriter): void {
  w.write(LEVEL_2, 'Environment Variables from:\n')
  for (const e of c.envFrom ?? []) {
    let from = ''
    let name = ''
    let optional = false
    if (e.configMapRef) {
      from = 'ConfigMap'
      name = e.configMapRef.name ?? ''
      optional = e.configMapRef.optional === true
    } else if (e.secretRef) {
      from = 'Secret'
      name = e.secretRef.name ?? ''
      optional = e.secretRef.optional === true
    }
    if (!e.prefix) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`)
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`)
  }
}

function envVars(c: Container, resolve: EnvResolver | undefined, w: DescribeWriter): void {
  const env = c.env ?? []
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`)
  for (const e of env) {
    const from = e.valueFrom
    if (!from) {
      ;(e.value ?? '').split('\n').forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`))
      continue
    }
    if (from.fieldRef) {
      w.write(LEVEL_3, `${e.name}:\t${resolve ? resolve(e) : ''} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})\n`)
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource
      let value = containerResourceValue(c, resource, from.resourceFieldRef.divisor)
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable'
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`)
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' in secret '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`)
    } else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' of config map '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`)
    }
  }
}

/** ExtractContainerResourceValue for cpu and memory (ceil(value / divisor)); '' for anything else. */
function containerResourceValue(c: Container, resource: string, divisorText: string | number | undefined): string {
  const [kind, name] = resource.split('.')
  const list = resourceList(kind === 'limits' ? c.resources?.limits : kind === 'requests' ? c.resources?.requests : undefined)
  const divisor = quantityOf(divisorText)
  const div: Quantity = divisor.unscaled === 0n ? quantityOf('1') : divisor
  const q = list[name] ?? quantityOf(0)
  if (kind !== 'limits' && kind !== 'requests') return ''
  if (name === 'cpu') return String(Math.ceil(qMilliValue(q) / qMilliValue(div)))
  if (name === 'memory' || name === 'ephemeral-storage') return String(Math.ceil(qValue(q) / qValue(div)))
  return ''
}

function mounts(c: Container, w: DescribeWriter): void {
  const vm = c.volumeMounts ?? []
  const none = vm.length === 0 ? '\t<none>' : ''
  w.write(LEVEL_2, `Mounts:${none}\n`)
  for (const m of goSortBy(vm, (a, b) => a.mountPath < b.mountPath)) {
    const flags = [m.readOnly ? 'ro' : 'rw']
    if (m.subPath) flags.push(`path=${goQuote(m.subPath)}`)
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`)
  }
  const devices = c.volumeDevices ?? []
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`)
    for (const d of goSortBy(devices, (a, b) => a.devicePath < b.devicePath)) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`)
  }
}
