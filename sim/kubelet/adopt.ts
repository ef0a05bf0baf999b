// A pod the kubelet has no memory of: a new one (it takes it in after its sync delay), or one it
// already runs but forgot, because the session was restored (the kubelet "restarted"). Then it
// rebuilds its memory from the pod's status and finds the running containers again; back-off and
// probe counters start afresh, as they do when a real kubelet restarts.

import { parseRfc3339 } from '../core/time'
import type { ContainerStatus } from '../api/types'
import type { ContainerRecord, ContainerState, PodRecord, Terminated, WaitingReason } from './model'
import type { PodSync } from './sync'
import { backoffFromMessage } from './backoff'
import { startSandbox, initialContainers } from './pod-setup'
import { podScopedVolumeIds } from './volumes'
import { containerEnv, expandCommand } from './env'
import { containerMounts } from './volumes'
import { newProbeWorker, PROBE_TYPES, specProbe } from './probes'
import { podHostname, type PodObj } from './spec'
import { imageIdOf, pullImage } from './image-pull'
import type { ControllerContext } from '../controllers/runtime'

export function newRecord(pod: PodObj, noticeAt: number): PodRecord {
  return {
    uid: pod.metadata.uid ?? '',
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name ?? '',
    node: pod.spec?.nodeName ?? '',
    noticeAt,
    containers: [],
    scopedVolumes: podScopedVolumeIds(pod),
  }
}

const strip = (id: string | undefined) => (id ? id.replace(/^[a-z]+:\/\//, '') : undefined)
const time = (t: string | undefined) => parseRfc3339(t) ?? 0

function terminatedFrom(t: NonNullable<NonNullable<ContainerStatus['state']>['terminated']>): Terminated {
  return {
    exitCode: t.exitCode,
    reason: t.reason ?? (t.exitCode === 0 ? 'Completed' : 'Error'),
    message: t.message,
    startedAt: time(t.startedAt),
    finishedAt: time(t.finishedAt),
    containerId: strip(t.containerID) ?? '',
  }
}

function stateFrom(cs: ContainerStatus): ContainerState {
  if (cs.state?.running) return { kind: 'running', containerId: strip(cs.containerID) ?? '', startedAt: time(cs.state.running.startedAt) }
  if (cs.state?.terminated) return { kind: 'terminated', term: terminatedFrom(cs.state.terminated) }
  return { kind: 'waiting', reason: (cs.state?.waiting?.reason ?? 'ContainerCreating') as WaitingReason, message: cs.state?.waiting?.message }
}

/** A container record as a reported container status says it is (state, restarts, image, flags). */
export function containerFromStatus(c: ContainerRecord, cs: ContainerStatus): ContainerRecord {
  return {
    ...c,
    state: stateFrom(cs),
    lastTerminated: cs.lastState?.terminated ? terminatedFrom(cs.lastState.terminated) : undefined,
    restartCount: cs.restartCount ?? 0,
    image: cs.imageID ? { name: cs.image, id: cs.imageID } : undefined,
    containerId: strip(cs.containerID),
    started: cs.started ?? false,
    ready: cs.ready ?? false,
  }
}

/** The kubelet's memory of a pod, rebuilt from the status it reported. */
export function adoptRecord(ctx: ControllerContext, pod: PodObj, makeSync: (rec: PodRecord) => PodSync): PodRecord {
  const now = ctx.now()
  const rec = newRecord(pod, now)
  rec.startTime = parseRfc3339(pod.status?.startTime)
  const s = makeSync(rec)
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]
  const survived = new Set<ContainerRecord>()
  rec.containers = initialContainers(s).map((c): ContainerRecord => {
    const cs = statuses.find((x) => x.name === c.name)
    if (!cs) return c
    const out = containerFromStatus(c, cs)
    const survivor = s.runtime.survivor(rec.uid, c.name)
    if (survivor && !(out.state.kind === 'running' && out.state.containerId === survivor.id)) {
      // Started before the save, but no relist had reported it: containerd still runs it.
      if (out.state.kind === 'terminated') out.lastTerminated = out.state.term
      out.state = { kind: 'running', containerId: survivor.id, startedAt: survivor.startedAt }
      out.containerId = survivor.id
      out.restartCount = survivor.restartCount
      out.image = undefined
      survived.add(out)
    }
    const state = out.state
    const progressed = !(state.kind === 'waiting' && (state.reason === 'ContainerCreating' || state.reason === 'PodInitializing'))
    if (progressed || out.containerId) out.attemptedAt = rec.startTime ?? now
    if (state.kind === 'waiting') {
      if (state.reason === 'CrashLoopBackOff' && out.lastTerminated) {
        const backoffMs = backoffFromMessage(state.message) ?? 10_000
        out.crashBackoff = { backoffMs, lastUpdate: out.lastTerminated.finishedAt }
        out.attemptAt = out.lastTerminated.finishedAt + backoffMs
      } else if (state.reason === 'ErrImagePull' || state.reason === 'RunContainerError') {
        out.errorAt = now
      } else if (progressed) {
        out.attemptAt = now
      }
    }
    if (state.kind === 'terminated') out.errorAt = state.term.finishedAt
    return out
  })
  // A first start saved before any status showed the pod's IP: the sandbox still has it.
  const ip = pod.status?.podIP || rec.containers.map((c) => s.runtime.survivor(rec.uid, c.name)?.ip).find((x) => !!x)
  if (ip) {
    rec.sandbox = { ip, at: rec.startTime ?? now }
    rec.volumesReadyAt = rec.startTime ?? now
    startSandbox(s, ip)
    for (const c of rec.containers) if (c.state.kind === 'running') adoptRunning(s, c, survived.has(c))
  }
  return rec
}

/**
 * Finds a running container again: the runtime's process table is memory, its layer is not. One no
 * status had reported yet (`unreported`) gets what the kubelet would have reported at the relist.
 */
function adoptRunning(s: PodSync, c: ContainerRecord, unreported: boolean): void {
  if (c.state.kind !== 'running') return
  const spec = s.spec(c)
  const pulled = spec ? pullImage(s.runtime.images, spec.image ?? '') : undefined
  if (!spec || !pulled?.ok) return
  const env = containerEnv(s.ctx.api, { pod: s.pod, container: spec, podIP: s.rec.sandbox?.ip ?? '', hostIP: s.hostIP, imageEnv: pulled.image.behavior.env(), hostname: podHostname(s.pod) })
  const envVars = env.ok ? env.env : { ...pulled.image.behavior.env() }
  const mounts = containerMounts(s.ctx.api, s.k.deps.volumes, s.pod, spec)
  const rc = s.runtime.createContainer({
    podUid: s.rec.uid,
    id: c.state.containerId,
    restartCount: c.restartCount,
    spec: { ...spec, ...expandCommand(spec, envVars) },
    image: pulled.image,
    env: envVars,
    mounts,
  })
  s.runtime.startContainer(rc, c.state.startedAt, { adopted: true })
  if (unreported) {
    c.image = { name: pulled.image.ref.normalized, id: imageIdOf(pulled.image) }
    c.started = !specProbe(spec, 'startup')
    c.ready = !c.init && c.started && !specProbe(spec, 'readiness')
  }
  for (const type of PROBE_TYPES) {
    const eff = specProbe(spec, type)
    if (!eff) continue
    const w = newProbeWorker(type, eff, s.ctx.rngFor(`${s.rec.uid}/${c.name}/${c.restartCount}/probe/${type}`))
    if (type === 'readiness' && c.ready) w.result = 'success'
    c.probes[type] = w
  }
}
