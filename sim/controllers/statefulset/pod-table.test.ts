// The StatefulSet controller's pod table against the store it mirrors. Random writes to pods, claims
// and the set: whenever the table answers for the set, its pods and every per-pod answer must be what
// claimPods and the planner's own checks work out from the store. Then whole scenarios in strict mode,
// where the controller itself re-plans every table-based sync from the store and fails on any difference.

import { describe, expect, it } from 'vitest'
import { controllerOf } from '../../api/owners'
import type { KubeObject, Obj, Pod } from '../../api/types'
import { Rng } from '../../core/rng'
import { testSim } from '../../testing/harness'
import { applyWeb, editWeb, podNames, webStatefulSet } from '../../testing/fixtures'
import { restoreSimulation } from '../../simulation'
import { podClaim } from './claim'
import { ClaimLookup, PlainRow } from './pod-facts'
import { PodTable } from './pod-table'
import { countStatus, processReplica, type Step } from './planner'
import type { Set } from './identity'

type Sim = ReturnType<typeof testSim>
const NAMES = ['web-0', 'web-1', 'web-2', 'web-3', 'web-4', 'web-01', 'web-x', 'db-1']

/** What claimPods would do: the pods it returns, and whether it would adopt or release any. */
function fromStore(sim: Sim, set: Set): { pods: Pod[]; writes: boolean } {
  const pods: Pod[] = []
  let writes = false
  for (const pod of sim.api.claimable('Pod', 'default', set.metadata.uid!)) {
    const claim = podClaim(set, pod as Pod)
    if (claim === 'own') pods.push(pod as Pod)
    else if (claim !== 'skip') writes = true
  }
  return { pods, writes }
}

function randomWrite(sim: Sim, rng: Rng, set: () => Set): string {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]
  const pods = sim.api.list('Pod', { namespace: 'default' })
  const claims = sim.api.list('PersistentVolumeClaim', { namespace: 'default' })
  const owner = () => {
    const r = rng.next()
    if (r < 0.5) return [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set().metadata.uid!, controller: true }]
    if (r < 0.65) return [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'another-uid', controller: true }]
    return undefined
  }
  const policyOwner = () => (set().spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete' ? setRef() : undefined)
  const setRef = () => [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set().metadata.uid!, controller: true }]
  const createClaim = (name: string, ownerReferences: unknown) => {
    const claim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, ownerReferences }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }
    sim.api.create(claim as unknown as KubeObject, { actor: 'kubectl' })
  }
  const labels = () => (rng.next() < 0.8 ? { app: 'nginx' } : { app: 'other' })
  const op = Math.floor(rng.next() * 8)
  const as = { actor: 'kubectl' as const }
  if (op === 0 || pods.length === 0) {
    const name = pick(NAMES)
    if (pods.some((p) => p.metadata.name === name)) return 'skip'
    // Mostly pods as the controller makes them (identity label, the claim volume), so many need no repair.
    const proper = rng.next() < 0.8
    const identity = proper ? { 'statefulset.kubernetes.io/pod-name': name } : {}
    const meta = { name, labels: { ...labels(), ...identity, 'controller-revision-hash': pick(['web-a', 'web-b']) }, ownerReferences: owner() }
    const volumes = proper ? [{ name: 'www', persistentVolumeClaim: { claimName: `www-${name}` } }] : undefined
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: { containers: [{ name: 'c', image: 'nginx' }], volumes } }
    sim.api.create(pod as unknown as KubeObject, as)
    // Usually with its claim, owned as the retention policy wants (as the controller would make it).
    if (proper && rng.next() < 0.7 && !claims.some((c) => c.metadata.name === `www-${name}`)) createClaim(`www-${name}`, rng.next() < 0.7 ? policyOwner() : owner())
    return `create ${name}`
  }
  const pod = pick(pods)
  const name = pod.metadata.name!
  if (op === 1) {
    sim.api.delete('Pod', 'default', name, { ...as, gracePeriodSeconds: rng.next() < 0.5 ? 0 : 30 })
    return `delete ${name}`
  }
  if (op === 2) {
    sim.api.update({ ...pod, metadata: { ...pod.metadata, labels: { ...pod.metadata.labels, ...labels() } } }, as)
    return `relabel ${name}`
  }
  if (op === 3) {
    sim.api.update({ ...pod, metadata: { ...pod.metadata, ownerReferences: owner() } }, as)
    return `owners ${name}`
  }
  if (op === 4) {
    const running = rng.next() < 0.6
    const phase = running ? 'Running' : pick(['Pending', 'Failed', 'Succeeded'])
    sim.api.updateStatus({ ...pod, status: { ...pod.status, phase, conditions: [{ type: 'Ready', status: running && rng.next() < 0.8 ? 'True' : 'False' }] } } as KubeObject, as)
    return `status ${name}`
  }
  if (op === 5) {
    const claimName = `www-${pick(NAMES)}`
    if (claims.some((c) => c.metadata.name === claimName)) {
      sim.api.delete('PersistentVolumeClaim', 'default', claimName, as)
      return `delete claim ${claimName}`
    }
    createClaim(claimName, owner())
    return `create claim ${claimName}`
  }
  const s = structuredClone(set()) as unknown as Obj<'StatefulSet'>
  if (op === 6) s.spec!.replicas = Math.floor(rng.next() * 5)
  else s.spec!.persistentVolumeClaimRetentionPolicy = { whenDeleted: pick(['Retain', 'Delete']), whenScaled: pick(['Retain', 'Delete']) }
  sim.api.update(s as unknown as KubeObject, as)
  return `edit set`
}

