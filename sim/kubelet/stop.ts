// Containers that end: a process that exits by itself, a container killed for failing its liveness
// or startup probe, every container of a pod being deleted (Killing, preStop, SIGTERM, SIGKILL at
// the end of the grace period), restarts with CrashLoopBackOff, and the pod's removal once its
// containers are gone (the kubelet deletes it with grace period 0 and the pod's uid as precondition).

import { isApiError } from '../api/errors'
import { parseRfc3339 } from '../core/time'
import { goDuration } from './durations'
import { isInBackOffSince, nextBackoff } from './backoff'
import type { ContainerRecord, KillPlan, Terminated } from './model'
import { exitReason, planKill } from './termination'
import { podGraceSeconds, probeOf, resolvePort, shouldRestart } from './spec'
import type { KubeletState, PodSync } from './sync'
import { podScopedVolumeIds } from './volumes'
import { containerLayerId } from './runtime'
import type { PodObj } from './spec'
import { reportedBefore, unseenUntilRelist } from './pleg'

/** After a container ends the pod worker syncs again about a second later (PLEG relist). */
export const RESYNC_MS = 1000

function terminate(s: PodSync, c: ContainerRecord, exitCode: number): void {
  if (c.state.kind !== 'running') return
  const rc = s.runtime.container(s.rec.uid, c.name)
  if (rc) s.runtime.exited(rc, s.now, exitCode)
  const term: Terminated = { exitCode, reason: exitReason(exitCode), startedAt: c.state.startedAt, finishedAt: s.now, containerId: c.state.containerId }
  c.state = { kind: 'terminated', term }
  c.started = false
  // A completed init container stays ready; nothing else is once it ended.
  c.ready = c.init && exitCode === 0
  c.probes = {}
  c.kill = undefined
  c.errorAt = s.now
}

/**
 * The process ended by itself (ProcessPlan.exit). The kubelet learns of it at the node's next PLEG
 * relist (pleg.ts): until then the status shows the container as it did. (A container the kubelet
 * stops itself, for a liveness failure or a deletion, is reported by the sync that stopped it.)
 */
export function processExited(s: PodSync, c: ContainerRecord): void {
  const shown = reportedBefore(s, c)
  const rc = s.runtime.container(s.rec.uid, c.name)
  terminate(s, c, rc?.plan?.exit?.exitCode ?? 0)
  unseenUntilRelist(s, c, shown)
}

/** When the process ends by itself; also while it is being stopped (it may be done before the signal matters). */
export function exitDue(s: PodSync, c: ContainerRecord): number | undefined {
  if (c.state.kind !== 'running') return undefined
  const exit = s.runtime.container(s.rec.uid, c.name)?.plan?.exit
  return exit ? c.state.startedAt + exit.afterMs : undefined
}

/** The preStop hook: how long it takes, and whether it failed (FailedPreStopHook). */
function runPreStop(s: PodSync, c: ContainerRecord, graceSeconds: number): number {
  const hook = s.spec(c)?.lifecycle?.preStop
  const rc = s.runtime.container(s.rec.uid, c.name)
  if (!hook || !rc || graceSeconds <= 0) return 0
  let ms = 0
  let ok = true
  if (hook.sleep) {
    ms = Math.max(0, hook.sleep.seconds) * 1000
  } else if (hook.exec) {
    const r = s.runtime.execIn(rc, hook.exec.command ?? [], true)
    ok = !!r && r.exitCode === 0
    ms = r?.durationMs ?? 0
  } else if (hook.httpGet) {
    const port = resolvePort(s.spec(c), hook.httpGet.port as number | string) ?? 0
    const r = s.runtime.request(rc, port, { method: 'GET', path: hook.httpGet.path || '/', remoteAddr: s.gateway }, s.now, true)
    ok = r.kind === 'response' && r.response.status >= 200 && r.response.status < 400
  }
  // The kubelet does not put the hook's output in the event, so secrets do not leak into it.
  if (!ok) s.containerEvent(c, 'Warning', 'FailedPreStopHook', 'PreStopHook failed')
  return Number.isFinite(ms) ? ms : graceSeconds * 1000
}

/** killContainer: Killing event, preStop, then the runtime stops the process. */
export function startKill(s: PodSync, c: ContainerRecord, reason: KillPlan['reason'], message: string, from = s.now): void {
  if (c.state.kind !== 'running' || c.kill) return
  const spec = s.spec(c)
  let grace = reason === 'delete' ? (s.pod.metadata.deletionGracePeriodSeconds ?? podGraceSeconds(s.pod)) : podGraceSeconds(s.pod)
  if ((reason === 'liveness' || reason === 'startup') && spec) {
    // A probe-level terminationGracePeriodSeconds overrides the pod's for probe-triggered kills.
    const probe = probeOf(spec, reason)
    if (probe?.terminationGracePeriodSeconds !== undefined) grace = probe.terminationGracePeriodSeconds
  }
  s.containerEvent(c, 'Normal', 'Killing', message)
  const preStopMs = runPreStop(s, c, grace)
  const plan = s.runtime.container(s.rec.uid, c.name)?.plan
  const start = Math.max(from, c.state.startedAt)
  const t = planKill(start, grace, preStopMs, plan?.onSigterm)
  c.kill = { reason, startedAt: start, sigtermAt: t.sigtermAt, exitAt: t.exitAt, exitCode: t.exitCode, sigtermSent: false }
}

