// Defaulting of the other kinds (pkg/apis/core/v1/defaults.go, discovery/v1, storage/v1).

import type { EndpointSlice, Endpoints, Node, PersistentVolume, PersistentVolumeClaim, Secret, Service, StorageClass } from '../types'
import { defaultResourceList } from './pod'

type Obj = Record<string, unknown>

/** SetDefaults_Service (ClusterIP, session affinity, ports, traffic policies). */
export function defaultService(svc: Service): void {
  const spec = (svc.spec ??= {})
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None'
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds
    if (cfg === undefined || cfg === null) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } }
  }
  if (!spec.type) spec.type = 'ClusterIP'
  for (const p of spec.ports ?? []) {
    if (!p.protocol) p.protocol = 'TCP'
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port
  }
  const external = spec.type === 'NodePort' || spec.type === 'LoadBalancer'
  if (external && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster'
  if (!spec.internalTrafficPolicy && (external || spec.type === 'ClusterIP')) spec.internalTrafficPolicy = 'Cluster'
  if (spec.type === 'LoadBalancer' && (spec.allocateLoadBalancerNodePorts === undefined || spec.allocateLoadBalancerNodePorts === null)) {
    spec.allocateLoadBalancerNodePorts = true
  }
}

/** SetDefaults_PersistentVolumeClaimSpec (+ canonical quantities). */
export function defaultPVC(pvc: PersistentVolumeClaim): void {
  const spec = (pvc.spec ??= {})
  if (!spec.volumeMode) spec.volumeMode = 'Filesystem'
  const res = spec.resources as Obj | undefined
  if (res?.requests) defaultResourceList(res.requests as Obj)
  if (res?.limits) defaultResourceList(res.limits as Obj)
}

/** SetDefaults_PersistentVolume (reclaim policy Retain for hand-made volumes, Filesystem mode). */
export function defaultPV(pv: PersistentVolume): void {
  const spec = (pv.spec ??= {})
  if (!spec.persistentVolumeReclaimPolicy) spec.persistentVolumeReclaimPolicy = 'Retain'
  if (!spec.volumeMode) spec.volumeMode = 'Filesystem'
  if (spec.capacity) defaultResourceList(spec.capacity as Obj)
  const hp = spec.hostPath as Obj | undefined
  if (hp && hp.type === undefined) hp.type = ''
}

export function defaultSecret(s: Secret): void {
  if (!s.type) (s as Obj).type = 'Opaque'
  // stringData is write-only: its entries are merged into data (base64) on the way in.
  const sd = (s as Obj).stringData as Record<string, string> | undefined
  if (sd) {
    const data = { ...((s.data as Record<string, string>) ?? {}) }
    for (const [k, v] of Object.entries(sd)) data[k] = base64(String(v))
    ;(s as Obj).data = data
    delete (s as Obj).stringData
  }
}

/** Standard base64 of a string's UTF-8 bytes (no btoa: sim/ runs under node and the browser alike). */
export function base64(text: string): string {
  const bytes: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) bytes.push(c)
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]]
    out += abc[a >> 2] + abc[((a & 3) << 4) | ((b ?? 0) >> 4)]
    out += b === undefined ? '=' : abc[((b & 15) << 2) | ((c ?? 0) >> 6)]
    out += c === undefined ? '=' : abc[c & 63]
  }
  return out
}

/** SetDefaults_NodeStatus: allocatable defaults to capacity. */
export function defaultNode(node: Node): void {
  const st = node.status as Obj | undefined
  if (st && st.capacity && !st.allocatable) st.allocatable = { ...(st.capacity as Obj) }
}

export function defaultEndpoints(ep: Endpoints): void {
  for (const ss of ep.subsets ?? []) for (const p of ss.ports ?? []) if (!p.protocol) p.protocol = 'TCP'
}

/** discovery/v1 SetDefaults_EndpointPort: name "" and protocol TCP. */
export function defaultEndpointSlice(es: EndpointSlice): void {
  for (const p of es.ports ?? []) {
    if (p.name === undefined || p.name === null) p.name = ''
    if (!p.protocol) p.protocol = 'TCP'
  }
}

/** storage/v1 SetDefaults_StorageClass. */
export function defaultStorageClass(sc: StorageClass): void {
  if (!sc.reclaimPolicy) (sc as unknown as Obj).reclaimPolicy = 'Delete'
  if (!sc.volumeBindingMode) (sc as unknown as Obj).volumeBindingMode = 'Immediate'
}
