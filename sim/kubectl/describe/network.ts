// describe service, endpoints and endpointslice (describe.go ServiceDescriber, EndpointsDescriber,
// EndpointSliceDescriber). Since kubectl 1.31 a Service's Endpoints line comes from its
// EndpointSlices (ready endpoints only, at most 3, then ` + N more...`); appProtocol lines only
// arrive in 1.36.

import type { Endpoints, Service } from 'kubernetes-types/core/v1'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1'
import type { DescribeContext } from './context'
import { describeEvents, eventsFor } from './events'
import { formatLabels, printAnnotationsMultiline, printLabelsMultiline } from './format'
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbed } from './writer'

/** net.JoinHostPort. */
function joinHostPort(host: string, port: number | undefined): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port ?? 0}`
}

const isReady = (e: EndpointSlice['endpoints'][number]) => e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready

/** formatEndpointSlices for one service port name. */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>'
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  const add = (text: string) => {
    if (!more) list.push(text)
    count++
  }
  for (const s of slices) {
    const endpoints = s.endpoints ?? []
    if (!s.ports || s.ports.length === 0) {
      // Headless services may have no ports at all.
      for (const e of endpoints) {
        if (list.length === max) more = true
        if (!isReady(e)) continue
        add(e.addresses[0])
      }
      continue
    }
    for (const port of s.ports) {
      if ((port.name ?? '') !== portName) continue
      for (const e of endpoints) {
        if (list.length === max) more = true
        if (!isReady(e)) continue
        add(joinHostPort(e.addresses[0], port.port))
      }
    }
  }
  const ret = list.join(',')
  return more ? `${ret} + ${count - max} more...` : ret
}

export function describeService(ctx: DescribeContext, namespace: string, name: string): string {
  const svc = ctx.api.read('Service', namespace, name) as unknown as Service
  const slices = ctx.api.list('EndpointSlice', { namespace }).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name) as unknown as EndpointSlice[]
  const events = eventsFor(ctx, svc as never)
  const meta = svc.metadata ?? {}
  const spec = svc.spec ?? {}
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`)
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`)
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`)
    w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies && spec.ipFamilies.length > 0 ? spec.ipFamilies.join(',') : '<none>'}\n`)
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`)
    w.write(LEVEL_0, `IPs:\t${spec.clusterIPs && spec.clusterIPs.length > 0 ? spec.clusterIPs.join(',') : '<none>'}\n`)
    if (spec.externalIPs && spec.externalIPs.length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`)
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`)
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`)
    const ingress = svc.status?.loadBalancer?.ingress ?? []
    if (ingress.length > 0) {
      const text = ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? ''))).join(', ')
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${text}\n`)
    }
    for (const p of spec.ports ?? []) {
      const portName = p.name || '<unset>'
      w.write(LEVEL_0, `Port:\t${portName}\t${p.port}/${p.protocol ?? ''}\n`)
      w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? 0}/${p.protocol ?? ''}\n`)
      if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${portName}\t${p.nodePort}/${p.protocol ?? ''}\n`)
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`)
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`)
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`)
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`)
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`)
    if (spec.loadBalancerSourceRanges && spec.loadBalancerSourceRanges.length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`)
    if (events) describeEvents(events, w, ctx.now)
  })
}

export function describeEndpoints(ctx: DescribeContext, namespace: string, name: string): string {
  const ep = ctx.api.read('Endpoints', namespace, name) as unknown as Endpoints
  const events = eventsFor(ctx, ep as never)
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata?.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${ep.metadata?.namespace}\n`)
    printLabelsMultiline(w, 'Labels', ep.metadata?.labels)
    printAnnotationsMultiline(w, 'Annotations', ep.metadata?.annotations)
    w.write(LEVEL_0, 'Subsets:\n')
    for (const subset of ep.subsets ?? []) {
      w.write(LEVEL_1, `Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`)
      w.write(LEVEL_1, `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`)
      if (subset.ports && subset.ports.length > 0) {
        w.write(LEVEL_1, 'Ports:\n')
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n')
        w.write(LEVEL_2, '----\t----\t--------\n')
        for (const p of subset.ports) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`)
      }
      w.write(LEVEL_0, '\n')
    }
    if (events) describeEvents(events, w, ctx.now)
  })
}

export function describeEndpointSlice(ctx: DescribeContext, namespace: string, name: string): string {
  const eps = ctx.api.read('EndpointSlice', namespace, name) as unknown as EndpointSlice
  const events = eventsFor(ctx, eps as never)
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${eps.metadata?.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${eps.metadata?.namespace}\n`)
    printLabelsMultiline(w, 'Labels', eps.metadata?.labels)
    printAnnotationsMultiline(w, 'Annotations', eps.metadata?.annotations)
    w.write(LEVEL_0, `AddressType:\t${eps.addressType}\n`)
    const ports = eps.ports ?? []
    if (ports.length === 0) w.write(LEVEL_0, 'Ports: <unset>\n')
    else {
      w.write(LEVEL_0, 'Ports:\n')
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n')
      w.write(LEVEL_1, '----\t----\t--------\n')
      for (const p of ports) w.write(LEVEL_1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? ''}\n`)
    }
    const endpoints = eps.endpoints ?? []
    if (endpoints.length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n')
    else {
      w.write(LEVEL_0, 'Endpoints:\n')
      for (const e of endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${e.addresses.join(', ') || '<none>'}\n`)
        w.write(LEVEL_2, 'Conditions:\n')
        const ready = e.conditions?.ready
        w.write(LEVEL_3, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}\n`)
        w.write(LEVEL_2, `Hostname:\t${e.hostname ?? '<unset>'}\n`)
        if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`)
        w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`)
        w.write(LEVEL_2, `Zone:\t${e.zone ?? '<unset>'}\n`)
      }
    }
    if (events) describeEvents(events, w, ctx.now)
  })
}
