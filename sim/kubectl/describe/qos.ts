// kubectl pkg/util/qos ComputePodQOS: used when a pod has no status.qosClass yet. BestEffort with no
// cpu/memory requests or limits; Guaranteed when every container limits both and requests equal
// limits; Burstable otherwise. Pod-level resources, when set, decide instead of the containers.

import type { Pod } from 'kubernetes-types/core/v1'
import { qAdd, qCmp, quantityOf, ZERO, type ResourceList } from './quantity'

const QOS_RESOURCES = new Set(['cpu', 'memory'])

type Raw = Readonly<Record<string, string | number>> | undefined

function addPositive(list: ResourceList, raw: Raw): void {
  for (const [name, v] of Object.entries(raw ?? {})) {
    if (!QOS_RESOURCES.has(name)) continue
    const q = quantityOf(v)
    if (qCmp(q, ZERO) > 0) list[name] = name in list ? qAdd(q, list[name]) : q
  }
}

function limitsBoth(raw: Raw): boolean {
  const have = Object.entries(raw ?? {}).filter(([n, v]) => QOS_RESOURCES.has(n) && qCmp(quantityOf(v), ZERO) > 0)
  return have.some(([n]) => n === 'cpu') && have.some(([n]) => n === 'memory')
}

export function computePodQOS(pod: Pod): string {
  const requests: ResourceList = {}
  const limits: ResourceList = {}
  let guaranteed = true
  const podLevel = (pod.spec as { resources?: { requests?: Raw; limits?: Raw } } | undefined)?.resources
  if (podLevel) {
    addPositive(requests, podLevel.requests)
    if (podLevel.limits) {
      addPositive(limits, podLevel.limits)
      if (!limitsBoth(podLevel.limits)) guaranteed = false
    }
  } else {
    for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
      addPositive(requests, c.resources?.requests as Raw)
      addPositive(limits, c.resources?.limits as Raw)
      if (!limitsBoth(c.resources?.limits as Raw)) guaranteed = false
    }
  }
  if (Object.keys(requests).length === 0 && Object.keys(limits).length === 0) return 'BestEffort'
  if (guaranteed) {
    for (const [name, req] of Object.entries(requests)) {
      if (!(name in limits) || qCmp(limits[name], req) !== 0) {
        guaranteed = false
        break
      }
    }
  }
  return guaranteed && Object.keys(requests).length === Object.keys(limits).length ? 'Guaranteed' : 'Burstable'
}
