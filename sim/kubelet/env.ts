// A container's environment as the kubelet builds it (kubelet_pods.go makeEnvironmentVariables):
// service link variables, envFrom, then env with $(VAR) expansion and valueFrom sources. A missing
// ConfigMap or Secret (or key) that is not optional fails container creation with the texts the
// kubelet reports as CreateContainerConfigError.

import type { ApiServer } from '../api/server'
import type { ConfigMap, Container, Secret, Service } from '../api/types'
import type { PodObj } from './spec'

export type EnvResult = { ok: true; env: Record<string, string> } | { ok: false; message: string }

export interface EnvInputs {
  pod: PodObj
  container: Container
  podIP: string
  hostIP: string
  /** The image's ENV (containerd merges it under what the kubelet passes). */
  imageEnv: Readonly<Record<string, string>>
  hostname: string
}

/** makeEnvVariableName: upper case, '-' to '_'. */
function envName(s: string): string {
  return s.replace(/-/g, '_').toUpperCase()
}

/** envvars.FromServices: HOST, PORT, named ports, and the Docker link variables. */
export function serviceEnv(services: readonly Service[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const s of services) {
    const ip = s.spec?.clusterIP
    const ports = s.spec?.ports ?? []
    if (!ip || ip === 'None' || ports.length === 0) continue
    const prefix = envName(s.metadata!.name!)
    out[`${prefix}_SERVICE_HOST`] = ip
    out[`${prefix}_SERVICE_PORT`] = String(ports[0].port)
    for (const p of ports) if (p.name) out[`${prefix}_SERVICE_PORT_${envName(p.name)}`] = String(p.port)
    ports.forEach((p, i) => {
      const proto = (p.protocol ?? 'TCP').toLowerCase()
      const hostPort = `${ip}:${p.port}`
      if (i === 0) out[`${prefix}_PORT`] = `${proto}://${hostPort}`
      const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`
      out[pp] = `${proto}://${hostPort}`
      out[`${pp}_PROTO`] = proto
      out[`${pp}_PORT`] = String(p.port)
      out[`${pp}_ADDR`] = ip
    })
  }
  return out
}

/** third_party/forked/golang/expansion: $(VAR) from the mapping, $$ is a literal $, unknown stays as written. */
export function expand(input: string, lookup: (name: string) => string | undefined): string {
  let out = ''
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]
    if (ch !== '$' || i + 1 >= input.length) {
      out += ch
      continue
    }
    const next = input[i + 1]
    if (next === '$') {
      out += '$'
      i++
    } else if (next === '(') {
      const close = input.indexOf(')', i + 2)
      if (close < 0) {
        out += input.slice(i)
        break
      }
      const name = input.slice(i + 2, close)
      const v = lookup(name)
      out += v !== undefined ? v : `$(${name})`
      i = close
    } else {
      out += ch
    }
  }
  return out
}

function decode(b64: string): string {
  try {
    const bin = atob(b64)
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0))
    return new TextDecoder().decode(bytes)
  } catch {
    return ''
  }
}

function fieldValue(path: string, pod: PodObj, podIP: string, hostIP: string): string | undefined {
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path)
  if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]] ?? ''
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name ?? ''
    case 'metadata.namespace':
      return pod.metadata.namespace ?? ''
    case 'metadata.uid':
      return pod.metadata.uid ?? ''
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? ''
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? ''
    case 'status.hostIP':
    case 'status.hostIPs':
      return hostIP
    case 'status.podIP':
    case 'status.podIPs':
      return podIP
    default:
      return undefined
  }
}

