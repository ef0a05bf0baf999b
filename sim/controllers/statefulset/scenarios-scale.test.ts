// StatefulSet scenarios on the whole simulated cluster: creation order, scaling, identity.
import { describe, it, expect } from 'vitest'
import { testSim } from '../../testing/harness'
import { applyWeb, editWeb, podNames, stsEvents } from '../../testing/fixtures'
import { recordPods } from '../../testing/timeline'
import { watchInvariants } from '../../testing/invariants'
import type { Pod } from '../../api/types'

const pod = (sim: ReturnType<typeof testSim>, name: string) => sim.api.read('Pod', 'default', name) as unknown as Pod

describe('creating a StatefulSet (OrderedReady)', () => {
  it('starts web-0, web-1, web-2 one after another, each only once the previous is Running and Ready', () => {
    const sim = testSim()
    const tl = recordPods(sim, { namespace: 'default' })
    const inv = watchInvariants(sim, 'default', 'web')
    applyWeb(sim)
    sim.settle()
    const created = tl.entries.filter((e) => e.startsWith('+'))
    expect(created).toEqual(['+web-0', '+web-1', '+web-2'])
    const order = tl.entries.filter((e) => /^\+|Ready$/.test(e))
    expect(order).toEqual(['+web-0', 'web-0 Ready', '+web-1', 'web-1 Ready', '+web-2', 'web-2 Ready'])
    expect(inv.violations).toEqual([])
  })

  it('shows web-0 only, not yet ready, right after the apply', () => {
    const sim = testSim()
    applyWeb(sim)
    expect(podNames(sim)).toEqual(['web-0'])
    expect(pod(sim, 'web-0').status?.phase).toBe('Pending')
  })

  it('gives each pod its identity: hostname, subdomain, pod-name, pod-index and revision labels', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    const p = pod(sim, 'web-1')
    const sts = sim.api.read('StatefulSet', 'default', 'web')
    expect(p.spec?.hostname).toBe('web-1')
    expect(p.spec?.subdomain).toBe('nginx')
    expect(p.metadata?.labels).toEqual({
      app: 'nginx',
      'apps.kubernetes.io/pod-index': '1',
      'controller-revision-hash': sts.status?.updateRevision,
      'statefulset.kubernetes.io/pod-name': 'web-1',
    })
    expect(p.metadata?.generateName).toBe('web-')
  })

  it('creates one claim per ordinal, www-web-N, labelled with the selector, before the pod', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    const claims = sim.api.list('PersistentVolumeClaim', { namespace: 'default' })
    expect(claims.map((c) => [c.metadata.name, c.metadata.labels, c.status?.phase])).toEqual([
      ['www-web-0', { app: 'nginx' }, 'Bound'],
      ['www-web-1', { app: 'nginx' }, 'Bound'],
      ['www-web-2', { app: 'nginx' }, 'Bound'],
    ])
    expect(pod(sim, 'web-2').spec?.volumes?.[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-2' } })
  })

  it('records the upstream events on the StatefulSet', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    expect(stsEvents(sim)).toEqual([
      'Normal SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful',
      'Normal SuccessfulCreate create Claim www-web-1 Pod web-1 in StatefulSet web success',
      'Normal SuccessfulCreate create Pod web-1 in StatefulSet web successful',
      'Normal SuccessfulCreate create Claim www-web-2 Pod web-2 in StatefulSet web success',
      'Normal SuccessfulCreate create Pod web-2 in StatefulSet web successful',
    ])
  })

  it('reports the status of a settled set: all replicas ready, current and update revision equal', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    const st = sim.api.read('StatefulSet', 'default', 'web').status!
    expect(st).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3, currentReplicas: 3, updatedReplicas: 3, observedGeneration: 1 })
    expect(st.currentRevision).toBe(st.updateRevision)
    expect(st.currentRevision).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{9,10}$/)
  })

  it('starts at spec.ordinals.start', () => {
    const sim = testSim()
    applyWeb(sim, { ordinalsStart: 3, replicas: 2 })
    sim.settle()
    expect(podNames(sim)).toEqual(['web-3', 'web-4'])
  })

  it('holds web-1 back while web-0 never becomes Ready', () => {
    const sim = testSim()
    applyWeb(sim, { readinessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 2 } })
    sim.settle(120_000)
    expect(podNames(sim)).toEqual(['web-0'])
    expect(pod(sim, 'web-0').status?.phase).toBe('Running')
  })
})

