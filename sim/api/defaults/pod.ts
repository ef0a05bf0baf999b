// Defaulting of pod specs, as decoding does on every write (pkg/apis/core/v1/defaults.go and the
// generated zz_generated.defaults.go): SetDefaults_PodSpec, _Container, _Probe, _HTTPGetAction,
// _Volume and the volume sources, declared defaults (ports' protocol), and resource quantities
// rewritten in canonical form. Pod templates (StatefulSet, Deployment, ReplicaSet) get the same,
// except SetDefaults_Pod's extras, which only apply to real Pods.

import type { Container, Pod, PodSpec, PodTemplateSpec, Volume } from '../types'
import { canonicalQuantity, QUANTITY_FORMAT_ERROR } from './quantity'

type Obj = Record<string, unknown>

/** A request body that cannot be decoded (e.g. a malformed quantity): the server answers BadRequest. */
export class DecodeError extends Error {}

/** Canonical quantities in a ResourceList, rounded up to milli units (SetDefaults_ResourceList). */
export function defaultResourceList(list: Obj | undefined): void {
  if (!list) return
  for (const [k, v] of Object.entries(list)) {
    if (v === undefined || v === null) continue
    const c = canonicalQuantity(v as string | number, -3)
    if (c === undefined) throw new DecodeError(QUANTITY_FORMAT_ERROR)
    list[k] = c
  }
}

export function defaultQuantity(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined
  const c = canonicalQuantity(v as string | number)
  if (c === undefined) throw new DecodeError(QUANTITY_FORMAT_ERROR)
  return c
}

/**
 * The tag of an image reference (parsers.ParseImageName): "latest" when neither a tag nor a digest
 * is given, "" for a digest-only reference.
 */
export function imageTag(image: string): string {
  const at = image.indexOf('@')
  const name = at >= 0 ? image.slice(0, at) : image
  const slash = name.lastIndexOf('/')
  const colon = name.lastIndexOf(':')
  const tag = colon > slash ? name.slice(colon + 1) : ''
  // A reference that does not parse (upper case in the repository path) has no tag at all.
  const repo = colon > slash ? name.slice(0, colon) : name
  const parts = repo.split('/')
  const path = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]) ? parts.slice(1) : parts
  if (path.some((p) => /[A-Z]/.test(p))) return ''
  if (tag) return tag
  return at >= 0 ? '' : 'latest'
}

function defaultHandler(h: Obj | undefined): void {
  const get = h?.httpGet as Obj | undefined
  if (get) {
    if (!get.path) get.path = '/'
    if (!get.scheme) get.scheme = 'HTTP'
  }
}

function defaultProbe(p: Obj | undefined): void {
  if (!p) return
  if (!p.timeoutSeconds) p.timeoutSeconds = 1
  if (!p.periodSeconds) p.periodSeconds = 10
  if (!p.successThreshold) p.successThreshold = 1
  if (!p.failureThreshold) p.failureThreshold = 3
  defaultHandler(p)
}

function defaultFieldRef(ref: Obj | undefined): void {
  if (ref && !ref.apiVersion) ref.apiVersion = 'v1'
}

export function defaultContainer(c: Container): void {
  const w = c as unknown as Obj
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(c.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent'
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log'
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File'
  // ResourceRequirements is a struct in v1, so it is always there.
  w.resources = { ...((w.resources as Obj) ?? {}) }
  const res = w.resources as Obj
  for (const k of ['limits', 'requests']) {
    if (res[k]) {
      res[k] = { ...(res[k] as Obj) }
      defaultResourceList(res[k] as Obj)
    }
  }
  c.ports?.forEach((p) => {
    if (!p.protocol) p.protocol = 'TCP'
  })
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(w[probe] as Obj | undefined)
  const lc = w.lifecycle as Obj | undefined
  if (lc) {
    defaultHandler(lc.postStart as Obj | undefined)
    defaultHandler(lc.preStop as Obj | undefined)
  }
  for (const e of c.env ?? []) defaultFieldRef((e.valueFrom as Obj | undefined)?.fieldRef as Obj | undefined)
}

const ALL_SOURCE_KEYS = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs', 'persistentVolumeClaim',
  'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk',
  'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
]

