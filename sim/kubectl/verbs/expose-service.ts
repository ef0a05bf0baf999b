// The Service `kubectl expose` makes (expose.go RunExpose and createService): what it reads from the
// exposed object — selector, ports, protocols, labels, name — and the object built from those and the
// flags. Labels and selectors go through kubectl's "k=v,k=v" strings and back, so their errors are
// kubectl's (`unexpected label spec: ...`).

import type { KubeObject } from '../../api/types'
import { KubectlError } from '../errors'
import type { Generated } from '../mutate/generators'

type JsonMap = Record<string, unknown>

/** The string flags of `kubectl expose` (empty when not given). */
export interface ExposeOptions {
  clusterIP: string
  externalIP: string
  labels: string
  loadBalancerIP: string
  name: string
  port: string
  protocol: string
  selector: string
  sessionAffinity: string
  targetPort: string
  type: string
}

/** The options once the exposed object has filled in what the flags left out. */
export interface Exposure extends ExposeOptions {
  defaultName: string
  /** Several ports of the object, comma-separated, when --port was not given. */
  ports: string
  /** "port/PROTOCOL,..." from the object. */
  protocols: string
}

interface PortLike {
  containerPort?: number
  port?: number
  protocol?: string
}

/** DNS1035LabelMaxLength: a longer object name is cut for the Service's. */
const MAX_NAME = 63

/** MakeLabels: a map as "k=v,k=v". */
function makeLabels(m: Record<string, string> | undefined): string {
  return Object.entries(m ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',')
}

/** Go's %+v of []LabelSelectorRequirement. */
function goRequirements(reqs: readonly { key?: string; operator?: string; values?: string[] }[]): string {
  return `[${reqs.map((r) => `{Key:${r.key ?? ''} Operator:${r.operator ?? ''} Values:[${(r.values ?? []).join(' ')}]}`).join(' ')}]`
}

/** MapBasedSelectorForObjectFn. */
function selectorOf(obj: KubeObject): string {
  const spec = (obj as { spec?: JsonMap }).spec ?? {}
  switch (obj.kind) {
    case 'Pod':
      if (!Object.keys(obj.metadata.labels ?? {}).length) throw new Error('the pod has no labels and cannot be exposed')
      return makeLabels(obj.metadata.labels)
    case 'Service':
      if (!spec.selector) throw new Error('the service has no pod selector set')
      return makeLabels(spec.selector as Record<string, string>)
    default: {
      const sel = spec.selector as { matchLabels?: Record<string, string>; matchExpressions?: [] } | undefined
      const what = obj.kind === 'Deployment' ? 'deployment' : 'replicaset'
      if (!sel) throw new Error(`invalid ${what}: no selectors, therefore cannot be exposed`)
      if (sel.matchExpressions?.length) throw new Error(`couldn't convert expressions - "${goRequirements(sel.matchExpressions)}" to map-based selector format`)
      return makeLabels(sel.matchLabels)
    }
  }
}

/** The ports PortsForObject and MultiProtocolsForObject read: the containers', or the Service's. */
function portsOf(obj: KubeObject): PortLike[] {
  const spec = (obj as { spec?: JsonMap }).spec ?? {}
  if (obj.kind === 'Service') return (spec.ports as PortLike[] | undefined) ?? []
  const podSpec = obj.kind === 'Pod' ? spec : (((spec.template as JsonMap | undefined)?.spec as JsonMap | undefined) ?? {})
  return ((podSpec.containers as { ports?: PortLike[] }[] | undefined) ?? []).flatMap((c) => c.ports ?? [])
}

const portNumber = (p: PortLike, kind: string) => String((kind === 'Service' ? p.port : p.containerPort) ?? 0)

