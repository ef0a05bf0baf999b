// The external dynamic provisioners running in the cluster (config.provisioners; by default kind's
// rancher.io/local-path behind the `standard` class). Each follows sig-storage-lib-external-provisioner:
// it provisions a claim the PV controller annotated for it (after the scheduler chose a node under
// WaitForFirstConsumer), saying `Provisioning`, then after a while creating `pvc-<claim uid>` bound by
// claimRef and saying `ProvisioningSucceeded`; the PV controller then binds both sides. It deletes the
// volumes it made once they are Released with reclaim policy Delete.

import type { Controller, ControllerContext } from './runtime'
import type { ControllerDeps } from './deps'
import type { Obj } from '../api/types'
import { parseRfc3339 } from '../core/time'
import { pvVolumeId } from '../storage/volume-store'
import { ANN_BETA_STORAGE_PROVISIONER, ANN_DYNAMICALLY_PROVISIONED, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, msgProvisioning, msgProvisioningSucceeded } from './pv/names'
import { claimClass } from './pv/matching'
import { findEvent } from './pv/events'
import { jitteredDelay } from './pv/timing'
import { buildVolume, runningProvisioners, type RunningProvisioner } from './pv/provisioners'
import { planAttempt, retryDelay, shouldProvision, type AttemptHistory } from './pv/provision-plan'
import { sortKeys } from './pv/writes'

type Claim = Obj<'PersistentVolumeClaim'>

export function provisionerController(deps: ControllerDeps): Controller {
  let running: RunningProvisioner[] | undefined
  const provisioners = (ctx: ControllerContext) => (running ??= runningProvisioners(deps.config, ctx.rngFor))
  return {
    name: 'local-path-provisioner',
    watches: ['PersistentVolumeClaim', 'PersistentVolume'],
    keysFor(ev) {
      if (ev.type === 'DELETED') return []
      const m = ev.object.metadata
      return ev.kind === 'PersistentVolume' ? [`volume:${m.name}`] : [`claim:${m.namespace}/${m.name}`]
    },
    initialKeys(ctx) {
      return [
        ...ctx.api.list('PersistentVolumeClaim').map((c) => `claim:${c.metadata.namespace}/${c.metadata.name}`),
        ...ctx.api.list('PersistentVolume').map((v) => `volume:${v.metadata.name}`),
      ]
    },
    reconcile(key, ctx) {
      if (key.startsWith('volume:')) return syncVolume(key.slice(7), provisioners(ctx), ctx, deps)
      const rest = key.slice(6)
      const slash = rest.indexOf('/')
      syncClaim(rest.slice(0, slash), rest.slice(slash + 1), key, provisioners(ctx), ctx, deps)
    },
  }
}

function syncClaim(ns: string, name: string, key: string, all: RunningProvisioner[], ctx: ControllerContext, deps: ControllerDeps): void {
  const claim = ctx.api.get('PersistentVolumeClaim', ns, name)
  if (!claim) return
  const ann = claim.metadata.annotations ?? {}
  const requested = ann[ANN_STORAGE_PROVISIONER] ?? ann[ANN_BETA_STORAGE_PROVISIONER]
  const p = all.find((x) => x.name === requested)
  if (!p) return
  const className = claimClass(claim)
  const cls = ctx.api.get('StorageClass', '', className)
  const selectedNode = ann[ANN_SELECTED_NODE]
  if (!shouldProvision(p.name, { hasVolumeName: !!claim.spec?.volumeName, requestedProvisioner: requested, cls, selectedNode })) return
  // A previous attempt may have finished: the PV name is deterministic.
  if (ctx.api.get('PersistentVolume', '', `pvc-${claim.metadata.uid}`)) return

  const src = { component: p.component }
  const failedEv = (message: string) => ctx.events.record(claim, 'Warning', 'ProvisioningFailed', message, src)
  let node: Obj<'Node'> | undefined
  if (selectedNode) {
    node = ctx.api.get('Node', '', selectedNode)
    if (!node) {
      // ProvisioningReschedule: give the choice back to the scheduler.
      failedEv(`nodes "${selectedNode}" not found`)
      const rest = { ...ann }
      delete rest[ANN_SELECTED_NODE]
      ctx.api.update({ ...claim, metadata: { ...claim.metadata, annotations: sortKeys(rest) } }, { actor: p.actor })
      return
    }
  }

  const history = attemptHistory(ctx, claim, p)
  const attemptMs = jitteredDelay(ctx, `provision/${claim.metadata.uid}/${history.started}`, ctx.config.timings.provisionMs)
  const plan = planAttempt(history, ctx.now(), attemptMs)
  const input = { claim, className, reclaimPolicy: cls?.reclaimPolicy ?? 'Delete', node: node && { name: node.metadata.name!, labels: node.metadata.labels } }
  switch (plan.kind) {
    case 'giveUp':
      return
    case 'wait':
      return ctx.requeueAfter(key, plan.ms, { background: plan.backoff })
    case 'start': {
      ctx.events.record(claim, 'Normal', 'Provisioning', msgProvisioning(ns, name), src)
      const built = buildVolume(p, input)
      if ('error' in built) {
        failedEv(`failed to provision volume with StorageClass "${className}": ${built.error}`)
        return ctx.requeueAfter(key, retryDelay(history.failed + 1), { background: true })
      }
      // The attempt runs (helper pod, mkdir) for attemptMs from the event's timestamp.
      const started = attemptHistory(ctx, claim, p)
      const next = planAttempt(started, ctx.now(), jitteredDelay(ctx, `provision/${claim.metadata.uid}/${started.started}`, ctx.config.timings.provisionMs))
      if (next.kind === 'wait') return ctx.requeueAfter(key, next.ms)
      return finish(p, input, ctx, deps)
    }
    case 'finish':
      return finish(p, input, ctx, deps)
  }
}