function defaultDownwardItems(items: unknown): void {
  for (const f of (items as Obj[] | undefined) ?? []) {
    defaultFieldRef(f.fieldRef as Obj | undefined)
    const rf = f.resourceFieldRef as Obj | undefined
    if (rf?.divisor !== undefined) rf.divisor = defaultQuantity(rf.divisor)
  }
}

export function defaultVolume(v: Volume): void {
  const w = v as unknown as Obj
  // A volume with no source at all becomes an emptyDir (SetDefaults_Volume).
  if (!ALL_SOURCE_KEYS.some((k) => w[k] !== undefined && w[k] !== null)) w.emptyDir = {}
  for (const k of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const src = w[k] as Obj | undefined
    if (src && src.defaultMode === undefined) src.defaultMode = 420
  }
  const hp = w.hostPath as Obj | undefined
  if (hp && hp.type === undefined) hp.type = ''
  const ed = w.emptyDir as Obj | undefined
  if (ed?.sizeLimit !== undefined) ed.sizeLimit = defaultQuantity(ed.sizeLimit)
  defaultDownwardItems((w.downwardAPI as Obj | undefined)?.items)
  for (const s of ((w.projected as Obj | undefined)?.sources as Obj[] | undefined) ?? []) {
    const tok = s.serviceAccountToken as Obj | undefined
    if (tok && tok.expirationSeconds === undefined) tok.expirationSeconds = 3600
    defaultDownwardItems((s.downwardAPI as Obj | undefined)?.items)
  }
  const tmpl = (w.ephemeral as Obj | undefined)?.volumeClaimTemplate as Obj | undefined
  if (tmpl?.spec) {
    const spec = tmpl.spec as Obj
    if (!spec.volumeMode) spec.volumeMode = 'Filesystem'
    const res = spec.resources as Obj | undefined
    if (res?.requests) defaultResourceList(res.requests as Obj)
  }
}

/** SetDefaults_PodSpec and everything nested in it. Mutates a fresh copy. */
export function defaultPodSpec(spec: PodSpec): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst'
  if (!spec.restartPolicy) spec.restartPolicy = 'Always'
  if (!spec.securityContext) spec.securityContext = {}
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) spec.terminationGracePeriodSeconds = 30
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler'
  // v1 keeps the deprecated serviceAccount field in step with serviceAccountName (conversion).
  const w = spec as PodSpec & { serviceAccount?: string }
  if (!w.serviceAccountName && w.serviceAccount) w.serviceAccountName = w.serviceAccount
  if (w.serviceAccountName) w.serviceAccount = w.serviceAccountName
  for (const c of spec.initContainers ?? []) defaultContainer(c)
  for (const c of spec.containers ?? []) defaultContainer(c)
  for (const v of spec.volumes ?? []) defaultVolume(v)
  const overhead = (spec as unknown as Obj).overhead as Obj | undefined
  if (overhead) defaultResourceList(overhead)
}

/** A pod template: its spec, and the `creationTimestamp: null` real objects show in template metadata. */
export function defaultPodTemplate(t: PodTemplateSpec | undefined): void {
  if (!t) return
  const meta = ((t as Obj).metadata ?? {}) as Obj
  if (!('creationTimestamp' in meta)) meta.creationTimestamp = null
  ;(t as Obj).metadata = meta
  if (!t.spec) (t as Obj).spec = {}
  defaultPodSpec(t.spec!)
}

/** SetDefaults_Pod: what only real pods get (requests from limits, service links, host ports). */
export function defaultPod(pod: Pod): void {
  if (!pod.spec) (pod as Obj).spec = {}
  const spec = pod.spec!
  defaultPodSpec(spec)
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const res = c.resources as Obj
    const limits = res.limits as Obj | undefined
    if (limits) {
      const requests = { ...((res.requests as Obj) ?? {}) }
      for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v
      res.requests = requests
    }
  }
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true
  if (spec.hostNetwork) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const p of c.ports ?? []) if (!p.hostPort) p.hostPort = p.containerPort
    }
  }
}