describe('the pod table', () => {
  it('answers for a set exactly as the store does, through random writes', () => {
    let answered = 0
    let quietSeen = 0
    for (let seed = 1; seed <= 24; seed++) {
      const sim = testSim()
      const table = new PodTable()
      sim.api.watch((ev) => {
        if (ev.kind === 'Pod') table.observePod(ev)
        if (ev.kind === 'PersistentVolumeClaim') table.observeClaim(ev)
      })
      const podManagementPolicy = seed % 2 ? 'Parallel' : 'OrderedReady'
      const policy = seed % 4 < 2 ? undefined : ({ whenDeleted: 'Delete', whenScaled: 'Delete' } as const)
      sim.api.create(webStatefulSet({ podManagementPolicy, persistentVolumeClaimRetentionPolicy: policy }), { actor: 'kubectl' })
      const set = () => sim.api.read('StatefulSet', 'default', 'web') as unknown as Set
      const rng = new Rng(seed)
      const log: string[] = []
      for (let step = 0; step < 150; step++) {
        log.push(randomWrite(sim, rng, set))
        const s = set()
        const group = table.groupFor(s, sim.api)
        if (!group) continue
        answered++
        const rows = group.list()
        const store = fromStore(sim, s)
        const where = `seed ${seed} after ${log.slice(-5).join('; ')}`
        expect(store.writes, where).toBe(false)
        expect(rows.map((r) => r.pod.metadata?.name).sort(), where).toEqual(store.pods.map((p) => p.metadata?.name).sort())
        const claims = new ClaimLookup(sim.api, 'default')
        const plain = store.pods.map((p) => new PlainRow(p))
        // The counts the group keeps are countStatus's over every pod.
        const counted = countStatus({ replicas: 0, currentRevision: 'web-a', updateRevision: 'web-b' }, 0, 0, plain)
        expect([group.created, group.ready, group.live.get('web-a') ?? 0, group.live.get('web-b') ?? 0], where).toEqual([
          counted.replicas,
          counted.readyReplicas,
          counted.currentReplicas,
          counted.updatedReplicas,
        ])
        expect(group.ordinals, where).toEqual(plain.map((r) => r.facts.ordinal).sort((a, b) => a - b))
        for (const row of rows) {
          const p = plain.find((x) => x.pod === row.pod)!
          expect(row.facts, where).toEqual(p.facts)
          expect([row.settled(s, s, claims), row.claimsUpToDate(s, claims), row.claimsInPlace(s, claims)], `${where}: ${row.pod.metadata?.name}`).toEqual([
            p.settled(s, s, claims),
            p.claimsUpToDate(s, claims),
            p.claimsInPlace(s, claims),
          ])
          // A pod off the attention list is one the planner passes over: no step that does anything, no stop.
          if (!row.attention) {
            quietSeen++
            const steps: Step[] = []
            const ctx = { set: s, currentSet: s, updateSet: s, currentRevision: 'web-a', updateRevision: 'web-b', collisionCount: 0, claims, now: 0, maxUnavailableGate: false }
            const stop = processReplica(ctx, p, steps, s.spec?.podManagementPolicy !== 'Parallel', 0)
            expect([stop, steps.filter((x) => x.type !== 'createMissingClaims' || !p.claimsInPlace(s, claims)).length], `${where}: ${row.pod.metadata?.name}`).toEqual([undefined, 0])
          }
          expect(row.unhealthy, where).toBe(!(p.facts.runningAndReady && !p.facts.terminating))
        }
      }
    }
    // The table must have answered often enough, and had quiet pods, for the comparison to mean something.
    expect(answered).toBeGreaterThan(300)
    expect(quietSeen).toBeGreaterThan(50)
  })
})

