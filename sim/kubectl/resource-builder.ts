// `-f FILE|DIR|GLOB|-` (and `-R`) as cli-runtime's Builder reads them: paths relative to the shell's
// cwd, directories walked in name order keeping .json/.yaml/.yml files (subdirectories only with
// -R), `-` reading stdin (source "STDIN"), multi-document YAML and JSON streams, `kind: List`
// flattened, each object mapped to a served kind. Errors use kubectl's texts: a missing path fails
// the whole command; a bad document is reported and the other documents are still used.

import { kindFor, KINDS, type KindInfo } from '../api/kinds'
import type { KubeObject } from '../api/types'
import { basename, dirname, type MemFs, normalizePath } from '../storage/memfs'
import { AggregateError, KubectlError } from './errors'
import { decodeStream } from './manifest/stream'
import type { JsonValue } from './manifest/yaml-to-json'
import { toGoJsonCompact } from './printers/json'

export interface FilenameOptions {
  filenames: readonly string[]
  recursive: boolean
  kustomize?: string
}

export interface FileEnv {
  fs: MemFs
  cwd: string
  /** Piped input for `-f -`; null when stdin is the terminal. */
  stdin: string | null
}

export interface FileInfo {
  /** The file as the user named it (`web.yaml`, `manifests/web.yaml`, `STDIN`). */
  source: string
  object: KubeObject
  mapping: KindInfo
  name: string
  /** The object's namespace, defaulted for namespaced kinds; '' for cluster-scoped ones. */
  namespace: string
  /** The namespace written in the file ('' when none). */
  fileNamespace: string
  /** `kind` without `apiVersion`: kubectl maps it, but the server cannot find such a resource. */
  apiVersionMissing: boolean
}

/** One document's outcome, in file order: the object, or why it could not be used. */
export type FileEntry = { info: FileInfo; error?: undefined } | { error: unknown; info?: undefined }

export interface FileReadResult {
  entries: FileEntry[]
  /** One plain file (not a directory, not stdin): `-o yaml` then prints the object, not a List. */
  singleItemImplied: boolean
}

const FILE_EXTENSIONS = ['.json', '.yaml', '.yml']

function globToRegExp(pattern: string): RegExp {
  let re = ''
  for (const ch of pattern) {
    if (ch === '*') re += '[^/]*'
    else if (ch === '?') re += '[^/]'
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}

/** expandIfFilePattern: the path itself when it exists, else its glob matches, else an error. */
function expandPath(env: FileEnv, p: string): string[] {
  const abs = normalizePath(p, env.cwd)
  if (env.fs.exists(abs)) return [p]
  if (/[*?]/.test(basename(p)) && env.fs.isDir(normalizePath(dirname(p) || '.', env.cwd))) {
    const dir = p.includes('/') ? dirname(p) : ''
    const re = globToRegExp(basename(p))
    const matches = env.fs
      .readdir(normalizePath(dir || '.', env.cwd))
      .filter((n) => re.test(n))
      .map((n) => (dir ? `${dir}/${n}` : n))
    if (matches.length) return matches
  }
  throw new KubectlError(`the path "${p}" does not exist`)
}

/** ExpandPathsToFileVisitors: the files a path stands for, in walk order. */
function filesUnder(env: FileEnv, p: string, recursive: boolean): string[] {
  const abs = normalizePath(p, env.cwd)
  if (!env.fs.isDir(abs)) return [p]
  const out: string[] = []
  for (const name of env.fs.readdir(abs)) {
    const child = p.endsWith('/') ? `${p}${name}` : `${p}/${name}`
    if (env.fs.isDir(normalizePath(child, env.cwd))) {
      if (recursive) out.push(...filesUnder(env, child, recursive))
    } else if (FILE_EXTENSIONS.some((e) => name.endsWith(e))) {
      out.push(child)
    }
  }
  return out
}

function jsonTypeName(v: JsonValue): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number') return 'number'
  if (typeof v === 'boolean') return 'bool'
  return 'object'
}

/**
 * The unstructured decoder reads apiVersion and metadata into typed structs first; a value of the
 * wrong JSON type fails with encoding/json's message (fields in key order, the first error wins).
 */
function metadataTypeError(v: { [k: string]: JsonValue }): string | undefined {
  const bad = (got: JsonValue, field: string, type: string) => `json: cannot unmarshal ${jsonTypeName(got)} into Go struct field ${field} of type ${type}`
  if (v.apiVersion !== undefined && v.apiVersion !== null && typeof v.apiVersion !== 'string') return bad(v.apiVersion, 'metadataOnlyObject.apiVersion', 'string')
  const m = v.metadata
  if (m === undefined || m === null) return undefined
  if (typeof m !== 'object' || Array.isArray(m)) return bad(m, 'metadataOnlyObject.metadata', 'v1.ObjectMeta')
  for (const key of Object.keys(m).sort()) {
    const x = m[key]
    if (x === null) continue
    if (['name', 'namespace', 'generateName', 'uid', 'resourceVersion'].includes(key) && typeof x !== 'string') return bad(x, `ObjectMeta.metadata.${key}`, 'string')
    if (key === 'labels' || key === 'annotations') {
      if (typeof x !== 'object' || Array.isArray(x)) return bad(x, `ObjectMeta.metadata.${key}`, 'map[string]string')
      for (const val of Object.values(x)) if (val !== null && typeof val !== 'string') return bad(val, `ObjectMeta.metadata.${key}`, 'string')
    }
  }
  return undefined
}

