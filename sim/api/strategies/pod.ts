// Pod registry strategy (pkg/registry/core/pod/strategy.go): defaulting, the admission plugins that
// run on create, create-time status, validation, and graceful deletion.

import type { KindStrategy } from '../strategy'
import { writable, type KubeObject, type Pod } from '../types'
import { defaultPod } from '../defaults/pod'
import { validatePodCreate, validatePodUpdate } from '../validation/pod'
import { admitDefaultTolerations, admitPriority, admitServiceAccount } from './admission/pod'
import { decoding, isUpdate } from './common'

export interface PodStrategyOptions {
  /**
   * Run the create-time admission plugins (ServiceAccount, Priority, DefaultTolerationSeconds) with
   * this many seconds of default toleration. Without it (bare API servers in unit tests) pods are
   * stored as submitted.
   */
  admission?: { defaultTolerationSeconds: number }
}

export function createPodStrategy(opts: PodStrategyOptions = {}): KindStrategy {
  return {
    defaults(obj) {
      decoding('Pod', () => defaultPod(obj as Pod))
    },

    prepareForCreate(obj, ctx) {
      const pod = obj as Pod
      if (opts.admission) {
        // Mutating admission, in the API server's plugin order.
        admitServiceAccount(pod, ctx)
        admitPriority(pod)
        admitDefaultTolerations(pod, opts.admission.defaultTolerationSeconds)
      }
      // A new pod starts Pending; status written by the client is dropped.
      writable(pod).status = { phase: 'Pending', qosClass: qosClass(pod) }
    },

    validate(obj, ctx) {
      return isUpdate('Pod', obj, ctx) ? [] : validatePodCreate(obj as Pod)
    },

    validateUpdate(obj, old) {
      return validatePodUpdate(obj as Pod, old as Pod)
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

    defaultPropagation: 'Background',
  }
}

/** The strategy without admission plugins (for bare API servers). */
export const podStrategy: KindStrategy = createPodStrategy()

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
