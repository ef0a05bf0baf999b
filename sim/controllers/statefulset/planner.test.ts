import { describe, it, expect } from 'vitest'
import type { PersistentVolumeClaim, Pod } from '../../api/types'
import { planSync, type SyncInput, type Step, scaledMaxUnavailable } from './planner'
import { newVersionedPod, type Set } from './identity'

const NOW = 1_000_000_000_000
const CUR = 'web-aaaa'
const UPD = 'web-bbbb'

function set(over: Partial<NonNullable<Set['spec']>> = {}, meta: Partial<Set['metadata']> = {}): Set {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: 'set-uid', generation: 1, ...meta },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      serviceName: 'nginx',
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      ...over,
    },
    status: { replicas: 0 },
  }
}

type State = 'pending' | 'running' | 'ready' | 'terminating' | 'failed' | 'succeeded'

function pod(s: Set, ordinal: number, state: State, revision = UPD): Pod {
  const p = newVersionedPod(s, s, revision, revision, ordinal)
  const ready = state === 'ready' || state === 'terminating'
  const phase = { pending: 'Pending', running: 'Running', ready: 'Running', terminating: 'Running', failed: 'Failed', succeeded: 'Succeeded' }[state]
  return {
    ...p,
    metadata: {
      ...p.metadata,
      uid: `uid-${ordinal}`,
      namespace: 'default',
      deletionTimestamp: state === 'terminating' ? '2001-09-09T01:46:40Z' : undefined,
    },
    status: {
      phase,
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: '2001-09-09T01:40:00Z' }],
    },
  }
}

function input(s: Set, pods: Pod[], over: Partial<SyncInput> = {}): SyncInput {
  return {
    set: s,
    currentSet: s,
    updateSet: s,
    currentRevision: UPD,
    updateRevision: UPD,
    collisionCount: 0,
    pods,
    claims: new Map(),
    now: NOW,
    maxUnavailableGate: false,
    ...over,
  }
}

const brief = (steps: Step[]) => steps.map((s) => `${s.type} ${s.pod.metadata?.name}${s.type === 'delete' ? ` (${s.why})` : ''}`)

