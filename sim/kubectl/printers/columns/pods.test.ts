// The pods table cells (printers.go printPod; statefulset-controller.md §6.1, kubectl-output.md §1.5).

import { describe, expect, it } from 'vitest'
import type { ContainerStatus, Obj } from '../../../api/types'
import { podRow } from './pods'

const NOW = Date.UTC(2024, 6, 16, 10, 26, 58)

function pod(status: Record<string, unknown>, extra: { deletionTimestamp?: string; initContainers?: unknown[]; readinessGates?: unknown[] } = {}): Obj<'Pod'> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-0', namespace: 'default', creationTimestamp: '2024-07-16T10:21:30Z', deletionTimestamp: extra.deletionTimestamp },
    spec: {
      containers: [{ name: 'nginx', image: 'nginx' }],
      initContainers: extra.initContainers as never,
      readinessGates: extra.readinessGates as never,
      nodeName: 'kind-worker',
    },
    status: status as never,
  }
}

const running: ContainerStatus = { name: 'nginx', image: 'nginx', imageID: '', ready: true, restartCount: 0, state: { running: { startedAt: '2024-07-16T10:21:39Z' } } }
const waiting = (reason: string): ContainerStatus => ({ name: 'nginx', image: 'nginx', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason } } })

const cells = (p: Obj<'Pod'>) => podRow(p, NOW)

describe('pod STATUS', () => {
  it('is the phase of a running pod', () => {
    expect(cells(pod({ phase: 'Running', containerStatuses: [running] }))[2]).toBe('Running')
  })

  it('is Pending for an unscheduled pod', () => {
    expect(cells(pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }] }))[2]).toBe('Pending')
  })

  it('is the waiting reason of a container (ContainerCreating)', () => {
    expect(cells(pod({ phase: 'Pending', containerStatuses: [waiting('ContainerCreating')] }))[2]).toBe('ContainerCreating')
  })

  it('is CrashLoopBackOff for a crashing container', () => {
    expect(cells(pod({ phase: 'Running', containerStatuses: [waiting('CrashLoopBackOff')] }))[2]).toBe('CrashLoopBackOff')
  })

  it('is the terminated reason (Completed, Error)', () => {
    const term = (reason: string, exitCode: number): ContainerStatus => ({ ...waiting('x'), state: { terminated: { reason, exitCode } } })
    expect([cells(pod({ phase: 'Succeeded', containerStatuses: [term('Completed', 0)] }))[2], cells(pod({ phase: 'Failed', containerStatuses: [term('Error', 1)] }))[2]]).toEqual([
      'Completed',
      'Error',
    ])
  })

  it('is ExitCode:N or Signal:N when a terminated container has no reason', () => {
    const term = (t: Record<string, number>): ContainerStatus => ({ ...waiting('x'), state: { terminated: t as never } })
    expect([cells(pod({ phase: 'Failed', containerStatuses: [term({ exitCode: 2 })] }))[2], cells(pod({ phase: 'Failed', containerStatuses: [term({ exitCode: 137, signal: 9 })] }))[2]]).toEqual([
      'ExitCode:2',
      'Signal:9',
    ])
  })

  it('is the pod reason when it has one (Evicted)', () => {
    expect(cells(pod({ phase: 'Failed', reason: 'Evicted' }))[2]).toBe('Evicted')
  })

  it('is SchedulingGated while a scheduling gate holds the pod', () => {
    expect(cells(pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }))[2]).toBe('SchedulingGated')
  })

  it('is Init:i/n while init containers run', () => {
    const init = [{ name: 'init', image: 'busybox' }]
    const s = { name: 'init', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { running: {} } }
    expect(cells(pod({ phase: 'Pending', initContainerStatuses: [s], containerStatuses: [waiting('PodInitializing')] }, { initContainers: init }))[2]).toBe('Init:0/1')
  })

  it('is Init:<reason> when an init container waits with a reason', () => {
    const init = [{ name: 'init', image: 'busybox' }]
    const s = { name: 'init', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ErrImagePull' } } }
    expect(cells(pod({ phase: 'Pending', initContainerStatuses: [s] }, { initContainers: init }))[2]).toBe('Init:ErrImagePull')
  })

  it('is Terminating for a deleted pod that has not finished', () => {
    expect(cells(pod({ phase: 'Running', containerStatuses: [running] }, { deletionTimestamp: '2024-07-16T10:27:08Z' }))[2]).toBe('Terminating')
  })

  it('keeps Completed for a deleted pod that succeeded', () => {
    const done: ContainerStatus = { ...waiting('x'), state: { terminated: { reason: 'Completed', exitCode: 0 } } }
    expect(cells(pod({ phase: 'Succeeded', containerStatuses: [done] }, { deletionTimestamp: '2024-07-16T10:27:08Z' }))[2]).toBe('Completed')
  })

  it('is Unknown for a deleted pod of an unreachable node', () => {
    expect(cells(pod({ phase: 'Running', reason: 'NodeLost', containerStatuses: [running] }, { deletionTimestamp: '2024-07-16T10:27:08Z' }))[2]).toBe('Unknown')
  })
})

describe('pod READY and RESTARTS', () => {
  it('counts ready containers over all containers', () => {
    expect(cells(pod({ phase: 'Running', containerStatuses: [{ ...running, ready: false }] }))[1]).toBe('0/1')
  })

  it('shows when the last restart happened', () => {
    const restarted: ContainerStatus = { ...running, restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: '2024-07-16T10:21:56Z' } } }
    expect(cells(pod({ phase: 'Running', containerStatuses: [restarted] }))[3]).toBe('2 (5m2s ago)')
  })

  it('shows a bare count when no termination is recorded', () => {
    expect(cells(pod({ phase: 'Running', containerStatuses: [{ ...running, restartCount: 1 }] }))[3]).toBe('1')
  })
})

describe('pod wide columns', () => {
  it('shows <none> for missing IP, nominated node and readiness gates', () => {
    expect(cells(pod({ phase: 'Pending' })).slice(5)).toEqual(['<none>', 'kind-worker', '<none>', '<none>'])
  })

  it('counts true readiness gates', () => {
    const p = pod({ phase: 'Running', conditions: [{ type: 'example.com/ready', status: 'True' }] }, { readinessGates: [{ conditionType: 'example.com/ready' }, { conditionType: 'other' }] })
    expect(cells(p)[8]).toBe('1/2')
  })
})
