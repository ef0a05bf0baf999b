// Client-side `kubectl apply` (the default in kubectl 1.33) as a pure plan: given the live object (or
// none) and the configuration from the file, what kubectl sends and what it prints. kubectl
// pkg/cmd/apply/apply.go (applyOneObject), pkg/cmd/apply/patcher.go (patchSimple) and
// pkg/util/apply.go (the last-applied-configuration annotation). The verb then calls `api.create`
// with `object`, or `api.patch(kind, ns, name, 'strategic', patch)` when the plan is `configured`.

import { clone, isPlainObject, sortedJson } from '../core/json'
import { type Kind, kindInfo } from './kinds'
import { createThreeWayMergePatch } from './strategic-diff'
import { SmpError } from './strategic-errors'
import type { KubeObject } from './types'

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

type JsonMap = Record<string, unknown>

export type ApplyPlan =
  /** Not found: create `object` (the file plus the annotation); kubectl prints `<kind>/<name> created`. */
  | { action: 'created'; object: KubeObject; warnings: string[] }
  /** Send `patch` (strategic merge); kubectl prints `<kind>/<name> configured`. */
  | { action: 'configured'; patch: JsonMap; warnings: string[] }
  /** The patch is `{}`: nothing is sent; kubectl prints `<kind>/<name> unchanged`. */
  | { action: 'unchanged'; patch: JsonMap; warnings: string[] }

export interface ApplyOptions {
  /** The namespace kubectl resolved (-n or the context's); set on namespaced objects that name none. */
  namespace?: string
}

/**
 * What `kubectl apply` does with one object. `warnings` are the stderr lines kubectl writes (without
 * their newline), in order. Throws ApplyPatchError when the patch cannot be computed.
 */
export function planApply(live: KubeObject | undefined, config: JsonMap, kind: Kind, opts: ApplyOptions = {}): ApplyPlan {
  const file = inNamespace(config, kind, opts.namespace)
  if (live === undefined) {
    // CreateApplyAnnotation, then nulls are pruned so a create matches what a later apply leaves.
    return { action: 'created', object: pruneNulls(withLastApplied(file)) as KubeObject, warnings: [] }
  }
  const warnings: string[] = []
  const name = String(live.metadata.name ?? '')
  if (!hasAnnotation(live)) warnings.push(missingAnnotationWarning(kind, name))

  // The file with its own serialization embedded, so the patch also refreshes the annotation.
  const modified = withLastApplied(file)
  const originalText = live.metadata.annotations?.[LAST_APPLIED] ?? ''
  let patch: JsonMap
  try {
    const original = originalText === '' ? undefined : parseOriginal(originalText)
    patch = createThreeWayMergePatch(original, modified, live as unknown as JsonMap, kind)
  } catch (e) {
    if (!(e instanceof SmpError)) throw e
    throw new ApplyPatchError(e.message, originalText, goJsonEncode(modified), goJsonEncode(live))
  }
  // WarnIfDeleting runs after the patch, whether or not one was sent.
  if (live.metadata.deletionTimestamp) warnings.push(`Warning: Detected changes to resource ${name} which is currently being deleted.`)
  return Object.keys(patch).length === 0 ? { action: 'unchanged', patch, warnings } : { action: 'configured', patch, warnings }
}

/**
 * The patch could not be computed (e.g. a merge-list element without its merge key). kubectl first
 * warns that the OpenAPI v3, then the v2 schema failed (`warning: error calculating patch from
 * openapi v3 spec: <message>`, `warning: error calculating patch from openapi spec: <message>`), then
 * fails with the same error wrapped in "creating patch with:\noriginal:\n<original>\nmodified:\n
 * <modified>\ncurrent:\n<current>\nfor:" (patcher.go createPatchErrFormat).
 */
export class ApplyPatchError extends Error {
  constructor(
    message: string,
    readonly original: string,
    readonly modified: string,
    readonly current: string,
  ) {
    super(message)
    this.name = 'ApplyPatchError'
  }
}

