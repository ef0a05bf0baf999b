// Pod create and update validation (ValidatePodCreate, ValidatePodUpdate). On update only a few spec
// fields may change; anything else gives upstream's long Forbidden message followed by a go-cmp diff.

import { clone, deepEqual } from '../../core/json'
import { fieldError, type FieldError } from '../field-errors'
import type { Pod, PodSpec, Toleration } from '../types'
import { inclusiveRangeError, nameIsDNSSubdomain } from './names'
import { validateObjectMeta, validateObjectMetaUpdate } from './meta'
import { validatePodSpec, validateTolerations } from './pod-spec'
import { imageWhitespace } from './containers'
import { podSpecDiff } from './go-diff'

const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
]

/** validatePodMetadataAndSpec. */
function metadataAndSpec(pod: Pod): FieldError[] {
  const errs = validateObjectMeta(pod.metadata!, true, nameIsDNSSubdomain)
  errs.push(...validatePodSpec(pod.spec, 'spec', { isPod: true }))
  errs.push(...imageWhitespace(pod.spec?.containers, 'spec.containers'))
  errs.push(...imageWhitespace(pod.spec?.initContainers, 'spec.initContainers'))
  return errs
}

export function validatePodCreate(pod: Pod): FieldError[] {
  const errs = metadataAndSpec(pod)
  const spec = pod.spec as PodSpec & { ephemeralContainers?: unknown[]; schedulingGates?: unknown[] }
  if (spec?.ephemeralContainers?.length) errs.push(fieldError.forbidden('spec.ephemeralContainers', 'cannot be set on create'))
  if (spec?.nodeName && spec.schedulingGates?.length) errs.push(fieldError.forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'))
  return errs
}

/** ValidateContainerUpdates: same number of containers, and each still has an image. */
function containerUpdates(next: PodSpec['containers'] | undefined, old: PodSpec['containers'] | undefined, field: string): { errs: FieldError[]; stop: boolean } {
  const n = next ?? []
  if (n.length !== (old ?? []).length) return { errs: [fieldError.forbidden(field, 'pod updates may not add or remove containers')], stop: true }
  const errs: FieldError[] = []
  n.forEach((c, i) => {
    if (!c.image) errs.push(fieldError.required(`${field}[${i}].image`))
    if (c.image !== undefined && c.image.trim() !== c.image) errs.push(fieldError.invalid(`${field}[${i}].image`, c.image, 'must not have leading or trailing whitespace'))
  })
  return { errs, stop: false }
}

function onlyAddedTolerations(next: readonly Toleration[] | undefined, old: readonly Toleration[] | undefined, field: string): FieldError[] {
  for (const o of old ?? []) {
    // tolerationSeconds may change; everything else about an existing toleration must stay.
    const found = (next ?? []).some((t) => deepEqual({ ...o, tolerationSeconds: t.tolerationSeconds }, t))
    if (!found) return [fieldError.forbidden(field, 'existing toleration can not be modified except its tolerationSeconds')]
  }
  return validateTolerations(next, field)
}

export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata!, old.metadata!)
  errs.push(...metadataAndSpec(pod))
  const spec = (pod.spec ?? {}) as PodSpec
  const oldSpec = (old.spec ?? {}) as PodSpec
  for (const kind of ['containers', 'initContainers'] as const) {
    const r = containerUpdates(spec[kind], oldSpec[kind], `spec.${kind}`)
    errs.push(...r.errs)
    if (r.stop) return errs
  }
  const ads = spec.activeDeadlineSeconds
  if (ads !== undefined && ads !== null) {
    if (ads < 0 || ads > 2147483647) return [...errs, fieldError.invalid('spec.activeDeadlineSeconds', ads, inclusiveRangeError(0, 2147483647))]
    const oldAds = oldSpec.activeDeadlineSeconds
    if (oldAds !== undefined && oldAds !== null && oldAds < ads) return [...errs, fieldError.invalid('spec.activeDeadlineSeconds', ads, 'must be less than or equal to previous value')]
  } else if (oldSpec.activeDeadlineSeconds !== undefined && oldSpec.activeDeadlineSeconds !== null) {
    errs.push(fieldError.invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'))
  }
  errs.push(...onlyAddedTolerations(spec.tolerations, oldSpec.tolerations, 'spec.tolerations'))
  if (deepEqual(spec, oldSpec)) return errs
  // Munge the fields that may change back to their old values; whatever still differs is forbidden.
  const munged = clone(spec) as PodSpec
  munged.containers = (munged.containers ?? []).map((c, i) => ({ ...c, image: oldSpec.containers![i].image }))
  if (munged.initContainers) munged.initContainers = munged.initContainers.map((c, i) => ({ ...c, image: oldSpec.initContainers![i].image }))
  if (!oldSpec.initContainers && munged.initContainers?.length === 0) delete munged.initContainers
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds
  munged.schedulingGates = oldSpec.schedulingGates
  munged.tolerations = oldSpec.tolerations
  const oldTgp = oldSpec.terminationGracePeriodSeconds
  if (oldTgp !== undefined && oldTgp !== null && oldTgp < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = oldTgp
  if (!deepEqual(munged, oldSpec)) {
    const diff = podSpecDiff(oldSpec, munged)
    errs.push(fieldError.forbidden('spec', `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${diff}`))
  }
  return errs
}
