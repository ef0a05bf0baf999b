// describe node (describe.go NodeDescriber + describeNode + describeNodeResource, kubectl 1.33):
// roles, labels, taints, the node lease, conditions, addresses, capacity, system info, the
// non-terminated pods on the node with their requests/limits as a share of allocatable, the totals,
// and events (kubectl searches twice: involvedObject.uid = the node's uid, then = its name).

import type { Node, Pod } from 'kubernetes-types/core/v1'
import { timestampSince } from '../printers/duration'
import type { DescribeContext } from './context'
import { describeEvents, eventsFor, searchEvents } from './events'
import { formatTime, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, sortedStrings } from './format'
import { podRequestsAndLimits } from './pod-resources'
import { qAdd, qMilliValue, qString, qValue, resourceList, ZERO, type Quantity, type ResourceList } from './quantity'
import { type DescribeWriter, LEVEL_0, LEVEL_1, tabbed } from './writer'

const ROLE_PREFIX = 'node-role.kubernetes.io/'

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and the `kubernetes.io/role` value, sorted. */
function nodeRoles(node: Node): string[] {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length)
      if (role) roles.add(role)
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v)
  }
  return sortedStrings([...roles])
}

/** int64(float64(a) / float64(b) * 100): Go's conversion truncates toward zero; NaN/Inf from 0/0 print as Go's min int. */
function percent(a: number, b: number): number {
  const f = (a / b) * 100
  if (!Number.isFinite(f)) return -9223372036854775808
  return Math.trunc(f)
}

function get(list: ResourceList, name: string): Quantity {
  return list[name] ?? ZERO
}

export function describeNode(ctx: DescribeContext, _namespace: string, name: string): string {
  const node = ctx.api.read('Node', '', name) as unknown as Node
  const pods = (ctx.api.list('Pod') as unknown as Pod[]).filter(
    (p) => p.spec?.nodeName === name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
  )
  let events = eventsFor(ctx, node as never)
  if (events) events = [...events, ...searchEvents(ctx, { name, namespace: '', kind: 'Node', uid: name })]
  const lease = ctx.nodeLease?.(name)
  return tabbed((w) => {
    const meta = node.metadata ?? {}
    const spec = node.spec ?? {}
    const status = node.status ?? {}
    w.write(LEVEL_0, `Name:\t${meta.name}\n`)
    const roles = nodeRoles(node)
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `CreationTimestamp:\t${formatTime(meta.creationTimestamp as unknown as string)}\n`)
    printTaintsMultiline(w, 'Taints', spec.taints)
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`)
    if (lease) {
      w.write(LEVEL_0, 'Lease:\n')
      w.write(LEVEL_1, `HolderIdentity:\t${lease.holderIdentity ?? '<unset>'}\n`)
      w.write(LEVEL_1, `AcquireTime:\t${lease.acquireTime ? formatTime(lease.acquireTime) : '<unset>'}\n`)
      w.write(LEVEL_1, `RenewTime:\t${lease.renewTime ? formatTime(lease.renewTime) : '<unset>'}\n`)
    } else {
      w.write(LEVEL_0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${name}" not found\n`)
    }
    const conditions = status.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${formatTime(c.lastHeartbeatTime as unknown as string)} \t${formatTime(c.lastTransitionTime as unknown as string)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        )
      }
    }
    w.write(LEVEL_0, 'Addresses:\n')
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`)
    const printList = (list: Record<string, string | number> | undefined) => {
      for (const r of sortedStrings(Object.keys(list ?? {}))) w.write(LEVEL_0, `  ${r}:\t${qString(resourceList(list)[r])}\n`)
    }
    if (Object.keys(status.capacity ?? {}).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n')
      printList(status.capacity as Record<string, string>)
    }
    if (Object.keys(status.allocatable ?? {}).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n')
      printList(status.allocatable as Record<string, string>)
    }
    const info = status.nodeInfo
    w.write(LEVEL_0, 'System Info:\n')
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`)
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`)
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`)
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`)
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`)
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`)
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`)
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`)
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`)
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`)
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`)
    if (spec.podCIDRs && spec.podCIDRs.length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`)
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`)
    describeNodeResource(pods, node, w, ctx.now)
    if (events) describeEvents(events, w, ctx.now)
  })
}

function describeNodeResource(pods: readonly Pod[], node: Node, w: DescribeWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  const allocRaw = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity
  const alloc = resourceList(allocRaw as Record<string, string>)
  const allocCpu = qMilliValue(get(alloc, 'cpu'))
  const allocMem = qValue(get(alloc, 'memory'))
  const reqs: ResourceList = {}
  const limits: ResourceList = {}
  for (const pod of pods) {
    const [req, lim] = podRequestsAndLimits(pod)
    const cpuReq = get(req, 'cpu')
    const cpuLim = get(lim, 'cpu')
    const memReq = get(req, 'memory')
    const memLim = get(lim, 'memory')
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace}\t${pod.metadata?.name}\t\t${qString(cpuReq)} (${percent(qMilliValue(cpuReq), allocCpu)}%)\t${qString(cpuLim)} (${percent(qMilliValue(cpuLim), allocCpu)}%)\t${qString(memReq)} (${percent(qValue(memReq), allocMem)}%)\t${qString(memLim)} (${percent(qValue(memLim), allocMem)}%)\t${timestampSince(pod.metadata?.creationTimestamp as unknown as string, now)}\n`,
    )
    for (const [k, q] of Object.entries(req)) reqs[k] = k in reqs ? qAdd(reqs[k], q) : q
    for (const [k, q] of Object.entries(lim)) limits[k] = k in limits ? qAdd(limits[k], q) : q
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n')
  w.write(LEVEL_1, '--------\t--------\t------\n')
  const row = (name: string, a: Quantity, b: Quantity, total: number, value: (q: Quantity) => number) => {
    const pa = total !== 0 ? percent(value(a), total) : 0
    const pb = total !== 0 ? percent(value(b), total) : 0
    w.write(LEVEL_1, `${name}\t${qString(a)} (${pa}%)\t${qString(b)} (${pb}%)\n`)
  }
  row('cpu', get(reqs, 'cpu'), get(limits, 'cpu'), allocCpu, qMilliValue)
  row('memory', get(reqs, 'memory'), get(limits, 'memory'), allocMem, qValue)
  row('ephemeral-storage', get(reqs, 'ephemeral-storage'), get(limits, 'ephemeral-storage'), qValue(get(alloc, 'ephemeral-storage')), qValue)
  const names = Object.keys(alloc)
  const hugePages = sortedStrings(names.filter((r) => r.startsWith('hugepages-')))
  const extended = sortedStrings(names.filter((r) => !r.startsWith('hugepages-') && !isStandardContainerResource(r) && r !== 'pods'))
  for (const r of hugePages) row(r, get(reqs, r), get(limits, r), qValue(get(alloc, r)), qValue)
  for (const r of extended) w.write(LEVEL_1, `${r}\t${qString(get(reqs, r))}\t${qString(get(limits, r))}\n`)
}

/** IsStandardContainerResourceName: cpu, memory, ephemeral-storage and hugepages-*. */
function isStandardContainerResource(r: string): boolean {
  return r === 'cpu' || r === 'memory' || r === 'ephemeral-storage' || r.startsWith('hugepages-')
}
