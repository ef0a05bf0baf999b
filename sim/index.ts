// The public entry of the simulator: web/ and scripts import from here only.

export { createSimulation, restoreSimulation, Simulation, SAVED_STATE_VERSION } from './simulation'
export type { SimulationOptions, SettleResult, ClusterSnapshot, SavedState } from './simulation'
export type { ClusterConfig, ClusterConfigInput, NodeConfig, StorageClassConfig, Timings } from './cluster-config'
export { ApiError } from './api/errors'
export type { Kind, KindInfo } from './api/kinds'
export { KINDS, kindInfo, resolveResource } from './api/kinds'
export type * from './api/types'
