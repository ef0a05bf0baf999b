// getPhase (kubelet_pods.go) and the kubelet's conditions (status/generate.go) as a table.

import { describe, expect, it } from 'vitest'
import type { ContainerRecord, ContainerState, PodRecord } from './model'
import { buildPodStatus, podPhase } from './pod-status'
import type { PodObj } from './spec'

const term = (exitCode: number): ContainerState => ({ kind: 'terminated', term: { exitCode, reason: exitCode ? 'Error' : 'Completed', startedAt: 0, finishedAt: 1000, containerId: 'c'.repeat(64) } })
const running: ContainerState = { kind: 'running', containerId: 'a'.repeat(64), startedAt: 0 }
const waiting = (reason: 'ContainerCreating' | 'CrashLoopBackOff' | 'PodInitializing'): ContainerState => ({ kind: 'waiting', reason })

function record(states: ContainerState[], opts: { init?: ContainerState[]; lastTerminated?: boolean; ready?: boolean } = {}): PodRecord {
  const make = (name: string, init: boolean, state: ContainerState): ContainerRecord => ({
    name,
    init,
    state,
    restartCount: 0,
    started: state.kind === 'running',
    ready: opts.ready ?? (init ? state.kind === 'terminated' && state.term.exitCode === 0 : state.kind === 'running'),
    pulls: 0,
    probes: {},
    lastTerminated: opts.lastTerminated ? { exitCode: 1, reason: 'Error', startedAt: 0, finishedAt: 1000, containerId: 'c'.repeat(64) } : undefined,
  })
  return {
    uid: 'u',
    namespace: 'default',
    name: 'p',
    node: 'k8s-node1',
    noticeAt: 0,
    startTime: 0,
    sandbox: { ip: '10.244.1.2', at: 0 },
    containers: [...(opts.init ?? []).map((s, i) => make(`init${i}`, true, s)), ...states.map((s, i) => make(`c${i}`, false, s))],
    scopedVolumes: [],
  }
}

function pod(policy: string, names: { containers: number; init?: number }): PodObj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', uid: 'u' },
    spec: {
      restartPolicy: policy,
      containers: Array.from({ length: names.containers }, (_, i) => ({ name: `c${i}`, image: 'nginx' })),
      initContainers: Array.from({ length: names.init ?? 0 }, (_, i) => ({ name: `init${i}`, image: 'busybox' })),
    },
  } as PodObj
}

describe('podPhase', () => {
  it.each([
    ['Always', [waiting('ContainerCreating')], {}, 'Pending'],
    ['Always', [running], {}, 'Running'],
    ['Always', [running, waiting('ContainerCreating')], {}, 'Pending'],
    ['Always', [term(1)], {}, 'Running'],
    ['Always', [waiting('CrashLoopBackOff')], { lastTerminated: true }, 'Running'],
    ['Never', [term(0)], {}, 'Succeeded'],
    ['Never', [term(1)], {}, 'Failed'],
    ['OnFailure', [term(0)], {}, 'Succeeded'],
    ['OnFailure', [term(1)], {}, 'Running'],
    ['OnFailure', [term(0), running], {}, 'Running'],
    ['Always', [waiting('PodInitializing')], { init: [running] }, 'Pending'],
    ['Never', [waiting('PodInitializing')], { init: [term(1)] }, 'Failed'],
    ['Always', [running], { init: [term(0)] }, 'Running'],
  ] as const)('%s with %j (%j) is %s', (policy, states, opts, phase) => {
    const rec = record([...states], { init: 'init' in opts ? [...opts.init] : undefined, lastTerminated: 'lastTerminated' in opts })
    expect(podPhase(pod(policy, { containers: states.length, init: 'init' in opts ? opts.init.length : 0 }), rec)).toBe(phase)
  })
})

describe('the kubelet conditions', () => {
  it('name the containers that are not ready, space-separated as Go prints a []string', () => {
    const st = buildPodStatus(pod('Always', { containers: 2 }), record([running, waiting('ContainerCreating')], { ready: false }), '192.168.56.11', 0)
    expect(st.conditions!.find((c) => c.type === 'ContainersReady')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [c0 c1]' })
  })

  it('say PodCompleted for a pod that succeeded', () => {
    const st = buildPodStatus(pod('Never', { containers: 1 }), record([term(0)]), '192.168.56.11', 0)
    expect(st.conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' })
  })

  it('keep a condition’s lastTransitionTime while its status stays the same', () => {
    const p = pod('Always', { containers: 1 })
    const first = buildPodStatus(p, record([running]), '192.168.56.11', 1_000_000)
    const again = buildPodStatus({ ...p, status: first }, record([running]), '192.168.56.11', 9_000_000)
    expect(again.conditions).toEqual(first.conditions)
  })
})
