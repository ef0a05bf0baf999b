// Registry strategies of the simpler kinds: ConfigMap, Secret, ServiceAccount, Node, Event,
// Endpoints, EndpointSlice and PodDisruptionBudget.

import type { KindStrategy } from '../strategy'
import { clone, cloneShared } from '../../core/json'
import type { KubeObject } from '../types'
import type { ConfigMap, EndpointSlice, Endpoints, Event, Node, PodDisruptionBudget, Secret } from '../types'
import { fieldError } from '../field-errors'
import { defaultEndpointSlice, defaultEndpoints, defaultNode, defaultSecret } from '../defaults/core'
import {
  validateConfigMap,
  validateConfigMapUpdate,
  validateEndpointSlice,
  validateEndpointSliceUpdate,
  validateEndpoints,
  validateEvent,
  validateNode,
  validateNodeUpdate,
  validatePDB,
  validateSecret,
  validateSecretUpdate,
  validateServiceAccount,
} from '../validation/core-misc'
import { validateObjectMeta, validateObjectMetaUpdate } from '../validation/meta'
import { nameIsPathSegment } from '../validation/names'
import { isUpdate } from './common'

type Mutable<T> = { -readonly [P in keyof T]: T[P] }

export const configMapStrategy: KindStrategy = {
  validate: (obj, ctx) => (isUpdate('ConfigMap', obj, ctx) ? [] : validateConfigMap(obj as ConfigMap)),
  validateUpdate: (obj, old) => validateConfigMapUpdate(obj as ConfigMap, old as ConfigMap),
  defaultPropagation: 'Background',
}

export const secretStrategy: KindStrategy = {
  defaults: (obj) => defaultSecret(obj as Secret),
  validate: (obj, ctx) => (isUpdate('Secret', obj, ctx) ? [] : validateSecret(obj as Secret)),
  validateUpdate: (obj, old) => validateSecretUpdate(obj as Secret, old as Secret),
  defaultPropagation: 'Background',
}

export const serviceAccountStrategy: KindStrategy = {
  validate: (obj, ctx) => (isUpdate('ServiceAccount', obj, ctx) ? [] : validateServiceAccount(obj)),
  validateUpdate: (obj, old) => [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateServiceAccount(obj)],
  defaultPropagation: 'Background',
}

export const nodeStrategy: KindStrategy = {
  defaults: (obj) => defaultNode(obj as Node),
  validate: (obj, ctx) => (isUpdate('Node', obj, ctx) ? [] : validateNode(obj as Node)),
  validateUpdate: (obj, old) => validateNodeUpdate(obj as Node, old as Node),
  validateStatusUpdate: (obj, old) => validateObjectMetaUpdate(obj.metadata, old.metadata),
  defaultPropagation: 'Background',
}

export const eventStrategy: KindStrategy = {
  validate: (obj, ctx) => (isUpdate('Event', obj, ctx) ? [] : validateEvent(obj as Event)),
  validateUpdate: (obj, old) => [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateEvent(obj as Event)],
  defaultPropagation: 'Background',
}

export const endpointsStrategy: KindStrategy = {
  // Defaulting touches the ports only (protocol), so each subset and its ports are fresh copies while
  // the address lists keep the stored address objects the controller sent back for unchanged pods.
  copyInput: (input) => {
    const ep = cloneShared({ ...input }) as unknown as Endpoints
    if (ep.subsets) ep.subsets = ep.subsets.map((ss) => (ss.ports ? { ...ss, ports: clone(ss.ports) } : { ...ss }))
    return ep as unknown as KubeObject
  },
  defaults: (obj) => defaultEndpoints(obj as Endpoints),
  validate: (obj, ctx) => (isUpdate('Endpoints', obj, ctx) ? [] : validateEndpoints(obj as Endpoints)),
  validateUpdate: (obj, old) => [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateEndpoints(obj as Endpoints)],
  defaultPropagation: 'Background',
}

export const endpointSliceStrategy: KindStrategy = {
  // Defaulting touches the ports only (name, protocol): they are copied; the endpoints the controller
  // sent back as stored (frozen) are kept as they are.
  copyInput: (input) => {
    const es = cloneShared({ ...input }) as unknown as EndpointSlice
    if (es.ports) es.ports = clone(es.ports)
    return es as unknown as KubeObject
  },
  defaults: (obj) => defaultEndpointSlice(obj as EndpointSlice),
  validate: (obj, ctx) => (isUpdate('EndpointSlice', obj, ctx) ? [] : validateEndpointSlice(obj as EndpointSlice)),
  validateUpdate: (obj, old) => validateEndpointSliceUpdate(obj as EndpointSlice, old as EndpointSlice),
  defaultPropagation: 'Background',
}

/**
 * PodDisruptionBudget has no name rule of its own: after its spec passes, the generic registry
 * check (ValidateObjectMetaAccessor with path-segment names) runs, so "MyBudget" is accepted.
 */
function pdbErrors(pdb: PodDisruptionBudget) {
  const errs = validatePDB(pdb)
  return errs.length ? errs : validateObjectMeta(pdb.metadata!, true, nameIsPathSegment, { kubeFinalizers: false })
}

export const podDisruptionBudgetStrategy: KindStrategy = {
  prepareForCreate(obj) {
    // The status counts have no omitempty.
    ;(obj as Mutable<PodDisruptionBudget>).status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 }
  },
  validate: (obj, ctx) => (isUpdate('PodDisruptionBudget', obj, ctx) ? [] : pdbErrors(obj as PodDisruptionBudget)),
  validateUpdate: (obj, old) => [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validatePDB(obj as PodDisruptionBudget)],
  validateStatusUpdate(obj, old) {
    const s = (obj as PodDisruptionBudget).status ?? ({} as NonNullable<PodDisruptionBudget['status']>)
    const errs = validateObjectMetaUpdate(obj.metadata, old.metadata)
    for (const f of ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods'] as const) {
      if ((s[f] ?? 0) < 0) errs.push(fieldError.invalid(`status.${f}`, s[f], 'must be greater than or equal to 0'))
    }
    return errs
  },
  defaultPropagation: 'Background',
}
