// Running a container's probes on their schedule, and what a result changes: startup success lets
// readiness and liveness begin, readiness flips the container's ready flag (no restart), a liveness
// or startup failure at the threshold kills the container ("... failed liveness probe, will be
// restarted"). A probe timer is background only when rerunning it could not change anything: its
// last result was the settled one and nothing it can see has changed since (files, requests).

import type { ContainerRecord, ProbeType } from './model'
import { applyProbeResult, isStableResult, nextProbeAt, probeName, runProbe, specProbe } from './probes'
import { restartPolicy } from './spec'
import { startKill } from './stop'
import type { PodSync } from './sync'

/** A probe that has kept passing this long is re-checked less often (nothing it sees changed). */
const QUIET_AFTER_MS = 5 * 60_000
const QUIET_EVERY_MS = 5 * 60_000

function applies(c: ContainerRecord, type: ProbeType): boolean {
  const w = c.probes[type]
  // A probe worker skips a container the pod's status does not show running yet (a start no relist
  // has seen: pleg.ts).
  if (!w || w.onHold || c.state.kind !== 'running' || c.kill || c.unseen) return false
  // Startup gates the others; startup itself stops once the container started.
  return type === 'startup' ? !c.started : c.started
}

export function probeWhen(s: PodSync, c: ContainerRecord, type: ProbeType): boolean {
  return !s.deleting && applies(c, type)
}

function quiet(s: PodSync, c: ContainerRecord, type: ProbeType): boolean {
  const w = c.probes[type]!
  const rc = s.runtime.container(s.rec.uid, c.name)
  if (w.last === undefined || w.manualAt !== undefined || !rc) return false
  if (c.probeFingerprint !== s.runtime.fingerprint(rc)) return false
  // A process that is not listening yet will be soon: the result can still change by itself.
  if (rc.plan?.listenAfterMs && rc.startedAt !== undefined && s.now < rc.startedAt + rc.plan.listenAfterMs) return false
  return isStableResult(w, w.last)
}

export function probeDue(s: PodSync, c: ContainerRecord, type: ProbeType): number | undefined {
  const w = c.probes[type]
  const eff = specProbe(s.spec(c), type)
  if (!w || !eff || c.state.kind !== 'running') return undefined
  const startedAt = c.state.startedAt
  const from = w.lastAt !== undefined ? w.lastAt + 1 : startedAt
  let at = nextProbeAt(w, eff, startedAt, from)
  if (at !== undefined && w.last === true && quiet(s, c, type) && s.now - startedAt > QUIET_AFTER_MS) {
    at = nextProbeAt(w, eff, startedAt, Math.max(from, s.now + QUIET_EVERY_MS))
  }
  return at
}

export function probeBackground(s: PodSync, c: ContainerRecord, type: ProbeType): boolean {
  return quiet(s, c, type)
}

export function probeStep(s: PodSync, c: ContainerRecord, type: ProbeType): void {
  const w = c.probes[type]!
  const spec = s.spec(c)!
  const eff = specProbe(spec, type)!
  const rc = s.runtime.container(s.rec.uid, c.name)
  if (!rc) return
  if (w.manualAt !== undefined && w.manualAt <= s.now) w.manualAt = undefined
  const out = runProbe(s.runtime, rc, spec, eff, s.rec.sandbox?.ip ?? '', s.gateway, s.now)
  w.lastAt = s.now
  c.probeFingerprint = s.runtime.fingerprint(rc)
  if (!out.ok) s.containerEvent(c, 'Warning', 'Unhealthy', `${probeName(type)} probe failed: ${out.output}`)
  if (!applyProbeResult(w, eff, out.ok)) return
  const restart = restartPolicy(s.pod) !== 'Never'
  switch (type) {
    case 'startup':
      if (w.result === 'success') {
        c.started = true
        const readiness = c.probes.readiness
        if (readiness && specProbe(spec, 'readiness')!.initialDelayMs === 0) readiness.manualAt = s.now
        c.ready = !c.init && !readiness
      } else {
        startKill(s, c, 'startup', `Container ${c.name} failed startup probe${restart ? ', will be restarted' : ''}`)
      }
      return
    case 'readiness':
      c.ready = w.result === 'success' && c.started && !c.init
      return
    case 'liveness':
      if (w.result === 'failure') startKill(s, c, 'liveness', `Container ${c.name} failed liveness probe${restart ? ', will be restarted' : ''}`)
      return
  }
}
