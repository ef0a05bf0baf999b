// The EndpointSlice controller (pkg/controller/endpointslice/endpointslice_controller.go): for every
// Service with a selector, EndpointSlices named `<service>-<5 random characters>` listing the selected
// pods with their ready/serving/terminating conditions. CoreDNS and `kubectl describe svc` read these.
// The plan is ./service-endpoints/slice-plan.ts; a deleted Service's slices go with the garbage
// collector (they carry an owner reference to it).

import { rfc3339 } from '../core/time'
import { isApiError } from '../api/errors'
import type { EndpointSlice, Pod, Service } from '../api/types'
import type { Controller, ControllerContext } from './runtime'
import type { ControllerDeps } from './deps'
import { splitKey } from './runtime'
import { TRIGGER_TIME_ANNOTATION, podEndpointsChanged, serviceKeysForLabels, serviceSelector } from './service-endpoints/pods'
import { ServicePodIndex, type SelectedPods } from './service-endpoints/pod-index'
import { CONTROLLER_NAME, MANAGED_BY_LABEL, SERVICE_NAME_LABEL } from './service-endpoints/slice-plan'
import { NO_WRITES, SlicePlanner, type SliceWrites } from './service-endpoints/slice-memo'

const ACTOR = 'endpointslice-controller'
const COMPONENT = 'endpoint-slice-controller'
const ZONE_LABEL = 'topology.kubernetes.io/zone'

export function endpointSliceController(_deps: ControllerDeps): Controller {
  // Kept between syncs, re-derivable from objects (a restored simulation starts with neither).
  const pods = new ServicePodIndex()
  const planner = new SlicePlanner()
  return {
    name: 'endpointslice-controller',
    watches: ['Service', 'Pod', 'EndpointSlice'],
    keysFor(ev, ctx) {
      const o = ev.object
      const ns = o.metadata.namespace ?? ''
      switch (ev.kind) {
        case 'Service':
          return [`${ns}/${o.metadata.name}`]
        case 'EndpointSlice': {
          // Slices this controller manages are put back as they should be when someone else touches them.
          const keys = new Set<string>()
          for (const s of [o, ev.old]) {
            const svc = s?.metadata.labels?.[SERVICE_NAME_LABEL]
            if (svc && s?.metadata.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME) keys.add(`${ns}/${svc}`)
          }
          return keys
        }
        case 'Pod': {
          pods.notePodEvent(ev)
          if (ev.type === 'MODIFIED' && ev.old && !podEndpointsChanged(ev.old as Pod, o as Pod)) return []
          const keys = new Set(serviceKeysForLabels(ctx.api, ns, o.metadata.labels))
          if (ev.old) for (const k of serviceKeysForLabels(ctx.api, ns, ev.old.metadata.labels)) keys.add(k)
          return keys
        }
        default:
          return []
      }
    },
    initialKeys(ctx) {
      return ctx.api.list('Service').map((s) => `${s.metadata.namespace}/${s.metadata.name}`)
    },
    reconcile(key, ctx) {
      const [ns, name] = splitKey(key)
      const svc = ctx.api.get('Service', ns, name)
      // Services without a selector get slices written out-of-band, not from this controller.
      if (!svc || svc.spec?.type === 'ExternalName' || serviceSelector(svc) === null) {
        pods.forget(ns, name)
        planner.forget(key)
        return
      }
      syncService(key, svc, ctx, pods.select(ctx.api, svc), planner)
    },
  }
}

function syncService(key: string, svc: Service, ctx: ControllerContext, selected: SelectedPods, planner: SlicePlanner): void {
  const ns = svc.metadata!.namespace!
  const existing = ctx.api
    .list('EndpointSlice', {
      namespace: ns,
      selector: [
        { key: MANAGED_BY_LABEL, operator: 'In', values: [CONTROLLER_NAME] },
        { key: SERVICE_NAME_LABEL, operator: 'In', values: [svc.metadata!.name!] },
      ],
    })
    .filter((s) => !s.metadata.deletionTimestamp)
  const sync = planner.plan(key, svc, selected, existing, (node) => {
    const n = ctx.api.get('Node', '', node)
    return n ? n.metadata.labels?.[ZONE_LABEL] : null
  })
  const { plan } = sync
  if (!plan.create.length && !plan.update.length && !plan.delete.length) return sync.commit(NO_WRITES)

  const trigger = sync.trigger()
  const annotate = (s: EndpointSlice): EndpointSlice => {
    const annotations: Record<string, string> = { ...(s.metadata?.annotations ?? {}) }
    if (trigger !== undefined) annotations[TRIGGER_TIME_ANNOTATION] = rfc3339(trigger)
    else delete annotations[TRIGGER_TIME_ANNOTATION]
    return { ...s, metadata: { ...s.metadata, annotations: Object.keys(annotations).length ? annotations : undefined } }
  }

  const where = `for Service ${ns}/${svc.metadata!.name}`
  // A failed write is reported on the Service and retried (FailedToUpdateEndpointSlices).
  const fail = (e: unknown, what: string): never => {
    if (isApiError(e)) {
      const message = `Error updating Endpoint Slices ${where}: ${what} ${where}: ${e.message}`
      ctx.events.record(svc as never, 'Warning', 'FailedToUpdateEndpointSlices', message, { component: COMPONENT })
    }
    throw e
  }
  // No new slices for a Service on its way out: the garbage collector is deleting them.
  const writes: SliceWrites = { created: [], updated: [], deleted: [] }
  if (!svc.metadata?.deletionTimestamp) {
    for (const s of plan.create) {
      try {
        writes.created.push([s, ctx.api.create(annotate(s), { actor: ACTOR })])
      } catch (e) {
        // A terminating namespace refuses new objects; creating again will not help.
        if (isApiError(e, 'Forbidden') && e.message.includes('is being terminated')) return
        fail(e, 'failed to create EndpointSlice')
      }
    }
  }
  for (const s of plan.update) {
    try {
      writes.updated.push([s, ctx.api.update(annotate(s), { actor: ACTOR })])
    } catch (e) {
      fail(e, `failed to update ${s.metadata?.name} EndpointSlice`)
    }
  }
  for (const s of plan.delete) {
    try {
      ctx.api.delete('EndpointSlice', ns, s.metadata!.name!, { actor: ACTOR })
      writes.deleted.push(s)
    } catch (e) {
      if (!isApiError(e, 'NotFound')) fail(e, `failed to delete ${s.metadata?.name} EndpointSlice`)
    }
  }
  sync.commit(writes)
}