// In these the controller itself checks every sync that used the table (strict mode) and throws on
// a difference; each also checks its outcome.
describe('StatefulSet syncs from the pod table', () => {
  it('adopts an orphan named for an ordinal, then goes on with it', () => {
    const sim = testSim()
    applyWeb(sim, { podManagementPolicy: 'Parallel' })
    sim.settle()
    const orphan = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-3', labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24' }] } }
    sim.api.create(orphan as unknown as KubeObject, { actor: 'kubectl' })
    editWeb(sim, (spec) => (spec.replicas = 4))
    sim.settle()
    const set = sim.api.read('StatefulSet', 'default', 'web')
    expect(controllerOf(sim.api.read('Pod', 'default', 'web-3'))?.uid).toBe(set.metadata.uid)
    expect(podNames(sim)).toEqual(['web-0', 'web-1', 'web-2', 'web-3'])
  })

  it('releases a relabelled pod and keeps the claims of scaled-down pods as whenScaled says', () => {
    const sim = testSim()
    applyWeb(sim, { replicas: 4, podManagementPolicy: 'Parallel', persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete' } })
    sim.settle()
    const p = sim.api.read('Pod', 'default', 'web-1')
    sim.api.update({ ...p, metadata: { ...p.metadata, labels: { app: 'elsewhere' } } }, { actor: 'kubectl' })
    sim.settle()
    expect(controllerOf(sim.api.read('Pod', 'default', 'web-1'))).toBeUndefined()
    editWeb(sim, (spec) => (spec.replicas = 2))
    sim.settle()
    editWeb(sim, (spec) => (spec.persistentVolumeClaimRetentionPolicy = { whenScaled: 'Retain', whenDeleted: 'Delete' }))
    sim.settle()
    const claims = sim.api.list('PersistentVolumeClaim', { namespace: 'default' }).map((c) => c.metadata.name)
    expect(claims).toEqual(['www-web-0', 'www-web-1'])
  })

  it('with OnDelete, stops at a terminating pod in the middle (OrderedReady), then scales on', () => {
    const sim = testSim()
    applyWeb(sim, { updateStrategy: { type: 'OnDelete' } })
    sim.settle()
    const uid = sim.api.read('Pod', 'default', 'web-1').metadata.uid
    sim.api.delete('Pod', 'default', 'web-1', { actor: 'kubectl' })
    sim.drain()
    expect(sim.api.read('Pod', 'default', 'web-1').metadata.deletionTimestamp).toBeDefined()
    editWeb(sim, (spec) => (spec.replicas = 4))
    sim.settle()
    expect(podNames(sim)).toEqual(['web-0', 'web-1', 'web-2', 'web-3'])
    expect(sim.api.read('Pod', 'default', 'web-1').metadata.uid).not.toBe(uid)
  })

  it('builds its table from the store when a restored cluster starts, and scales on from it', () => {
    const sim = testSim()
    applyWeb(sim, { replicas: 5, podManagementPolicy: 'Parallel' })
    sim.settle()
    const restored = restoreSimulation(sim.exportState(), { strict: true })
    const sts = structuredClone(restored.api.read('StatefulSet', 'default', 'web')) as unknown as { spec: { replicas: number } }
    sts.spec.replicas = 2
    restored.api.update(sts as unknown as KubeObject, { actor: 'kubectl' })
    restored.settle()
    expect(podNames(restored)).toEqual(['web-0', 'web-1'])
  })
})
