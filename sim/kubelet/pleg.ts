// The kubelet learns what its containers do from the runtime through the PLEG (pod lifecycle event
// generator, pkg/kubelet/pleg/generic.go): every relistPeriod (1s) it lists the node's containers,
// and a container that started since the last relist becomes a ContainerStarted event, a pod sync,
// and a status that says Running. Until then the status still shows what it showed before the start,
// though the process runs (the Started event is recorded at once, by the sync that started it): so
// `kubectl get pods -w` shows ContainerCreating for up to a second after Started, and a container
// without a readiness probe is reported Ready only once it has had that moment to listen. A process
// that ends by itself is likewise reported at the next relist (ContainerDied).

import type { ContainerRecord, PodRecord } from './model'
import type { PodSync } from './sync'
import { containerFromStatus } from './adopt'

export const RELIST_PERIOD_MS = 1000

/** The node's first relist after `t` (each node's relist loop has its own phase). */
export function nextRelist(s: PodSync, t: number): number {
  const phase = s.ctx.rngFor(`${s.rec.node}/pleg`).int(RELIST_PERIOD_MS)
  return phase + RELIST_PERIOD_MS * (Math.floor((t - phase) / RELIST_PERIOD_MS) + 1)
}

/** What the status may show of a container: what it showed before a start or an end no relist has seen yet. */
export function reportedView(c: ContainerRecord, now: number): ContainerRecord {
  return c.unseen !== undefined && now < c.unseen.until ? c.unseen.before : c
}

/** The record as the status shows it (the same object when every change has been seen). */
export function reportedRecord(rec: PodRecord, now: number): PodRecord {
  if (!rec.containers.some((c) => c.unseen !== undefined && now < c.unseen.until)) return rec
  return { ...rec, containers: rec.containers.map((c) => reportedView(c, now)) }
}

/**
 * The container started (or its process ended) at `s.now`: the status keeps showing it as it was
 * (`before`, from reportedBefore) until the node's next relist.
 */
export function unseenUntilRelist(s: PodSync, c: ContainerRecord, before: ContainerRecord): void {
  c.unseen = { until: nextRelist(s, s.now), before }
}

/**
 * What the status shows of a container now, to keep showing while a change is unseen: the container
 * status last reported (a kill and restart in one sync never showed the container stopped), or the
 * one before any report.
 */
export function reportedBefore(s: PodSync, c: ContainerRecord): ContainerRecord {
  if (c.unseen !== undefined && s.now < c.unseen.until) return c.unseen.before
  const reported = c.init ? s.pod.status?.initContainerStatuses : s.pod.status?.containerStatuses
  const cs = reported?.find((x) => x.name === c.name)
  const base: ContainerRecord = { ...c, probes: {}, unseen: undefined, kill: undefined }
  if (cs) return containerFromStatus(base, cs)
  const hasInit = (s.pod.spec?.initContainers?.length ?? 0) > 0
  return { ...base, state: { kind: 'waiting', reason: c.init || hasInit ? 'PodInitializing' : 'ContainerCreating' }, restartCount: 0, lastTerminated: undefined, containerId: undefined, image: undefined, started: false, ready: false }
}
