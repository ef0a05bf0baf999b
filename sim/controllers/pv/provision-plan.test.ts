import { describe, it, expect } from 'vitest'
import { planAttempt, retryDelay, shouldProvision, type ProvisionerClaimView } from './provision-plan'

const ME = 'rancher.io/local-path'
const wffc = { provisioner: ME, volumeBindingMode: 'WaitForFirstConsumer' }
const view = (v: Partial<ProvisionerClaimView>): ProvisionerClaimView => ({ hasVolumeName: false, requestedProvisioner: ME, cls: wffc, selectedNode: 'k8s-node1', ...v })

describe('shouldProvision', () => {
  it.each<[string, ProvisionerClaimView, boolean]>([
    ['a claim annotated for it with a selected node', view({}), true],
    ['no claim without a selected node under WaitForFirstConsumer', view({ selectedNode: undefined }), false],
    ['a claim of an Immediate class without a node', view({ selectedNode: undefined, cls: { provisioner: ME, volumeBindingMode: 'Immediate' } }), true],
    ['no claim annotated for another provisioner', view({ requestedProvisioner: 'nfs.csi.k8s.io' }), false],
    ['no claim the PV controller has not annotated', view({ requestedProvisioner: undefined }), false],
    ['no claim that already names a volume', view({ hasVolumeName: true }), false],
    ['no claim whose class is gone', view({ cls: undefined }), false],
  ])('takes %s', (_what, v, want) => {
    expect(shouldProvision(ME, v)).toBe(want)
  })
})

describe('planAttempt', () => {
  it.each([
    ['starts the first attempt', { started: 0, failed: 0 }, 1000, { kind: 'start' }],
    ['waits for a running attempt', { started: 1, lastStart: 1000, failed: 0 }, 1500, { kind: 'wait', ms: 1000 }],
    ['finishes an attempt that took its time', { started: 1, lastStart: 1000, failed: 0 }, 2500, { kind: 'finish' }],
    ['backs off 15s after the first failure', { started: 1, lastStart: 1000, failed: 1, lastFailure: 1000 }, 2000, { kind: 'wait', ms: 14_000, backoff: true }],
    ['retries when the back-off is over', { started: 1, lastStart: 1000, failed: 1, lastFailure: 1000 }, 16_000, { kind: 'start' }],
    ['gives up after 15 failures', { started: 15, lastStart: 0, failed: 15, lastFailure: 0 }, 10_000_000, { kind: 'giveUp' }],
  ])('%s', (_what, history, now, want) => {
    expect(planAttempt(history, now, 1500)).toEqual(want)
  })

  it.each([
    [1, 15_000],
    [2, 30_000],
    [3, 60_000],
    [8, 1_000_000],
  ])('backs off %i failures by %i ms (15s doubling, capped at 1000s)', (n, ms) => {
    expect(retryDelay(n)).toBe(ms)
  })
})
