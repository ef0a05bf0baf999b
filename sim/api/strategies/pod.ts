// Pod registry strategy (pkg/registry/core/pod/strategy.go): graceful deletion and create-time status.

import type { KindStrategy } from '../strategy'
import { writable, type KubeObject, type Pod } from '../types'

export const podStrategy: KindStrategy = {
  prepareForCreate(obj) {
    const pod = obj as Pod
    // A new pod starts Pending; status written by the client is dropped.
    writable(pod).status = { phase: 'Pending', qosClass: qosClass(pod) }
  },

  // CheckGracefulDelete: an unscheduled or finished pod goes at once; otherwise the requested grace
  // period, else spec.terminationGracePeriodSeconds (default 30).
  gracePeriod(obj, requested) {
    const pod = obj as Pod
    if (!pod.spec?.nodeName) return 0
    if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') return 0
    if (requested !== undefined && requested >= 0) return requested
    return pod.spec?.terminationGracePeriodSeconds ?? 30
  },

  // A pod in its grace period stays until the kubelet confirms the containers are gone (it then
  // deletes with grace 0).
  holdsDeletion(obj: KubeObject) {
    return (obj.metadata.deletionGracePeriodSeconds ?? 0) > 0
  },
}

/** The pod's QoS class (pkg/apis/core/helper/qos): BestEffort, Burstable or Guaranteed. */
export function qosClass(pod: Pod): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]
  let any = false
  let guaranteed = containers.length > 0
  for (const c of containers) {
    const req = c.resources?.requests ?? {}
    const lim = c.resources?.limits ?? {}
    if (Object.keys(req).length || Object.keys(lim).length) any = true
    for (const r of ['cpu', 'memory']) {
      const l = lim[r]
      const q = req[r] ?? l
      if (l === undefined || String(q) !== String(l)) guaranteed = false
    }
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}
