// StatefulSet scenarios: rolling updates, partitions, OnDelete, rollbacks, revision history.
import { describe, it, expect } from 'vitest'
import { testSim } from '../../testing/harness'
import { applyWeb, editWeb, stsEvents } from '../../testing/fixtures'
import { recordPods } from '../../testing/timeline'
import type { Pod } from '../../api/types'

type Sim = ReturnType<typeof testSim>
const NEW_IMAGE = 'registry.k8s.io/nginx-slim:0.27'
const revisionOf = (sim: Sim, name: string) => (sim.api.read('Pod', 'default', name) as unknown as Pod).metadata?.labels?.['controller-revision-hash']
const imageOf = (sim: Sim, name: string) => (sim.api.read('Pod', 'default', name) as unknown as Pod).spec?.containers[0].image
const setImage = (sim: Sim, image: string) => editWeb(sim, (s) => (s.template.spec.containers[0].image = image))
const status = (sim: Sim) => sim.api.read('StatefulSet', 'default', 'web').status!
const revisions = (sim: Sim) =>
  sim.api.list('ControllerRevision', { namespace: 'default' }).map((r) => [r.metadata.name, (r as unknown as { revision: number }).revision])

describe('a rolling update', () => {
  it('replaces pods from the highest ordinal down, each Ready before the next goes', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    const tl = recordPods(sim, { namespace: 'default' })
    setImage(sim, NEW_IMAGE)
    sim.settle()
    expect(tl.entries.filter((e) => /^[+-]| Ready$/.test(e))).toEqual([
      '-web-2', '+web-2', 'web-2 Ready',
      '-web-1', '+web-1', 'web-1 Ready',
      '-web-0', '+web-0', 'web-0 Ready',
    ])
    expect(['web-0', 'web-1', 'web-2'].map((n) => imageOf(sim, n))).toEqual([NEW_IMAGE, NEW_IMAGE, NEW_IMAGE])
  })

  it('creates a second ControllerRevision and rolls the current revision over when done', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    const first = status(sim).currentRevision
    setImage(sim, NEW_IMAGE)
    const during = status(sim)
    expect(during.currentRevision).toBe(first)
    expect(during.updateRevision).not.toBe(first)
    sim.settle()
    const after = status(sim)
    expect(after.currentRevision).toBe(after.updateRevision)
    expect(after).toMatchObject({ currentReplicas: 3, updatedReplicas: 3, readyReplicas: 3 })
    expect(revisions(sim).map(([, r]) => r).sort()).toEqual([1, 2])
  })

  it('records a SuccessfulDelete, and the repeated SuccessfulCreate aggregates into one event (count 2)', () => {
    const sim = testSim()
    applyWeb(sim, { replicas: 1 })
    sim.settle()
    setImage(sim, NEW_IMAGE)
    sim.settle()
    expect(stsEvents(sim)).toEqual([
      'Normal SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful',
      'Normal SuccessfulDelete delete Pod web-0 in StatefulSet web successful',
    ])
    const create = sim.api.list('Event', { namespace: 'default' }).find((e) => (e as unknown as { message: string }).message === 'create Pod web-0 in StatefulSet web successful')
    expect((create as unknown as { count: number }).count).toBe(2)
  })

  it('does not create a revision for a change outside the template (replicas)', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    editWeb(sim, (s) => (s.replicas = 4))
    sim.settle()
    expect(revisions(sim)).toHaveLength(1)
  })

  it('stops behind an updated pod that never becomes Ready', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    setImage(sim, 'registry.k8s.io/nginx-slim:9.99')
    sim.settle(300_000)
    expect(imageOf(sim, 'web-2')).toBe('registry.k8s.io/nginx-slim:9.99')
    expect(imageOf(sim, 'web-1')).toBe('registry.k8s.io/nginx-slim:0.24')
    expect((sim.api.read('Pod', 'default', 'web-2') as unknown as Pod).status?.containerStatuses?.[0].state?.waiting?.reason).toMatch(/ErrImagePull|ImagePullBackOff/)
  })
})

