// One Recreate step (pkg/controller/deployment/recreate.go rolloutRecreate): every old ReplicaSet
// goes to 0 first; nothing new starts while any old pod still exists (a terminating pod counts: it
// may still be running); then the new ReplicaSet gets every replica at once.

import type { Deployment, Pod, ReplicaSet } from '../../api/types'
import type { ScaleAction } from './rolling'
import { deploymentComplete } from './status'
import { actualTotal, filterActive, rsReplicas, specReplicas } from './util'

export interface RecreateStep {
  phase: 'scaleDownOld' | 'waitForOldPods' | 'rollOut'
  actions: ScaleAction[]
  cleanup: boolean
}

/**
 * @param pods the Deployment's pods by the uid of their controlling ReplicaSet (getPodMapForDeployment)
 */
export function planRecreate(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[], pods: ReadonlyMap<string, readonly Pod[]>): RecreateStep {
  const down = filterActive(oldRSs).map((rs) => ({ name: rs.metadata!.name!, from: rsReplicas(rs), to: 0 }))
  if (down.length) return { phase: 'scaleDownOld', actions: down, cleanup: false }
  if (oldPodsRunning(newRS, oldRSs, pods)) return { phase: 'waitForOldPods', actions: [], cleanup: false }
  const replicas = specReplicas(d)
  const actions = newRS && rsReplicas(newRS) !== replicas ? [{ name: newRS.metadata!.name!, from: rsReplicas(newRS), to: replicas }] : []
  return { phase: 'rollOut', actions, cleanup: deploymentComplete(d, d.status) }
}

/** oldPodsRunning: old ReplicaSets still report pods, or an old pod exists that has not finished. */
export function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[], pods: ReadonlyMap<string, readonly Pod[]>): boolean {
  if (actualTotal(oldRSs) > 0) return true
  for (const [uid, list] of pods) {
    if (newRS && newRS.metadata?.uid === uid) continue
    for (const pod of list) {
      const phase = pod.status?.phase
      if (phase === 'Failed' || phase === 'Succeeded') continue
      return true
    }
  }
  return false
}
