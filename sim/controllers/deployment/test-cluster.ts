// Tests only: an API server with just the Deployment and ReplicaSet controllers, where the test
// plays scheduler and kubelet (binds pods, marks them Ready, confirms deletions). Rollout steps can
// then be asserted one at a time, whatever the real kubelet's timings are.

import { Clock } from '../../core/clock'
import { Rng } from '../../core/rng'
import { rfc3339 } from '../../core/time'
import { ApiServer } from '../../api/server'
import { createStrategies } from '../../api/strategies'
import type { StrategyRegistry } from '../../api/strategy'
import type { KubeObject, Obj, Pod } from '../../api/types'
import { isPodReady, isTerminating } from '../../api/pod-util'
import { fromLabelSelector } from '../../api/selectors'
import { resolveConfig, DEFAULT_EPOCH } from '../../cluster-config'
import { EventRecorder } from '../events'
import { ControllerManager } from '../runtime'
import type { ControllerDeps } from '../deps'
import { deploymentController } from '../deployment'
import { replicaSetController } from '../replicaset'

const NODES = ['k8s-node1', 'k8s-node2']

export class TestCluster {
  readonly clock = new Clock(DEFAULT_EPOCH)
  readonly rng = new Rng(7)
  readonly api: ApiServer
  readonly events: EventRecorder
  readonly manager: ControllerManager
  private nextNode = 0

  constructor(strategies: StrategyRegistry = {}) {
    const config = resolveConfig({ seed: 7 })
    this.api = new ApiServer(this.clock, this.rng, { ...createStrategies(config), ...strategies })
    this.events = new EventRecorder(this.api, this.clock)
    this.manager = new ControllerManager({ api: this.api, clock: this.clock, rng: this.rng, seed: 7, events: this.events, config, strict: true })
    const deps = { config } as ControllerDeps
    this.manager.register(deploymentController(deps))
    this.manager.register(replicaSetController(deps))
    this.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } } as KubeObject, { actor: 'test' })
    this.manager.start()
  }

  now(): number {
    return this.clock.now()
  }

  drain(): void {
    this.manager.drain()
  }

  /** Moves time forward, firing controller timers on the way. */
  tick(ms: number): void {
    this.drain()
    this.clock.advanceTo(this.clock.now() + ms, () => this.manager.drain())
    this.drain()
  }

  create<T>(obj: T): T {
    const out = this.api.create(obj, { actor: 'kubectl' })
    this.drain()
    return out
  }

  /** Edits the stored Deployment as `kubectl edit` would. */
  editDeployment(name: string, edit: (d: Obj<'Deployment'>) => Obj<'Deployment'>): void {
    const d = this.api.read('Deployment', 'default', name)
    this.api.update(edit(structuredClone(d) as Obj<'Deployment'>), { actor: 'kubectl' })
    this.drain()
  }

  deletePod(name: string): void {
    this.api.delete('Pod', 'default', name, { actor: 'kubectl' })
    this.drain()
  }

  pods(selector?: Record<string, string>): Obj<'Pod'>[] {
    return this.api.list('Pod', { namespace: 'default', selector: selector ? fromLabelSelector({ matchLabels: selector }) : undefined })
  }

  replicaSets(): Obj<'ReplicaSet'>[] {
    return this.api.list('ReplicaSet', { namespace: 'default' })
  }

  /** Scheduler stand-in: binds an unscheduled pod, to the nodes in turn. */
  schedule(pod: Pod, node?: string): void {
    this.api.bind('default', pod.metadata!.name!, node ?? NODES[this.nextNode++ % NODES.length], { actor: 'default-scheduler' })
  }

  /** Kubelet stand-in: the pod runs and passes its readiness probe now. */
  makeReady(pod: Pod): void {
    const cur = this.api.read('Pod', 'default', pod.metadata!.name!)
    if (!cur.spec?.nodeName) this.schedule(cur)
    const t = rfc3339(this.now())
    const fresh = this.api.read('Pod', 'default', pod.metadata!.name!)
    const status = {
      ...(fresh.status ?? {}),
      phase: 'Running',
      conditions: [
        { type: 'PodScheduled', status: 'True', lastTransitionTime: t },
        { type: 'Ready', status: 'True', lastTransitionTime: t },
      ],
    }
    this.api.updateStatus({ ...fresh, status }, { actor: 'kubelet' })
  }

  /** Kubelet stand-in: the pod's containers exited with an error (phase Failed). */
  fail(pod: Pod): void {
    const fresh = this.api.read('Pod', 'default', pod.metadata!.name!)
    if (!fresh.spec?.nodeName) this.schedule(fresh)
    const cur = this.api.read('Pod', 'default', pod.metadata!.name!)
    this.api.updateStatus({ ...cur, status: { ...(cur.status ?? {}), phase: 'Failed' } }, { actor: 'kubelet' })
    this.drain()
  }

  /** Every live pod not yet Ready becomes Ready; then controllers react. */
  readyAll(): number {
    let n = 0
    for (const p of this.pods()) {
      if (isTerminating(p) || isPodReady(p as Pod) || p.status?.phase === 'Failed') continue
      this.makeReady(p as Pod)
      n++
    }
    this.drain()
    return n
  }

  /** Kubelet stand-in: terminating pods are confirmed gone. */
  finishTerminating(): number {
    let n = 0
    for (const p of this.pods()) {
      if (!isTerminating(p)) continue
      this.api.delete('Pod', 'default', p.metadata.name!, { actor: 'kubelet', gracePeriodSeconds: 0 })
      n++
    }
    this.drain()
    return n
  }

  /** Runs the stand-ins until nothing is left to do: the rollout finishes. */
  converge(limit = 100): void {
    for (let i = 0; i < limit; i++) if (this.readyAll() + this.finishTerminating() === 0) return
    throw new Error('cluster did not converge')
  }

  /** Messages of the events recorded about one object, oldest first. */
  eventsFor(kind: string, name: string): string[] {
    return this.api
      .list('Event', { namespace: 'default' })
      .filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name)
      .map((e) => `${e.reason}: ${e.message}`)
  }
}

/** A Deployment manifest as a student writes it (no defaults filled in). */
export function deploymentManifest(name: string, replicas: number, image = 'nginx:1.27', extra: Record<string, unknown> = {}): Obj<'Deployment'> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image }] } },
      ...extra,
    },
  } as Obj<'Deployment'>
}
