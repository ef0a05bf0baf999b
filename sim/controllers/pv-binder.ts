// The PersistentVolume controller of kube-controller-manager (pkg/controller/volume/persistentvolume):
// binds claims to volumes (static binding, pre-binding both ways), asks external provisioners for
// volumes by annotating claims, waits for the scheduler under WaitForFirstConsumer, releases volumes
// whose claims are gone and applies their reclaim policy (Retain, Delete, Recycle).
//
// Decisions are pure plans (pv/claim-plan.ts, pv/volume-plan.ts); this file reads the world, runs the
// plan and keeps the resync going. Upstream syncs every claim again every 15s
// (--pvclaimbinder-sync-period); here an unbound claim gets a background resync at the next 15s
// boundary, and a change that could let pending claims bind (a volume becoming Available, a
// StorageClass appearing) wakes them at that boundary in the foreground, so `settle()` sees the bind.

import type { Controller, ControllerContext } from './runtime'
import type { ControllerDeps } from './deps'
import type { Obj } from '../api/types'
import { parseRfc3339 } from '../core/time'
import { pvVolumeId } from '../storage/volume-store'
import { ANN_BETA_STORAGE_PROVISIONER, ANN_BIND_COMPLETED, ANN_STORAGE_PROVISIONER, PV_CONTROLLER, RESYNC_MS, msgExternalProvisioning } from './pv/names'
import { planClaimSync, podClaimNames, isPodTerminated, type ClaimPlan, type PlannedEvent } from './pv/claim-plan'
import { planVolumeSync, planRecycle, unboundVolume, type ReclaimPlan } from './pv/volume-plan'
import { bind, setClaimStatus, setVolumePhase, sortKeys } from './pv/writes'
import { recordRepeating } from './pv/events'
import { jitteredDelay } from './pv/timing'

type PersistentVolume = Obj<'PersistentVolume'>
type PersistentVolumeClaim = Obj<'PersistentVolumeClaim'>

const ACTOR = { actor: PV_CONTROLLER }
const WAKE = 'wake'

export function pvBinderController(deps: ControllerDeps): Controller {
  return {
    name: PV_CONTROLLER,
    watches: ['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass'],
    keysFor(ev) {
      switch (ev.kind) {
        case 'PersistentVolumeClaim': {
          const pvc = ev.object as PersistentVolumeClaim
          if (ev.type !== 'DELETED') return [claimKey(pvc.metadata!.namespace!, pvc.metadata!.name!)]
          // claimDeleted: release its volume now rather than at the next resync.
          return pvc.spec?.volumeName ? [`volume:${pvc.spec.volumeName}`] : []
        }
        case 'PersistentVolume': {
          const pv = ev.object as PersistentVolume
          if (ev.type === 'DELETED') {
            // volumeDeleted: the bound claim becomes Lost now.
            const ref = pv.spec?.claimRef
            return ref?.name ? [claimKey(ref.namespace ?? '', ref.name)] : []
          }
          const keys = [`volume:${pv.metadata!.name}`]
          const was = (ev.old as PersistentVolume | undefined)?.status?.phase
          if (pv.status?.phase === 'Available' && was !== 'Available') keys.push(WAKE)
          return keys
        }
        default:
          return [WAKE]
      }
    },
    initialKeys(ctx) {
      return [
        ...ctx.api.list('PersistentVolumeClaim').map((c) => claimKey(c.metadata.namespace!, c.metadata.name!)),
        ...ctx.api.list('PersistentVolume').map((v) => `volume:${v.metadata.name}`),
      ]
    },
    reconcile(key, ctx) {
      if (key === WAKE) return wakePendingClaims(ctx)
      const colon = key.indexOf(':')
      const kind = key.slice(0, colon)
      const rest = key.slice(colon + 1)
      if (kind === 'volume') return syncVolume(rest, ctx, deps)
      const slash = rest.indexOf('/')
      syncClaim(rest.slice(0, slash), rest.slice(slash + 1), kind === 'resync', ctx)
    },
  }
}

function claimKey(namespace: string, name: string): string {
  return `claim:${namespace}/${name}`
}

function resyncKey(namespace: string, name: string): string {
  return `resync:${namespace}/${name}`
}

/** The next periodic resync: the next multiple of the period (fixed, so a restore finds the same ones). */
function untilResync(now: number): number {
  return (Math.floor(now / RESYNC_MS) + 1) * RESYNC_MS - now
}

function isUnbound(claim: PersistentVolumeClaim): boolean {
  return claim.metadata?.annotations?.[ANN_BIND_COMPLETED] === undefined
}

function wakePendingClaims(ctx: ControllerContext): void {
  const wait = untilResync(ctx.now())
  for (const c of ctx.api.list('PersistentVolumeClaim')) {
    if (isUnbound(c)) ctx.requeueAfter(resyncKey(c.metadata.namespace!, c.metadata.name!), wait)
  }
}

