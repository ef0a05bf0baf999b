// ObjectMeta, labels, annotations and label selectors (apimachinery pkg/api/validation/objectmeta.go,
// pkg/apis/meta/v1/validation/validation.go, and core's ValidateObjectMeta wrapper that also checks
// finalizer names). Errors are collected in upstream's order.

import { fieldError, GoValue, type FieldError } from '../field-errors'
import type { LabelSelector, LabelSelectorRequirement, ObjectMeta, OwnerReference } from '../types'
import { byteLength, isQualifiedName, isValidLabelValue, type NameFn, nameIsDNSLabel } from './names'
import { goPointer, goStringSlice, tooLong } from './go-value'

export const IS_NEGATIVE = 'must be greater than or equal to 0'
export const FIELD_IMMUTABLE = 'field is immutable'
const TOTAL_ANNOTATION_SIZE = 256 * 1024

/** ValidateNonnegativeField. */
export function nonNegative(value: number | undefined, field: string): FieldError[] {
  return value !== undefined && value < 0 ? [fieldError.invalid(field, value, IS_NEGATIVE)] : []
}

export function validateLabelName(key: string, field: string): FieldError[] {
  return isQualifiedName(key).map((m) => fieldError.invalid(field, key, m))
}

// A stored object's label and annotation maps and owner references are frozen, and an update that
// keeps them keeps the very same objects: once found valid they are valid for good, and most writes
// (every status report) need not look at them again. Only "no errors" is remembered.
const validLabels = new WeakSet<object>()
const validAnnotations = new WeakSet<object>()
const validOwnerRefs = new WeakSet<object>()

function known(memo: WeakSet<object>, value: object | undefined | null): boolean {
  return value === undefined || value === null || memo.has(value)
}

function remember(memo: WeakSet<object>, value: object | undefined | null, errs: readonly FieldError[]): FieldError[] {
  if (value && errs.length === 0 && Object.isFrozen(value)) memo.add(value)
  return errs as FieldError[]
}

export function validateLabels(labels: Readonly<Record<string, string>> | undefined | null, field: string): FieldError[] {
  if (known(validLabels, labels)) return []
  const errs: FieldError[] = []
  for (const [k, v] of Object.entries(labels!)) {
    errs.push(...validateLabelName(k, field))
    for (const m of isValidLabelValue(String(v))) errs.push(fieldError.invalid(field, String(v), m))
  }
  return remember(validLabels, labels, errs)
}

export function validateAnnotations(annotations: Readonly<Record<string, string>> | undefined | null, field: string): FieldError[] {
  if (known(validAnnotations, annotations)) return []
  const errs: FieldError[] = []
  let size = 0
  for (const [k, v] of Object.entries(annotations!)) {
    // Annotation keys are qualified names, but case does not matter.
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(fieldError.invalid(field, k, m))
    size += byteLength(k) + byteLength(String(v))
  }
  if (size > TOTAL_ANNOTATION_SIZE) errs.push(tooLong(field, TOTAL_ANNOTATION_SIZE))
  return remember(validAnnotations, annotations, errs)
}