/** infoForData: decode and map one document. */
function infoFor(value: JsonValue, source: string, namespace: string): FileInfo {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new KubectlError(`unable to decode "${source}": json: cannot unmarshal ${jsonTypeName(value)} into Go value of type unstructured.detector`)
  }
  const obj = value as unknown as KubeObject
  if (typeof obj.kind !== 'string' || obj.kind === '') {
    throw new KubectlError(`unable to decode "${source}": Object 'Kind' is missing in '${toGoJsonCompact(value)}'`)
  }
  const typeError = metadataTypeError(value)
  if (typeError) throw new KubectlError(`unable to decode "${source}": ${typeError}`)
  const name = typeof obj.metadata?.name === 'string' ? obj.metadata.name : ''
  const fileNamespace = typeof obj.metadata?.namespace === 'string' ? obj.metadata.namespace : ''
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : ''
  let mapping = kindFor(apiVersion, obj.kind)
  const apiVersionMissing = !apiVersion && !mapping
  if (apiVersionMissing) mapping = KINDS.find((k) => k.kind === obj.kind)
  if (!mapping) {
    throw new KubectlError(
      `resource mapping not found for name: "${name}" namespace: "${fileNamespace}" from "${source}": no matches for kind "${obj.kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
    )
  }
  const ns = mapping.namespaced ? fileNamespace || namespace : ''
  const object = mapping.namespaced ? { ...obj, metadata: { ...(obj.metadata ?? {}), namespace: ns } } : obj
  return { source, object, mapping, name, namespace: ns, fileNamespace, apiVersionMissing }
}

/** Reads every object the -f options name. Path errors throw; document errors are returned. */
export function readFilenames(env: FileEnv, opts: FilenameOptions, namespace: string): FileReadResult {
  if (opts.kustomize && opts.filenames.length) throw new KubectlError('only one of -f or -k can be specified')
  if (opts.kustomize && opts.recursive) throw new KubectlError("the -k flag can't be used with -f or -R")
  if (opts.kustomize) return { entries: [{ error: kustomizeError(env, opts.kustomize) }], singleItemImplied: false }
  const pathErrors: unknown[] = []
  const sources: { source: string; read: () => string }[] = []
  let dir = false
  let stream = false
  for (const f of opts.filenames) {
    if (f === '-') {
      stream = true
      sources.push({ source: 'STDIN', read: () => env.stdin ?? '' })
      continue
    }
    try {
      for (const m of expandPath(env, f)) {
        if (env.fs.isDir(normalizePath(m, env.cwd))) dir = true
        for (const file of filesUnder(env, m, opts.recursive)) sources.push({ source: file, read: () => env.fs.readFile(normalizePath(file, env.cwd)) })
      }
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e
      pathErrors.push(e)
    }
  }
  if (pathErrors.length) throw new AggregateError(pathErrors)
  const entries: FileEntry[] = []
  for (const { source, read } of sources) {
    const decoded = decodeStream(read())
    for (const v of decoded.values) {
      if (v === null) continue
      const items = isList(v) ? (v.items as JsonValue[]) : [v]
      for (const item of items) {
        try {
          entries.push({ info: infoFor(item, source, namespace) })
        } catch (e) {
          if (!(e instanceof KubectlError)) throw e
          entries.push({ error: e })
        }
      }
    }
    if (decoded.error !== undefined) entries.push({ error: new KubectlError(`error parsing ${source}: ${decoded.error}`) })
  }
  return { entries, singleItemImplied: !dir && !stream && sources.length === 1 }
}

/** -k: kustomize's errors for a directory it cannot build; building one is not emulated. */
function kustomizeError(env: FileEnv, dir: string): KubectlError {
  const abs = normalizePath(dir, env.cwd)
  if (!env.fs.isDir(abs)) {
    return new KubectlError(`must build at directory: not a valid directory: evalsymlink failure on '${dir}' : lstat ${abs}: no such file or directory`)
  }
  if (!['kustomization.yaml', 'kustomization.yml', 'Kustomization'].some((f) => env.fs.exists(`${abs}/${f}`))) {
    return new KubectlError(`unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${abs}'`)
  }
  return new KubectlError('kustomize is not available in this simulator')
}

function isList(v: JsonValue): v is { items: JsonValue[] } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items)
}

/**
 * RequireNamespace: with an explicit --namespace, an object from a file that names another namespace
 * is refused.
 */
export function requireNamespace(info: FileInfo, namespace: string): void {
  if (!info.mapping.namespaced || !info.fileNamespace) return
  if (info.fileNamespace !== namespace) {
    throw new KubectlError(
      `the namespace from the provided object "${info.fileNamespace}" does not match the namespace "${namespace}". You must pass '--namespace=${info.fileNamespace}' to perform this operation.`,
    )
  }
}
