// The pod status the kubelet reports (kubelet_pods.go generateAPIPodStatus, getPhase,
// convertToAPIContainerStatuses; status/generate.go for the conditions), built from what the kubelet
// remembers. Conditions the kubelet owns come after the others, in its order: PodReadyToStartContainers,
// Initialized, Ready, ContainersReady, PodScheduled. A condition keeps its lastTransitionTime until
// its status changes.

import type { ContainerStatus, PodCondition } from '../api/types'
import type { ContainerState as ApiContainerState, PodStatus } from 'kubernetes-types/core/v1'
import { rfc3339 } from '../core/time'
import type { ContainerRecord, ContainerState, PodRecord, Terminated } from './model'
import { containerSpec, restartPolicy, type PodObj } from './spec'
import { reportedRecord } from './pleg'

const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']

// The objects below are built field by field, in the order the API shows them, rather than with
// conditional spreads: the same objects, without a slow generic copy for every optional field.

function terminatedStatus(t: Terminated): NonNullable<ApiContainerState['terminated']> {
  const out: NonNullable<ApiContainerState['terminated']> = { containerID: `containerd://${t.containerId}`, exitCode: t.exitCode, finishedAt: rfc3339(t.finishedAt) }
  if (t.message) out.message = t.message
  out.reason = t.reason
  out.startedAt = rfc3339(t.startedAt)
  return out
}

function stateOf(c: ContainerRecord): ApiContainerState {
  switch (c.state.kind) {
    case 'waiting': {
      const waiting: NonNullable<ApiContainerState['waiting']> = {}
      if (c.state.message) waiting.message = c.state.message
      waiting.reason = c.state.reason
      return { waiting }
    }
    case 'running':
      return { running: { startedAt: rfc3339(c.state.startedAt) } }
    case 'terminated':
      return { terminated: terminatedStatus(c.state.term) }
  }
}

function containerStatus(pod: PodObj, c: ContainerRecord): ContainerStatus {
  const spec = containerSpec(pod, c)
  const out = {} as ContainerStatus
  if (c.containerId) out.containerID = `containerd://${c.containerId}`
  out.image = c.image?.name ?? spec?.image ?? ''
  out.imageID = c.image?.id ?? ''
  out.lastState = c.lastTerminated ? { terminated: terminatedStatus(c.lastTerminated) } : {}
  out.name = c.name
  out.ready = c.ready
  out.restartCount = c.restartCount
  out.started = c.started
  out.state = stateOf(c)
  const specMounts = spec?.volumeMounts
  if (c.containerId !== undefined && specMounts && specMounts.length) {
    out.volumeMounts = specMounts.map((m) => (m.readOnly ? { mountPath: m.mountPath, name: m.name, readOnly: true, recursiveReadOnly: 'Disabled' } : { mountPath: m.mountPath, name: m.name }))
  }
  return out
}

/**
 * One status per container of the spec: the kubelet's record, or for a container it has no record of
 * yet the default convertToAPIContainerStatuses starts from (waiting, ContainerCreating, or
 * PodInitializing in a pod with init containers) — a pod's first status never has an empty list.
 */
function statusesFor(pod: PodObj, rec: PodRecord, init: boolean): ContainerStatus[] {
  const specs = (init ? pod.spec?.initContainers : pod.spec?.containers) ?? []
  const reason = (pod.spec?.initContainers ?? []).length > 0 ? 'PodInitializing' : 'ContainerCreating'
  return specs.map((spec) => {
    const c = rec.containers.find((x) => !!x.init === init && x.name === spec.name)
    if (c) return containerStatus(pod, c)
    return { image: spec.image ?? '', imageID: '', lastState: {}, name: spec.name, ready: false, restartCount: 0, started: false, state: { waiting: { reason } } } as ContainerStatus
  })
}

function isDefaultWaiting(c: ContainerRecord): boolean {
  return c.state.kind === 'waiting' && (c.state.reason === 'ContainerCreating' || c.state.reason === 'PodInitializing') && c.restartCount === 0 && !c.lastTerminated
}

