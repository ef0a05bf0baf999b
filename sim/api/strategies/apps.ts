// Deployment, ReplicaSet and ControllerRevision registry strategies (pkg/registry/apps/...).

import type { KindStrategy } from '../strategy'
import type { ControllerRevision, Deployment, ReplicaSet } from '../types'
import { defaultDeployment, defaultReplicaSet } from '../defaults/apps'
import {
  validateControllerRevision,
  validateControllerRevisionUpdate,
  validateDeployment,
  validateDeploymentUpdate,
  validateReplicaSet,
  validateReplicaSetUpdate,
  validateReplicaStatus,
} from '../validation/deployment'
import { validateObjectMetaUpdate } from '../validation/meta'
import { decoding, isUpdate } from './common'

type Mutable<T> = { -readonly [P in keyof T]: T[P] }

export const deploymentStrategy: KindStrategy = {
  defaults(obj) {
    decoding('Deployment', () => defaultDeployment(obj as Deployment))
  },
  prepareForCreate(obj) {
    // Every DeploymentStatus field is omitempty: a new Deployment shows `status: {}`.
    ;(obj as Mutable<Deployment>).status = {}
  },
  validate(obj, ctx) {
    return isUpdate('Deployment', obj, ctx) ? [] : validateDeployment(obj as Deployment)
  },
  validateUpdate(obj, old) {
    return validateDeploymentUpdate(obj as Deployment, old as Deployment)
  },
  validateStatusUpdate(obj, old) {
    const d = obj as Deployment
    return [
      ...validateObjectMetaUpdate(d.metadata!, (old as Deployment).metadata!),
      ...validateReplicaStatus(d.status as unknown as Record<string, number>, ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']),
    ]
  },
  defaultPropagation: 'Background',
}

export const replicaSetStrategy: KindStrategy = {
  defaults(obj) {
    decoding('ReplicaSet', () => defaultReplicaSet(obj as ReplicaSet))
  },
  prepareForCreate(obj) {
    // ReplicaSetStatus.replicas has no omitempty.
    ;(obj as Mutable<ReplicaSet>).status = { replicas: 0 }
  },
  validate(obj, ctx) {
    return isUpdate('ReplicaSet', obj, ctx) ? [] : validateReplicaSet(obj as ReplicaSet)
  },
  validateUpdate(obj, old) {
    return validateReplicaSetUpdate(obj as ReplicaSet, old as ReplicaSet)
  },
  validateStatusUpdate(obj, old) {
    const rs = obj as ReplicaSet
    return [
      ...validateObjectMetaUpdate(rs.metadata!, (old as ReplicaSet).metadata!),
      ...validateReplicaStatus(rs.status as unknown as Record<string, number>, ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration']),
    ]
  },
  defaultPropagation: 'Background',
}

export const controllerRevisionStrategy: KindStrategy = {
  validate(obj, ctx) {
    return isUpdate('ControllerRevision', obj, ctx) ? [] : validateControllerRevision(obj as ControllerRevision)
  },
  validateUpdate(obj, old) {
    return validateControllerRevisionUpdate(obj as ControllerRevision, old as ControllerRevision)
  },
  defaultPropagation: 'Background',
}