describe('planSync: OrderedReady', () => {
  it.each<[string, State[], string[]]>([
    ['creates only web-0 when nothing exists', [], ['create web-0']],
    // A Pending pod gets its missing claims re-created (a no-op when they exist), then the sync waits.
    ['waits while web-0 is Pending', ['pending'], ['createMissingClaims web-0']],
    ['waits while web-0 is Running but not Ready', ['running'], []],
    ['creates web-1 once web-0 is Ready', ['ready'], ['create web-1']],
    ['creates web-2 once web-0 and web-1 are Ready', ['ready', 'ready'], ['create web-2']],
    ['does nothing when all are Ready', ['ready', 'ready', 'ready'], []],
    ['deletes a Failed pod and stops', ['ready', 'failed', 'ready'], ['delete web-1 (failed)']],
    ['deletes a Succeeded pod too', ['succeeded'], ['delete web-0 (failed)']],
    ['waits behind a terminating pod', ['ready', 'terminating'], []],
  ])('%s', (_t, states, expected) => {
    const s = set()
    const plan = planSync(input(s, states.map((st, i) => pod(s, i, st))))
    expect(brief(plan.steps)).toEqual(expected)
  })

  it('creates pods at the update revision with the identity labels, hostname and claim volume', () => {
    const s = set()
    const [step] = planSync(input(s, [])).steps
    expect(step.type).toBe('create')
    expect(step.pod.metadata?.labels).toEqual({
      app: 'nginx',
      'statefulset.kubernetes.io/pod-name': 'web-0',
      'apps.kubernetes.io/pod-index': '0',
      'controller-revision-hash': UPD,
    })
    expect(step.pod.spec?.hostname).toBe('web-0')
    expect(step.pod.spec?.subdomain).toBe('nginx')
    expect(step.pod.spec?.volumes).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }])
    expect(step.pod.metadata?.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'set-uid', controller: true, blockOwnerDeletion: true },
    ])
  })

  it('starts at spec.ordinals.start', () => {
    const s = set({ ordinals: { start: 5 } })
    expect(brief(planSync(input(s, [])).steps)).toEqual(['create web-5'])
  })

  it('scales down from the highest ordinal, one pod per sync', () => {
    const s = set({ replicas: 1 })
    const plan = planSync(input(s, [pod(s, 0, 'ready'), pod(s, 1, 'ready'), pod(s, 2, 'ready')]))
    expect(brief(plan.steps)).toEqual(['delete web-2 (scale-down)'])
  })

  it('waits for a condemned pod to be fully gone before deleting the next', () => {
    const s = set({ replicas: 1 })
    const plan = planSync(input(s, [pod(s, 0, 'ready'), pod(s, 1, 'ready'), pod(s, 2, 'terminating')]))
    expect(plan.steps).toEqual([])
  })

  it('stalls scale-down while a lower pod is unhealthy (the e2e "hard" assertion)', () => {
    const s = set({ replicas: 0 })
    const plan = planSync(input(s, [pod(s, 0, 'running'), pod(s, 1, 'running'), pod(s, 2, 'running')]))
    expect(plan.steps).toEqual([])
  })

  it('stalls scale-down when a remaining replica is not ready', () => {
    const s = set({ replicas: 2 })
    const plan = planSync(input(s, [pod(s, 0, 'running'), pod(s, 1, 'ready'), pod(s, 2, 'ready')]))
    expect(plan.steps).toEqual([])
  })

  it('deletes the lowest unhealthy condemned pod first', () => {
    const s = set({ replicas: 1 })
    const plan = planSync(input(s, [pod(s, 0, 'ready'), pod(s, 1, 'ready'), pod(s, 2, 'running')]))
    expect(brief(plan.steps)).toEqual(['delete web-2 (scale-down)'])
  })

  it('waits for minReadySeconds before creating the next pod', () => {
    const s = set({ minReadySeconds: 600 })
    // Ready since 01:40:00, now is 01:46:40: 400 s < 600 s.
    expect(planSync(input(s, [pod(s, 0, 'ready')])).steps).toEqual([])
    const later = planSync(input(s, [pod(s, 0, 'ready')], { now: NOW + 300_000 }))
    expect(brief(later.steps)).toEqual(['create web-1'])
  })
})

describe('planSync: Parallel', () => {
  it('creates every missing pod in one sync', () => {
    const s = set({ podManagementPolicy: 'Parallel', replicas: 4 })
    expect(brief(planSync(input(s, [pod(s, 1, 'pending')])).steps)).toEqual(['create web-0', 'createMissingClaims web-1', 'create web-2', 'create web-3'])
  })

  it('deletes every condemned pod at once, healthy or not', () => {
    const s = set({ podManagementPolicy: 'Parallel', replicas: 1 })
    const plan = planSync(input(s, [pod(s, 0, 'ready'), pod(s, 1, 'running'), pod(s, 2, 'ready'), pod(s, 3, 'terminating')]))
    expect(brief(plan.steps)).toEqual(['delete web-2 (scale-down)', 'delete web-1 (scale-down)'])
  })
})