/** The annotation's value for a configuration: the object without the annotation, as kubectl encodes it. */
export function lastAppliedAnnotation(config: JsonMap): string {
  const obj = clone(config)
  const metadata = isPlainObject(obj.metadata) ? obj.metadata : {}
  const annotations = isPlainObject(metadata.annotations) ? { ...metadata.annotations } : {}
  delete annotations[LAST_APPLIED]
  // An empty map stays: the real annotation starts `"metadata":{"annotations":{},...`.
  obj.metadata = { ...metadata, annotations }
  return goJsonEncode(obj)
}

/** CreateApplyAnnotation: the configuration with its last-applied annotation set. */
export function withLastApplied(config: JsonMap): JsonMap {
  const obj = clone(config)
  const metadata = isPlainObject(obj.metadata) ? obj.metadata : {}
  const annotations = isPlainObject(metadata.annotations) ? metadata.annotations : {}
  obj.metadata = { ...metadata, annotations: { ...annotations, [LAST_APPLIED]: lastAppliedAnnotation(config) } }
  return obj
}

/**
 * What `kubectl create` sends (CreateOrUpdateAnnotation): with --save-config the annotation is set;
 * without it, an annotation the file already carries is recomputed, and none is added.
 */
export function objectForCreate(config: JsonMap, kind: Kind, opts: ApplyOptions & { saveConfig?: boolean } = {}): KubeObject {
  const file = inNamespace(config, kind, opts.namespace)
  return (opts.saveConfig || hasAnnotationText(file) ? withLastApplied(file) : file) as unknown as KubeObject
}

/** updateApplyAnnotation (kubectl edit, replace): refreshes the annotation only where there is one. */
export function refreshLastApplied(obj: JsonMap): JsonMap {
  return hasAnnotationText(obj) ? withLastApplied(obj) : obj
}

export function missingAnnotationWarning(kind: Kind, name: string): string {
  return (
    `Warning: resource ${kindInfo(kind).resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. ` +
    'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. ' +
    'The missing annotation will be patched automatically.'
  )
}

/**
 * Go's encoding/json Encoder, as kubectl's UnstructuredJSONScheme writes objects: map keys sorted,
 * `<`, `>`, `&`, U+2028 and U+2029 escaped, and a newline at the end.
 */
export function goJsonEncode(v: unknown): string {
  return sortedJson(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n'
}

function inNamespace(config: JsonMap, kind: Kind, namespace: string | undefined): JsonMap {
  const metadata = isPlainObject(config.metadata) ? config.metadata : undefined
  if (!namespace || !kindInfo(kind).namespaced || (metadata && metadata.namespace)) return config
  return { ...config, metadata: { ...(metadata ?? {}), namespace } }
}

function hasAnnotation(live: KubeObject): boolean {
  const a = live.metadata.annotations
  return a !== undefined && a !== null && LAST_APPLIED in a
}

function hasAnnotationText(obj: JsonMap): boolean {
  const metadata = isPlainObject(obj.metadata) ? obj.metadata : {}
  const annotations = isPlainObject(metadata.annotations) ? metadata.annotations : {}
  return typeof annotations[LAST_APPLIED] === 'string' && annotations[LAST_APPLIED] !== ''
}

function parseOriginal(text: string): JsonMap {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    throw new SmpError('invalid JSON document', 'BadRequest')
  }
  if (v === null) return {}
  if (!isPlainObject(v)) throw new SmpError('invalid JSON document', 'BadRequest')
  return v
}

/** pruneNullsFromMap: null members of maps go, at any depth; null list elements stay. */
function pruneNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((e) => (e === null ? e : pruneNulls(e)))
  if (!isPlainObject(v)) return v
  const out: JsonMap = {}
  for (const [k, e] of Object.entries(v)) if (e !== null) out[k] = pruneNulls(e)
  return out
}