describe('creating a StatefulSet (Parallel)', () => {
  it('creates every pod at once', () => {
    const sim = testSim()
    const tl = recordPods(sim, { namespace: 'default' })
    applyWeb(sim, { podManagementPolicy: 'Parallel' })
    expect(podNames(sim)).toEqual(['web-0', 'web-1', 'web-2'])
    sim.settle()
    expect(tl.entries.slice(0, 3)).toEqual(['+web-0', '+web-1', '+web-2'])
  })
})

describe('scaling a StatefulSet', () => {
  it('scales up in order: web-3 only after web-0..2 are Ready, web-4 after web-3', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    const tl = recordPods(sim, { namespace: 'default' })
    editWeb(sim, (s) => (s.replicas = 5))
    sim.settle()
    expect(tl.entries.filter((e) => /^\+|Ready$/.test(e))).toEqual(['+web-3', 'web-3 Ready', '+web-4', 'web-4 Ready'])
  })

  it('scales down from the highest ordinal, one pod at a time, each fully gone before the next', () => {
    const sim = testSim()
    applyWeb(sim, { replicas: 5 })
    sim.settle()
    const tl = recordPods(sim, { namespace: 'default' })
    editWeb(sim, (s) => (s.replicas = 2))
    sim.settle()
    expect(tl.entries.filter((e) => /^-|Terminating$/.test(e))).toEqual([
      'web-4 Terminating',
      '-web-4',
      'web-3 Terminating',
      '-web-3',
      'web-2 Terminating',
      '-web-2',
    ])
  })

  it('keeps the claims of scaled-down pods and reuses them when scaling back up', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    const uid = sim.api.read('PersistentVolumeClaim', 'default', 'www-web-2').metadata.uid
    editWeb(sim, (s) => (s.replicas = 1))
    sim.settle()
    expect(sim.api.list('PersistentVolumeClaim', { namespace: 'default' }).map((c) => c.metadata.name)).toEqual(['www-web-0', 'www-web-1', 'www-web-2'])
    editWeb(sim, (s) => (s.replicas = 3))
    sim.settle()
    expect(sim.api.read('PersistentVolumeClaim', 'default', 'www-web-2').metadata.uid).toBe(uid)
    expect(podNames(sim)).toEqual(['web-0', 'web-1', 'web-2'])
  })

  it('stalls scale-down while a remaining pod is not Ready', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    sim.failNode(pod(sim, 'web-0').spec!.nodeName!)
    sim.advance(60_000) // the node is NotReady: its pods are no longer Ready
    editWeb(sim, (s) => (s.replicas = 1))
    sim.advance(60_000)
    expect(podNames(sim)).toContain('web-2')
    expect(sim.api.read('Pod', 'default', 'web-2').metadata.deletionTimestamp).toBeUndefined()
  })

  it('deletes every extra pod at once in Parallel mode', () => {
    const sim = testSim()
    applyWeb(sim, { podManagementPolicy: 'Parallel', replicas: 4 })
    sim.settle()
    const tl = recordPods(sim, { namespace: 'default' })
    editWeb(sim, (s) => (s.replicas = 1))
    expect(tl.entries.filter((e) => e.endsWith('Terminating')).sort()).toEqual(['web-1 Terminating', 'web-2 Terminating', 'web-3 Terminating'])
  })
})