function syncClaim(namespace: string, name: string, resync: boolean, ctx: ControllerContext): void {
  const claim = ctx.api.get('PersistentVolumeClaim', namespace, name)
  if (!claim) return
  const plan = planClaimSync(claim, {
    volumes: volumesFor(claim, ctx),
    classes: ctx.api.list('StorageClass'),
    // Only the pods that use this claim matter to the plan (the claimName index, in list order).
    pods: ctx.api.byIndex('Pod', 'claimName', name).filter((p) => p.metadata.namespace === namespace),
  })
  runClaimPlan(plan, claim, resync, ctx)
  const now = ctx.api.get('PersistentVolumeClaim', namespace, name)
  if (now && isUnbound(now)) ctx.requeueAfter(resyncKey(namespace, name), untilResync(ctx.now()), { background: true })
}

/**
 * The volumes the claim's plan can look at, in list order: the one it names once it names one; else
 * those whose claimRef names it and the Available ones (findMatchingVolume skips every other volume).
 * The indexes answer this without reading every volume on each sync of each claim.
 */
function volumesFor(claim: PersistentVolumeClaim, ctx: ControllerContext): PersistentVolume[] {
  const named = claim.spec?.volumeName
  if (named) {
    const v = ctx.api.get('PersistentVolume', '', named)
    return v ? [v] : []
  }
  const refs = ctx.api.byIndex('PersistentVolume', 'spec.claimRef.name', claim.metadata!.name!)
  const available = ctx.api.byIndex('PersistentVolume', 'status.phase', 'Available')
  if (refs.length === 0) return available
  const seen = new Set<string>()
  const out: PersistentVolume[] = []
  for (const v of [...refs, ...available]) {
    if (seen.has(v.metadata.name!)) continue
    seen.add(v.metadata.name!)
    out.push(v)
  }
  // Cluster-scoped keys are the names: byte order is list order.
  return out.sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0))
}

function runClaimPlan(plan: ClaimPlan, claim: PersistentVolumeClaim, resync: boolean, ctx: ControllerContext): void {
  switch (plan.kind) {
    case 'none':
      return
    case 'bind':
      return bind(ctx, plan.volume, claim)
    case 'assignDefaultClass':
      ctx.api.update({ ...claim, spec: { ...claim.spec, storageClassName: plan.className } }, ACTOR)
      return
    case 'pending':
      if (plan.event) recordRepeating(ctx, claim, plan.event, PV_CONTROLLER, resync)
      setClaimStatus(ctx, claim, 'Pending')
      return
    case 'provisionExternal': {
      // setClaimProvisioner: both the GA and the beta annotation name the provisioner.
      const ann = claim.metadata?.annotations ?? {}
      let current = claim
      if (ann[ANN_STORAGE_PROVISIONER] !== plan.provisioner || ann[ANN_BETA_STORAGE_PROVISIONER] !== plan.provisioner) {
        const annotations = sortKeys({ ...ann, [ANN_STORAGE_PROVISIONER]: plan.provisioner, [ANN_BETA_STORAGE_PROVISIONER]: plan.provisioner })
        current = ctx.api.update({ ...claim, metadata: { ...claim.metadata, annotations } }, ACTOR)
      }
      const ev: PlannedEvent = { type: 'Normal', reason: 'ExternalProvisioning', message: msgExternalProvisioning(plan.provisioner) }
      recordRepeating(ctx, current, ev, PV_CONTROLLER, resync)
      return
    }
    case 'lost': {
      const updated = setClaimStatus(ctx, claim, 'Lost')
      ctx.events.record(updated, plan.event.type, plan.event.reason, plan.event.message, { component: PV_CONTROLLER })
      return
    }
  }
}

function syncVolume(name: string, ctx: ControllerContext, deps: ControllerDeps): void {
  const volume = ctx.api.get('PersistentVolume', '', name)
  if (!volume) return
  const ref = volume.spec?.claimRef
  const claim = ref?.name ? (ctx.api.get('PersistentVolumeClaim', ref.namespace ?? '', ref.name)) : undefined
  const plan = planVolumeSync(volume, claim)
  switch (plan.kind) {
    case 'none':
      return
    case 'available':
      setVolumePhase(ctx, volume, 'Available')
      return
    case 'bound':
      setVolumePhase(ctx, volume, 'Bound')
      return
    case 'syncClaim':
      // A provisioned (or user-bound) volume waits for its claim: sync that claim now.
      ctx.enqueue(claimKey(plan.namespace, plan.name))
      return
    case 'mismatch':
      recordRepeating(ctx, volume, plan.volumeEvent, PV_CONTROLLER, false)
      if (claim) recordRepeating(ctx, claim, plan.claimEvent, PV_CONTROLLER, false)
      return
    case 'unbind':
      setVolumePhase(ctx, ctx.api.update(unboundVolume(volume), ACTOR), 'Available')
      return
    case 'release': {
      // Don't overwrite Failed: the user should see that something went wrong.
      const released = volume.status?.phase === 'Failed' ? volume : setVolumePhase(ctx, volume, 'Released')
      return reclaim(released, plan.reclaim, ctx, deps)
    }
  }
}

