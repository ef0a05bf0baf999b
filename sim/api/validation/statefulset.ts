// StatefulSet validation (pkg/apis/apps/validation/validation.go, v1.33): ValidateStatefulSetSpec,
// ValidateStatefulSetUpdate, ValidateStatefulSetStatus(Update). The pod template is NOT validated as
// a pod spec (upstream's TODO): only its labels, annotations, restartPolicy and activeDeadlineSeconds.

import { deepEqual } from '../../core/json'
import { fieldError, GoValue, type FieldError } from '../field-errors'
import { fromLabelSelector, matches } from '../selectors'
import type { StatefulSet } from '../types'
import { isDNS1123Label, isValidPercent, nameIsDNSLabel } from './names'
import { nonNegative, validateAnnotations, validateLabels, validateLabelSelector, validateObjectMeta, validateObjectMetaUpdate } from './meta'
import { goIntOrString, goLabelSelector, goNilPointer, goPointer, goStringMap } from './go-value'

export const STS_UPDATE_FORBIDDEN =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"

type IntOrPercent = number | string

/** ValidatePositiveIntOrPercent (shared with Deployments and PodDisruptionBudgets). */
export function positiveIntOrPercent(v: IntOrPercent, field: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => fieldError.invalid(field, goIntOrString(v), m))
  return nonNegative(v, field)
}

/** getIntOrPercentValue: the number, or the percentage's number ("25%" -> 25). */
export function intOrPercentValue(v: IntOrPercent | undefined): number {
  if (typeof v === 'string') return /^[0-9]+%$/.test(v) ? Number(v.slice(0, -1)) : 0
  return v ?? 0
}

export function notMoreThan100Percent(v: IntOrPercent, field: string): FieldError[] {
  if (typeof v !== 'string' || !/^[0-9]+%$/.test(v) || Number(v.slice(0, -1)) <= 100) return []
  return [fieldError.invalid(field, goIntOrString(v), 'must not be greater than 100%')]
}

function strategyValue(s: NonNullable<StatefulSet['spec']>['updateStrategy']): GoValue {
  const ru = s?.rollingUpdate ? goPointer('apps.RollingUpdateStatefulSetStrategy', s.rollingUpdate) : goNilPointer('apps.RollingUpdateStatefulSetStrategy')
  return new GoValue(`apps.StatefulSetUpdateStrategy{Type:"${s?.type ?? ''}", RollingUpdate:${ru}}`)
}

export interface StatefulSetValidationOptions {
  /** Keep accepting a stored serviceName that predates its DNS-label check (on update). */
  allowInvalidServiceName?: boolean
}

