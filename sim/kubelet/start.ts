// Starting a container (kuberuntime_container.go startContainer): make sure the image is on the node
// (images/image_manager.go EnsureImageExists: pull policy, back-off, the node's serial puller), then
// build its configuration (env, mounts), create it and start it. Every failure on the way leaves the
// container waiting with the reason and message the kubelet reports, and the events it records.

import { goDuration } from './durations'
import { isInBackOffSinceUpdate, nextBackoff } from './backoff'
import { imageIdOf, imagePresent, parseImage, pullImage, recordPulledImage } from './image-pull'
import type { ContainerRecord, Terminated } from './model'
import { containerEnv, expandCommand } from './env'
import { containerMounts } from './volumes'
import { newProbeWorker, PROBE_TYPES, specProbe } from './probes'
import { podHostname, pullPolicy } from './spec'
import type { PodSync } from './sync'
import { reportedBefore, unseenUntilRelist } from './pleg'

/** The pod worker retries a failed sync (config errors, bad image names) every 10s (backOffPeriod). */
export const SYNC_RETRY_MS = 10_000

function failed(s: PodSync, c: ContainerRecord, reason: 'InvalidImageName' | 'ErrImageNeverPull' | 'CreateContainerConfigError', message: string): void {
  if (reason !== 'CreateContainerConfigError') c.failedImage = s.spec(c)?.image
  // The sync error's text: the config error itself, or the image error's name (ErrInvalidImageName...).
  s.containerEvent(c, 'Warning', 'Failed', `Error: ${reason === 'CreateContainerConfigError' ? message : reason}`)
  c.state = { kind: 'waiting', reason, message }
  c.errorAt = s.now
  c.attemptedAt ??= s.now
  c.attemptAt = s.now + SYNC_RETRY_MS
}

/**
 * When this container may make its first start attempt: init containers one after the other, then
 * the containers in spec order (the pod worker goes through them one by one).
 */
export function turnAt(s: PodSync, c: ContainerRecord): number | undefined {
  const sb = s.rec.sandbox
  if (!sb) return undefined
  let at = sb.at
  const inits = s.rec.containers.filter((x) => x.init)
  if (c.init) {
    for (const prev of inits) {
      if (prev === c) return at
      if (prev.state.kind !== 'terminated' || prev.state.term.exitCode !== 0) return undefined
      at = Math.max(at, prev.state.term.finishedAt)
    }
    return at
  }
  for (const prev of inits) {
    if (prev.state.kind !== 'terminated' || prev.state.term.exitCode !== 0) return undefined
    at = Math.max(at, prev.state.term.finishedAt)
  }
  for (const prev of s.rec.containers.filter((x) => !x.init)) {
    if (prev === c) return at
    if (prev.attemptedAt === undefined) return undefined
    at = Math.max(at, prev.attemptedAt)
  }
  return at
}

/** EnsureImageExists: the image is there, or it is pulled, or the container waits and says why. */
export function startAttempt(s: PodSync, c: ContainerRecord): void {
  const spec = s.spec(c)
  c.attemptAt = undefined
  if (!spec) return
  if (c.state.kind === 'waiting' && c.state.reason === 'CrashLoopBackOff' && c.lastTerminated) {
    // doBackOff: the wait is over; the next one will be twice as long.
    c.crashBackoff = nextBackoff(c.crashBackoff, c.lastTerminated.finishedAt, s.now)
  }
  const image = spec.image ?? ''
  const registry = s.runtime.images
  const ref = parseImage(registry, image)
  if (!ref) {
    const r = pullImage(registry, image)
    const message = r.ok ? `couldn't parse image name "${image}"` : r.message
    s.containerEvent(c, 'Warning', 'InspectFailed', message)
    failed(s, c, 'InvalidImageName', message)
    return
  }
  const policy = pullPolicy(spec)
  const present = imagePresent(s.node, ref)
  if (policy === 'Never' && !present) {
    const message = `Container image "${image}" is not present with pull policy of Never`
    s.containerEvent(c, 'Warning', 'ErrImageNeverPull', message)
    failed(s, c, 'ErrImageNeverPull', message)
    return
  }
  if (present && policy !== 'Always') {
    s.containerEvent(c, 'Normal', 'Pulled', `Container image "${image}" already present on machine`)
    c.imageReadyAt = s.now
    return
  }
  if (c.failedImage !== image) c.pullBackoff = undefined
  if (isInBackOffSinceUpdate(c.pullBackoff, s.now)) {
    showPullBackOff(s, c)
    return
  }
  s.containerEvent(c, 'Normal', 'Pulling', `Pulling image "${image}"`)
  const result = pullImage(registry, image)
  const t = s.ctx.config.timings
  const base = !result.ok ? t.imagePullBaseMs : present ? t.imagePullBaseMs * 0.3 : t.imagePullBaseMs + t.imagePullPerMbMs * (result.image.sizeBytes / 1_000_000)
  const duration = s.delay(`${c.name}/pull/${c.pulls++}`, base)
  c.pull = s.k.pulls.enqueue(s.rec.node, image, s.now, duration, result)
}

