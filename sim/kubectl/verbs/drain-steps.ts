// The eviction (or deletion) of a node's pods and the wait for them to go (kubectl pkg/drain/drain.go
// evictPods, deletePods, waitForDelete). Upstream starts a goroutine per pod: print `evicting pod
// ns/name`, evict; on 429 print the retry line and sleep 5 s; then poll every second until the pod is
// gone (`pod/web-0 evicted`). Here every pod is a task with the moment of its next step; due tasks
// step in list order, then time passes to the next moment through ctx.time, so the kubelets, the
// StatefulSet controller and the disruption controller act in between as they would.

import { ApiError } from '../../api/errors'
import { evictPod } from '../../api/eviction'
import type { Obj } from '../../api/types'
import { goDuration } from '../../kubelet/durations'
import type { Invocation } from '../command'
import type { DryRun } from '../mutate/flags'
import { shouldSkipPod } from './drain-filters'

type Pod = Obj<'Pod'>

export interface DrainOptions {
  force: boolean
  ignoreDaemonSets: boolean
  deleteEmptyDirData: boolean
  /** Negative: the pod's own terminationGracePeriodSeconds. */
  gracePeriodSeconds: number
  /** 0: no limit. */
  timeoutMs: number
  podSelector: string
  disableEviction: boolean
  skipWaitForDeleteTimeoutSeconds: number
  dryRun: DryRun
}

/** An error as drain passes it on: utilerrors.Aggregate prints `[a, b]` for several. */
export interface DrainError {
  messages: string[]
  aggregate: boolean
}

/** done: every pod handled. cancelled: Ctrl-C. settled: headless, and nothing can change any more. */
export type StepOutcome = 'done' | 'cancelled' | 'settled'

const RETRY_MS = 5000
const POLL_MS = 1000

interface Task {
  pod: Pod
  state: 'evict' | 'wait' | 'done'
  at: number
}

/**
 * Lets time pass until `t`. When the cluster has nothing scheduled, the headless runner's until()
 * answers at once that nothing can change (a real terminal just waits): then the clock still moves
 * to `t`, and the caller learns the cluster was idle.
 */
async function waitUntil(inv: Invocation, t: number): Promise<'ok' | 'idle' | 'cancelled'> {
  const { time, cancel, sim } = inv.ctx
  if (!sim.clock.hasForegroundTimers()) {
    const reached = await time.until(() => inv.now() >= t, undefined, cancel)
    if (cancel.cancelled) return 'cancelled'
    if (reached) return 'ok'
    await time.sleep(t - inv.now(), cancel)
    return cancel.cancelled ? 'cancelled' : 'idle'
  }
  const ok = await time.sleep(Math.max(0, t - inv.now()), cancel)
  return ok ? 'ok' : 'cancelled'
}

/** Runs the tasks to the end; returns the errors (none: every pod went). */
async function runTasks(inv: Invocation, tasks: Task[], step: (t: Task) => void, nextMoment: (t: Task) => number): Promise<DrainError | StepOutcome> {
  let idleWithoutProgress = false
  for (;;) {
    const rv = inv.api.resourceVersion()
    const pendingBefore = tasks.filter((t) => t.state !== 'done').length
    for (const t of tasks) while (t.state !== 'done' && t.at <= inv.now()) step(t)
    const active = tasks.filter((t) => t.state !== 'done')
    if (active.length === 0) return 'done'
    const progressed = inv.api.resourceVersion() !== rv || active.length < pendingBefore
    if (idleWithoutProgress && !progressed) return 'settled'
    const next = Math.min(...active.map(nextMoment))
    const waited = await waitUntil(inv, next)
    if (waited === 'cancelled') return 'cancelled'
    idleWithoutProgress = waited === 'idle'
  }
}

const podKey = (p: Pod) => ({ ns: p.metadata.namespace ?? '', name: p.metadata.name ?? '' })

/** waitForDelete's check: gone, or replaced by a pod of the same name (another uid). */
function gone(inv: Invocation, p: Pod): boolean {
  const { ns, name } = podKey(p)
  const cur = inv.api.get('Pod', ns, name)
  return !cur || cur.metadata.uid !== p.metadata.uid
}