/**
 * The pod IP shows once the pod worker has been through its containers once: its status is taken
 * before it creates the sandbox, so a pod that is still pulling its first image shows no IP.
 */
export function sandboxShown(pod: PodObj, rec: PodRecord): boolean {
  if (!rec.sandbox) return false
  if (pod.status?.podIP) return true
  return rec.containers.some((c) => !isDefaultWaiting(c))
}

/**
 * getPhase (kubelet_pods.go), for regular init containers and containers. A pod being deleted whose
 * containers have all stopped is terminal (podIsTerminal, since 1.27, kubernetes#115331): Succeeded
 * when every container exited 0, else Failed, whatever the restart policy — so its last status before
 * it goes reads Completed or Error in `kubectl get pods -w`.
 */
export function podPhase(pod: PodObj, rec: PodRecord): 'Pending' | 'Running' | 'Succeeded' | 'Failed' {
  const policy = restartPolicy(pod)
  let pendingInit = 0
  let failedInit = 0
  for (const c of rec.containers.filter((x) => x.init)) {
    const s = c.state
    if (s.kind === 'running') pendingInit++
    else if (s.kind === 'terminated') {
      if (s.term.exitCode !== 0) failedInit++
    } else if (c.lastTerminated) {
      if (c.lastTerminated.exitCode !== 0) failedInit++
    } else pendingInit++
  }
  let running = 0
  let waiting = 0
  let stopped = 0
  let succeeded = 0
  for (const c of rec.containers.filter((x) => !x.init)) {
    const s = c.state
    if (s.kind === 'running') running++
    else if (s.kind === 'terminated') {
      stopped++
      if (s.term.exitCode === 0) succeeded++
    } else if (c.lastTerminated) stopped++
    else waiting++
  }
  if (failedInit > 0 && policy === 'Never') return 'Failed'
  if (pendingInit > 0 || waiting > 0) return 'Pending'
  if (running > 0) return 'Running'
  if (stopped > 0) {
    if (rec.termination) return stopped === succeeded ? 'Succeeded' : 'Failed'
    if (policy === 'Always') return 'Running'
    if (stopped === succeeded) return 'Succeeded'
    if (policy === 'Never') return 'Failed'
    return 'Running'
  }
  return 'Pending'
}

function list(names: string[]): string {
  return `[${names.join(' ')}]`
}

type KubeletCondition = Omit<PodCondition, 'lastTransitionTime' | 'lastProbeTime'>