describe('planSync: rolling update', () => {
  const old = (s: Set, i: number, st: State = 'ready') => pod(s, i, st, CUR)
  const upd = { currentRevision: CUR, updateRevision: UPD }

  it('deletes the highest-ordinal pod at the old revision first', () => {
    const s = set()
    const plan = planSync(input(s, [old(s, 0), old(s, 1), old(s, 2)], upd))
    expect(brief(plan.steps)).toEqual(['delete web-2 (update)'])
    expect(plan.status.currentReplicas).toBe(2)
  })

  it('waits for the updated pod to be healthy before the next ordinal', () => {
    const s = set()
    const plan = planSync(input(s, [old(s, 0), old(s, 1), pod(s, 2, 'running')], upd))
    expect(plan.steps).toEqual([])
  })

  it('moves on to web-1 when web-2 is updated and ready', () => {
    const s = set()
    const plan = planSync(input(s, [old(s, 0), old(s, 1), pod(s, 2, 'ready')], upd))
    expect(brief(plan.steps)).toEqual(['delete web-1 (update)'])
  })

  it('leaves ordinals below the partition alone', () => {
    const s = set({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } })
    const plan = planSync(input(s, [old(s, 0), old(s, 1), pod(s, 2, 'ready')], upd))
    expect(plan.steps).toEqual([])
    expect(plan.status).toMatchObject({ currentReplicas: 2, updatedReplicas: 1, currentRevision: CUR, updateRevision: UPD })
  })

  it('recreates a deleted pod below the partition at the current revision', () => {
    const s = set({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } })
    const plan = planSync(input(s, [old(s, 0), pod(s, 2, 'ready')], upd))
    expect(brief(plan.steps)).toEqual(['create web-1'])
    expect(plan.steps[0].pod.metadata?.labels?.['controller-revision-hash']).toBe(CUR)
  })

  it('does nothing automatic with OnDelete, but recreates deleted pods at the update revision', () => {
    const s = set({ updateStrategy: { type: 'OnDelete' } })
    expect(planSync(input(s, [old(s, 0), old(s, 1), old(s, 2)], upd)).steps).toEqual([])
    const plan = planSync(input(s, [old(s, 0), old(s, 1)], upd))
    expect(plan.steps[0].pod.metadata?.labels?.['controller-revision-hash']).toBe(UPD)
  })

  it('with the MaxUnavailable gate deletes up to maxUnavailable pods at once', () => {
    const s = set({ replicas: 6, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 3, maxUnavailable: 2 } } })
    const pods = [0, 1, 2, 3, 4, 5].map((i) => old(s, i))
    const plan = planSync(input(s, pods, { ...upd, maxUnavailableGate: true }))
    expect(brief(plan.steps)).toEqual(['delete web-5 (update)', 'delete web-4 (update)'])
  })
})

describe('planSync: status', () => {
  it('counts created, ready and revision replicas', () => {
    const s = set()
    const plan = planSync(input(s, [pod(s, 0, 'ready'), pod(s, 1, 'running')]))
    expect(plan.status).toMatchObject({ replicas: 2, readyReplicas: 1, availableReplicas: 1, currentReplicas: 2, updatedReplicas: 2, observedGeneration: 1 })
  })

  it('counts a terminating pod as a replica but not as current', () => {
    const s = set()
    const plan = planSync(input(s, [pod(s, 0, 'ready'), pod(s, 1, 'terminating')]))
    expect(plan.status).toMatchObject({ replicas: 2, readyReplicas: 2, currentReplicas: 1 })
  })
})

describe('planSync: retention policy', () => {
  it('blocks creation behind a claim still owned by an earlier pod (whenScaled: Delete)', () => {
    const s = set({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' } })
    const stale: PersistentVolumeClaim = {
      metadata: { name: 'www-web-0', namespace: 'default', ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'web-0', uid: 'old-uid', controller: true }] },
    }
    const plan = planSync(input(s, [], { claims: new Map([['www-web-0', stale]]) }))
    expect(plan.steps).toEqual([])
  })

  it('gives a condemned pod\'s claims their refs before deleting it', () => {
    const s = set({ replicas: 1, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' } })
    const claim: PersistentVolumeClaim = { metadata: { name: 'www-web-1', namespace: 'default' } }
    const plan = planSync(input(s, [pod(s, 0, 'ready'), pod(s, 1, 'ready')], { claims: new Map([['www-web-1', claim]]) }))
    expect(brief(plan.steps)).toEqual(['fixClaims web-1', 'delete web-1 (scale-down)'])
  })
})

describe('scaledMaxUnavailable', () => {
  it.each([
    [undefined, 5, 1],
    [2, 5, 2],
    ['50%', 5, 2],
    ['10%', 5, 1],
  ])('%j of %i replicas is %i', (value, replicas, expected) => {
    expect(scaledMaxUnavailable(value as never, replicas)).toBe(expected)
  })
})