/** evictPods: all pods at once under one deadline (--timeout). */
export async function evictPods(inv: Invocation, pods: readonly Pod[], o: DrainOptions): Promise<DrainError | StepOutcome> {
  const start = inv.now()
  const deadline = o.timeoutMs > 0 ? start + o.timeoutMs : Infinity
  const errors: string[] = []
  const tasks: Task[] = pods.map((pod) => ({ pod, state: 'evict', at: start }))
  const step = (t: Task) => {
    const { ns, name } = podKey(t.pod)
    if (t.state === 'evict') {
      inv.out(`evicting pod ${ns}/${name}${o.dryRun === 'server' ? ' (server dry run)' : ''}\n`)
      if (inv.now() >= deadline) {
        errors.push(`error when evicting pods/"${name}" -n "${ns}": global timeout reached: ${goDuration(o.timeoutMs)}`)
        t.state = 'done'
        return
      }
      try {
        evictPod(inv.api, ns, name, {
          actor: 'kubectl',
          now: inv.now(),
          gracePeriodSeconds: o.gracePeriodSeconds >= 0 ? o.gracePeriodSeconds : undefined,
          dryRun: o.dryRun === 'server',
        })
      } catch (e) {
        if (!(e instanceof ApiError)) throw e
        t.state = 'done'
        if (e.reason === 'NotFound') return
        if (e.reason === 'TooManyRequests') {
          inv.err(`error when evicting pods/"${name}" -n "${ns}" (will retry after 5s): ${e.message}\n`)
          t.state = 'evict'
          t.at = inv.now() + RETRY_MS
          return
        }
        errors.push(`error when evicting pods/"${name}" -n "${ns}": ${e.message}`)
        return
      }
      // A server dry run evicts nothing, so there is nothing to wait for.
      t.state = o.dryRun === 'server' ? 'done' : 'wait'
      return
    }
    // wait: poll at once, then every second, until the global deadline.
    if (inv.now() >= deadline) {
      errors.push(`error when waiting for pod "${name}" in namespace "${ns}" to terminate: context deadline exceeded`)
      t.state = 'done'
      return
    }
    const cur = inv.api.get('Pod', ns, name) as Pod | undefined
    if (gone(inv, t.pod)) {
      inv.out(`pod/${name} evicted\n`)
      t.state = 'done'
    } else if (cur && shouldSkipPod(cur, o.skipWaitForDeleteTimeoutSeconds, inv.now())) {
      inv.out(`pod "${name}" has DeletionTimestamp older than ${o.skipWaitForDeleteTimeoutSeconds} seconds, skipping\n`)
      t.state = 'done'
    } else {
      t.at = inv.now() + POLL_MS
    }
  }
  const r = await runTasks(inv, tasks, step, (t) => (t.state === 'wait' ? Math.min(t.at, deadline) : t.at))
  if (r !== 'done') return r
  return { messages: errors, aggregate: true }
}

/** deletePods (--disable-eviction): delete them all, then poll until they are gone. */
export async function deletePods(inv: Invocation, pods: readonly Pod[], o: DrainOptions): Promise<DrainError | StepOutcome> {
  for (const pod of pods) {
    const { ns, name } = podKey(pod)
    try {
      inv.api.delete('Pod', ns, name, {
        actor: 'kubectl',
        gracePeriodSeconds: o.gracePeriodSeconds >= 0 ? o.gracePeriodSeconds : undefined,
        dryRun: o.dryRun === 'server',
      })
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      if (e.reason !== 'NotFound') return { messages: [e.message], aggregate: false }
    }
  }
  const deadline = o.timeoutMs > 0 ? inv.now() + o.timeoutMs : Infinity
  let timedOut = false
  const tasks: Task[] = pods.map((pod) => ({ pod, state: 'wait', at: inv.now() }))
  const step = (t: Task) => {
    if (inv.now() >= deadline) {
      timedOut = true
      for (const x of tasks) x.state = 'done'
      return
    }
    if (gone(inv, t.pod)) {
      inv.out(`pod/${t.pod.metadata.name} deleted\n`)
      t.state = 'done'
    } else if (shouldSkipPod(inv.api.get('Pod', podKey(t.pod).ns, podKey(t.pod).name) as Pod, o.skipWaitForDeleteTimeoutSeconds, inv.now())) {
      inv.out(`pod "${t.pod.metadata.name}" has DeletionTimestamp older than ${o.skipWaitForDeleteTimeoutSeconds} seconds, skipping\n`)
      t.state = 'done'
    } else {
      t.at = inv.now() + POLL_MS
    }
  }
  const r = await runTasks(inv, tasks, step, (t) => Math.min(t.at, deadline))
  if (r !== 'done') return r
  return { messages: timedOut ? ['context deadline exceeded'] : [], aggregate: false }
}

/** DeleteOrEvictPods: eviction unless --disable-eviction (the server supports policy/v1 evictions). */
export function stepPods(inv: Invocation, pods: readonly Pod[], o: DrainOptions): Promise<DrainError | StepOutcome> {
  if (pods.length === 0) return Promise.resolve({ messages: [], aggregate: true })
  return o.disableEviction ? deletePods(inv, pods, o) : evictPods(inv, pods, o)
}
