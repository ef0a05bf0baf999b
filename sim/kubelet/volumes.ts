// The kubelet's volume manager, reduced to what a lesson can see: whether a pod's volumes can be
// set up (a PVC must be Bound to an existing PV; a ConfigMap or Secret must exist unless optional),
// where each volume's data lives, and what each container mounts where. PV data is keyed by the PV
// (it survives pods and rescheduling), an emptyDir by the pod, ConfigMap/Secret/projected/downward
// API volumes are files the kubelet writes for the pod (read-only in the container).

import type { ApiServer } from '../api/server'
import type { ConfigMap, Container, PersistentVolume, PersistentVolumeClaim, Secret, Volume } from '../api/types'
import type { PodObj } from './spec'
import type { Rng } from '../core/rng'
import type { VolumeStore } from '../storage/volume-store'
import { emptyDirVolumeId, pvVolumeId } from '../storage/volume-store'
import { normalizePath } from '../storage/memfs'
import type { MountSpec } from './runtime'
import { podFilesId } from './runtime'

export interface VolumeProblem {
  volume: string
  /** `setup`: MountVolume.SetUp fails and says why; `process`: the volume never gets that far (a PVC). */
  kind: 'setup' | 'process'
  message: string
}

export function podVolumeId(podUid: string, volume: string): string {
  return `podvol/${podUid}/${volume}`
}

function pvcProblem(api: ApiServer, ns: string, claim: string): string | undefined {
  const pvc = api.get('PersistentVolumeClaim', ns, claim) as PersistentVolumeClaim | undefined
  // desired_state_of_world_populator getPVCExtractPV / getPVSpec.
  if (!pvc) return `error processing PVC ${ns}/${claim}: failed to fetch PVC from API server: persistentvolumeclaims "${claim}" not found`
  if (pvc.metadata?.deletionTimestamp) return `error processing PVC ${ns}/${claim}: PVC is being deleted`
  if (pvc.status?.phase !== 'Bound') return `error processing PVC ${ns}/${claim}: PVC is not bound`
  const pvName = pvc.spec?.volumeName
  if (!pvName) return `error processing PVC ${ns}/${claim}: PVC has empty pvc.Spec.VolumeName`
  if (!api.get('PersistentVolume', '', pvName)) return `error processing PVC ${ns}/${claim}: failed to fetch PV ${pvName} from API server: persistentvolumes "${pvName}" not found`
  return undefined
}

function keysMissing(data: Record<string, string> | undefined, items: readonly { key: string }[] | undefined): string | undefined {
  for (const it of items ?? []) if (!(it.key in (data ?? {}))) return it.key
  return undefined
}

/** What stops `volume` from being set up, if anything. */
function problemFor(api: ApiServer, pod: PodObj, v: Volume): VolumeProblem | undefined {
  const ns = pod.metadata.namespace ?? 'default'
  const setup = (message: string): VolumeProblem => ({ volume: v.name, kind: 'setup', message: `MountVolume.SetUp failed for volume "${v.name}" : ${message}` })
  if (v.persistentVolumeClaim) {
    const p = pvcProblem(api, ns, v.persistentVolumeClaim.claimName)
    return p ? { volume: v.name, kind: 'process', message: p } : undefined
  }
  const configMaps = v.configMap ? [v.configMap] : (v.projected?.sources ?? []).flatMap((s) => (s.configMap ? [s.configMap] : []))
  for (const ref of configMaps) {
    const cm = api.get('ConfigMap', ns, ref.name ?? '') as ConfigMap | undefined
    if (!cm) {
      if (ref.optional) continue
      return setup(`configmap "${ref.name}" not found`)
    }
    const missing = ref.optional ? undefined : keysMissing(cm.data, ref.items)
    if (missing) return setup(`configmap references non-existent config key: ${missing}`)
  }
  const secrets = v.secret ? [{ name: v.secret.secretName, optional: v.secret.optional, items: v.secret.items }] : (v.projected?.sources ?? []).flatMap((s) => (s.secret ? [s.secret] : []))
  for (const ref of secrets) {
    const s = api.get('Secret', ns, ref.name ?? '') as Secret | undefined
    if (!s) {
      if (ref.optional) continue
      return setup(`secret "${ref.name}" not found`)
    }
    const missing = ref.optional ? undefined : keysMissing(s.data, ref.items)
    if (missing) return setup(`references non-existent secret key: ${missing}`)
  }
  return undefined
}

