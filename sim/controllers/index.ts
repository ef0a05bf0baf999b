// The controllers a simulation runs, in a fixed order (the order work is done in at one instant).

import type { ClusterConfig } from '../cluster-config'
import type { VolumeStore } from '../storage/volume-store'
import type { ControllerManager } from './runtime'
import { namespaceController } from './namespace'

export interface ControllerDeps {
  config: ClusterConfig
  volumes: VolumeStore
}

export function registerControllers(manager: ControllerManager, _deps: ControllerDeps): void {
  manager.register(namespaceController())
}