export function validateStatefulSetSpec(sts: StatefulSet, opts: StatefulSetValidationOptions = {}): FieldError[] {
  const spec = sts.spec ?? ({} as NonNullable<StatefulSet['spec']>)
  const errs: FieldError[] = []
  const pmp = spec.podManagementPolicy ?? ''
  if (!pmp) errs.push(fieldError.required('spec.podManagementPolicy'))
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(fieldError.invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"))

  const us = spec.updateStrategy
  switch (us?.type ?? '') {
    case '':
      errs.push(fieldError.required('spec.updateStrategy'))
      break
    case 'OnDelete':
      if (us?.rollingUpdate) {
        // The bad value is a pointer, which field errors print dereferenced.
        const ru = us.rollingUpdate
        const partition = ru.partition === undefined || ru.partition === null ? goNilPointer('int32') : goPointer('int32', ru.partition)
        const mu = ru.maxUnavailable === undefined || ru.maxUnavailable === null ? goNilPointer('intstr.IntOrString') : goPointer('intstr.IntOrString', ru.maxUnavailable)
        const value = new GoValue(`apps.RollingUpdateStatefulSetStrategy{Partition:${partition}, MaxUnavailable:${mu}}`)
        errs.push(fieldError.invalid('spec.updateStrategy.rollingUpdate', value, "only allowed for updateStrategy 'RollingUpdate'"))
      }
      break
    case 'RollingUpdate': {
      const ru = us?.rollingUpdate
      if (!ru) break
      errs.push(...nonNegative(ru.partition ?? 0, 'spec.updateStrategy.rollingUpdate.partition'))
      const mu = ru.maxUnavailable as IntOrPercent | undefined
      if (mu !== undefined && mu !== null) {
        const f = 'spec.updateStrategy.rollingUpdate.maxUnavailable'
        errs.push(...positiveIntOrPercent(mu, f))
        if (intOrPercentValue(mu) === 0) errs.push(fieldError.invalid(f, goIntOrString(mu), 'cannot be 0'))
        errs.push(...notMoreThan100Percent(mu, f))
      }
      break
    }
    default:
      errs.push(fieldError.invalid('spec.updateStrategy', strategyValue(us), "must be 'RollingUpdate' or 'OnDelete'"))
  }

  const rp = spec.persistentVolumeClaimRetentionPolicy
  if (rp) {
    for (const f of ['whenDeleted', 'whenScaled'] as const) {
      const v = rp[f] ?? ''
      if (v !== 'Retain' && v !== 'Delete') errs.push(fieldError.notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, v, ['Retain', 'Delete']))
    }
  }

  errs.push(...nonNegative(spec.replicas, 'spec.replicas'))
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'))
  // The path really is printed as one segment, "spec.ordinals.start".
  if (spec.ordinals) errs.push(...nonNegative(spec.ordinals.start, 'spec.ordinals.start'))
  if (spec.serviceName && !opts.allowInvalidServiceName) {
    for (const m of isDNS1123Label(spec.serviceName)) errs.push(fieldError.invalid('spec.serviceName', spec.serviceName, m))
  }

  if (!spec.selector) errs.push(fieldError.required('spec.selector'))
  else {
    errs.push(...validateLabelSelector(spec.selector, 'spec.selector'))
    if (Object.keys(spec.selector.matchLabels ?? {}).length + (spec.selector.matchExpressions ?? []).length === 0) {
      errs.push(fieldError.invalid('spec.selector', goLabelSelector(spec.selector), 'empty selector is invalid for statefulset'))
    }
  }
  // A nil selector matches nothing, so it also fails the template check below (both errors show).
  const selector = fromLabelSelector(spec.selector)
  const badOperator = (spec.selector?.matchExpressions ?? []).some((e) => !['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(e.operator))
  if (badOperator) errs.push(fieldError.invalid('spec.selector', goLabelSelector(spec.selector), ''))
  else {
    const tmeta = spec.template?.metadata ?? {}
    if ((selector === null || selector.length > 0) && !matches(selector, tmeta.labels)) {
      errs.push(fieldError.invalid('spec.template.metadata.labels', goStringMap(tmeta.labels as Record<string, string> | undefined), '`selector` does not match template `labels`'))
    }
    errs.push(...validateLabels(tmeta.labels, 'spec.template.labels'))
    errs.push(...validateAnnotations(tmeta.annotations, 'spec.template.annotations'))
  }

  const tspec = spec.template?.spec
  const restart = tspec?.restartPolicy ?? ''
  if (restart !== 'Always') errs.push(fieldError.notSupported('spec.template.spec.restartPolicy', restart, ['Always']))
  if (tspec?.activeDeadlineSeconds !== undefined && tspec.activeDeadlineSeconds !== null) {
    errs.push(fieldError.forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'))
  }
  return errs
}

export function validateStatefulSet(sts: StatefulSet): FieldError[] {
  return [...validateObjectMeta(sts.metadata!, true, nameIsDNSLabel), ...validateStatefulSetSpec(sts)]
}

/** The fields an update may change; everything else must equal the stored spec. */
const MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds']

export function validateStatefulSetUpdate(sts: StatefulSet, old: StatefulSet): FieldError[] {
  // The name is not re-validated on update: old objects may carry subdomain names.
  const oldService = old.spec?.serviceName ?? ''
  const errs = [...validateObjectMetaUpdate(sts.metadata!, old.metadata!), ...validateStatefulSetSpec(sts, { allowInvalidServiceName: oldService !== '' && isDNS1123Label(oldService).length > 0 })]
  const strip = (s: object | undefined) => Object.fromEntries(Object.entries(s ?? {}).filter(([k]) => !MUTABLE.includes(k)))
  if (!deepEqual(strip(sts.spec), strip(old.spec))) errs.push(fieldError.forbidden('spec', STS_UPDATE_FORBIDDEN))
  return errs
}

/** Warnings the strategy returns with a write (WarningsOnCreate / WarningsOnUpdate). */
export function statefulSetWarnings(sts: StatefulSet): string[] {
  const rhl = sts.spec?.revisionHistoryLimit
  return rhl !== undefined && rhl !== null && rhl < 0 ? ['spec.revisionHistoryLimit: a negative value retains all historical revisions; a value >= 0 is recommended'] : []
}

export function validateStatefulSetStatusUpdate(sts: StatefulSet, old: StatefulSet): FieldError[] {
  const s = sts.status ?? ({} as NonNullable<StatefulSet['status']>)
  const errs: FieldError[] = []
  for (const f of ['replicas', 'readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas'] as const) errs.push(...nonNegative(s[f] ?? 0, `status.${f}`))
  if (s.observedGeneration !== undefined) errs.push(...nonNegative(s.observedGeneration, 'status.observedGeneration'))
  if (s.collisionCount !== undefined) errs.push(...nonNegative(s.collisionCount, 'status.collisionCount'))
  const replicas = s.replicas ?? 0
  for (const f of ['readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas'] as const) {
    if ((s[f] ?? 0) > replicas) errs.push(fieldError.invalid(`status.${f}`, s[f], 'cannot be greater than status.replicas'))
  }
  if ((s.availableReplicas ?? 0) > (s.readyReplicas ?? 0)) errs.push(fieldError.invalid('status.availableReplicas', s.availableReplicas, 'cannot be greater than status.readyReplicas'))
  errs.push(...validateObjectMetaUpdate(sts.metadata!, old.metadata!))
  const before = old.status?.collisionCount
  if (before !== undefined && (s.collisionCount === undefined || s.collisionCount < before)) {
    errs.push(fieldError.invalid('status.collisionCount', s.collisionCount ?? 0, 'cannot be decremented'))
  }
  return errs
}

