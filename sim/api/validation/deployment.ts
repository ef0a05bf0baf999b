// Deployment, ReplicaSet and ControllerRevision validation (pkg/apis/apps/validation/validation.go),
// plus the apps/v1 selector immutability the registry strategies add on update. Unlike StatefulSets
// these validate the whole pod template (ValidatePodTemplateSpecForReplicaSet).

import { deepEqual } from '../../core/json'
import { fieldError, GoValue, type FieldError } from '../field-errors'
import { fromLabelSelector, matches } from '../selectors'
import type { ControllerRevision, Deployment, LabelSelector, PodTemplateSpec, ReplicaSet } from '../types'
import { nameIsDNSSubdomain } from './names'
import { FIELD_IMMUTABLE, nonNegative, validateLabelSelector, validateObjectMeta, validateObjectMetaUpdate } from './meta'
import { validatePodTemplateSpec } from './pod-spec'
import { goIntOrString, goLabelSelector, goPointer, goStringMap } from './go-value'
import { intOrPercentValue, notMoreThan100Percent, positiveIntOrPercent } from './statefulset'

function selectorErrors(sel: LabelSelector | undefined, what: string): FieldError[] {
  if (!sel) return [fieldError.required('spec.selector')]
  const errs = validateLabelSelector(sel, 'spec.selector')
  if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
    errs.push(fieldError.invalid('spec.selector', goLabelSelector(sel), `empty selector is invalid for ${what}`))
  }
  return errs
}

