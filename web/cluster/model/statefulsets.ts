// A StatefulSet as slots in ordinal order, the way its controller sees them (stateful_set_control.go
// updateStatefulSet): ordinals in [start, start+replicas) are the replicas — a pod, or a ghost while
// the pod is not created yet (OrderedReady makes them one at a time); pods outside that range are
// condemned (scaling down deletes them from the highest ordinal). Claims of ordinals that no longer
// exist stay behind (whenScaled: Retain, the default), and are shown as such.

import type { Obj } from '../../../sim'
import type { ViewCache } from './memo'
import { claimView, podView } from './pods'
import type { NamespaceIndex } from './snapshot-index'
import type { ClaimView, PodView, RevisionView, Slot, StatefulSetView } from './types'

function revisionView(cache: ViewCache, owner: string, hash: string | undefined, revisions: readonly Obj<'ControllerRevision'>[]): RevisionView | undefined {
  if (!hash) return undefined
  const cr = revisions.find((r) => r.metadata.name === hash)
  const number = typeof cr?.revision === 'number' ? cr.revision : undefined
  return cache.memo(`rev/${owner}/${hash}`, [number], () => ({ hash, number, colour: number ?? 0 }))
}

/** The claim names of an ordinal: `<template>-<set>-<ordinal>` (getPersistentVolumeClaimName). */
export function claimNamesFor(set: Obj<'StatefulSet'>, ordinal: number): string[] {
  return (set.spec?.volumeClaimTemplates ?? []).map((t) => `${t.metadata?.name ?? ''}-${set.metadata.name}-${ordinal}`)
}

/** The ordinal a claim of this set belongs to, or undefined for another claim. */
function claimOrdinal(set: Obj<'StatefulSet'>, claimName: string): number | undefined {
  for (const t of set.spec?.volumeClaimTemplates ?? []) {
    const prefix = `${t.metadata?.name ?? ''}-${set.metadata.name}-`
    if (claimName.startsWith(prefix) && /^\d+$/.test(claimName.slice(prefix.length))) return Number(claimName.slice(prefix.length))
  }
  return undefined
}

export interface StatefulSetResult {
  view: StatefulSetView
  /** Claims this set's slots and retained claims show (so they are not listed again on their own). */
  claims: ReadonlySet<string>
}

export function statefulSetView(cache: ViewCache, ix: NamespaceIndex, set: Obj<'StatefulSet'>): StatefulSetResult {
  const uid = set.metadata.uid ?? set.metadata.name ?? ''
  const spec = set.spec
  const start = spec?.ordinals?.start ?? 0
  const replicas = spec?.replicas ?? 1
  const revisions = ix.revisionsByOwner.get(uid) ?? []
  const current = revisionView(cache, uid, set.status?.currentRevision, revisions)
  const update = revisionView(cache, uid, set.status?.updateRevision, revisions)
  const rolling = !!current && !!update && current.hash !== update.hash

  const shownClaims = new Set<string>()
  const byOrdinal = new Map<number, PodView>()
  for (const p of ix.podsByController.get(uid) ?? []) {
    const view = podView(cache, ix, p)
    // Pods whose name has no ordinal are ignored by the controller; so are they here.
    if (view.ordinal !== undefined) byOrdinal.set(view.ordinal, view)
  }

  const slots: Slot[] = []
  const podSlot = (ordinal: number, pod: PodView, condemned: boolean) => {
    for (const c of pod.claims) shownClaims.add(c.name)
    const isUpdate = !!update && pod.revision === update.hash
    return cache.memo(`slot/${uid}/${ordinal}`, [pod, condemned, isUpdate], (): Slot => ({ type: 'pod', ordinal, pod, condemned, isUpdate }))
  }
  for (let ord = start; ord < start + replicas; ord++) {
    const pod = byOrdinal.get(ord)
    if (pod) {
      slots.push(podSlot(ord, pod, false))
      continue
    }
    const claims: ClaimView[] = []
    for (const name of claimNamesFor(set, ord)) {
      const pvc = ix.claims.get(name)
      if (pvc) {
        claims.push(claimView(cache, ix, pvc))
        shownClaims.add(name)
      }
    }
    slots.push(cache.memo(`ghost/${uid}/${ord}`, claims, (): Slot => ({ type: 'ghost', ordinal: ord, claims })))
  }
  const condemned = [...byOrdinal.keys()].filter((o) => o < start || o >= start + replicas).sort((a, b) => a - b)
  for (const ord of condemned) slots.push(podSlot(ord, byOrdinal.get(ord)!, true))
  slots.sort((a, b) => a.ordinal - b.ordinal)

  const retained: ClaimView[] = []
  for (const [name, pvc] of ix.claims) {
    if (shownClaims.has(name)) continue
    const ord = claimOrdinal(set, name)
    if (ord === undefined) continue
    retained.push(claimView(cache, ix, pvc))
    shownClaims.add(name)
  }
  retained.sort((a, b) => (claimOrdinal(set, a.name) ?? 0) - (claimOrdinal(set, b.name) ?? 0))

  const view = cache.memo(`sts/${uid}`, [set, current, update, slots.length, ...slots, ...retained], (): StatefulSetView => {
    const st = set.status
    const strategy = spec?.updateStrategy
    return {
      key: uid,
      ref: { kind: 'StatefulSet', namespace: set.metadata.namespace ?? '', name: set.metadata.name ?? '' },
      name: set.metadata.name ?? '',
      replicas,
      readyReplicas: st?.readyReplicas ?? 0,
      currentReplicas: st?.currentReplicas ?? 0,
      updatedReplicas: st?.updatedReplicas ?? 0,
      podManagementPolicy: spec?.podManagementPolicy ?? 'OrderedReady',
      updateStrategy: strategy?.type ?? 'RollingUpdate',
      partition: strategy?.rollingUpdate?.partition || undefined,
      serviceName: spec?.serviceName || undefined,
      ordinalsStart: start,
      current,
      update,
      rolling,
      slots,
      retainedClaims: retained,
      deleting: !!set.metadata.deletionTimestamp,
    }
  })
  return { view, claims: shownClaims }
}