function finish(p: RunningProvisioner, input: Parameters<typeof buildVolume>[1], ctx: ControllerContext, deps: ControllerDeps): void {
  const { claim } = input
  const built = buildVolume(p, input)
  if ('error' in built) {
    ctx.events.record(claim, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${input.className}": ${built.error}`, { component: p.component })
    return
  }
  const pv = ctx.api.create(built.volume, { actor: p.actor })
  // The directory exists, empty.
  deps.volumes.get(pvVolumeId(pv.metadata.name!))
  ctx.events.record(claim, 'Normal', 'ProvisioningSucceeded', msgProvisioningSucceeded(pv.metadata.name!), { component: p.component })
}

/** The attempts so far, from this provisioner's events about this claim. */
function attemptHistory(ctx: ControllerContext, claim: Claim, p: RunningProvisioner): AttemptHistory {
  const started = findEvent(ctx, claim, 'Provisioning', undefined, p.component)
  let failed = 0
  let lastFailure: number | undefined
  for (const ev of ctx.api.byIndex('Event', 'involvedObject.uid', claim.metadata.uid ?? '')) {
    if (ev.metadata.namespace !== claim.metadata.namespace || ev.involvedObject?.uid !== claim.metadata.uid || ev.reason !== 'ProvisioningFailed' || ev.source?.component !== p.component) continue
    failed += ev.count ?? 1
    const t = parseRfc3339(ev.lastTimestamp)
    if (t !== undefined && (lastFailure === undefined || t > lastFailure)) lastFailure = t
  }
  return { started: started?.count ?? 0, lastStart: parseRfc3339(started?.lastTimestamp), failed, lastFailure }
}

/** shouldDelete + deleteVolumeOperation: a Released volume of ours with policy Delete goes. */
function syncVolume(name: string, all: RunningProvisioner[], ctx: ControllerContext, deps: ControllerDeps): void {
  const volume = ctx.api.get('PersistentVolume', '', name)
  if (!volume) return
  const p = all.find((x) => x.name === volume.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED])
  if (!p) return
  if (volume.metadata.deletionTimestamp || volume.status?.phase !== 'Released' || volume.spec?.persistentVolumeReclaimPolicy !== 'Delete') return
  // The helper pod's teardown takes a while, counted from the Released transition.
  const since = parseRfc3339(volume.status?.lastPhaseTransitionTime) ?? ctx.now()
  const due = since + jitteredDelay(ctx, `delete/${volume.metadata.uid}`, ctx.config.timings.provisionMs)
  if (ctx.now() < due) return ctx.requeueAfter(`volume:${name}`, due - ctx.now())
  deps.volumes.delete(pvVolumeId(name))
  ctx.api.delete('PersistentVolume', '', name, { actor: p.actor })
}
