// Stopping a container (kuberuntime_container.go killContainer): the Killing event, the preStop hook
// (it eats into the grace period), then the runtime's StopContainer: SIGTERM, and SIGKILL when the
// remaining grace period (at least 2 seconds) runs out. What the process does with SIGTERM is the
// image behaviour's ProcessPlan.onSigterm. Pure: the same inputs give the same times, so a restored
// session re-derives an ongoing termination from the pod's deletionTimestamp.

import type { ProcessPlan } from '../images/types'

/** minimumGracePeriodInSeconds: containers always get this long after SIGTERM. */
export const MINIMUM_GRACE_SECONDS = 2

export interface KillTiming {
  sigtermAt: number
  exitAt: number
  exitCode: number
}

export function planKill(startAt: number, graceSeconds: number, preStopMs: number, onSigterm: ProcessPlan['onSigterm'] | undefined): KillTiming {
  let grace = Math.max(0, graceSeconds)
  let hook = 0
  // The hook only runs when there is a grace period to run it in; it is cut off when that ends.
  if (preStopMs > 0 && grace > 0) {
    hook = Math.min(preStopMs, grace * 1000)
    grace -= Math.floor(hook / 1000)
  }
  if (grace < MINIMUM_GRACE_SECONDS) grace = MINIMUM_GRACE_SECONDS
  const sigtermAt = startAt + hook
  const deadline = sigtermAt + grace * 1000
  if (onSigterm === undefined || onSigterm === 'ignore' || onSigterm.exitAfterMs > grace * 1000) {
    // SIGKILL: 128 + 9.
    return { sigtermAt, exitAt: deadline, exitCode: 137 }
  }
  return { sigtermAt, exitAt: sigtermAt + Math.max(0, onSigterm.exitAfterMs), exitCode: onSigterm.exitCode }
}

/** containerd's reason for an exited container: Completed for 0, Error otherwise. */
export function exitReason(exitCode: number): string {
  return exitCode === 0 ? 'Completed' : 'Error'
}
