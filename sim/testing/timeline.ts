// Compact timelines of what happened to pods, for scenario tests that assert on order:
// ['+web-0', 'web-0 Running', 'web-0 Ready', '+web-1', ..., 'web-2 Terminating', '-web-2'].

import { isPodReady } from '../api/pod-util'
import type { Pod, WatchEvent } from '../api/types'
import type { Simulation } from '../simulation'
import { matches, type Selector } from '../api/selectors'

export interface Timeline {
  entries: string[]
  /** Entries with the virtual time (ms since the recorder started) in front: `1200 +web-0`. */
  timed: string[]
  stop(): void
}

export function recordPods(sim: Simulation, opts: { namespace?: string; selector?: Selector } = {}): Timeline {
  const entries: string[] = []
  const timed: string[] = []
  const t0 = sim.now()
  const push = (s: string) => {
    entries.push(s)
    timed.push(`${sim.now() - t0} ${s}`)
  }
  const stop = sim.api.watch((ev: WatchEvent) => {
    const pod = ev.object as unknown as Pod
    if (opts.namespace !== undefined && pod.metadata?.namespace !== opts.namespace) return
    if (opts.selector !== undefined && !matches(opts.selector, pod.metadata?.labels)) return
    const name = pod.metadata!.name!
    const old = ev.old as unknown as Pod | undefined
    if (ev.type === 'ADDED') return push(`+${name}`)
    if (ev.type === 'DELETED') return push(`-${name}`)
    if (pod.metadata?.deletionTimestamp && !old?.metadata?.deletionTimestamp) push(`${name} Terminating`)
    if (pod.spec?.nodeName && !old?.spec?.nodeName) push(`${name} Scheduled`)
    const phase = pod.status?.phase
    if (phase && phase !== old?.status?.phase && phase !== 'Pending') push(`${name} ${phase}`)
    if (isPodReady(pod) !== (old ? isPodReady(old) : false)) push(`${name} ${isPodReady(pod) ? 'Ready' : 'NotReady'}`)
  }, ['Pod'])
  return { entries, timed, stop }
}
