// The per-kind strategies the API server uses, built explicitly (no registration by import). Every
// kind of the simulated cluster gets one: defaulting, admission, validation, deletion behaviour.

import type { ClusterConfig } from '../../cluster-config'
import type { StrategyRegistry } from '../strategy'
import { createPodStrategy } from './pod'
import { namespaceStrategy } from './namespace'
import { persistentVolumeClaimStrategy, persistentVolumeStrategy, storageClassStrategy } from './storage'
import { createStatefulSetStrategy } from './statefulset'
import { controllerRevisionStrategy, deploymentStrategy, replicaSetStrategy } from './apps'
import { createServiceStrategy } from './service'
import {
  configMapStrategy,
  endpointSliceStrategy,
  endpointsStrategy,
  eventStrategy,
  nodeStrategy,
  podDisruptionBudgetStrategy,
  secretStrategy,
  serviceAccountStrategy,
} from './core-misc'

export function createStrategies(config: ClusterConfig): StrategyRegistry {
  return {
    Namespace: namespaceStrategy,
    Node: nodeStrategy,
    Pod: createPodStrategy({ admission: { defaultTolerationSeconds: Math.round(config.timings.defaultTolerationMs / 1000) } }),
    Service: createServiceStrategy(config.serviceCIDR),
    Endpoints: endpointsStrategy,
    EndpointSlice: endpointSliceStrategy,
    StatefulSet: createStatefulSetStrategy({ maxUnavailableStatefulSet: config.featureGates.MaxUnavailableStatefulSet }),
    ControllerRevision: controllerRevisionStrategy,
    Deployment: deploymentStrategy,
    ReplicaSet: replicaSetStrategy,
    PersistentVolume: persistentVolumeStrategy,
    PersistentVolumeClaim: persistentVolumeClaimStrategy,
    StorageClass: storageClassStrategy,
    ConfigMap: configMapStrategy,
    Secret: secretStrategy,
    ServiceAccount: serviceAccountStrategy,
    PodDisruptionBudget: podDisruptionBudgetStrategy,
    Event: eventStrategy,
  }
}