function kubeletConditions(pod: PodObj, rec: PodRecord, phase: string): KubeletCondition[] {
  const inits = rec.containers.filter((c) => c.init)
  const regular = rec.containers.filter((c) => !c.init)
  const anyStarted = regular.some((c) => c.state.kind !== 'waiting' || c.lastTerminated)
  const incomplete = inits.filter((c) => !c.ready).map((c) => c.name)
  const initialized: KubeletCondition =
    phase === 'Succeeded' || anyStarted || incomplete.length === 0
      ? phase === 'Succeeded' && inits.length
        ? { type: 'Initialized', status: 'True', reason: 'PodCompleted' }
        : { type: 'Initialized', status: 'True' }
      : { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: ${list(incomplete)}` }
  let ready: KubeletCondition
  let podReady: KubeletCondition
  if (phase === 'Succeeded' || phase === 'Failed') {
    const reason = phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed'
    ready = { type: 'ContainersReady', status: 'False', reason }
    podReady = { type: 'Ready', status: 'False', reason }
  } else {
    // A container the kubelet has no record of yet is not ready (no vacuous truth on the first write).
    const known = new Map(regular.map((c) => [c.name, c]))
    const unready = (pod.spec?.containers ?? []).filter((c) => !known.get(c.name)?.ready).map((c) => c.name)
    if (unready.length) {
      const message = `containers with unready status: ${list(unready)}`
      ready = { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message }
      podReady = { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message }
    } else {
      ready = { type: 'ContainersReady', status: 'True' }
      podReady = { type: 'Ready', status: 'True' }
    }
  }
  return [{ type: 'PodReadyToStartContainers', status: sandboxShown(pod, rec) ? 'True' : 'False' }, initialized, podReady, ready, { type: 'PodScheduled', status: 'True' }]
}

/** A condition as the kubelet writes it: probe and transition times first, then the condition's own fields. */
function timedCondition(c: KubeletCondition, lastTransitionTime: string | undefined): PodCondition {
  const out = { lastProbeTime: null, lastTransitionTime, type: c.type, status: c.status } as unknown as PodCondition
  if (c.reason !== undefined) out.reason = c.reason
  if (c.message !== undefined) out.message = c.message
  return out
}

/** The last condition of this type (what a map of them by type would hold). */
function lastOfType(conditions: readonly PodCondition[], type: string): PodCondition | undefined {
  for (let i = conditions.length - 1; i >= 0; i--) if (conditions[i].type === type) return conditions[i]
  return undefined
}

const byName = (a: ContainerStatus, b: ContainerStatus) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)

/** The whole status the kubelet would write now. */
export function buildPodStatus(pod: PodObj, record: PodRecord, hostIP: string, now: number): PodStatus {
  // Starts no relist has seen yet are not reported (pleg.ts).
  const rec = reportedRecord(record, now)
  const old = pod.status ?? {}
  const phase = podPhase(pod, rec)
  const previous = old.conditions ?? []
  const conditions: PodCondition[] = previous.filter((c) => !KUBELET_CONDITIONS.includes(c.type))
  for (const c of kubeletConditions(pod, rec, phase)) {
    const before = lastOfType(previous, c.type)
    if (c.type === 'PodScheduled' && before?.status === 'True') {
      conditions.push(before)
      continue
    }
    const keep = before && before.status === c.status
    conditions.push(timedCondition(c, keep ? before.lastTransitionTime : rfc3339(now)))
  }
  const shown = sandboxShown(pod, rec)
  const ip = shown ? (rec.sandbox?.ip ?? old.podIP) : undefined
  const inits = statusesFor(pod, rec, true)
  const out: PodStatus = { conditions, containerStatuses: statusesFor(pod, rec, false).sort(byName), hostIP, hostIPs: [{ ip: hostIP }] }
  if (inits.length) out.initContainerStatuses = inits
  out.phase = phase
  if (ip) {
    out.podIP = ip
    out.podIPs = [{ ip }]
  }
  if (old.qosClass) out.qosClass = old.qosClass
  if (rec.startTime !== undefined) out.startTime = rfc3339(rec.startTime)
  return out
}

const SEP = '\u0000'

function termKey(t: Terminated | undefined): string {
  return t ? [t.exitCode, t.reason, t.message ?? '', t.startedAt, t.finishedAt, t.containerId].join(SEP) : ''
}

function stateKey(st: ContainerState): string {
  switch (st.kind) {
    case 'waiting':
      return `w${SEP}${st.reason}${SEP}${st.message ?? ''}`
    case 'running':
      return `r${SEP}${st.containerId}${SEP}${st.startedAt}`
    case 'terminated':
      return `t${SEP}${termKey(st.term)}`
  }
}

/**
 * Everything buildPodStatus reads of the record (as the status may show it now), as one string. With
 * the same stored status, spec and host IP, equal keys build equal statuses: a sync whose steps
 * changed nothing the status shows need not build it again to find that out.
 */
export function statusKey(pod: PodObj, record: PodRecord, now: number): string {
  const rec = reportedRecord(record, now)
  // The sandbox's IP only once the status shows it (a sandbox made while the first image pulls is not news).
  const parts: (string | number)[] = [sandboxShown(pod, rec) ? (rec.sandbox?.ip ?? '') : '', rec.startTime ?? '', rec.termination ? 1 : 0]
  for (const c of rec.containers) {
    parts.push(c.init ? 'i' : 'c', c.name, stateKey(c.state), termKey(c.lastTerminated), c.restartCount, c.image?.name ?? '', c.image?.id ?? '', c.containerId ?? '', c.started ? 1 : 0, c.ready ? 1 : 0)
  }
  return parts.join(SEP)
}
