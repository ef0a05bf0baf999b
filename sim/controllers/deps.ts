// What controllers are built with, besides the context every reconcile gets.

import type { ClusterConfig } from '../cluster-config'
import type { VolumeStore } from '../storage/volume-store'
import type { NodeHealth } from '../node-health'
import type { ContainerRuntime } from '../kubelet/runtime'

export interface ControllerDeps {
  config: ClusterConfig
  volumes: VolumeStore
  nodeHealth: NodeHealth
  runtime: ContainerRuntime
  /** Tests: controllers that keep their own tables of watched objects check them against the store. */
  strict?: boolean
}
