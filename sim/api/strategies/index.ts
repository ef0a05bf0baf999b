// The per-kind strategies the API server uses, built explicitly (no registration by import).

import type { ClusterConfig } from '../../cluster-config'
import type { StrategyRegistry } from '../strategy'
import { podStrategy } from './pod'
import { namespaceStrategy } from './namespace'
import { persistentVolumeClaimStrategy, persistentVolumeStrategy, storageClassStrategy } from './storage'

export function createStrategies(_config: ClusterConfig): StrategyRegistry {
  return {
    Pod: podStrategy,
    Namespace: namespaceStrategy,
    PersistentVolumeClaim: persistentVolumeClaimStrategy,
    PersistentVolume: persistentVolumeStrategy,
    StorageClass: storageClassStrategy,
  }
}