/** The container's environment, or the message of the CreateContainerConfigError it causes. */
export function containerEnv(api: ApiServer, inputs: EnvInputs): EnvResult {
  const { pod, container } = inputs
  const ns = pod.metadata.namespace ?? 'default'
  const configMap = (name: string) => api.get('ConfigMap', ns, name) as ConfigMap | undefined
  const secret = (name: string) => api.get('Secret', ns, name) as Secret | undefined

  // Service links: the `kubernetes` service of the default namespace always, the pod's namespace's
  // services unless enableServiceLinks is false (getServiceEnvVarMap).
  const services: Service[] = []
  const master = api.get('Service', 'default', 'kubernetes') as Service | undefined
  if (master) services.push(master)
  if (pod.spec?.enableServiceLinks !== false) {
    for (const s of api.list('Service', { namespace: ns }) as Service[]) {
      if (!(ns === 'default' && s.metadata?.name === 'kubernetes')) services.push(s)
    }
  }
  const svcEnv = serviceEnv(services)
  const env: Record<string, string> = {}

  for (const from of container.envFrom ?? []) {
    const prefix = from.prefix ?? ''
    if (from.configMapRef) {
      const cm = configMap(from.configMapRef.name ?? '')
      if (!cm) {
        if (from.configMapRef.optional) continue
        return { ok: false, message: `configmap "${from.configMapRef.name}" not found` }
      }
      for (const [k, v] of Object.entries(cm.data ?? {})) env[prefix + k] = v
    } else if (from.secretRef) {
      const s = secret(from.secretRef.name ?? '')
      if (!s) {
        if (from.secretRef.optional) continue
        return { ok: false, message: `secret "${from.secretRef.name}" not found` }
      }
      for (const [k, v] of Object.entries(s.data ?? {})) env[prefix + k] = decode(v)
    }
  }

  const lookup = (name: string) => (name in env ? env[name] : svcEnv[name])
  for (const e of container.env ?? []) {
    let value = e.value ?? ''
    if (value !== '') {
      value = expand(value, lookup)
    } else if (e.valueFrom) {
      const vf = e.valueFrom
      if (vf.fieldRef) {
        value = fieldValue(vf.fieldRef.fieldPath, pod, inputs.podIP, inputs.hostIP) ?? ''
      } else if (vf.resourceFieldRef) {
        const r = vf.resourceFieldRef.resource
        const [kind, res] = r.split('.') as ['limits' | 'requests', string]
        value = String(container.resources?.[kind]?.[res] ?? (kind === 'limits' ? '' : '0'))
      } else if (vf.configMapKeyRef) {
        const ref = vf.configMapKeyRef
        const cm = configMap(ref.name ?? '')
        if (!cm) {
          if (ref.optional) continue
          return { ok: false, message: `configmap "${ref.name}" not found` }
        }
        const v = cm.data?.[ref.key]
        if (v === undefined) {
          if (ref.optional) continue
          return { ok: false, message: `couldn't find key ${ref.key} in ConfigMap ${ns}/${ref.name}` }
        }
        value = v
      } else if (vf.secretKeyRef) {
        const ref = vf.secretKeyRef
        const s = secret(ref.name ?? '')
        if (!s) {
          if (ref.optional) continue
          return { ok: false, message: `secret "${ref.name}" not found` }
        }
        const v = s.data?.[ref.key]
        if (v === undefined) {
          if (ref.optional) continue
          return { ok: false, message: `couldn't find key ${ref.key} in Secret ${ns}/${ref.name}` }
        }
        value = decode(v)
      }
    }
    delete svcEnv[e.name]
    env[e.name] = value
  }

  // `{ ...imageEnv, HOSTNAME, ...svcEnv, ...env }`, copied key by key: spreading maps built key by
  // key (as these are) takes V8's slow generic path, some 30 times slower.
  const out: Record<string, string> = {}
  copyInto(out, inputs.imageEnv)
  out.HOSTNAME = inputs.hostname
  copyInto(out, svcEnv)
  copyInto(out, env)
  return { ok: true, env: out }
}

/**
 * Own keys of `src` into `out` in order, as a spread would (a later value keeps the earlier place).
 * The maps here never hold an own `__proto__` (they are built by assignment, which ignores it).
 */
function copyInto(out: Record<string, string>, src: Readonly<Record<string, string>>): void {
  for (const k of Object.keys(src)) out[k] = src[k]
}

/** ExpandContainerCommandAndArgs: $(VAR) in command and args from the container's environment. */
export function expandCommand(container: Container, env: Readonly<Record<string, string>>): { command?: string[]; args?: string[] } {
  const lookup = (n: string) => env[n]
  return {
    command: container.command?.map((s) => expand(s, lookup)),
    args: container.args?.map((s) => expand(s, lookup)),
  }
}