export function volumeProblems(api: ApiServer, pod: PodObj): VolumeProblem[] {
  const out: VolumeProblem[] = []
  for (const v of pod.spec?.volumes ?? []) {
    const p = problemFor(api, pod, v)
    if (p) out.push(p)
  }
  return out
}

/** Where a volume's data lives in the volume store, and the directory of it that is the volume. */
export function volumeLocation(api: ApiServer, pod: PodObj, v: Volume): { id: string; base: string } {
  const uid = pod.metadata.uid ?? ''
  if (v.persistentVolumeClaim) {
    const pvc = api.get('PersistentVolumeClaim', pod.metadata.namespace ?? 'default', v.persistentVolumeClaim.claimName) as PersistentVolumeClaim | undefined
    const pv = pvc?.spec?.volumeName ? (api.get('PersistentVolume', '', pvc.spec.volumeName) as PersistentVolume | undefined) : undefined
    if (pv?.metadata?.name) return { id: pvVolumeId(pv.metadata.name), base: '/' }
  }
  if (v.emptyDir) return { id: emptyDirVolumeId(uid, v.name), base: '/' }
  if (v.hostPath) return { id: `node/${pod.spec?.nodeName ?? ''}`, base: normalizePath(v.hostPath.path) }
  return { id: podVolumeId(uid, v.name), base: '/' }
}

const KUBELET_WRITTEN = (v: Volume) => !!(v.configMap || v.secret || v.projected || v.downwardAPI)

/**
 * The mounts of one container: its volumeMounts, then the files the kubelet manages, each unless the
 * container mounts something at that path itself (kubelet_pods.go makeMounts).
 */
export function containerMounts(api: ApiServer, volumes: VolumeStore, pod: PodObj, c: Container): MountSpec[] {
  const out: MountSpec[] = []
  const byName = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]))
  for (const m of c.volumeMounts ?? []) {
    const v = byName.get(m.name)
    if (!v) continue
    const loc = volumeLocation(api, pod, v)
    const subPath = normalizePath(`${loc.base}/${m.subPath ?? ''}`)
    const fs = volumes.get(loc.id)
    if (loc.base !== '/' && !fs.exists(loc.base)) fs.mkdirp(loc.base)
    // A subPath that names a file mounts that file (a ConfigMap key over /etc/nginx/nginx.conf).
    const file = !!m.subPath && fs.exists(subPath) && !fs.isDir(subPath)
    if (m.subPath && !fs.exists(subPath) && !KUBELET_WRITTEN(v)) fs.mkdirp(subPath)
    out.push({ path: m.mountPath, volumeId: loc.id, subPath, readOnly: m.readOnly === true || KUBELET_WRITTEN(v), file })
  }
  const taken = new Set(out.map((m) => normalizePath(m.path)))
  const files = podFilesId(pod.metadata.uid ?? '')
  if (!pod.spec?.hostNetwork && !taken.has('/etc/hosts')) out.push({ path: '/etc/hosts', volumeId: files, subPath: '/etc-hosts', readOnly: false, file: true })
  if (!taken.has('/etc/hostname')) out.push({ path: '/etc/hostname', volumeId: files, subPath: '/hostname', readOnly: false, file: true })
  if (!taken.has('/etc/resolv.conf')) out.push({ path: '/etc/resolv.conf', volumeId: files, subPath: '/resolv.conf', readOnly: false, file: true })
  return out
}

function decode(b64: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0)))
  } catch {
    return ''
  }
}

/** base64url without padding (RFC 7515): btoa's text with the URL-safe letters and no trailing `=`. */
function b64url(s: string): string {
  const b = btoa(s)
  let end = b.length
  while (end > 0 && b.charCodeAt(end - 1) === 61) end--
  return (end === b.length ? b : b.slice(0, end)).replaceAll('+', '-').replaceAll('/', '_')
}

