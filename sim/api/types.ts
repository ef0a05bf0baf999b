// Object types. The shapes are upstream's (kubernetes-types, generated from the OpenAPI of 1.30; the
// fields a StatefulSet lesson touches have not changed since). Objects are plain JSON: what the store
// holds is exactly what `kubectl get -o json` prints.

import type { ObjectMeta as K8sObjectMeta, OwnerReference, LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1'
import type {
  Namespace,
  Node,
  Pod,
  PodSpec,
  PodTemplateSpec,
  Container,
  ContainerStatus,
  PodCondition,
  Service,
  Endpoints,
  PersistentVolume,
  PersistentVolumeClaim,
  ConfigMap,
  Secret,
  ServiceAccount,
  Event,
  Taint,
  Toleration,
  Volume,
} from 'kubernetes-types/core/v1'
import type { StatefulSet, StatefulSetStatus, StatefulSetSpec, ControllerRevision, Deployment, ReplicaSet } from 'kubernetes-types/apps/v1'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1'
import type { StorageClass } from 'kubernetes-types/storage/v1'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1'
import type { Kind } from './kinds'

export type {
  OwnerReference,
  LabelSelector,
  LabelSelectorRequirement,
  Namespace,
  Node,
  Pod,
  PodSpec,
  PodTemplateSpec,
  Container,
  ContainerStatus,
  PodCondition,
  Service,
  Endpoints,
  PersistentVolume,
  PersistentVolumeClaim,
  ConfigMap,
  Secret,
  ServiceAccount,
  Event,
  Taint,
  Toleration,
  Volume,
  StatefulSet,
  StatefulSetStatus,
  StatefulSetSpec,
  ControllerRevision,
  Deployment,
  ReplicaSet,
  EndpointSlice,
  StorageClass,
  PodDisruptionBudget,
}

type Mutable<T> = { -readonly [P in keyof T]: T[P] }

/** ObjectMeta without upstream's readonly markers: the server itself writes uid, generation, ... */
export type ObjectMeta = Mutable<K8sObjectMeta>

/** Any object the server stores: apiVersion, kind and metadata are always set once stored. */
export interface KubeObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta
  spec?: unknown
  status?: unknown
}

export interface KindMap {
  Namespace: Namespace
  Node: Node
  Pod: Pod
  Service: Service
  Endpoints: Endpoints
  EndpointSlice: EndpointSlice
  StatefulSet: StatefulSet
  ControllerRevision: ControllerRevision
  Deployment: Deployment
  ReplicaSet: ReplicaSet
  PersistentVolume: PersistentVolume
  PersistentVolumeClaim: PersistentVolumeClaim
  StorageClass: StorageClass
  ConfigMap: ConfigMap
  Secret: Secret
  ServiceAccount: ServiceAccount
  PodDisruptionBudget: PodDisruptionBudget
  Event: Event
}

/** A stored object of kind K: apiVersion, kind and metadata are always present. */
export type Obj<K extends Kind> = Omit<KindMap[K], 'metadata' | 'apiVersion' | 'kind'> & {
  apiVersion: NonNullable<KindMap[K]['apiVersion']>
  kind: NonNullable<KindMap[K]['kind']>
  metadata: ObjectMeta
}

/** Identifies one object. `namespace` is '' for cluster-scoped kinds. */
export interface ObjectRef {
  kind: Kind
  namespace: string
  name: string
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED'

export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: WatchEventType
  kind: Kind
  object: T
  /** The object before a MODIFIED or DELETED event (undefined for ADDED). */
  old?: T
}

/** Who wrote: 'kubectl' for the student, or a component (`statefulset-controller`, `kubelet`, ...). */
export type Actor = string

export interface AuditEntry {
  at: number
  actor: Actor
  verb: 'create' | 'update' | 'patch' | 'delete' | 'status'
  ref: ObjectRef
  /** Set when the write was rejected: the reason the server gave (Invalid, NotFound, ...). */
  error?: string
}

/** Strips readonly markers (kubernetes-types marks status and server-set metadata readonly). */
export type Writable<T> = { -readonly [P in keyof T]: T[P] }

/** A view of an object under construction that strategies and the server may fill in. */
export function writable<T>(obj: T): Writable<T> {
  return obj as Writable<T>
}