export function sendSigterm(s: PodSync, c: ContainerRecord): void {
  const rc = s.runtime.container(s.rec.uid, c.name)
  if (rc) s.runtime.signalStop(rc, s.now)
  if (c.kill) c.kill.sigtermSent = true
}

export function killDone(s: PodSync, c: ContainerRecord): void {
  const reason = c.kill?.reason
  terminate(s, c, c.kill?.exitCode ?? 137)
  if (s.deleting || reason === 'delete') return
  // computePodActions kills and starts in one SyncPod. A container whose definition changed is
  // started again whatever the restart policy.
  c.restartNow = true
  if (reason === 'changed') c.attemptAt = s.now
}

/** The pod's spec now names another image than the running container was made from. */
export function definitionChanged(s: PodSync, c: ContainerRecord): boolean {
  return c.state.kind === 'running' && !c.kill && c.specImage !== undefined && s.spec(c)?.image !== c.specImage
}

/** The ended container's last run (the one a restart is measured from). */
function lastRun(c: ContainerRecord): Terminated | undefined {
  if (c.state.kind === 'terminated') return c.state.term
  if (c.state.kind === 'waiting' && c.state.reason === 'RunContainerError') return c.lastTerminated
  return undefined
}

export function wantsRestart(s: PodSync, c: ContainerRecord): boolean {
  const run = lastRun(c)
  return !!run && c.attemptAt === undefined && c.imageReadyAt === undefined && !c.pull && shouldRestart(s.pod, c, run.exitCode)
}

/**
 * doBackOff: restart at once unless the container is inside its back-off since it ended; then it
 * waits in CrashLoopBackOff and the BackOff event says so.
 */
export function restartOrBackOff(s: PodSync, c: ContainerRecord): void {
  const run = lastRun(c)!
  if (isInBackOffSince(c.crashBackoff, run.finishedAt, s.now)) {
    c.restartNow = undefined
    const pod = `${s.rec.name}_${s.rec.namespace}(${s.rec.uid})`
    s.containerEvent(c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${pod}`)
    if (c.state.kind === 'terminated') c.lastTerminated = c.state.term
    c.state = { kind: 'waiting', reason: 'CrashLoopBackOff', message: `back-off ${goDuration(c.crashBackoff!.backoffMs)} restarting failed container=${c.name} pod=${pod}` }
    c.attemptAt = run.finishedAt + c.crashBackoff!.backoffMs
    return
  }
  c.crashBackoff = nextBackoff(c.crashBackoff, run.finishedAt, s.now)
  c.attemptAt = s.now
}

/** When the pod worker looks at an ended container again: at once after its own kill, else at the next relist. */
export function restartDue(s: PodSync, c: ContainerRecord): number {
  return c.restartNow ? s.now : (c.errorAt ?? 0) + RESYNC_MS
}

/**
 * The pod is being deleted: stop every running container; nothing new starts. The stop is timed from
 * the deletion request (deletionTimestamp minus the grace period), so a restored session, or a node
 * back from an outage, keeps to the deadline the API server set.
 */
export function beginTermination(s: PodSync): void {
  const meta = s.pod.metadata
  const deadline = parseRfc3339(meta.deletionTimestamp) ?? s.now
  // deletionTimestamp has whole seconds: a deletion seen within that second counts from now.
  const derived = deadline - (meta.deletionGracePeriodSeconds ?? 0) * 1000
  const requested = s.now - derived < 1000 ? s.now : derived
  s.rec.termination = { startedAt: s.now }
  for (const c of s.rec.containers) {
    c.pull = undefined
    c.imageReadyAt = undefined
    c.attemptAt = undefined
    if (c.state.kind === 'running') startKill(s, c, 'delete', `Stopping container ${c.name}`, requested)
  }
}

export function allStopped(s: PodSync): boolean {
  return s.rec.containers.every((c) => c.state.kind !== 'running')
}

/** Containers gone: report it, then remove the pod object (grace 0, only this incarnation). */
export function removePod(s: PodSync): void {
  s.flushStatus()
  try {
    s.ctx.api.delete('Pod', s.rec.namespace, s.rec.name, { actor: 'kubelet', gracePeriodSeconds: 0, uid: s.rec.uid })
  } catch (e) {
    if (!isApiError(e, 'NotFound') && !isApiError(e, 'Conflict')) throw e
  }
  forgetPod(s.k, s.key, s.pod)
  s.rec.removed = true
}

/** Drops what the node kept for a pod: its sandbox, logs, the volumes that live with it. */
export function forgetPod(k: KubeletState, key: string, pod: PodObj | undefined): void {
  const rec = k.records.get(key)
  const uid = rec?.uid ?? pod?.metadata.uid
  if (!uid) return
  k.deps.runtime.removeSandbox(uid)
  // Layers of containers the runtime no longer tracks (from before a restore) go too.
  for (const c of rec?.uid === uid ? rec.containers : []) {
    for (const id of [c.containerId, c.lastTerminated?.containerId]) if (id) k.deps.volumes.delete(containerLayerId(id))
  }
  const scoped = rec?.uid === uid ? rec.scopedVolumes : pod && pod.metadata.uid === uid ? podScopedVolumeIds(pod) : []
  for (const id of scoped) k.deps.volumes.delete(id)
  if (rec && rec.uid === uid) k.records.delete(key)
}

export function isTerminal(pod: PodObj): boolean {
  const phase = pod.status?.phase
  return phase === 'Succeeded' || phase === 'Failed'
}