describe('a partitioned rolling update', () => {
  const partitioned = (p: number) => ({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: p } } })

  it('updates only ordinals at or above the partition and keeps the revisions apart', () => {
    const sim = testSim()
    applyWeb(sim, partitioned(2))
    sim.settle()
    setImage(sim, NEW_IMAGE)
    sim.settle()
    expect(['web-0', 'web-1', 'web-2'].map((n) => imageOf(sim, n))).toEqual(['registry.k8s.io/nginx-slim:0.24', 'registry.k8s.io/nginx-slim:0.24', NEW_IMAGE])
    const st = status(sim)
    expect(st).toMatchObject({ currentReplicas: 2, updatedReplicas: 1 })
    expect(st.currentRevision).not.toBe(st.updateRevision)
  })

  it('recreates a deleted pod below the partition at the old revision', () => {
    const sim = testSim()
    applyWeb(sim, partitioned(2))
    sim.settle()
    const old = status(sim).currentRevision
    setImage(sim, NEW_IMAGE)
    sim.settle()
    sim.api.delete('Pod', 'default', 'web-1', { actor: 'kubectl' })
    sim.settle()
    expect(revisionOf(sim, 'web-1')).toBe(old)
    expect(imageOf(sim, 'web-1')).toBe('registry.k8s.io/nginx-slim:0.24')
  })

  it('continues the rollout when the partition is lowered (a phased roll out)', () => {
    const sim = testSim()
    applyWeb(sim, partitioned(2))
    sim.settle()
    setImage(sim, NEW_IMAGE)
    sim.settle()
    editWeb(sim, (s) => (s.updateStrategy.rollingUpdate.partition = 0))
    sim.settle()
    expect(['web-0', 'web-1', 'web-2'].map((n) => imageOf(sim, n))).toEqual([NEW_IMAGE, NEW_IMAGE, NEW_IMAGE])
    expect(status(sim).currentRevision).toBe(status(sim).updateRevision)
  })
})

describe('the OnDelete strategy', () => {
  it('changes nothing by itself and recreates a deleted pod at the new revision', () => {
    const sim = testSim()
    applyWeb(sim, { updateStrategy: { type: 'OnDelete' } })
    sim.settle()
    setImage(sim, NEW_IMAGE)
    sim.settle()
    expect(imageOf(sim, 'web-2')).toBe('registry.k8s.io/nginx-slim:0.24')
    sim.api.delete('Pod', 'default', 'web-0', { actor: 'kubectl' })
    sim.settle()
    expect(imageOf(sim, 'web-0')).toBe(NEW_IMAGE)
    expect(imageOf(sim, 'web-2')).toBe('registry.k8s.io/nginx-slim:0.24')
  })
})

describe('rolling back', () => {
  it('reuses the old ControllerRevision, re-numbered as the newest', () => {
    const sim = testSim()
    applyWeb(sim)
    sim.settle()
    const first = status(sim).currentRevision!
    setImage(sim, NEW_IMAGE)
    sim.settle()
    setImage(sim, 'registry.k8s.io/nginx-slim:0.24')
    sim.settle()
    expect(revisions(sim)).toHaveLength(2)
    expect(revisions(sim).find(([n]) => n === first)?.[1]).toBe(3)
    expect(status(sim).currentRevision).toBe(first)
  })
})

describe('revision history', () => {
  it('keeps only revisionHistoryLimit old revisions', () => {
    const sim = testSim()
    applyWeb(sim, { replicas: 1, revisionHistoryLimit: 1 })
    sim.settle()
    for (const tag of ['1.25', '1.26', '1.27']) {
      setImage(sim, `nginx:${tag}`)
      sim.settle()
    }
    // The live revision plus one historic one.
    expect(revisions(sim).map(([, r]) => r).sort()).toEqual([3, 4])
  })
})

describe('minReadySeconds', () => {
  it('waits until a pod has been ready that long before starting the next', () => {
    const sim = testSim()
    applyWeb(sim, { replicas: 2, minReadySeconds: 30 })
    const tl = recordPods(sim, { namespace: 'default' })
    sim.settle()
    // Available once the Ready condition's (whole-second) transition time is 30 s old.
    const readySince = Date.parse((sim.api.read('Pod', 'default', 'web-0') as unknown as Pod).status!.conditions!.find((c) => c.type === 'Ready')!.lastTransitionTime!)
    const created = Date.parse(sim.api.read('Pod', 'default', 'web-1').metadata.creationTimestamp!)
    expect(created - readySince).toBeGreaterThanOrEqual(30_000)
    expect(tl.entries.indexOf('+web-1')).toBeGreaterThan(tl.entries.indexOf('web-0 Ready'))
    expect(status(sim)).toMatchObject({ availableReplicas: 2, readyReplicas: 2 })
  })
})
