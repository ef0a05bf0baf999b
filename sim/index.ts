// The public entry of the simulator: web/ and scripts import from here only.

export { createSimulation, restoreSimulation, Simulation, SettleBudgetError, SAVED_STATE_VERSION } from './simulation'
export type { SimulationOptions, SettleResult, ClusterSnapshot, SavedState } from './simulation'
export type { ClusterConfig, ClusterConfigInput, NodeConfig, StorageClassConfig, Timings } from './cluster-config'
export { ApiError } from './api/errors'
export type { Kind, KindInfo } from './api/kinds'
export { KINDS, kindInfo, resolveResource } from './api/kinds'
export type * from './api/types'
export { createLabShell, labCommands } from './lab-shell'
export { createHostFs } from './shell/host'
export type { HostShell, HostShellOptions } from './shell/host'
export type { ShellSession, TimeControl, CancelToken, EditorHook, Command, CommandContext } from './shell/types'
export { headlessTime } from './shell/headless-time'
export { MemFs } from './storage/memfs'
// The manifest decoder kubectl uses (YAMLReader + go-yaml): the editor shows its errors as markers.
export { decodeStream } from './kubectl/manifest/stream'
export type { DecodedStream } from './kubectl/manifest/stream'
export * from './shell'