/** ValidatePodTemplateSpecForReplicaSet. */
function templateForReplicaSet(sel: LabelSelector | undefined, t: PodTemplateSpec | undefined, kindName: string): FieldError[] {
  const errs: FieldError[] = []
  if ((sel?.matchExpressions ?? []).some((e) => !['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(e.operator))) {
    return [fieldError.invalid('spec.selector', goLabelSelector(sel), 'invalid label selector')]
  }
  const selector = fromLabelSelector(sel)
  const labels = t?.metadata?.labels
  if ((selector === null || selector.length > 0) && !matches(selector, labels)) {
    errs.push(fieldError.invalid('spec.template.metadata.labels', goStringMap(labels as Record<string, string> | undefined), '`selector` does not match template `labels`'))
  }
  errs.push(...validatePodTemplateSpec(t, 'spec.template'))
  const restart = t?.spec?.restartPolicy ?? ''
  if (restart !== 'Always') errs.push(fieldError.notSupported('spec.template.spec.restartPolicy', restart, ['Always']))
  if (t?.spec?.activeDeadlineSeconds !== undefined && t.spec.activeDeadlineSeconds !== null) {
    errs.push(fieldError.forbidden('spec.template.spec.activeDeadlineSeconds', `activeDeadlineSeconds in ${kindName} is not Supported`))
  }
  return errs
}

function strategyErrors(d: Deployment): FieldError[] {
  const s = d.spec?.strategy
  switch (s?.type ?? '') {
    case 'Recreate':
      return s?.rollingUpdate ? [fieldError.forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'")] : []
    case 'RollingUpdate': {
      const ru = s?.rollingUpdate
      if (!ru) return [fieldError.required('spec.strategy.rollingUpdate', 'this should be defaulted and never be nil')]
      const mu = (ru.maxUnavailable ?? 0) as number | string
      const ms = (ru.maxSurge ?? 0) as number | string
      const errs = [...positiveIntOrPercent(mu, 'spec.strategy.rollingUpdate.maxUnavailable'), ...positiveIntOrPercent(ms, 'spec.strategy.rollingUpdate.maxSurge')]
      if (intOrPercentValue(mu) === 0 && intOrPercentValue(ms) === 0) {
        errs.push(fieldError.invalid('spec.strategy.rollingUpdate.maxUnavailable', goIntOrString(mu), 'may not be 0 when `maxSurge` is 0'))
      }
      return [...errs, ...notMoreThan100Percent(mu, 'spec.strategy.rollingUpdate.maxUnavailable')]
    }
    default: {
      const ru = s?.rollingUpdate ? goPointer('apps.RollingUpdateDeployment', s.rollingUpdate) : '(*apps.RollingUpdateDeployment)(nil)'
      return [fieldError.notSupported('spec.strategy', new GoValue(`apps.DeploymentStrategy{Type:"${s?.type ?? ''}", RollingUpdate:${ru}}`), ['Recreate', 'RollingUpdate'])]
    }
  }
}

export function validateDeploymentSpec(d: Deployment): FieldError[] {
  const spec = d.spec ?? ({} as NonNullable<Deployment['spec']>)
  const errs = [...nonNegative(spec.replicas, 'spec.replicas'), ...selectorErrors(spec.selector, 'deployment')]
  errs.push(...templateForReplicaSet(spec.selector, spec.template, 'ReplicaSet'))
  errs.push(...strategyErrors(d))
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'))
  if (spec.revisionHistoryLimit !== undefined && spec.revisionHistoryLimit !== null) errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'))
  const pds = spec.progressDeadlineSeconds
  if (pds !== undefined && pds !== null) {
    errs.push(...nonNegative(pds, 'spec.progressDeadlineSeconds'))
    if (pds <= (spec.minReadySeconds ?? 0)) errs.push(fieldError.invalid('spec.progressDeadlineSeconds', pds, 'must be greater than minReadySeconds'))
  }
  return errs
}

export function validateDeployment(d: Deployment): FieldError[] {
  return [...validateObjectMeta(d.metadata!, true, nameIsDNSSubdomain), ...validateDeploymentSpec(d)]
}

/** apps/v1 forbids changing the selector (registry strategy ValidateUpdate). */
function selectorImmutable(sel: LabelSelector | undefined, old: LabelSelector | undefined): FieldError[] {
  if (deepEqual(sel ?? null, old ?? null)) return []
  return [fieldError.invalid('spec.selector', sel ? goLabelSelector(sel) : new GoValue('(*v1.LabelSelector)(nil)'), FIELD_IMMUTABLE)]
}

export function validateDeploymentUpdate(d: Deployment, old: Deployment): FieldError[] {
  return [...validateObjectMetaUpdate(d.metadata!, old.metadata!), ...validateDeploymentSpec(d), ...selectorImmutable(d.spec?.selector, old.spec?.selector)]
}

export function validateReplicaSetSpec(rs: ReplicaSet): FieldError[] {
  const spec = rs.spec ?? ({} as NonNullable<ReplicaSet['spec']>)
  const errs = [...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds')]
  // Upstream's ReplicaSet check really says "for deployment".
  errs.push(...selectorErrors(spec.selector, 'deployment'))
  errs.push(...templateForReplicaSet(spec.selector, spec.template, 'ReplicaSet'))
  return errs
}

export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  return [...validateObjectMeta(rs.metadata!, true, nameIsDNSSubdomain), ...validateReplicaSetSpec(rs)]
}

export function validateReplicaSetUpdate(rs: ReplicaSet, old: ReplicaSet): FieldError[] {
  return [...validateObjectMetaUpdate(rs.metadata!, old.metadata!), ...validateReplicaSetSpec(rs), ...selectorImmutable(rs.spec?.selector, old.spec?.selector)]
}

/** Deployment and ReplicaSet status counts (ValidateDeploymentStatus / ValidateReplicaSetStatus). */
export function validateReplicaStatus(status: Record<string, number | undefined> | undefined, fields: readonly string[]): FieldError[] {
  const s = status ?? {}
  const errs: FieldError[] = []
  for (const f of fields) errs.push(...nonNegative(s[f] ?? 0, `status.${f}`))
  const replicas = s.replicas ?? 0
  for (const f of ['fullyLabeledReplicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas']) {
    if (fields.includes(f) && (s[f] ?? 0) > replicas) errs.push(fieldError.invalid(`status.${f}`, s[f], 'cannot be greater than status.replicas'))
  }
  if ((s.availableReplicas ?? 0) > (s.readyReplicas ?? 0)) errs.push(fieldError.invalid('status.availableReplicas', s.availableReplicas, 'cannot be greater than readyReplicas'))
  return errs
}

export function validateControllerRevision(cr: ControllerRevision): FieldError[] {
  const errs = validateObjectMeta(cr.metadata!, true, nameIsDNSSubdomain)
  if (cr.data === undefined || cr.data === null) errs.push(fieldError.required('data', 'data is mandatory'))
  return [...errs, ...nonNegative(cr.revision, 'revision')]
}

export function validateControllerRevisionUpdate(cr: ControllerRevision, old: ControllerRevision): FieldError[] {
  const errs = [...validateObjectMetaUpdate(cr.metadata!, old.metadata!), ...validateControllerRevision(cr)]
  if (!deepEqual(cr.data, old.data)) errs.push(fieldError.invalid('data', new GoValue('runtime.RawExtension{Raw:[]uint8{...}, Object:runtime.Object(nil)}'), FIELD_IMMUTABLE))
  return errs
}
