// The Endpoints controller (pkg/controller/endpoint/endpoints_controller.go): for every Service with a
// selector, an Endpoints object of the same name listing the selected pods, ready ones under
// `addresses`, the others under `notReadyAddresses`. Services without a selector are left alone
// (their Endpoints are written by hand); a deleted Service takes its Endpoints with it.

import { deepEqual } from '../core/json'
import { rfc3339 } from '../core/time'
import { isApiError } from '../api/errors'
import type { Endpoints, Pod, Service } from '../api/types'
import type { EndpointAddress, EndpointSubset } from 'kubernetes-types/core/v1'
import type { Controller, ControllerContext } from './runtime'
import type { ControllerDeps } from './deps'
import { splitKey } from './runtime'
import {
  HEADLESS_LABEL,
  TRIGGER_TIME_ANNOTATION,
  findPort,
  isPodReady,
  isServiceIPSet,
  lastChangeTriggerTime,
  podEndpointsChanged,
  podIPv4,
  podsForService,
  serviceKeysForLabels,
  serviceSelector,
  shouldPodBeInEndpoints,
  shouldSetHostname,
  portProtocol,
} from './service-endpoints/pods'
import { repackSubsets, type AddressEntry } from './service-endpoints/repack'

const COMPONENT = 'endpoint-controller'

export function endpointsController(_deps: ControllerDeps): Controller {
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
        if (ctx.api.get('Endpoints', ns, name)) ctx.api.delete('Endpoints', ns, name, { actor: COMPONENT })
        return
      }
      if (svc.spec?.type === 'ExternalName') return
      // Services without a selector receive no endpoints from this controller.
      if (serviceSelector(svc) === null) return
      syncService(svc, ctx)
    },
  }
}

/** The subsets the Service's pods call for (syncService's loop, then RepackSubsets). */
export function desiredSubsets(svc: Service, pods: readonly Pod[]): EndpointSubset[] {
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true
  const ports = svc.spec?.ports ?? []
  const entries: AddressEntry[] = []
  for (const pod of pods) {
    const cached = entriesByPod.get(pod)
    if (cached !== undefined && cached.svc === svc) {
      for (const e of cached.entries) entries.push(e)
      continue
    }
    const own: AddressEntry[] = []
    podEntries(svc, pod, publishNotReady, ports, own)
    if (Object.isFrozen(pod) && Object.isFrozen(svc)) entriesByPod.set(pod, { svc, entries: own })
    for (const e of own) entries.push(e)
  }
  return repackSubsets(entries)
}

// A pod's (address, port) entries depend on the pod and the Service only; kept per stored pod so a
// sync of a large Service rebuilds only the entries of pods that changed.
const entriesByPod = new WeakMap<Pod, { svc: Service; entries: readonly AddressEntry[] }>()

function podEntries(svc: Service, pod: Pod, publishNotReady: boolean, ports: NonNullable<NonNullable<Service['spec']>['ports']>, out: AddressEntry[]): void {
  if (!shouldPodBeInEndpoints(pod, publishNotReady)) return
  const address = endpointAddress(svc, pod)
  if (!address) return
  const ready = publishNotReady || isPodReady(pod)
  if (ports.length === 0) {
    // A headless Service may have no ports: its addresses are listed without any.
    if (svc.spec?.clusterIP === 'None') out.push({ address, port: undefined, ready })
    return
  }
  for (const sp of ports) {
    const port = findPort(pod, sp)
    if (port === undefined) continue
    out.push({
      address,
      port: { name: sp.name || undefined, port, protocol: portProtocol(sp), appProtocol: sp.appProtocol },
      ready,
    })
  }
}

function endpointAddress(svc: Service, pod: Pod): EndpointAddress | undefined {
  const ip = podIPv4(pod)
  if (!ip) return undefined
  return {
    ip,
    hostname: shouldSetHostname(pod, svc) ? pod.spec!.hostname : undefined,
    nodeName: pod.spec?.nodeName ?? '',
    targetRef: { kind: 'Pod', namespace: pod.metadata!.namespace, name: pod.metadata!.name, uid: pod.metadata!.uid },
  }
}

/**
 * The readiness an existing Endpoints object shows for each pod (by target uid): true, false, or
 * absent. The first subset that lists the pod decides, ready addresses before not-ready ones.
 */
function shownReadiness(ep: Endpoints | undefined): Map<string | undefined, boolean> {
  const shown = new Map<string | undefined, boolean>()
  for (const s of ep?.subsets ?? []) {
    const here = new Map<string | undefined, boolean>()
    for (const a of s.notReadyAddresses ?? []) here.set(a.targetRef?.uid, false)
    for (const a of s.addresses ?? []) here.set(a.targetRef?.uid, true)
    for (const [uid, ready] of here) if (!shown.has(uid)) shown.set(uid, ready)
  }
  return shown
}

function withoutHeadless(labels: Record<string, string> | undefined): Record<string, string> {
  const { [HEADLESS_LABEL]: _h, ...rest } = labels ?? {}
  return rest
}

function syncService(svc: Service, ctx: ControllerContext): void {
  const ns = svc.metadata!.namespace!
  const name = svc.metadata!.name!
  const pods = podsForService(ctx.api, svc)
  const subsets = desiredSubsets(svc, pods)
  const current = ctx.api.get('Endpoints', ns, name)
  // Unchanged subsets and labels (the headless label aside): nothing to write.
  if (current && deepEqual(current.subsets ?? [], subsets) && deepEqual(withoutHeadless(current.metadata.labels), svc.metadata?.labels ?? {})) return

  const publishNotReady = svc.spec?.publishNotReadyAddresses === true
  let shownByUid: Map<string | undefined, boolean> | undefined
  const trigger = lastChangeTriggerTime(svc, pods, current !== undefined, (pod) => {
    // shouldPodBeInEndpoints(pod, publishNotReady), with an IPv4 address.
    if (!pod.listable || (pod.terminating && !publishNotReady) || !pod.ipv4) return false
    const shown = (shownByUid ??= shownReadiness(current)).get(pod.uid)
    return shown === undefined || shown !== (publishNotReady || pod.ready)
  })
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
  try {
    if (current) ctx.api.update(next, { actor: COMPONENT })
    else ctx.api.create(next, { actor: COMPONENT })
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
}
