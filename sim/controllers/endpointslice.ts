// The EndpointSlice controller (pkg/controller/endpointslice/endpointslice_controller.go): for every
// Service with a selector, EndpointSlices named `<service>-<5 random characters>` listing the selected
// pods with their ready/serving/terminating conditions. CoreDNS and `kubectl describe svc` read these.
// The plan is ./service-endpoints/slice-plan.ts; a deleted Service's slices go with the garbage
// collector (they carry an owner reference to it).

import { rfc3339 } from '../core/time'
import { isApiError } from '../api/errors'
import type { EndpointSlice, Pod, Service } from '../api/types'
import type { Endpoint } from 'kubernetes-types/discovery/v1'
import type { Controller, ControllerContext } from './runtime'
import type { ControllerDeps } from './deps'
import { splitKey } from './runtime'
import { TRIGGER_TIME_ANNOTATION, isPodReady, lastChangeTriggerTime, podEndpointsChanged, podsForService, serviceKeysForLabels, serviceSelector, shouldPodBeInEndpoints } from './service-endpoints/pods'
import { CONTROLLER_NAME, MANAGED_BY_LABEL, SERVICE_NAME_LABEL, planSlices } from './service-endpoints/slice-plan'

const ACTOR = 'endpointslice-controller'
const COMPONENT = 'endpoint-slice-controller'
const ZONE_LABEL = 'topology.kubernetes.io/zone'

export function endpointSliceController(_deps: ControllerDeps): Controller {
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
      if (!svc || svc.spec?.type === 'ExternalName') return
      // Services without a selector get slices written out-of-band, not from this controller.
      if (serviceSelector(svc) === null) return
      syncService(svc, ctx)
    },
  }
}

function syncService(svc: Service, ctx: ControllerContext): void {
  const ns = svc.metadata!.namespace!
  const pods = podsForService(ctx.api, svc)
  const existing = ctx.api
    .list('EndpointSlice', {
      namespace: ns,
      selector: [
        { key: MANAGED_BY_LABEL, operator: 'In', values: [CONTROLLER_NAME] },
        { key: SERVICE_NAME_LABEL, operator: 'In', values: [svc.metadata!.name!] },
      ],
    })
    .filter((s) => !s.metadata.deletionTimestamp)
  const plan = planSlices({
    svc,
    pods,
    existing,
    nodeZone: (node) => {
      const n = ctx.api.get('Node', '', node)
      return n ? n.metadata.labels?.[ZONE_LABEL] : null
    },
  })
  if (!plan.create.length && !plan.update.length && !plan.delete.length) return

  // The endpoint each pod is shown as now (the first one, by target uid), looked up once per sync.
  let shownByUid: Map<string | undefined, Endpoint> | undefined
  const shownFor = (uid: string | undefined): Endpoint | undefined => {
    if (!shownByUid) {
      shownByUid = new Map()
      for (const s of existing) for (const e of s.endpoints ?? []) if (!shownByUid.has(e.targetRef?.uid)) shownByUid.set(e.targetRef?.uid, e)
    }
    return shownByUid.get(uid)
  }
  const trigger = lastChangeTriggerTime(svc, pods, existing.length > 0, (pod) => {
    if (!shouldPodBeInEndpoints(pod, true)) return false
    const shown = shownFor(pod.metadata?.uid)
    return shown === undefined || shown.conditions?.serving !== isPodReady(pod)
  })
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
  if (!svc.metadata?.deletionTimestamp) {
    for (const s of plan.create) {
      try {
        ctx.api.create(annotate(s), { actor: ACTOR })
      } catch (e) {
        // A terminating namespace refuses new objects; creating again will not help.
        if (isApiError(e, 'Forbidden') && e.message.includes('is being terminated')) return
        fail(e, 'failed to create EndpointSlice')
      }
    }
  }
  for (const s of plan.update) {
    try {
      ctx.api.update(annotate(s), { actor: ACTOR })
    } catch (e) {
      fail(e, `failed to update ${s.metadata?.name} EndpointSlice`)
    }
  }
  for (const s of plan.delete) {
    try {
      ctx.api.delete('EndpointSlice', ns, s.metadata!.name!, { actor: ACTOR })
    } catch (e) {
      if (!isApiError(e, 'NotFound')) fail(e, `failed to delete ${s.metadata?.name} EndpointSlice`)
    }
  }
}
