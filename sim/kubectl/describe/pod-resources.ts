// kubectl pkg/util/resource PodRequestsAndLimits (1.33): a pod's requests are the sum over its
// containers (the larger of spec and reported status resources once the kubelet reports them), raised
// to the largest init container (restartable sidecars add up), plus the pod overhead; limits likewise,
// overhead only added to limits that are set.

import type { Container, ContainerStatus, Pod } from 'kubernetes-types/core/v1'
import { addResourceList, maxResourceList, qAdd, qCmp, resourceList, ZERO, type ResourceList } from './quantity'

type Raw = Record<string, string | number> | undefined

function resizeInfeasible(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'PodResizePending' && c.reason === 'Infeasible')
}

function containerRequests(pod: Pod, c: Container, cs: ContainerStatus | undefined): ResourceList {
  const spec = resourceList(c.resources?.requests as Raw)
  const status = cs as (ContainerStatus & { resources?: { requests?: Raw }; allocatedResources?: Raw }) | undefined
  if (!status?.resources) return spec
  const out: ResourceList = resizeInfeasible(pod) ? resourceList(status.resources.requests) : spec
  if (!resizeInfeasible(pod)) maxResourceList(out, resourceList(status.resources.requests))
  maxResourceList(out, resourceList(status.allocatedResources))
  return out
}

const isSidecar = (c: Container) => (c as { restartPolicy?: string }).restartPolicy === 'Always'

export function podRequestsAndLimits(pod: Pod): [ResourceList, ResourceList] {
  const statuses = new Map<string, ContainerStatus>()
  for (const s of [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])]) statuses.set(s.name, s)
  const reqs: ResourceList = {}
  const limits: ResourceList = {}
  for (const c of pod.spec?.containers ?? []) {
    addResourceList(reqs, containerRequests(pod, c, statuses.get(c.name)))
    addResourceList(limits, resourceList(c.resources?.limits as Raw))
  }
  const sidecarReqs: ResourceList = {}
  const sidecarLimits: ResourceList = {}
  const initReqs: ResourceList = {}
  const initLimits: ResourceList = {}
  for (const c of pod.spec?.initContainers ?? []) {
    let r = resourceList(c.resources?.requests as Raw)
    let l = resourceList(c.resources?.limits as Raw)
    if (isSidecar(c)) {
      r = containerRequests(pod, c, statuses.get(c.name))
      addResourceList(reqs, r)
      addResourceList(sidecarReqs, r)
      addResourceList(limits, l)
      addResourceList(sidecarLimits, l)
      r = { ...sidecarReqs }
      l = { ...sidecarLimits }
    } else {
      const tr: ResourceList = {}
      addResourceList(tr, r)
      addResourceList(tr, sidecarReqs)
      const tl: ResourceList = {}
      addResourceList(tl, l)
      addResourceList(tl, sidecarLimits)
      r = tr
      l = tl
    }
    maxResourceList(initReqs, r)
    maxResourceList(initLimits, l)
  }
  maxResourceList(reqs, initReqs)
  maxResourceList(limits, initLimits)
  const overhead = resourceList(pod.spec?.overhead as Raw)
  addResourceList(reqs, overhead)
  for (const [k, q] of Object.entries(overhead)) {
    if (k in limits && qCmp(limits[k], ZERO) !== 0) limits[k] = qAdd(limits[k], q)
  }
  return [reqs, limits]
}