export function exposureOf(obj: KubeObject, o: ExposeOptions): Exposure {
  const out: Exposure = { ...o, defaultName: (obj.metadata.name ?? '').slice(0, MAX_NAME), ports: '', protocols: '' }
  if (!out.selector) {
    try {
      out.selector = selectorOf(obj)
    } catch (e) {
      throw new KubectlError(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`)
    }
  }
  const ports = portsOf(obj)
  if (!out.port) {
    // Each port number once, in the order of first appearance (53/UDP and 53/TCP are one port).
    const numbers = [...new Set(ports.map((p) => portNumber(p, obj.kind)))]
    if (numbers.length === 0 && out.clusterIP !== 'None') throw new KubectlError("couldn't find port via --port flag or introspection")
    if (numbers.length === 1) out.port = numbers[0]
    else out.ports = numbers.join(',')
  }
  out.protocols = ports.map((p) => `${portNumber(p, obj.kind)}/${p.protocol || 'TCP'}`).join(',')
  if (!out.labels) out.labels = makeLabels(obj.metadata.labels)
  return out
}

/** parseLabels: "k=v,k=v" back to a map. */
function parseLabels(spec: string): Record<string, string> {
  if (!spec) throw new KubectlError('no label spec passed')
  const out: Record<string, string> = {}
  for (const item of spec.split(',')) {
    const kv = item.split('=')
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${item}`)
    if (!kv[0]) throw new KubectlError('unexpected empty label key')
    out[kv[0]] = kv[1]
  }
  return out
}

/** parseProtocols: "port/PROTOCOL,..." to the protocols of each port. */
function parseProtocols(spec: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const item of spec.split(',')) {
    const pp = item.split('/')
    if (pp.length !== 2) throw new KubectlError(`unexpected port protocol mapping: ${item}`)
    if (!pp[0]) throw new KubectlError('unexpected empty port')
    if (!pp[1]) throw new KubectlError('unexpected empty protocol')
    out.set(pp[0], [...(out.get(pp[0]) ?? []), pp[1]])
  }
  return out
}

/** strconv.Atoi's error, as fmt prints it. */
function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new KubectlError(`strconv.Atoi: parsing "${s}": invalid syntax`)
  const n = Number(s)
  if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 63 - 1) throw new KubectlError(`strconv.Atoi: parsing "${s}": value out of range`)
  // int32(port): Go keeps the low 32 bits.
  return n | 0
}

function servicePorts(e: Exposure): JsonMap[] {
  const text = e.ports || e.port
  if (!text) return []
  const byPort = e.protocols ? parseProtocols(e.protocols) : new Map<string, string[]>()
  const items = text.split(',')
  const out: JsonMap[] = []
  items.forEach((item, i) => {
    const port = atoi(item)
    const name = items.length > 1 ? `port-${i + 1}` : ''
    let protocol = e.protocol
    if (!protocol) {
      protocol = 'TCP'
      const found = byPort.get(item)
      if (found?.length === 1) protocol = found[0]
      else if (found && found.length > 1) {
        for (const p of found) out.push({ name: `port-${i + 1}-${p.toLowerCase()}`, port, protocol: p })
        return
      }
    }
    out.push({ ...(name ? { name } : {}), port, protocol })
  })
  return out
}

/** intstr.Parse: a number when the text is one, else a name. */
function intOrString(s: string): number | string {
  return /^-?\d+$/.test(s) && Math.abs(Number(s)) <= 2 ** 31 - 1 ? Number(s) : s
}

/** createService. */
export function exposedService(e: Exposure): Generated {
  if (!e.selector) throw new KubectlError('selector must be specified')
  const selector = parseLabels(e.selector)
  const labels = e.labels ? parseLabels(e.labels) : undefined
  const name = e.name || e.defaultName
  if (!name) throw new KubectlError('name must be specified')
  const ports = servicePorts(e).map((p) => ({ ...p, targetPort: e.targetPort ? intOrString(e.targetPort) : p.port }))
  const spec: JsonMap = { ...(ports.length ? { ports } : {}), selector }
  if (e.clusterIP) spec.clusterIP = e.clusterIP
  if (e.type) spec.type = e.type
  if (e.externalIP) spec.externalIPs = [e.externalIP]
  if (e.type === 'LoadBalancer' && e.loadBalancerIP) spec.loadBalancerIP = e.loadBalancerIP
  if (e.sessionAffinity) {
    if (e.sessionAffinity !== 'None' && e.sessionAffinity !== 'ClientIP') throw new KubectlError(`unknown session affinity: ${e.sessionAffinity}`)
    spec.sessionAffinity = e.sessionAffinity
  }
  const metadata: JsonMap = { name, creationTimestamp: null, ...(labels ? { labels } : {}) }
  return { kind: 'Service', object: { kind: 'Service', apiVersion: 'v1', metadata, spec, status: { loadBalancer: {} } } }
}
