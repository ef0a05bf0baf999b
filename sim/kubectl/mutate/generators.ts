// The objects `kubectl create namespace|configmap|secret generic|service <type>|deployment` build,
// field for field as kubectl's typed Go structs marshal them (create_namespace.go, create_configmap.go,
// create_secret.go, create_service.go, create_deployment.go): a zero metav1.Time prints as
// `creationTimestamp: null`, empty structs as `{}` (`status: {}`, `strategy: {}`, `resources: {}`),
// omitempty maps and strings disappear. Key order here is Go's struct order, which `-o json` keeps.

import { base64 } from '../../api/defaults/core'
import type { Kind } from '../../api/kinds'
import { isDNS1123Subdomain, isValidPortName, isValidPortNum } from '../../api/validation/names'
import type { Invocation } from '../command'
import { KubectlError } from '../errors'
import { configMapKeyAdder, readSources, secretKeyAdder, type Sources } from './sources'

type JsonMap = Record<string, unknown>

export interface Generated {
  kind: Kind
  object: JsonMap
}

/** ObjectMeta as the generators fill it: the namespace only when -n was given (EnforceNamespace). */
function meta(name: string, namespace: string | undefined, labels?: Record<string, string>): JsonMap {
  return { name, ...(namespace ? { namespace } : {}), creationTimestamp: null, ...(labels ? { labels } : {}) }
}

export function namespaceObject(name: string): Generated {
  return { kind: 'Namespace', object: { kind: 'Namespace', apiVersion: 'v1', metadata: meta(name, undefined), spec: {}, status: {} } }
}

export function configMapObject(inv: Invocation, name: string, namespace: string | undefined, s: Sources): Generated {
  const data: Record<string, string> = {}
  readSources(inv, s, ['file', 'literal', 'env'], 'env config file cannot be a directory', configMapKeyAdder(name, data))
  const object: JsonMap = { kind: 'ConfigMap', apiVersion: 'v1', metadata: meta(name, namespace) }
  if (Object.keys(data).length) object.data = data
  return { kind: 'ConfigMap', object }
}

export function secretObject(inv: Invocation, name: string, namespace: string | undefined, s: Sources, type: string): Generated {
  const data: Record<string, string> = {}
  readSources(inv, s, ['literal', 'file', 'env'], 'env secret file cannot be a directory', secretKeyAdder(data, base64))
  const object: JsonMap = { kind: 'Secret', apiVersion: 'v1', metadata: meta(name, namespace) }
  if (Object.keys(data).length) object.data = data
  if (type) object.type = type
  return { kind: 'Secret', object }
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'

export interface ServiceOptions {
  type: ServiceType
  tcp: readonly string[]
  clusterIP: string
  nodePort: number
  externalName: string
}

/** ServiceOptions.Validate. */
export function validateService(o: ServiceOptions): void {
  if (o.clusterIP === 'None' && o.type !== 'ClusterIP') throw new KubectlError('ClusterIP=None can only be used with ClusterIP service type')
  if (o.clusterIP !== 'None' && o.tcp.length === 0 && o.type !== 'ExternalName') throw new KubectlError('at least one tcp port specifier must be provided')
  if (o.type === 'ExternalName' && isDNS1123Subdomain(o.externalName).length) throw new KubectlError(`invalid service external name ${o.externalName}`)
}

/** utilsnet.ParsePort(s, allowZero=true): strconv.ParseUint's errors, then the range. */
function parsePort(s: string): number {
  if (!/^[0-9]+$/.test(s)) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`)
  const n = Number(s)
  if (n > 65535) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`)
  return n
}

/** parsePorts: `port` or `port:targetPort`, the target a number or a port name. */
function parsePorts(spec: string): [number, number | string] {
  const parts = spec.split(':')
  const port = parsePort(parts[0])
  if (parts.length === 1) return [port, port]
  const target = parts[1]
  if (!/^[+-]?[0-9]+$/.test(target)) {
    const errs = isValidPortName(target)
    if (errs.length) throw new KubectlError(errs.join(','))
    return [port, target]
  }
  const n = Number(target)
  const errs = isValidPortNum(n)
  if (errs.length) throw new KubectlError(errs.join(','))
  return [port, n]
}

export function serviceObject(name: string, namespace: string | undefined, o: ServiceOptions): Generated {
  const ports = o.tcp.map((spec) => {
    const [port, targetPort] = parsePorts(spec)
    const p: JsonMap = { name: spec.replace(/:/g, '-'), protocol: 'TCP', port, targetPort }
    if (o.nodePort) p.nodePort = o.nodePort
    return p
  })
  // Ports is an omitempty slice: no --tcp, no `ports` at all.
  const spec: JsonMap = { ...(ports.length ? { ports } : {}), selector: { app: name } }
  if (o.clusterIP) spec.clusterIP = o.clusterIP
  spec.type = o.type
  if (o.externalName) spec.externalName = o.externalName
  return {
    kind: 'Service',
    object: { kind: 'Service', apiVersion: 'v1', metadata: meta(name, namespace, { app: name }), spec, status: { loadBalancer: {} } },
  }
}

export interface DeploymentOptions {
  images: readonly string[]
  command: readonly string[]
  port: number
  replicas: number
}

/** buildPodSpec's container name: the image's last path segment without tag or digest. */
function containerName(inv: Invocation, image: string): string {
  let name = image.split('/').pop()!
  if (name.includes(':')) name = name.split(':')[0]
  if (name.includes('@')) name = name.split('@')[0]
  // sanitizeAndUniquify: `_` and `.` become `-`, and a random suffix keeps the name unique.
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${inv.ctx.sim.rng.k8sSuffix(5)}`
  return name
}

export function deploymentObject(inv: Invocation, name: string, namespace: string | undefined, o: DeploymentOptions): Generated {
  const labels = { app: name }
  const containers: JsonMap[] = o.images.map((image) => ({
    name: containerName(inv, image),
    image,
    ...(o.command.length ? { command: [...o.command] } : {}),
    resources: {},
  }))
  if (o.port >= 0 && containers.length > 0) {
    const { name: n, image, command, resources } = containers[0]
    containers[0] = { name: n, image, ...(command ? { command } : {}), ports: [{ containerPort: o.port }], resources }
  }
  return {
    kind: 'Deployment',
    object: {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: meta(name, namespace, labels),
      spec: {
        replicas: o.replicas,
        selector: { matchLabels: labels },
        template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
        strategy: {},
      },
      status: {},
    },
  }
}
