// When an external provisioner works on a claim (sig-storage-lib-external-provisioner controller.go
// shouldProvision, provisionClaimOperation and its retry queue), as pure functions. The state of an
// attempt is read back from the provisioner's own events, which are API objects: a `Provisioning`
// event starts an attempt, a `ProvisioningFailed` event ends one; the PV appears when one succeeds.
// So a restored session resumes where it was without any memory of its own.

export interface ProvisionerClaimView {
  /** spec.volumeName is set: nothing to provision. */
  hasVolumeName: boolean
  /** The provisioner the PV controller named (volume.kubernetes.io/storage-provisioner, else beta). */
  requestedProvisioner: string | undefined
  /** The claim's StorageClass, if it exists. */
  cls: { provisioner?: string; volumeBindingMode?: string } | undefined
  selectedNode: string | undefined
}

/** shouldProvision: the claim names this provisioner, its class is ours, and under WaitForFirstConsumer the scheduler picked a node. */
export function shouldProvision(me: string, c: ProvisionerClaimView): boolean {
  if (c.hasVolumeName) return false
  if (c.requestedProvisioner !== me) return false
  if (!c.cls || c.cls.provisioner !== me) return false
  if (c.cls.volumeBindingMode === 'WaitForFirstConsumer') return !!c.selectedNode
  return true
}

export interface AttemptHistory {
  /** How many attempts started (the Provisioning event's count) and when the last one did. */
  started: number
  lastStart?: number
  /** How many failed (ProvisioningFailed counts) and when the last failure was. */
  failed: number
  lastFailure?: number
}

export type AttemptPlan =
  /** Start an attempt now: say Provisioning, then provision. */
  | { kind: 'start' }
  /**
   * Something is under way: an attempt (its end changes things), or the back-off after a failure
   * (`backoff`: retrying the same inputs changes nothing but the event count).
   */
  | { kind: 'wait'; ms: number; backoff?: boolean }
  /** The running attempt has taken its time: create the PV. */
  | { kind: 'finish' }
  /** failedProvisionThreshold reached: stop trying. */
  | { kind: 'giveUp' }

/** The lib's defaults: claim retries back off from 15s, doubling up to 1000s, at most 15 times. */
export const RETRY_BASE_MS = 15_000
export const RETRY_MAX_MS = 1_000_000
export const FAILED_PROVISION_THRESHOLD = 15

export function retryDelay(failures: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, failures - 1), RETRY_MAX_MS)
}

/** What to do now, given the attempts so far and how long an attempt takes. */
export function planAttempt(h: AttemptHistory, now: number, attemptMs: number): AttemptPlan {
  if (h.started === 0) return { kind: 'start' }
  if (h.started > h.failed) {
    const due = (h.lastStart ?? now) + attemptMs
    return now >= due ? { kind: 'finish' } : { kind: 'wait', ms: due - now }
  }
  if (h.failed >= FAILED_PROVISION_THRESHOLD) return { kind: 'giveUp' }
  const retryAt = (h.lastFailure ?? now) + retryDelay(h.failed)
  return now >= retryAt ? { kind: 'start' } : { kind: 'wait', ms: retryAt - now, backoff: true }
}
