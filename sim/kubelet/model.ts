// What the kubelet remembers about each pod on its node: a mirror of the status it reports (so a
// restarted kubelet, or a restored session, rebuilds it from the pod's status) plus the bookkeeping of
// its pod worker, probe workers and back-off (which a real kubelet also loses when it restarts).

import type { PullResult } from '../images/types'
import type { BackoffEntry } from './backoff'

export type WaitingReason =
  | 'ContainerCreating'
  | 'PodInitializing'
  | 'ErrImagePull'
  | 'ImagePullBackOff'
  | 'InvalidImageName'
  | 'ErrImageNeverPull'
  | 'CreateContainerConfigError'
  | 'CrashLoopBackOff'
  | 'RunContainerError'

export interface Terminated {
  exitCode: number
  reason: string
  message?: string
  /** Virtual ms; 0 for a container that never started (StartError reports Go's zero time, 1970-01-01). */
  startedAt: number
  finishedAt: number
  containerId: string
}

export type ContainerState =
  | { kind: 'waiting'; reason: WaitingReason; message?: string }
  | { kind: 'running'; containerId: string; startedAt: number }
  | { kind: 'terminated'; term: Terminated }

/** One image pull in the node's serial puller. */
export interface PullJob {
  /** The image as the pod spec says it. */
  image: string
  requestedAt: number
  startAt: number
  endAt: number
  result: PullResult
}

/** Stopping a container: Killing event at `startedAt`, preStop until `sigtermAt`, exit at `exitAt`. */
export interface KillPlan {
  reason: 'delete' | 'liveness' | 'startup' | 'changed'
  startedAt: number
  sigtermAt: number
  exitAt: number
  exitCode: number
  sigtermSent: boolean
}

export type ProbeType = 'startup' | 'readiness' | 'liveness'

/** The kubelet's probe worker for one container and probe type (prober/worker.go). */
export interface ProbeWorker {
  type: ProbeType
  /** The ticker's phase: the worker sleeps a random part of the period before its first tick. */
  offsetMs: number
  /** worker.resultRun and worker.lastResult: consecutive identical results. */
  run: number
  last?: boolean
  /** What the kubelet acts on. Readiness starts failed, liveness succeeded, startup unknown. */
  result: 'success' | 'failure' | 'unknown'
  /** After a liveness or startup failure the worker stops until it sees a new container. */
  onHold: boolean
  /** When the last probe ran. */
  lastAt?: number
  /** Readiness is probed once right after the container starts (prober_manager UpdatePodStatus). */
  manualAt?: number
}

export interface ContainerRecord {
  name: string
  init: boolean
  state: ContainerState
  lastTerminated?: Terminated
  restartCount: number
  /** containerd's name and digest of the image the current/last container was created from. */
  image?: { name: string; id: string }
  /** The current or last container of this spec container. */
  containerId?: string
  started: boolean
  ready: boolean

  // ---- pod worker bookkeeping
  /** When this container's first start attempt of the pod's life ended (started or failed). */
  attemptedAt?: number
  /** A start attempt (image check, pull) is due at this time. */
  attemptAt?: number
  pull?: PullJob
  /** The image is on the node: create and start at imageReadyAt + the create delay. */
  imageReadyAt?: number
  /** When the last error or exit was reported; the pod worker re-syncs shortly after. */
  errorAt?: number
  /**
   * The kubelet itself stopped the container to restart it (liveness, startup, changed spec): it
   * starts it again in the same sync, so no status shows it stopped in between.
   */
  restartNow?: boolean
  pullBackoff?: BackoffEntry
  /** The image the pull back-off (and any image error) is about: the kubelet keys it by pod and image. */
  failedImage?: string
  crashBackoff?: BackoffEntry
  /** The image the spec named when the current container was created (a change restarts it). */
  specImage?: string
  /** Pull attempts so far (keys the timing of each). */
  pulls: number
  probes: Partial<Record<ProbeType, ProbeWorker>>
  /** What the container's probes could see after the last one ran (what the probes change themselves is no news). */
  probeFingerprint?: string
  kill?: KillPlan
  /**
   * A start, or a process's own end, no PLEG relist has seen yet: until `until` the status shows
   * `before` (the container as the status showed it before). See pleg.ts.
   */
  unseen?: { until: number; before: ContainerRecord }
}

export interface MountRetry {
  since: number
  /** Failed attempts so far: MountVolume.SetUp is retried after 0.5s, doubling to 2m2s. */
  attempts: number
  nextAt: number
  /** The kubelet gives up waiting after 2m3s and reports "Unable to attach or mount volumes". */
  nextTimeoutAt: number
}

export interface PodRecord {
  uid: string
  namespace: string
  name: string
  node: string
  /** When the kubelet takes the pod in (its first status write). */
  noticeAt: number
  startTime?: number
  volumesReadyAt?: number
  mount?: MountRetry
  sandbox?: { ip: string; at: number }
  /** Init containers first, in spec order, then the containers in spec order. */
  containers: ContainerRecord[]
  termination?: { startedAt: number }
  /** The kubelet asked the API server to remove the pod. */
  removed?: boolean
  /** resourceVersions of the ConfigMaps/Secrets last copied into the pod's volumes. */
  volumeSources?: string
  /** The volume store ids that go away with the pod (emptyDirs, ConfigMap/Secret copies). */
  scopedVolumes: string[]
  /**
   * The stored pod whose status is what the kubelet reports for it (and the host IP it was built
   * with); cleared whenever a step runs. Lets a sync with nothing new skip building the status.
   */
  reported?: { pod: object; hostIP: string }
  /**
   * The last status found to be the report (written, or already stored), with the spec, host IP and
   * statusKey it was built from. Kept across steps: a step that changed nothing the status shows
   * leaves the key as it was, and the status need not be built again.
   */
  lastReport?: { status: object | undefined; spec: object | undefined; hostIP: string; key: string }
}
