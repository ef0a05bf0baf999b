// Wires the simulated cluster: clock, rng, API server, event recorder, controllers, kubelet and the
// container runtime. Nothing here decides behaviour; it only builds the parts and moves time.

import { Clock } from './core/clock'
import { Rng } from './core/rng'
import { ApiServer } from './api/server'
import type { Kind } from './api/kinds'
import { KINDS } from './api/kinds'
import type { KubeObject } from './api/types'
import { createStrategies } from './api/strategies'
import { EventRecorder } from './controllers/events'
import { ControllerManager } from './controllers/runtime'
import { resolveConfig, type ClusterConfig, type ClusterConfigInput } from './cluster-config'
import { registerControllers } from './controllers'
import { bootstrapCluster } from './bootstrap'
import { VolumeStore } from './storage/volume-store'
import { NodeHealth, type NodeOutage } from './node-health'
import { ContainerRuntime, type SurvivingContainer } from './kubelet/runtime'
import type { ApplyResult } from './manifest-apply'
import type { Obj } from './api/types'
import { createImageRegistry } from './images/registry'
import { toolEnv } from './dns/commands'

export interface SimulationOptions extends ClusterConfigInput {
  /** Throw programming errors from controllers (tests) instead of recording them. */
  strict?: boolean
}

export interface SettleResult {
  settled: boolean
  /** Virtual ms that passed. */
  elapsedMs: number
  /** Keys of the foreground timers still pending when the budget ran out (empty when settled). */
  pending: string[]
}

export class SettleBudgetError extends Error {
  constructor(
    readonly budgetMs: number,
    readonly pending: readonly string[],
  ) {
    const shown = pending.slice(0, 10).join(', ') + (pending.length > 10 ? `, … (${pending.length} in all)` : '')
    super(`settle: the cluster was still busy after ${budgetMs / 1000}s of simulated time; stuck: ${shown}`)
    this.name = 'SettleBudgetError'
  }
}

/** An immutable, JSON-plain picture of the cluster for the UI and for lab checks. */
export interface ClusterSnapshot {
  now: number
  resourceVersion: string
  objects: Readonly<Record<Kind, readonly KubeObject[]>>
}

export const SAVED_STATE_VERSION = 1

/** How long the freshly created cluster may take to come up before time jumps to the epoch. */
const BOOT_SETTLE_MS = 10 * 60 * 1000

export interface SavedState {
  version: number
  now: number
  rng: number
  resourceVersion: number
  objects: KubeObject[]
  volumes: ReturnType<VolumeStore['export']>
  nodeOutages: NodeOutage[]
  config: ClusterConfig
  /** The runtime's running containers (containerd outlives a kubelet restart); absent in older saves. */
  containers?: SurvivingContainer[]
}

export class Simulation {
  readonly config: ClusterConfig
  readonly clock: Clock
  readonly rng: Rng
  readonly api: ApiServer
  readonly events: EventRecorder
  readonly controllers: ControllerManager
  readonly volumes: VolumeStore
  readonly nodeHealth: NodeHealth
  readonly runtime: ContainerRuntime
  private listeners = new Set<() => void>()
  private lastNotifiedRv = ''
  private snap: ClusterSnapshot | undefined
  /** Each kind's list in the last snapshot, and the kind's write count it was taken at. */
  private lists = new Map<Kind, { writes: number; list: readonly KubeObject[] }>()

  constructor(opts: SimulationOptions = {}) {
    const { strict, ...configInput } = opts
    this.config = resolveConfig(configInput)
    this.clock = new Clock(this.config.epoch - this.config.clusterAgeMs)
    this.rng = new Rng(this.config.seed)
    this.api = new ApiServer(this.clock, this.rng, createStrategies(this.config))
    this.events = new EventRecorder(this.api, this.clock)
    this.volumes = new VolumeStore()
    this.nodeHealth = new NodeHealth()
    this.runtime = new ContainerRuntime({
      volumes: this.volumes,
      clock: this.clock,
      nodeHealth: this.nodeHealth,
      images: createImageRegistry(),
      dns: (where, files, now) => toolEnv(this, where, files, now),
    })
    this.controllers = new ControllerManager({
      api: this.api,
      clock: this.clock,
      rng: this.rng,
      seed: this.config.seed,
      events: this.events,
      config: this.config,
      strict: strict ?? false,
    })
    registerControllers(this.controllers, { config: this.config, volumes: this.volumes, nodeHealth: this.nodeHealth, runtime: this.runtime, strict: strict ?? false })
  }

  /** Builds the initial cluster, lets it come up, and moves the clock to the epoch. */
  boot(): this {
    bootstrapCluster(this.api, this.config)
    this.controllers.start()
    // The cluster comes up when it was created (system pods get their real age), then time jumps
    // to the epoch: what would have repeated in between (probes, heartbeats) runs once, at the epoch.
    this.drain()
    this.settle({ maxMs: BOOT_SETTLE_MS, allowUnsettled: true })
    this.clock.jumpTo(this.config.epoch)
    this.clock.advanceTo(this.config.epoch, () => this.controllers.drain())
    this.drain()
    this.notify()
    return this
  }

  now(): number {
    return this.clock.now()
  }

  /** Runs the work that is due now, without moving time (after a command, say). */
  drain(): void {
    this.controllers.drain()
  }

  /** Moves virtual time forward by `ms`, firing every timer on the way (the UI's animation loop). */
  tick(ms: number): void {
    this.drain()
    this.clock.advanceTo(this.clock.now() + Math.max(0, ms), () => this.controllers.drain())
    this.drain()
    this.notify()
  }

