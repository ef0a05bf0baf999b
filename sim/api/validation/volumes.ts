// Pod volumes (pkg/apis/core/validation ValidateVolumes / validateVolumeSource). Sources the lab
// uses are checked field by field; the rest only count as "a volume type" so that two sources in
// one volume are still caught.

import { fieldError, type FieldError } from '../field-errors'
import type { Volume } from '../types'
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain } from './names'

type Src = Record<string, unknown>

const FILE_MODE = 'must be a number between 0 and 0777 (octal), both inclusive'

/** Volume source keys in validateVolumeSource's order, with the path its Forbidden error names. */
const SOURCES: readonly (readonly [key: string, forbiddenPath: string])[] = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  // Upstream's typo, kept: the Forbidden error names "downwarAPI".
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
]

export const VOLUME_SOURCE_KEYS = SOURCES.map(([k]) => k)

function badMode(mode: unknown): boolean {
  return typeof mode === 'number' && (mode > 0o777 || mode < 0)
}

/** validatePathNoBacksteps / validateLocalDescendingPath / ValidateLocalNonReservedPath. */
export function noBacksteps(p: string, field: string): FieldError[] {
  return p.split('/').includes('..') ? [fieldError.invalid(field, p, "must not contain '..'")] : []
}

export function localDescendingPath(p: string, field: string): FieldError[] {
  const errs: FieldError[] = []
  if (p.startsWith('/')) errs.push(fieldError.invalid(field, p, 'must be a relative path'))
  return [...errs, ...noBacksteps(p, field)]
}

function localNonReservedPath(p: string, field: string): FieldError[] {
  const errs = localDescendingPath(p, field)
  if (p.startsWith('..') && !p.startsWith('../')) errs.push(fieldError.invalid(field, p, "must not start with '..'"))
  return errs
}

function keyToPath(kp: Src, field: string): FieldError[] {
  const errs: FieldError[] = []
  if (!kp.key) errs.push(fieldError.required(`${field}.key`))
  if (!kp.path) errs.push(fieldError.required(`${field}.path`))
  errs.push(...localNonReservedPath(String(kp.path ?? ''), `${field}.path`))
  if (badMode(kp.mode)) errs.push(fieldError.invalid(`${field}.mode`, kp.mode, FILE_MODE))
  return errs
}

function items(list: unknown, field: string): FieldError[] {
  return ((list as Src[] | undefined) ?? []).flatMap((kp, i) => keyToPath(kp, `${field}.items[${i}]`))
}

const FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid']