export function validateLabelSelectorRequirement(r: LabelSelectorRequirement, field: string, allowInvalidValues = false): FieldError[] {
  const errs: FieldError[] = []
  const values = r.values ?? []
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(fieldError.required(`${field}.values`, "must be specified when `operator` is 'In' or 'NotIn'"))
      break
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(fieldError.forbidden(`${field}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
      break
    default:
      errs.push(fieldError.invalid(`${field}.operator`, r.operator ?? '', 'not a valid selector operator'))
  }
  errs.push(...validateLabelName(r.key ?? '', `${field}.key`))
  if (!allowInvalidValues) {
    values.forEach((v, i) => {
      for (const m of isValidLabelValue(v)) errs.push(fieldError.invalid(`${field}.values[${i}]`, v, m))
    })
  }
  return errs
}

/** ValidateLabelSelector (strict unless told otherwise). A nil selector is valid here. */
export function validateLabelSelector(sel: LabelSelector | undefined | null, field: string, allowInvalidValues = false): FieldError[] {
  if (!sel) return []
  const errs = validateLabels(sel.matchLabels as Record<string, string> | undefined, `${field}.matchLabels`)
  ;(sel.matchExpressions ?? []).forEach((e, i) => errs.push(...validateLabelSelectorRequirement(e, `${field}.matchExpressions[${i}]`, allowInvalidValues)))
  return errs
}

function goOwnerRefs(refs: readonly OwnerReference[]): GoValue {
  const one = (r: OwnerReference) => {
    const ptr = (v: boolean | undefined) => (v === undefined ? '(*bool)(nil)' : goPointer('bool', [r.uid, v]))
    return `v1.OwnerReference{APIVersion:"${r.apiVersion}", Kind:"${r.kind}", Name:"${r.name}", UID:"${r.uid}", Controller:${ptr(r.controller)}, BlockOwnerDeletion:${ptr(r.blockOwnerDeletion)}}`
  }
  return new GoValue(`[]v1.OwnerReference{${refs.map(one).join(', ')}}`)
}

export function validateOwnerReferences(refs: readonly OwnerReference[] | undefined, field: string): FieldError[] {
  if (known(validOwnerRefs, refs)) return []
  return remember(validOwnerRefs, refs, ownerReferenceErrors(refs!, field))
}

function ownerReferenceErrors(refs: readonly OwnerReference[], field: string): FieldError[] {
  const errs: FieldError[] = []
  let firstController = ''
  for (const r of refs ?? []) {
    const apiVersion = r.apiVersion ?? ''
    const version = apiVersion.includes('/') ? apiVersion.split('/')[1] : apiVersion
    if (!version) errs.push(fieldError.invalid(`${field}.apiVersion`, apiVersion, 'version must not be empty'))
    if (!r.kind) errs.push(fieldError.invalid(`${field}.kind`, r.kind ?? '', 'kind must not be empty'))
    if (!r.name) errs.push(fieldError.invalid(`${field}.name`, r.name ?? '', 'name must not be empty'))
    if (!r.uid) errs.push(fieldError.invalid(`${field}.uid`, r.uid ?? '', 'uid must not be empty'))
    if (version === 'v1' && !apiVersion.includes('/') && r.kind === 'Event') {
      errs.push(fieldError.invalid(field, new GoValue(goOwnerRefs([r]).text.slice('[]v1.OwnerReference{'.length, -1)), '/v1, Kind=Event is disallowed from being an owner'))
    }
    if (r.controller) {
      const cur = `${r.kind}/${r.name}`
      if (firstController) {
        errs.push(
          fieldError.invalid(field, goOwnerRefs(refs!), `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`),
        )
      } else firstController = cur
    }
  }
  return errs
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion'])

function validateFinalizers(finalizers: readonly string[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = []
  for (const f of finalizers ?? []) for (const m of isQualifiedName(f)) errs.push(fieldError.invalid(field, f, m))
  if (finalizers?.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errs.push(fieldError.invalid(field, goStringSlice(finalizers), 'finalizer orphan and foregroundDeletion cannot be both set'))
  }
  return errs
}

/** core's validateKubeFinalizerName: an unqualified finalizer must be one of the standard ones. */
function validateKubeFinalizers(finalizers: readonly string[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = []
  ;(finalizers ?? []).forEach((f, i) => {
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(fieldError.invalid(`${field}[${i}]`, f, 'name is neither a standard finalizer name nor is it fully qualified'))
    }
  })
  return errs
}

export interface MetaOptions {
  /** Core types add the finalizer-name check (pkg/apis/core/validation ValidateObjectMeta). */
  kubeFinalizers?: boolean
}

/** ValidateObjectMeta on create. The server has already generated a name from generateName. */
export function validateObjectMeta(meta: ObjectMeta, namespaced: boolean, nameFn: NameFn, opts: MetaOptions = { kubeFinalizers: true }): FieldError[] {
  const errs: FieldError[] = []
  if (meta.generateName) for (const m of nameFn(meta.generateName, true)) errs.push(fieldError.invalid('metadata.generateName', meta.generateName, m))
  if (!meta.name) errs.push(fieldError.required('metadata.name', 'name or generateName is required'))
  else for (const m of nameFn(meta.name, false)) errs.push(fieldError.invalid('metadata.name', meta.name, m))
  if (namespaced) {
    if (!meta.namespace) errs.push(fieldError.required('metadata.namespace'))
    else for (const m of nameIsDNSLabel(meta.namespace, false)) errs.push(fieldError.invalid('metadata.namespace', meta.namespace, m))
  }
  errs.push(...nonNegative(meta.generation, 'metadata.generation'))
  errs.push(...validateLabels(meta.labels, 'metadata.labels'))
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'))
  errs.push(...validateOwnerReferences(meta.ownerReferences, 'metadata.ownerReferences'))
  errs.push(...validateFinalizers(meta.finalizers, 'metadata.finalizers'))
  if (opts.kubeFinalizers !== false) errs.push(...validateKubeFinalizers(meta.finalizers, 'metadata.finalizers'))
  return errs
}

/**
 * ValidateObjectMetaUpdate. Name, namespace, uid, timestamps and generation are owned by the server
 * (sim/api/server.ts carries them over), so only what a client can still get wrong is checked.
 */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta, opts: MetaOptions = { kubeFinalizers: true }): FieldError[] {
  const errs: FieldError[] = []
  if (old.deletionTimestamp) {
    const before = new Set(old.finalizers ?? [])
    const extra = [...new Set((meta.finalizers ?? []).filter((f) => !before.has(f)))].sort()
    if (extra.length) {
      errs.push(fieldError.forbidden('metadata.finalizers', `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(extra).text}`))
    }
  }
  errs.push(...validateLabels(meta.labels, 'metadata.labels'))
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'))
  errs.push(...validateOwnerReferences(meta.ownerReferences, 'metadata.ownerReferences'))
  if (opts.kubeFinalizers !== false) errs.push(...validateKubeFinalizers(meta.finalizers, 'metadata.finalizers'))
  return errs
}

/** ValidateImmutableField for a value already rendered the way upstream prints it. */
export function immutable(changed: boolean, field: string, value: unknown): FieldError[] {
  return changed ? [fieldError.invalid(field, value, FIELD_IMMUTABLE)] : []
}
