// Reading pod state the way upstream helpers do (k8s.io/kubernetes/pkg/api/v1/pod, podutil).

import { parseRfc3339 } from '../core/time'
import type { Pod, PodCondition } from './types'

export function podCondition(pod: Pod, type: string): PodCondition | undefined {
  const cs = pod.status?.conditions
  if (cs) for (let i = 0; i < cs.length; i++) if (cs[i].type === type) return cs[i]
  return undefined
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podCondition(pod, 'Ready')?.status === 'True'
}

/** podutil.IsPodAvailable: Ready, and Ready for at least minReadySeconds. */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false
  if (minReadySeconds <= 0) return true
  const since = parseRfc3339(podCondition(pod, 'Ready')?.lastTransitionTime)
  return since !== undefined && since + minReadySeconds * 1000 <= now
}

export function isTerminating(pod: { metadata?: { deletionTimestamp?: string } }): boolean {
  return !!pod.metadata?.deletionTimestamp
}

export function isPodTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded'
}

/** Active in the ReplicaSet/Deployment sense (controller.IsPodActive): not terminal, not being deleted. */
export function isPodActive(pod: Pod): boolean {
  return !isPodTerminal(pod) && !isTerminating(pod)
}