function downwardFile(f: Src, field: string): FieldError[] {
  const errs: FieldError[] = []
  if (!f.path) errs.push(fieldError.required(`${field}.path`))
  errs.push(...localNonReservedPath(String(f.path ?? ''), `${field}.path`))
  const ref = f.fieldRef as Src | undefined
  if (ref) {
    const fp = String(ref.fieldPath ?? '')
    const base = fp.replace(/\[.*\]$/, '')
    if (!ref.fieldPath) errs.push(fieldError.required(`${field}.fieldRef.fieldPath`))
    else if (!FIELD_PATHS.includes(base)) errs.push(fieldError.notSupported(`${field}.fieldRef.fieldPath`, fp, FIELD_PATHS))
    if (f.resourceFieldRef) errs.push(fieldError.invalid(field, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'))
  } else if (!f.resourceFieldRef) {
    errs.push(fieldError.required(field, 'one of fieldRef and resourceFieldRef is required'))
  }
  if (badMode(f.mode)) errs.push(fieldError.invalid(`${field}.mode`, f.mode, FILE_MODE))
  return errs
}

function projected(p: Src, field: string): FieldError[] {
  const errs: FieldError[] = []
  if (badMode(p.defaultMode)) errs.push(fieldError.invalid(`${field}.defaultMode`, p.defaultMode, FILE_MODE))
  const seen = new Set<string>()
  const track = (path: unknown, value: unknown) => {
    if (!path) return
    if (seen.has(String(path))) errs.push(fieldError.invalid(field, value, 'conflicting duplicate paths'))
    seen.add(String(path))
  }
  ;((p.sources as Src[] | undefined) ?? []).forEach((s, i) => {
    const src = `${field}.sources[${i}]`
    let n = 0
    for (const kind of ['secret', 'configMap'] as const) {
      const v = s[kind] as Src | undefined
      if (!v) continue
      n++
      if (!v.name) errs.push(fieldError.required(`${src}.${kind}.name`))
      ;((v.items as Src[] | undefined) ?? []).forEach((kp, j) => {
        errs.push(...keyToPath(kp, `${src}.${kind}.items[${j}]`))
        track(kp.path, v.name ?? '')
      })
    }
    const dapi = s.downwardAPI as Src | undefined
    if (dapi) {
      n++
      for (const f of (dapi.items as Src[] | undefined) ?? []) {
        errs.push(...downwardFile(f, `${src}.downwardAPI`))
        track(f.path, f.path)
      }
    }
    const tok = s.serviceAccountToken as Src | undefined
    if (tok) {
      n++
      const exp = Number(tok.expirationSeconds ?? 3600)
      if (exp < 600) errs.push(fieldError.invalid(`${src}.serviceAccountToken.expirationSeconds`, exp, 'may not specify a duration less than 10 minutes'))
      if (exp > 2 ** 32) errs.push(fieldError.invalid(`${src}.serviceAccountToken.expirationSeconds`, exp, 'may not specify a duration larger than 2^32 seconds'))
      if (!tok.path) errs.push(fieldError.required(`${field}.path`))
      else errs.push(...localNonReservedPath(String(tok.path), `${field}.path`))
    }
    if (s.clusterTrustBundle) n++
    if (n > 1) errs.push(fieldError.forbidden(src, 'may not specify more than 1 volume type per source'))
  })
  return errs
}

const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket']

export function hostPathSource(h: Src, field: string): FieldError[] {
  if (!h.path) return [fieldError.required(`${field}.path`)]
  const errs = noBacksteps(String(h.path), `${field}.path`)
  if (h.type !== undefined && h.type !== null && !HOST_PATH_TYPES.includes(String(h.type))) {
    errs.push(fieldError.notSupported(`${field}.type`, String(h.type), HOST_PATH_TYPES))
  }
  return errs
}

export function nfsSource(n: Src, field: string): FieldError[] {
  const errs: FieldError[] = []
  if (!n.server) errs.push(fieldError.required(`${field}.server`))
  if (!n.path) errs.push(fieldError.required(`${field}.path`))
  if (!String(n.path ?? '').startsWith('/')) errs.push(fieldError.invalid(`${field}.path`, String(n.path ?? ''), 'must be an absolute path'))
  return errs
}

function sourceErrors(key: string, v: Src, field: string): FieldError[] {
  switch (key) {
    case 'emptyDir': {
      const limit = v.sizeLimit
      return typeof limit === 'string' && limit.trim().startsWith('-')
        ? [fieldError.forbidden(`${field}.sizeLimit`, 'SizeLimit field must be a valid resource quantity')]
        : []
    }
    case 'hostPath':
      return hostPathSource(v, field)
    case 'secret': {
      const errs: FieldError[] = []
      if (!v.secretName) errs.push(fieldError.required(`${field}.secretName`))
      if (badMode(v.defaultMode)) errs.push(fieldError.invalid(`${field}.defaultMode`, v.defaultMode, FILE_MODE))
      return [...errs, ...items(v.items, field)]
    }
    case 'configMap': {
      const errs: FieldError[] = []
      if (!v.name) errs.push(fieldError.required(`${field}.name`))
      if (badMode(v.defaultMode)) errs.push(fieldError.invalid(`${field}.defaultMode`, v.defaultMode, FILE_MODE))
      return [...errs, ...items(v.items, field)]
    }
    case 'persistentVolumeClaim':
      return v.claimName ? [] : [fieldError.required(`${field}.claimName`)]
    case 'nfs':
      return nfsSource(v, field)
    case 'downwardAPI': {
      const errs: FieldError[] = []
      if (badMode(v.defaultMode)) errs.push(fieldError.invalid(`${field}.defaultMode`, v.defaultMode, FILE_MODE))
      for (const f of (v.items as Src[] | undefined) ?? []) errs.push(...downwardFile(f, field))
      return errs
    }
    case 'projected':
      return projected(v, field)
    case 'csi':
      return v.driver ? [] : [fieldError.required(`${field}.driver`)]
    case 'ephemeral':
      return v.volumeClaimTemplate ? [] : [fieldError.required(`${field}.volumeClaimTemplate`)]
    default:
      return []
  }
}

/** The volume names that validated, with their sources, for the volumeMount checks. */
export type VolumeMap = Map<string, Src>

export function validateVolumes(volumes: readonly Volume[] | undefined, field: string): { vols: VolumeMap; errs: FieldError[] } {
  const vols: VolumeMap = new Map()
  const errs: FieldError[] = []
  ;(volumes ?? []).forEach((vol, i) => {
    const idx = `${field}[${i}]`
    const el: FieldError[] = []
    const src = vol as unknown as Src
    let n = 0
    for (const [key, forbiddenPath] of SOURCES) {
      const v = src[key]
      if (v === undefined || v === null) continue
      if (n > 0) {
        el.push(fieldError.forbidden(`${idx}.${forbiddenPath}`, 'may not specify more than 1 volume type'))
        continue
      }
      n++
      el.push(...sourceErrors(key, v as Src, `${idx}.${key}`))
    }
    if (n === 0) el.push(fieldError.required(idx, 'must specify a volume type'))
    if (!vol.name) el.push(fieldError.required(`${idx}.name`))
    else for (const m of isDNS1123Label(vol.name)) el.push(fieldError.invalid(`${idx}.name`, vol.name, m))
    if (vols.has(vol.name)) el.push(fieldError.duplicate(`${idx}.name`, vol.name))
    if (el.length === 0) vols.set(vol.name, src)
    else errs.push(...el)
  })
  return { vols, errs }
}

/** Checks of configMapKeyRef / secretKeyRef (names are DNS subdomains, keys config keys). */
export function keySelector(s: Src, field: string): FieldError[] {
  const errs: FieldError[] = []
  for (const m of isDNS1123Subdomain(String(s.name ?? ''))) errs.push(fieldError.invalid(`${field}.name`, String(s.name ?? ''), m))
  if (!s.key) errs.push(fieldError.required(`${field}.key`))
  else for (const m of isConfigMapKey(String(s.key))) errs.push(fieldError.invalid(`${field}.key`, String(s.key), m))
  return errs
}
