// The Endpoints controller (pkg/controller/endpoint/endpoints_controller.go): for every Service with a
// selector, an Endpoints object of the same name listing the selected pods, ready ones under
// `addresses`, the others under `notReadyAddresses`. Services without a selector are left alone
// (their Endpoints are written by hand); a deleted Service takes its Endpoints with it.

import { deepEqual } from '../core/json'
import { rfc3339 } from '../core/time'
import { isApiError } from '../api/errors'
import type { Endpoints, Pod, Service } from '../api/types'
import type { Controller, ControllerContext } from './runtime'
import type { ControllerDeps } from './deps'
import { splitKey } from './runtime'
import { HEADLESS_LABEL, TRIGGER_TIME_ANNOTATION, isServiceIPSet, podEndpointsChanged, serviceKeysForLabels, serviceSelector } from './service-endpoints/pods'
import { ServicePodIndex, type SelectedPods } from './service-endpoints/pod-index'
import { SubsetsPlanner } from './service-endpoints/endpoints-memo'

const COMPONENT = 'endpoint-controller'

export function endpointsController(_deps: ControllerDeps): Controller {
  // Kept between syncs, re-derivable from objects (a restored simulation starts with neither).
  const pods = new ServicePodIndex()
  const planner = new SubsetsPlanner()
  return {
    name: 'endpoint-controller',
    watches: ['Service', 'Pod', 'Endpoints'],
    keysFor(ev, ctx) {
      const o = ev.object
      const ns = o.metadata.namespace ?? ''
      switch (ev.kind) {
        case 'Service':
          return [`${ns}/${o.metadata.name}`]
        case 'Endpoints':
          // Only deletions: an Endpoints object removed by hand is put back.
          return ev.type === 'DELETED' ? [`${ns}/${o.metadata.name}`] : []
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
      // checkLeftoverEndpoints: Endpoints whose Service is gone are found by syncing their key.
      const keys = new Set<string>()
      for (const s of ctx.api.list('Service')) keys.add(`${s.metadata.namespace}/${s.metadata.name}`)
      for (const e of ctx.api.list('Endpoints')) {
        if (e.metadata.annotations?.['control-plane.alpha.kubernetes.io/leader']) continue
        keys.add(`${e.metadata.namespace}/${e.metadata.name}`)
      }
      return keys
    },
    reconcile(key, ctx) {
      const [ns, name] = splitKey(key)
      const svc = ctx.api.get('Service', ns, name)
      if (!svc) {
        pods.forget(ns, name)
        planner.forget(key)
        if (ctx.api.get('Endpoints', ns, name)) ctx.api.delete('Endpoints', ns, name, { actor: COMPONENT })
        return
      }
      // Services without a selector receive no endpoints from this controller.
      if (svc.spec?.type === 'ExternalName' || serviceSelector(svc) === null) {
        pods.forget(ns, name)
        planner.forget(key)
        return
      }
      syncService(key, svc, ctx, pods.select(ctx.api, svc), planner)
    },
  }
}

function withoutHeadless(labels: Record<string, string> | undefined): Record<string, string> {
  const { [HEADLESS_LABEL]: _h, ...rest } = labels ?? {}
  return rest
}

function syncService(key: string, svc: Service, ctx: ControllerContext, selected: SelectedPods, planner: SubsetsPlanner): void {
  const ns = svc.metadata!.namespace!
  const name = svc.metadata!.name!
  const current = ctx.api.get('Endpoints', ns, name)
  const sync = planner.plan(key, svc, selected, current)
  const { subsets } = sync
  // Unchanged subsets and labels (the headless label aside): nothing to write.
  if (current && sync.same && deepEqual(withoutHeadless(current.metadata.labels), svc.metadata?.labels ?? {})) return sync.commit(current)

  const trigger = sync.trigger()
  const annotations: Record<string, string> = { ...(current?.metadata.annotations ?? {}) }
  if (trigger !== undefined) annotations[TRIGGER_TIME_ANNOTATION] = rfc3339(trigger)
  else delete annotations[TRIGGER_TIME_ANNOTATION]
  const labels: Record<string, string> = { ...(svc.metadata?.labels ?? {}) }
  if (isServiceIPSet(svc)) delete labels[HEADLESS_LABEL]
  else labels[HEADLESS_LABEL] = ''

  const next = {
    ...(current ?? { apiVersion: 'v1', kind: 'Endpoints' }),
    metadata: {
      ...(current?.metadata ?? { name, namespace: ns }),
      labels: Object.keys(labels).length ? labels : undefined,
      annotations: Object.keys(annotations).length ? annotations : undefined,
    },
    subsets: subsets.length ? subsets : undefined,
  } as Endpoints
  let stored: Endpoints
  try {
    stored = current ? ctx.api.update(next, { actor: COMPONENT }) : ctx.api.create(next, { actor: COMPONENT })
  } catch (e) {
    if (!isApiError(e)) throw e
    // A terminating namespace refuses new objects; creating again will not help.
    if (!current && isApiError(e, 'Forbidden') && e.message.includes('is being terminated')) return
    const message = current
      ? `Failed to update endpoint ${ns}/${name}: ${e.message}`
      : `Failed to create endpoint for service ${ns}/${name}: ${e.message}`
    ctx.events.record(next as never, 'Warning', current ? 'FailedToUpdateEndpoint' : 'FailedToCreateEndpoint', message, { component: COMPONENT })
    throw e
  }
  sync.commit(stored)
}
