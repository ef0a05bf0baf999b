// The kubelet as a table of stages (kwok's idea, with typed predicates instead of jq): each says
// when it applies to a pod or one of its containers, when its step is due (derived from the pod's
// status and the kubelet's bookkeeping), and what the step does. sync.ts runs what is due, in this
// order, and sleeps until the next one.
//
//   notice → volumes → sandbox → [per container: attempt (image) → pull → create+start → relist → running
//   → probes / exit / kill → restart or CrashLoopBackOff] ; deletion: terminate → remove

import type { ContainerRecord } from './model'
import type { PodSync, Stage, StageTable } from './sync'
import { notice, setUpVolumes, volumesBlocked, volumesDue, createSandbox } from './pod-setup'
import { createAndStart, pullDone, showPullBackOff, startAttempt, turnAt } from './start'
import { allStopped, beginTermination, definitionChanged, exitDue, isTerminal, killDone, processExited, removePod, restartDue, restartOrBackOff, RESYNC_MS, sendSigterm, startKill, wantsRestart } from './stop'
import { probeBackground, probeDue, probeStep, probeWhen } from './probe-step'
import { isInBackOffSinceUpdate } from './backoff'

const isDefaultWaiting = (c: ContainerRecord) =>
  c.state.kind === 'waiting' && (c.state.reason === 'ContainerCreating' || c.state.reason === 'PodInitializing')

/** Waiting for a retry that only an outside change (or time) can make succeed. */
const isRetryWait = (c: ContainerRecord) => c.state.kind === 'waiting' && !isDefaultWaiting(c)

/** An image error about an image the spec no longer names: the next sync tries the new one at once. */
const imageChanged = (s: PodSync, c: ContainerRecord) => c.failedImage !== undefined && c.state.kind === 'waiting' && isImageError(c) && s.spec(c)?.image !== c.failedImage

const isImageError = (c: ContainerRecord) =>
  c.state.kind === 'waiting' && ['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull'].includes(c.state.reason)

/** A process exit further away than this does not hold settle() (a `sleep 3600` pod is settled). */
const FAR_EXIT_MS = 60_000

const podStages: Stage<void>[] = [
  {
    name: 'notice',
    when: (s) => s.rec.startTime === undefined && !s.deleting,
    due: (s) => s.rec.noticeAt,
    run: (s) => notice(s),
  },
  {
    name: 'volumes',
    when: (s) => s.rec.startTime !== undefined && s.rec.volumesReadyAt === undefined && !s.deleting && !isTerminal(s.pod),
    due: (s) => volumesDue(s),
    background: (s) => volumesBlocked(s),
    run: (s) => setUpVolumes(s),
  },
  {
    name: 'sandbox',
    when: (s) => s.rec.volumesReadyAt !== undefined && !s.rec.sandbox && !s.deleting && !isTerminal(s.pod),
    due: (s) => s.rec.volumesReadyAt! + s.delay('sandbox', s.ctx.config.timings.containerCreateMs * 0.6),
    run: (s) => createSandbox(s),
  },
  {
    name: 'terminate',
    when: (s) => s.deleting && !s.rec.termination,
    due: (s) => s.now,
    run: (s) => beginTermination(s),
  },
  {
    name: 'remove',
    when: (s) => !!s.rec.termination && allStopped(s),
    due: (s) => s.now,
    run: (s) => removePod(s),
  },
]

const alive = (s: Parameters<Stage<void>['when']>[0]) => !s.deleting && !isTerminal(s.pod)

const containerStages: Stage<ContainerRecord>[] = [
  {
    name: 'attempt',
    when: (s, c) =>
      alive(s) && !c.pull && c.imageReadyAt === undefined && (c.attemptAt !== undefined || (c.attemptedAt === undefined && isDefaultWaiting(c))),
    due: (s, c) => (imageChanged(s, c) ? s.now : (c.attemptAt ?? turnAt(s, c))),
    background: (s, c) => c.attemptAt !== undefined && isRetryWait(c) && !imageChanged(s, c),
    run: (s, c) => startAttempt(s, c),
  },
  {
    name: 'pull',
    when: (s, c) => alive(s) && !!c.pull,
    due: (_s, c) => c.pull!.endAt,
    run: (s, c) => pullDone(s, c),
  },
  {
    name: 'pull-backoff',
    when: (s, c) => alive(s) && !c.pull && c.attemptAt === undefined && c.state.kind === 'waiting' && c.state.reason === 'ErrImagePull' && !imageChanged(s, c),
    due: (_s, c) => (c.errorAt ?? 0) + RESYNC_MS,
    run: (s, c) => {
      if (isInBackOffSinceUpdate(c.pullBackoff, s.now)) showPullBackOff(s, c)
      else c.attemptAt = s.now
    },
  },
  {
    name: 'create',
    when: (s, c) => alive(s) && c.imageReadyAt !== undefined,
    due: (s, c) => (c.restartNow ? c.imageReadyAt! : c.imageReadyAt! + s.delay(`${c.name}/create/${c.restartCount}/${c.pulls}`, s.ctx.config.timings.containerCreateMs * 0.4)),
    run: (s, c) => createAndStart(s, c),
  },
  {
    // The node's relist sees the start: the status shows the container as it is (pleg.ts).
    name: 'relist',
    when: (_s, c) => c.unseen !== undefined,
    due: (_s, c) => c.unseen!.until,
    run: (_s, c) => {
      c.unseen = undefined
    },
  },
  {
    name: 'exit',
    when: (s, c) => exitDue(s, c) !== undefined,
    due: (s, c) => exitDue(s, c),
    background: (s, c) => (exitDue(s, c) ?? 0) - s.now > FAR_EXIT_MS,
    run: (s, c) => processExited(s, c),
  },
  ...(['startup', 'readiness', 'liveness'] as const).map(
    (type): Stage<ContainerRecord> => ({
      name: `probe-${type}`,
      when: (s, c) => probeWhen(s, c, type),
      due: (s, c) => probeDue(s, c, type),
      background: (s, c) => probeBackground(s, c, type),
      run: (s, c) => probeStep(s, c, type),
    }),
  ),
  {
    name: 'definition-changed',
    when: (s, c) => alive(s) && definitionChanged(s, c),
    due: (s) => s.now,
    run: (s, c) => startKill(s, c, 'changed', `Container ${c.name} definition changed, will be restarted`),
  },
  {
    name: 'sigterm',
    when: (_s, c) => !!c.kill && !c.kill.sigtermSent,
    due: (_s, c) => c.kill!.sigtermAt,
    run: (s, c) => sendSigterm(s, c),
  },
  {
    name: 'killed',
    when: (_s, c) => !!c.kill,
    due: (_s, c) => Math.max(c.kill!.exitAt, c.kill!.sigtermAt),
    run: (s, c) => killDone(s, c),
  },
  {
    name: 'restart',
    when: (s, c) => alive(s) && wantsRestart(s, c),
    due: (s, c) => restartDue(s, c),
    run: (s, c) => restartOrBackOff(s, c),
  },
]

export const KUBELET_STAGES: StageTable = { pod: podStages, container: containerStages }