/** A bound service account token: a JWT shaped like the API server's, signed by nobody. */
function serviceAccountToken(pod: PodObj, issuedAt: number, expirationSeconds: number, rng: Rng): string {
  const ns = pod.metadata.namespace ?? 'default'
  const sa = pod.spec?.serviceAccountName ?? 'default'
  const iat = Math.floor(issuedAt / 1000)
  const header = { alg: 'RS256', kid: rng.hex(43) }
  const claims = {
    aud: ['https://kubernetes.default.svc.cluster.local'],
    exp: iat + expirationSeconds,
    iat,
    iss: 'https://kubernetes.default.svc.cluster.local',
    'kubernetes.io': { namespace: ns, pod: { name: pod.metadata.name, uid: pod.metadata.uid }, serviceaccount: { name: sa } },
    nbf: iat,
    sub: `system:serviceaccount:${ns}:${sa}`,
  }
  const bytes = new Array<number>(256)
  for (let i = 0; i < 256; i++) bytes[i] = rng.int(256)
  const sig = String.fromCharCode(...bytes)
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}.${b64url(sig)}`
}

function downwardValue(pod: PodObj, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path)
  if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]] ?? ''
  if (path === 'metadata.labels' || path === 'metadata.annotations') {
    const map = (path === 'metadata.labels' ? pod.metadata.labels : pod.metadata.annotations) ?? {}
    return Object.keys(map)
      .sort()
      .map((k) => `${k}=${JSON.stringify(map[k])}`)
      .join('\n')
  }
  if (path === 'metadata.name') return pod.metadata.name ?? ''
  if (path === 'metadata.namespace') return pod.metadata.namespace ?? ''
  if (path === 'metadata.uid') return pod.metadata.uid ?? ''
  return ''
}

type SourcePart = { kind: 'cm' | 'secret'; name: string } | { kind: 'meta' }

/** What the kubelet copies into a pod's volumes, per stored volumes list (shared by every version of the pod). */
const SOURCE_PARTS = new WeakMap<readonly Volume[], SourcePart[]>()

function sourceParts(volumes: readonly Volume[]): SourcePart[] {
  let parts = SOURCE_PARTS.get(volumes)
  if (parts) return parts
  parts = []
  for (const v of volumes) {
    if (!KUBELET_WRITTEN(v)) continue
    const cms = [v.configMap?.name, ...(v.projected?.sources ?? []).map((s) => s.configMap?.name)].filter((x): x is string => !!x)
    const secrets = [v.secret?.secretName, ...(v.projected?.sources ?? []).map((s) => s.secret?.name)].filter((x): x is string => !!x)
    for (const name of cms) parts.push({ kind: 'cm', name })
    for (const name of secrets) parts.push({ kind: 'secret', name })
    if (v.downwardAPI || (v.projected?.sources ?? []).some((s) => s.downwardAPI)) parts.push({ kind: 'meta' })
  }
  // Only a stored (frozen) list stays as it is.
  if (Object.isFrozen(volumes)) SOURCE_PARTS.set(volumes, parts)
  return parts
}

const NO_MAP = Object.freeze({})
/** The labels and annotations as the downward API part shows them, per stored labels and annotations maps. */
const META_JSON = new WeakMap<object, WeakMap<object, string>>()

function metaJson(pod: PodObj): string {
  const labels = pod.metadata.labels ?? NO_MAP
  const annotations = pod.metadata.annotations ?? NO_MAP
  if (!Object.isFrozen(labels) || !Object.isFrozen(annotations)) return JSON.stringify([labels, annotations])
  let byAnnotations = META_JSON.get(labels)
  if (!byAnnotations) META_JSON.set(labels, (byAnnotations = new WeakMap()))
  let json = byAnnotations.get(annotations)
  if (json === undefined) byAnnotations.set(annotations, (json = JSON.stringify([labels, annotations])))
  return json
}

/**
 * The versions of everything the kubelet copies into the pod's volumes (a change means: write
 * again). The kubelet compares them on every sync of a running pod.
 */
export function kubeletVolumeSources(api: ApiServer, pod: PodObj): string {
  const volumes = pod.spec?.volumes
  if (!volumes) return ''
  const ns = pod.metadata.namespace ?? 'default'
  let out = ''
  for (const p of sourceParts(volumes)) {
    const part = p.kind === 'meta' ? `meta/${metaJson(pod)}` : `${p.kind}/${p.name}@${api.get(p.kind === 'cm' ? 'ConfigMap' : 'Secret', ns, p.name)?.metadata.resourceVersion ?? '-'}`
    out = out ? `${out},${part}` : part
  }
  return out
}

/**
 * Writes the files of the pod's ConfigMap, Secret, projected and downward API volumes. Returns the
 * sources' versions (kubeletVolumeSources), so the kubelet rewrites them only when a source changed.
 */
export function writeKubeletVolumes(api: ApiServer, volumes: VolumeStore, pod: PodObj, now: number, rng: (key: string) => Rng): string {
  const ns = pod.metadata.namespace ?? 'default'
  for (const v of pod.spec?.volumes ?? []) {
    if (!KUBELET_WRITTEN(v)) continue
    const files: Record<string, string> = {}
    const addConfigMap = (ref: { name?: string; items?: readonly { key: string; path: string }[] }) => {
      const cm = api.get('ConfigMap', ns, ref.name ?? '') as ConfigMap | undefined
      const data = cm?.data ?? {}
      if (ref.items?.length) for (const it of ref.items) files[it.path] = data[it.key] ?? ''
      else for (const [k, val] of Object.entries(data)) files[k] = val
    }
    const addSecret = (ref: { name?: string; items?: readonly { key: string; path: string }[] }) => {
      const s = api.get('Secret', ns, ref.name ?? '') as Secret | undefined
      const data = s?.data ?? {}
      if (ref.items?.length) for (const it of ref.items) files[it.path] = decode(data[it.key] ?? '')
      else for (const [k, val] of Object.entries(data)) files[k] = decode(val)
    }
    const addDownward = (items: readonly { path: string; fieldRef?: { fieldPath: string } }[] | undefined) => {
      for (const it of items ?? []) files[it.path] = it.fieldRef ? downwardValue(pod, it.fieldRef.fieldPath) : ''
    }
    if (v.configMap) addConfigMap(v.configMap)
    if (v.secret) addSecret({ name: v.secret.secretName, items: v.secret.items })
    if (v.downwardAPI) addDownward(v.downwardAPI.items)
    for (const s of v.projected?.sources ?? []) {
      if (s.configMap) addConfigMap(s.configMap)
      if (s.secret) addSecret(s.secret)
      if (s.downwardAPI) addDownward(s.downwardAPI.items)
      if (s.serviceAccountToken) {
        const id = podVolumeId(pod.metadata.uid ?? '', v.name)
        const existing = volumes.has(id) && volumes.get(id).exists(`/${s.serviceAccountToken.path}`) ? volumes.get(id).readFile(`/${s.serviceAccountToken.path}`) : undefined
        files[s.serviceAccountToken.path] = existing ?? serviceAccountToken(pod, now, s.serviceAccountToken.expirationSeconds ?? 3607, rng(`${pod.metadata.uid}/token/${v.name}`))
      }
    }
    const fs = volumes.get(podVolumeId(pod.metadata.uid ?? '', v.name))
    fs.clear()
    for (const [p, content] of Object.entries(files)) fs.writeFile(`/${p}`, content, now)
  }
  return kubeletVolumeSources(api, pod)
}

/** The volumes that end with the pod (emptyDirs and the kubelet-written ones). */
export function podScopedVolumeIds(pod: PodObj): string[] {
  const uid = pod.metadata.uid ?? ''
  return (pod.spec?.volumes ?? []).flatMap((v) => (v.emptyDir ? [emptyDirVolumeId(uid, v.name)] : v.persistentVolumeClaim || v.hostPath ? [] : [podVolumeId(uid, v.name)]))
}
