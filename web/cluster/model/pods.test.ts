// How kubectl's STATUS cell of a pod maps to the stage the view colours and animates
// (kubectl-output.md §1.5: the cell is printers.go printPod's reason).

import { describe, expect, it } from 'vitest'
import { podStage } from './pods'

describe('podStage', () => {
  it.each([
    ['Pending', false, false, 'pending'],
    ['SchedulingGated', false, false, 'pending'],
    ['ContainerCreating', false, false, 'creating'],
    ['PodInitializing', false, false, 'creating'],
    ['Init:0/1', false, false, 'creating'],
    ['Running', false, false, 'running'],
    ['Running', true, false, 'ready'],
    ['NotReady', false, false, 'running'],
    ['Terminating', true, true, 'terminating'],
    ['Running', true, true, 'terminating'],
    ['Completed', false, false, 'succeeded'],
    ['CrashLoopBackOff', false, false, 'error'],
    ['ImagePullBackOff', false, false, 'error'],
    ['Init:CrashLoopBackOff', false, false, 'error'],
    ['ExitCode:137', false, false, 'error'],
    ['Unknown', false, true, 'unknown'],
  ] as const)('puts %s (ready %s, deleting %s) in the %s stage', (status, ready, deleting, stage) => {
    expect(podStage(status, ready, deleting)).toBe(stage)
  })
})