function reclaim(volume: PersistentVolume, plan: ReclaimPlan, ctx: ControllerContext, deps: ControllerDeps): void {
  switch (plan.kind) {
    case 'retain':
    case 'external':
      return
    case 'fail':
      return failVolume(volume, plan.event, ctx)
    case 'delete':
      // The hostPath deleter removes the directory; then the PV object goes (its pv-protection
      // finalizer is lifted by the pv-protection controller since the volume is no longer Bound).
      deps.volumes.delete(pvVolumeId(volume.metadata!.name!))
      ctx.api.delete('PersistentVolume', '', volume.metadata!.name!, ACTOR)
      return
    case 'recycle':
      return recycle(volume, ctx, deps)
  }
}

/** updateVolumePhaseWithEvent: phase Failed with the message, and the event only on the change. */
function failVolume(volume: PersistentVolume, event: PlannedEvent, ctx: ControllerContext): void {
  if (volume.status?.phase === 'Failed') return
  const failed = setVolumePhase(ctx, volume, 'Failed', event.message)
  ctx.events.record(failed, event.type, event.reason, event.message, { component: PV_CONTROLLER })
}

/**
 * recycleVolumeOperation. Upstream runs a recycler pod (`recycler-for-<pv>`, `rm -rf` of the volume)
 * and forwards its events as RecyclerPod; here the scrub takes a jittered while counted from the
 * Released transition, then the data is cleared and the volume is Available again.
 */
function recycle(volume: PersistentVolume, ctx: ControllerContext, deps: ControllerDeps): void {
  const name = volume.metadata!.name!
  const since = parseRfc3339(volume.status?.lastPhaseTransitionTime) ?? ctx.now()
  const due = since + jitteredDelay(ctx, `recycle/${volume.metadata!.uid}`, ctx.config.timings.provisionMs * 2)
  if (ctx.now() < due) return ctx.requeueAfter(`volume:${name}`, due - ctx.now())
  const ref = volume.spec?.claimRef
  const ns = ref?.namespace ?? ''
  const podsUsing = ctx.api
    .list('Pod', { namespace: ns })
    .filter((p) => !isPodTerminated(p) && podClaimNames(p).includes(ref?.name ?? ''))
    .map((p) => `${ns}/${p.metadata.name}`)
  const newClaim = ref?.name ? ctx.api.get('PersistentVolumeClaim', ns, ref.name) !== undefined : false
  const plan = planRecycle(volume, podsUsing, newClaim)
  switch (plan.kind) {
    case 'inUse':
      // Tried again at every sync (upstream: every resync of the volume).
      ctx.events.record(volume, plan.event.type, plan.event.reason, plan.event.message, { component: PV_CONTROLLER })
      ctx.requeueAfter(`volume:${name}`, untilResync(ctx.now()), { background: true })
      return
    case 'fail':
      return failVolume(volume, plan.event, ctx)
    case 'recycle': {
      const id = pvVolumeId(name)
      if (deps.volumes.has(id)) deps.volumes.get(id).clear()
      const node = recyclerNode(volume, ctx)
      for (const msg of [`Successfully assigned default/recycler-for-${name} to ${node}`, 'Created container: pv-recycler', 'Started container pv-recycler']) {
        ctx.events.record(volume, 'Normal', 'RecyclerPod', `Recycler pod: ${msg}`, { component: PV_CONTROLLER })
      }
      ctx.events.record(volume, 'Normal', 'VolumeRecycled', 'Volume recycled', { component: PV_CONTROLLER })
      setVolumePhase(ctx, ctx.api.update(unboundVolume(volume), ACTOR), 'Available')
      return
    }
  }
}

/** Where the recycler pod would run: the volume's node if it is pinned to one, else a worker. */
function recyclerNode(volume: PersistentVolume, ctx: ControllerContext): string {
  const pinned = volume.spec?.nodeAffinity?.required?.nodeSelectorTerms?.[0]?.matchExpressions?.find((e) => e.key === 'kubernetes.io/hostname')?.values?.[0]
  if (pinned) return pinned
  const workers = ctx.config.nodes.filter((n) => !n.controlPlane).map((n) => n.name)
  const pool = workers.length ? workers : ctx.config.nodes.map((n) => n.name)
  return ctx.rngFor(`recycler/${volume.metadata!.uid}`).pick(pool)
}
