// What the cluster view draws, derived from one ClusterSnapshot (buildClusterView). Plain data, no
// React: every piece keeps its identity while the objects it comes from are unchanged, so the
// components can skip re-rendering it (React.memo) when a 100-pod StatefulSet changes one pod.
//
// Nothing here depends on the clock: ages and "5s ago" are formatted by the components from the
// timestamps kept here, so a tick of the simulated clock does not rebuild the view.

import type { Kind } from '../../../sim'

/** What actions.select takes: cluster-scoped objects have namespace ''. */
export interface ObjectRef {
  kind: Kind
  namespace: string
  name: string
}

/**
 * Where a pod is in its life, for colour and animation. The text shown is always kubectl's STATUS
 * cell (PodView.status); the stage only groups those texts.
 */
export type PodStage = 'pending' | 'creating' | 'running' | 'ready' | 'terminating' | 'succeeded' | 'error' | 'unknown'

export interface ClaimView {
  key: string
  ref: ObjectRef
  name: string
  /** Pending, Bound, Lost; 'Terminating' while deleted but held by a finalizer. */
  phase: string
  /** The bound PersistentVolume (spec.volumeName), once bound. */
  volume?: string
  volumeRef?: ObjectRef
  volumePhase?: string
  /** The node the volume is pinned to (a local-path PV's nodeAffinity kubernetes.io/hostname). */
  volumeNode?: string
  /** status.capacity.storage, else what the claim requests. */
  capacity?: string
  storageClass?: string
}

export interface PodView {
  key: string
  ref: ObjectRef
  name: string
  /** The StatefulSet ordinal (the `apps.kubernetes.io/pod-index` label, else the name's suffix). */
  ordinal?: number
  /** kubectl's STATUS cell: Pending, ContainerCreating, Running, Terminating, CrashLoopBackOff... */
  status: string
  stage: PodStage
  /** kubectl's READY cell, `1/1`. */
  ready: string
  /** The pod's Ready condition is True. */
  isReady: boolean
  restarts: number
  /** When a container last terminated (ms), for "N (5s ago)". */
  lastRestartAt?: number
  node?: string
  ip?: string
  /** The `controller-revision-hash` label (StatefulSet and its ControllerRevision). */
  revision?: string
  /** The `pod-template-hash` label (Deployment pods). */
  templateHash?: string
  claims: readonly ClaimView[]
  createdAt?: number
  resourceVersion: string
}

/** A revision of a StatefulSet's template: its ControllerRevision and its `.revision` number. */
export interface RevisionView {
  hash: string
  number?: number
  /** A stable palette index (the revision number), so a rollback shows the old colour again. */
  colour: number
}

export type Slot =
  /** A pod that exists. `condemned`: its ordinal is outside [start, start+replicas) (scaling down). */
  | { type: 'pod'; ordinal: number; pod: PodView; condemned: boolean; isUpdate: boolean }
  /** An ordinal the StatefulSet wants but has no pod yet (OrderedReady creates them one by one). */
  | { type: 'ghost'; ordinal: number; claims: readonly ClaimView[] }

export interface StatefulSetView {
  key: string
  ref: ObjectRef
  name: string
  replicas: number
  readyReplicas: number
  currentReplicas: number
  updatedReplicas: number
  podManagementPolicy: string
  updateStrategy: string
  partition?: number
  serviceName?: string
  ordinalsStart: number
  current?: RevisionView
  update?: RevisionView
  /** updateRevision differs from currentRevision: a rolling update is under way (or paused). */
  rolling: boolean
  slots: readonly Slot[]
  /** Claims of ordinals the set no longer has (kept by the default whenScaled: Retain). */
  retainedClaims: readonly ClaimView[]
  deleting: boolean
}

export interface DnsRecordView {
  /** `web-0.nginx.default.svc.cluster.local` */
  name: string
  ip: string
  /** The pod behind the address. */
  pod?: string
}

export interface ServiceView {
  key: string
  ref: ObjectRef
  name: string
  type: string
  headless: boolean
  clusterIP?: string
  /** `80/TCP`, `web 80/TCP`... */
  ports: readonly string[]
  selector?: string
  /** The Service's own name: `nginx.default.svc.cluster.local`. */
  fqdn: string
  /** What CoreDNS publishes for ready endpoints (headless: one name per pod). */
  records: readonly DnsRecordView[]
  readyEndpoints: number
  notReadyEndpoints: number
}

export interface ReplicaSetView {
  key: string
  ref: ObjectRef
  name: string
  /** The `deployment.kubernetes.io/revision` annotation. */
  revision?: string
  replicas: number
  readyReplicas: number
  pods: readonly PodView[]
}

export interface DeploymentView {
  key: string
  ref: ObjectRef
  name: string
  replicas: number
  readyReplicas: number
  updatedReplicas: number
  availableReplicas: number
  /** Newest revision first. */
  replicaSets: readonly ReplicaSetView[]
}

export interface NodeView {
  key: string
  ref: ObjectRef
  name: string
  /** kubectl's STATUS cell: Ready, NotReady, Ready,SchedulingDisabled, Unknown. */
  status: string
  ready: boolean
  schedulable: boolean
  roles: string
  /** Position among the nodes: the node's colour. */
  index: number
  /** Pods on the node in the namespace shown / in all namespaces. */
  pods: number
  allPods: number
}

export interface ClusterView {
  namespace: string
  /** default first, then the others in API order. */
  namespaces: readonly string[]
  nodes: readonly NodeView[]
  statefulSets: readonly StatefulSetView[]
  services: readonly ServiceView[]
  deployments: readonly DeploymentView[]
  /** ReplicaSets no Deployment owns. */
  replicaSets: readonly ReplicaSetView[]
  /** Pods no StatefulSet or ReplicaSet shown here controls. */
  pods: readonly PodView[]
  /** Claims no StatefulSet slot shows. */
  claims: readonly ClaimView[]
}

export interface EventView {
  key: string
  type: string
  reason: string
  /** `pod/web-0`, as kubectl prints the OBJECT column. */
  object: string
  involved?: ObjectRef
  /** involvedObject.uid: events of an earlier object of the same name do not belong to a new one. */
  involvedUid?: string
  /** `spec.containers{nginx}` */
  fieldPath?: string
  message: string
  count: number
  /** Last seen / first seen (ms), as `kubectl get events` works them out. */
  lastSeen?: number
  firstSeen?: number
  /** The order of recording (the hex UnixNano the event's name ends with, zero-padded). */
  order: string
  source: string
}