/** Back-off pulling image: BackOff + "Error: ImagePullBackOff", and the retry when it ends. */
export function showPullBackOff(s: PodSync, c: ContainerRecord): void {
  const image = s.spec(c)?.image ?? ''
  const prev = c.state.kind === 'waiting' && c.state.reason === 'ErrImagePull' ? c.state.message : undefined
  s.containerEvent(c, 'Normal', 'BackOff', `Back-off pulling image "${image}"`)
  s.containerEvent(c, 'Warning', 'Failed', 'Error: ImagePullBackOff')
  const keep = c.state.kind === 'waiting' && c.state.reason === 'ImagePullBackOff' ? c.state.message : undefined
  const message = prev !== undefined ? `Back-off pulling image "${image}": ErrImagePull: ${prev}` : (keep ?? `Back-off pulling image "${image}"`)
  c.state = { kind: 'waiting', reason: 'ImagePullBackOff', message }
  c.attemptAt = c.pullBackoff ? c.pullBackoff.lastUpdate + c.pullBackoff.backoffMs : s.now
}

/** The serial puller finished this container's pull. */
export function pullDone(s: PodSync, c: ContainerRecord): void {
  const job = c.pull!
  c.pull = undefined
  if (job.result.ok) {
    const img = job.result.image
    s.containerEvent(
      c,
      'Normal',
      'Pulled',
      `Successfully pulled image "${job.image}" in ${goDuration(job.endAt - job.startAt)} (${goDuration(job.endAt - job.requestedAt)} including waiting). Image size: ${img.sizeBytes} bytes.`,
    )
    recordPulledImage(s.ctx.api, s.rec.node, img)
    c.pullBackoff = undefined
    c.imageReadyAt = s.now
    return
  }
  // The registry's message is containerd's error as the kubelet prints it (gRPC's Unknown code
  // stripped since 1.28, others kept): in the event and as the container's waiting message.
  const message = job.result.message
  s.containerEvent(c, 'Warning', 'Failed', `Failed to pull image "${job.image}": ${message}`)
  s.containerEvent(c, 'Warning', 'Failed', `Error: ${job.result.reason}`)
  c.pullBackoff = nextBackoff(c.failedImage === job.image ? c.pullBackoff : undefined, s.now, s.now)
  c.failedImage = job.image
  c.state = { kind: 'waiting', reason: job.result.reason, message }
  c.errorAt = s.now
  c.attemptedAt ??= s.now
}

/** Create and start: env and mounts, the runtime's container, the process. */
export function createAndStart(s: PodSync, c: ContainerRecord): void {
  const shownBefore = reportedBefore(s, c)
  c.imageReadyAt = undefined
  c.restartNow = undefined
  const spec = s.spec(c)
  if (!spec) return
  const pulled = pullImage(s.runtime.images, spec.image ?? '')
  if (!pulled.ok) {
    c.state = { kind: 'waiting', reason: 'ErrImagePull', message: pulled.message }
    c.errorAt = s.now
    return
  }
  const img = pulled.image
  const env = containerEnv(s.ctx.api, {
    pod: s.pod,
    container: spec,
    podIP: s.rec.sandbox?.ip ?? '',
    hostIP: s.hostIP,
    imageEnv: img.behavior.env(),
    hostname: podHostname(s.pod),
  })
  if (!env.ok) {
    failed(s, c, 'CreateContainerConfigError', env.message)
    return
  }
  const restartCount = c.containerId === undefined ? c.restartCount : c.restartCount + 1
  const id = s.ctx.rngFor(`${s.rec.uid}/${c.name}/${restartCount}/container-id`).hex(64)
  const mounts = containerMounts(s.ctx.api, s.k.deps.volumes, s.pod, spec)
  const rc = s.runtime.createContainer({ podUid: s.rec.uid, id, restartCount, spec: { ...spec, ...expandCommand(spec, env.env) }, image: img, env: env.env, mounts })
  if (c.state.kind === 'terminated') c.lastTerminated = c.state.term
  c.containerId = id
  c.restartCount = restartCount
  c.image = { name: img.ref.normalized, id: imageIdOf(img) }
  c.specImage = spec.image
  s.containerEvent(c, 'Normal', 'Created', `Created container: ${c.name}`)
  const plan = s.runtime.startContainer(rc, s.now)
  c.attemptedAt ??= s.now
  if (plan.startError) {
    // The runtime created the container but could not start its process: exit 128, StartError, and
    // the sync error RunContainerError on the container until it is retried.
    s.containerEvent(c, 'Warning', 'Failed', `Error: ${plan.startError}`)
    const term: Terminated = { exitCode: 128, reason: 'StartError', message: plan.startError, startedAt: 0, finishedAt: s.now, containerId: id }
    c.lastTerminated = term
    c.state = { kind: 'waiting', reason: 'RunContainerError', message: plan.startError }
    c.started = false
    c.ready = false
    c.errorAt = s.now
    return
  }
  s.containerEvent(c, 'Normal', 'Started', `Started container ${c.name}`)
  c.state = { kind: 'running', containerId: id, startedAt: s.now }
  unseenUntilRelist(s, c, shownBefore)
  c.probes = {}
  for (const type of PROBE_TYPES) {
    const eff = specProbe(spec, type)
    if (eff) c.probes[type] = newProbeWorker(type, eff, s.ctx.rngFor(`${s.rec.uid}/${c.name}/${restartCount}/probe/${type}`))
  }
  c.started = !c.probes.startup
  const readiness = c.probes.readiness
  // Readiness is probed once as soon as the kubelet sees the container running (prober_manager
  // UpdatePodStatus triggers the worker); with an initial delay that run would be skipped anyway.
  if (readiness && !c.probes.startup && specProbe(spec, 'readiness')!.initialDelayMs === 0) {
    readiness.manualAt = c.unseen!.until + s.delay(`${c.name}/${restartCount}/readiness-trigger`, 500)
  }
  c.ready = !c.init && c.started && !readiness
}
