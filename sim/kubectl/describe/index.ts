// The describers by kind (describe.go describerMap; ControllerRevision and Event have none there and
// get the generic describer). A describer reads the object and what it relates to through the API
// server, as kubectl's do, and returns describe's text; it throws the server's NotFound when the
// object is gone.

import type { Kind } from '../../api/kinds'
import { describeConfigMap, describeNamespace, describePodDisruptionBudget, describeSecret, describeServiceAccount } from './config'
import type { DescribeContext } from './context'
import { describeGeneric } from './generic'
import { describeEndpoints, describeEndpointSlice, describeService } from './network'
import { describeNode } from './node'
import { describePodByName } from './pod'
import { describeStatefulSet } from './statefulset'
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage'
import { describeDeployment, describeReplicaSet } from './workloads'

export type Describer = (ctx: DescribeContext, namespace: string, name: string) => string

const DESCRIBERS: Record<Kind, Describer> = {
  Namespace: describeNamespace,
  Node: describeNode,
  Pod: describePodByName,
  Service: describeService,
  Endpoints: describeEndpoints,
  EndpointSlice: describeEndpointSlice,
  StatefulSet: describeStatefulSet,
  ControllerRevision: describeGeneric('ControllerRevision'),
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  PersistentVolume: describePersistentVolume,
  PersistentVolumeClaim: describePersistentVolumeClaim,
  StorageClass: describeStorageClass,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
  ServiceAccount: describeServiceAccount,
  PodDisruptionBudget: describePodDisruptionBudget,
  Event: describeGeneric('Event'),
}

export function describerFor(kind: Kind): Describer {
  return DESCRIBERS[kind]
}

export type { DescribeContext, NodeLease } from './context'
export { describePodTemplate } from './pod-template'
export { rawWriter, tabbed, type DescribeWriter } from './writer'
