// The container runtime's vocabulary: what the kubelet hands over when it creates sandboxes and
// containers (what a CRI call would carry), and what the public side answers.

import type { Clock } from '../core/clock'
import type { Container } from '../api/types'
import type { HttpResponse, ImageRegistry, KnownImage, ProcessPlan } from '../images/types'
import type { NodeHealth } from '../node-health'
import type { VolumeStore } from '../storage/volume-store'
import type { MountedFs } from './container-fs'
import type { DnsToolEnv } from '../dns/tools/env'

export interface RuntimeDeps {
  volumes: VolumeStore
  /** Which images exist and what they do (sim/images); simulation.ts wires the real registry. */
  images?: ImageRegistry
  /** Virtual time for file times, log lines and ContainerEnv.now(). */
  clock?: Clock
  /** A pod on a node whose cable is pulled does not answer. */
  nodeHealth?: NodeHealth
  /**
   * The cluster DNS as a container's tools reach it (simulation.ts wires sim/dns): for the container
   * `where`, with its own resolv.conf and hosts files, at `now`.
   */
  dns?(where: { namespace: string; pod: string; container: string; image: string }, files: { resolvConf?: string; hosts?: string }, now: number): DnsToolEnv
}

/** A mount as the kubelet hands it to the runtime: a volume of the volume store, or a part of it. */
export interface MountSpec {
  path: string
  volumeId: string
  subPath: string
  readOnly: boolean
  file?: boolean
}

export interface SandboxSpec {
  uid: string
  namespace: string
  name: string
  node: string
  ip: string
  hostname: string
  fqdn: string
  /** The node's bridge address: where probes and node-local clients come from. */
  gateway: string
  /** The container `kubectl exec`/`logs` pick without -c (the first one in the spec). */
  defaultContainer: string
}

export interface CreateContainerSpec {
  podUid: string
  id: string
  restartCount: number
  spec: Container
  image: KnownImage
  env: Record<string, string>
  mounts: readonly MountSpec[]
}

export type ContainerPhase = 'created' | 'running' | 'exited'

export interface RuntimeContainer {
  readonly id: string
  readonly podUid: string
  readonly name: string
  readonly restartCount: number
  readonly spec: Container
  readonly image: KnownImage
  readonly envVars: Readonly<Record<string, string>>
  readonly fs: MountedFs
  phase: ContainerPhase
  startedAt?: number
  finishedAt?: number
  exitCode?: number
  plan?: ProcessPlan
  /** Bumped by every request or exec the behaviour answers (it may keep state of its own). */
  activity: number
}


export type LookupFailure = 'PodNotFound' | 'ContainerNotFound' | 'ContainerNotRunning' | 'NodeUnreachable'

export type RuntimeResult<T> = { ok: true; value: T } | { ok: false; reason: LookupFailure; message: string }

/** What a TCP client sees: an answer, a refused connection (nothing listens), or no route at all. */
export type HttpOutcome =
  | { kind: 'response'; response: HttpResponse }
  | { kind: 'refused'; message: string }
  | { kind: 'unreachable'; message: string }

/**
 * A running container as containerd keeps it across a kubelet restart (a restored session): the
 * kubelet finds it again even when no status reported it yet (a start no relist had seen).
 */
export interface SurvivingContainer {
  podUid: string
  /** The pod sandbox's IP (a first start may be saved before any status showed it). */
  ip: string
  name: string
  id: string
  restartCount: number
  startedAt: number
}

export function containerLayerId(containerId: string): string {
  return `container/${containerId}`
}

export function podFilesId(podUid: string): string {
  return `podfiles/${podUid}`
}
