// StatefulSet registry strategy (pkg/registry/apps/statefulset/strategy.go): defaulting, a fresh
// status on create, dropping fields behind disabled feature gates, validation, warnings.

import type { KindStrategy } from '../strategy'
import type { StatefulSet } from '../types'
import { defaultStatefulSet } from '../defaults/apps'
import { statefulSetWarnings, validateStatefulSet, validateStatefulSetStatusUpdate, validateStatefulSetUpdate } from '../validation/statefulset'
import { decoding, isUpdate } from './common'

type Mutable<T> = { -readonly [P in keyof T]: T[P] }

export interface StatefulSetStrategyOptions {
  maxUnavailableStatefulSet: boolean
}

/**
 * dropStatefulSetDisabledFields: with MaxUnavailableStatefulSet off, a new rollingUpdate.maxUnavailable
 * is dropped unless the stored object already uses it.
 */
function dropDisabledFields(sts: StatefulSet, old: StatefulSet | undefined, gate: boolean): void {
  if (gate || old?.spec?.updateStrategy?.rollingUpdate?.maxUnavailable !== undefined) return
  const ru = sts.spec?.updateStrategy?.rollingUpdate
  if (ru && ru.maxUnavailable !== undefined) delete (ru as { maxUnavailable?: unknown }).maxUnavailable
}

export function createStatefulSetStrategy(opts: StatefulSetStrategyOptions): KindStrategy {
  return {
    defaults(obj) {
      decoding('StatefulSet', () => defaultStatefulSet(obj as StatefulSet, { maxUnavailableStatefulSet: opts.maxUnavailableStatefulSet }))
    },
    prepareForCreate(obj) {
      const sts = obj as Mutable<StatefulSet>
      // replicas and availableReplicas have no omitempty: a new set shows both as 0.
      sts.status = { replicas: 0, availableReplicas: 0 }
      dropDisabledFields(sts, undefined, opts.maxUnavailableStatefulSet)
    },
    prepareForUpdate(obj, old) {
      dropDisabledFields(obj as StatefulSet, old as StatefulSet, opts.maxUnavailableStatefulSet)
    },
    validate(obj, ctx) {
      return isUpdate('StatefulSet', obj, ctx) ? [] : validateStatefulSet(obj as StatefulSet)
    },
    validateUpdate(obj, old) {
      return validateStatefulSetUpdate(obj as StatefulSet, old as StatefulSet)
    },
    validateStatusUpdate(obj, old) {
      return validateStatefulSetStatusUpdate(obj as StatefulSet, old as StatefulSet)
    },
    warnings(obj) {
      return statefulSetWarnings(obj as StatefulSet)
    },
    defaultPropagation: 'Background',
  }
}