  /**
   * Lets the cluster finish reacting: fires timers in order until only background timers (periodic
   * probes that will not change anything, back-off waits, event expiry) remain. Running past `maxMs`
   * of virtual time is a bug (something keeps scheduling real work): it throws SettleBudgetError
   * naming the timer keys still pending, unless `allowUnsettled` asks for the result instead.
   */
  settle(opts: number | { maxMs?: number; allowUnsettled?: boolean } = {}): SettleResult {
    const { maxMs = 3_600_000, allowUnsettled = false } = typeof opts === 'number' ? { maxMs: opts } : opts
    const start = this.clock.now()
    this.drain()
    let settled = true
    while (this.clock.hasForegroundTimers()) {
      const next = this.clock.nextAt()
      if (next === undefined) break
      if (next - start > maxMs) {
        settled = false
        this.clock.advanceTo(start + maxMs, () => this.controllers.drain())
        break
      }
      this.clock.fireNext()
      this.controllers.drain()
    }
    this.notify()
    const pending = settled ? [] : this.clock.pending().filter((t) => !t.background).map((t) => t.key ?? '(unkeyed timer)')
    if (!settled && !allowUnsettled) throw new SettleBudgetError(maxMs, pending)
    return { settled, elapsedMs: this.clock.now() - start, pending }
  }

  /** Advances by `ms` (like `sleep`), then reports. */
  advance(ms: number): void {
    this.tick(ms)
  }

  /**
   * Pulls a node's network cable: its kubelet stops acting and reporting. The node goes NotReady
   * after the node monitor grace period, and its pods are not replaced until force-deleted.
   */
  failNode(name: string): void {
    if (!this.api.get('Node', '', name)) throw new Error(`node "${name}" not found`)
    this.nodeHealth.fail(name, this.clock.now())
    this.drain()
    this.notify()
  }

  /** Plugs the cable back in: the kubelet reports again and catches up with what happened. */
  restoreNode(name: string): void {
    if (!this.api.get('Node', '', name)) throw new Error(`node "${name}" not found`)
    this.nodeHealth.restore(name)
    this.drain()
    this.notify()
  }

  /** Applies a (multi-document) manifest as `kubectl apply -f -` would: per-object outcomes or kubectl's errors. */
  async apply(yamlText: string, opts: { namespace?: string } = {}): Promise<ApplyResult> {
    const { applyManifest } = await import('./manifest-apply')
    return applyManifest(this, yamlText, opts)
  }

  /** One object, or undefined. Cluster-scoped kinds take namespace ''. */
  get<K extends Kind>(kind: K, namespace: string, name: string): Obj<K> | undefined {
    return this.api.get(kind, namespace, name)
  }

  /** Objects of a kind (in a namespace, or all), in the API server's order. */
  list<K extends Kind>(kind: K, namespace?: string): Obj<K>[] {
    return this.api.list(kind, namespace === undefined ? {} : { namespace })
  }

  snapshot(): ClusterSnapshot {
    const rv = this.api.resourceVersion()
    if (this.snap && this.snap.resourceVersion === rv && this.snap.now === this.clock.now()) return this.snap
    const objects = {} as Record<Kind, readonly KubeObject[]>
    // A kind nobody wrote since the last snapshot keeps its list (the same array): the UI redraws from
    // what changed, and listing every kind on every frame cost as much as the frame's own work.
    for (const k of KINDS) {
      const writes = this.api.writesTo(k.kind)
      const kept = this.lists.get(k.kind)
      if (kept && kept.writes === writes) objects[k.kind] = kept.list
      else {
        objects[k.kind] = Object.freeze(this.api.list(k.kind))
        this.lists.set(k.kind, { writes, list: objects[k.kind] })
      }
    }
    this.snap = Object.freeze({ now: this.clock.now(), resourceVersion: rv, objects: Object.freeze(objects) })
    return this.snap
  }

  /** Called after tick/settle/drain-and-notify when anything changed. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  notify(): void {
    const rv = this.api.resourceVersion()
    if (rv === this.lastNotifiedRv) return
    this.lastNotifiedRv = rv
    for (const l of this.listeners) l()
  }

  exportState(): SavedState {
    return {
      version: SAVED_STATE_VERSION,
      now: this.clock.now(),
      rng: this.rng.state(),
      resourceVersion: this.api.resourceVersionCounter(),
      objects: this.api.allObjects(),
      volumes: this.volumes.export(),
      nodeOutages: this.nodeHealth.outages(),
      config: this.config,
      containers: this.runtime.running(),
    }
  }
}

/** Creates and boots a simulation. */
export function createSimulation(opts: SimulationOptions = {}): Simulation {
  return new Simulation(opts).boot()
}

/** Restores a saved session; controllers re-derive their timers from the objects (level-triggered). */
export function restoreSimulation(state: SavedState, opts: { strict?: boolean } = {}): Simulation {
  const sim = new Simulation({ ...state.config, epoch: state.now, clusterAgeMs: 0, strict: opts.strict })
  sim.api.restore(state.objects, state.resourceVersion)
  sim.events.restore()
  sim.rng.restore(state.rng)
  sim.volumes.import(state.volumes)
  sim.nodeHealth.load(state.nodeOutages ?? [])
  sim.runtime.survive(state.containers)
  sim.controllers.start()
  sim.drain()
  return sim
}
