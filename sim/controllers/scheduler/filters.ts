// The scheduling cycle's PreFilter and Filter extension points with the default plugins, in the
// order of v1.33's default profile (pkg/scheduler/apis/config/v1/default_plugins.go): NodeUnschedulable,
// NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit, VolumeBinding, PodTopologySpread,
// InterPodAffinity.
// A node's status is the first plugin that rejects it (framework.RunFilterPlugins stops there).

import type { Namespace, Node, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1'
import type { StorageClass } from 'kubernetes-types/storage/v1'
import { doNotScheduleTaint, findUntoleratedTaint, tolerationsTolerateTaint, TAINT_UNSCHEDULABLE } from './taints'
import { nodeNamesFromAffinity, podMatchesNode } from './node-affinity'
import { add, emptyResources, insufficientResources, nodeAllocatable, podRequests, type Resources } from './resources'
import { volumeFilter, volumePreFilter, type VolumeAction, type VolumePreFilter } from './volumes'
import { affinityFilter, affinityPreFilter, type AffinityState, type PlacedPod } from './pod-affinity'
import { hasHardSpreadConstraints, spreadFilter, spreadPreFilter, type SpreadState } from './topology-spread'
import type { Selector } from '../../api/selectors'

export const ERR_UNSCHEDULABLE = 'node(s) were unschedulable'
export const ERR_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector"
export const ERR_NODE_AFFINITY_CONFLICT = 'pod affinity terms conflict'
export const ERR_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports"

/** The cluster as one scheduling cycle sees it (the scheduler's snapshot). */
export interface SchedulingWorld {
  nodes: readonly Node[]
  /** Pods bound to nodes, or assumed on one while their volumes bind; never the pod being scheduled. */
  placed: readonly PlacedPod[]
  pvcs: readonly PersistentVolumeClaim[]
  pvs: readonly PersistentVolume[]
  classes: readonly StorageClass[]
  namespaces: readonly Namespace[]
  /** The node infos, worked out ahead by the scheduler's cache (else built from `placed`). */
  infos?: readonly NodeInfo[]
  /** The placed pods with required anti-affinity terms: all a pod without affinity terms looks at. */
  placedWithAntiAffinity?: readonly PlacedPod[]
}

export type StatusCode = 'Unschedulable' | 'UnschedulableAndUnresolvable'

export interface NodeStatus {
  plugin: string
  code: StatusCode
  reasons: string[]
}

export interface NodeInfo {
  node: Node
  pods: readonly Pod[]
  requested: Resources
  /** How many pods count on the node (else pods.length). */
  podCount?: number
  /** The requests with the scoring defaults for containers without any (else worked out from `pods`). */
  nonZeroRequested?: Resources
  /** How many of `pods` are in `namespace` and match `selector` (else counted from `pods`). */
  countMatching?(namespace: string, selector: Selector): number
}

export function nodeInfos(world: SchedulingWorld): NodeInfo[] {
  if (world.infos) return [...world.infos]
  return world.nodes.map((node) => {
    const pods = world.placed.filter((p) => p.node.metadata?.name === node.metadata?.name).map((p) => p.pod)
    return { node, pods, requested: pods.reduce((sum, p) => add(sum, podRequests(p)), emptyResources()) }
  })
}

/** The cycle state PreFilter leaves for Filter, or the status that rejects every node at once. */
export type PreFilterResult =
  | { kind: 'rejected'; plugin: string; message: string }
  | { kind: 'ok'; volumes: VolumePreFilter; spread: SpreadState; affinity: AffinityState; nodeNames: Set<string> | undefined }

export function preFilter(pod: Pod, world: SchedulingWorld): PreFilterResult {
  const nodeNames = nodeNamesFromAffinity(pod)
  if (nodeNames !== undefined && nodeNames.size === 0) return { kind: 'rejected', plugin: 'NodeAffinity', message: ERR_NODE_AFFINITY_CONFLICT }
  const volumes = volumePreFilter(pod, world)
  if (volumes.kind === 'reject') return { kind: 'rejected', plugin: 'VolumeBinding', message: volumes.message }
  const nsLabels = new Map(world.namespaces.map((n) => [n.metadata?.name ?? '', n.metadata?.labels]))
  // Without terms of its own, a pod's PreFilter only looks at pods with required anti-affinity.
  const ownTerms = !!(pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length || pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length)
  const others = ownTerms ? world.placed : (world.placedWithAntiAffinity ?? world.placed)
  const spread = hasHardSpreadConstraints(pod) ? spreadPreFilter(pod, world.nodes, world.placed) : { constraints: [] }
  return { kind: 'ok', volumes, spread, affinity: affinityPreFilter(pod, others, nsLabels), nodeNames }
}

interface HostPort {
  port: number
  protocol: string
  ip: string
}

function hostPorts(pod: Pod): HostPort[] {
  const out: HostPort[] = []
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
    for (const p of c.ports ?? []) {
      if (p.hostPort && p.hostPort > 0) out.push({ port: p.hostPort, protocol: p.protocol ?? 'TCP', ip: p.hostIP || '0.0.0.0' })
    }
  }
  return out
}

/** NodePorts: a host port is taken when port and protocol agree and either address is the wildcard or they are equal. */
function portsConflict(pod: Pod, info: NodeInfo): boolean {
  const wanted = hostPorts(pod)
  if (wanted.length === 0) return false
  const used = info.pods.flatMap(hostPorts)
  return wanted.some((w) => used.some((u) => u.port === w.port && u.protocol === w.protocol && (u.ip === '0.0.0.0' || w.ip === '0.0.0.0' || u.ip === w.ip)))
}

/** Runs the Filter plugins for one node; undefined when the node fits, plus the volume writes it would need. */
export function filterNode(pod: Pod, info: NodeInfo, state: Extract<PreFilterResult, { kind: 'ok' }>, world: SchedulingWorld): { status?: NodeStatus; volumeActions: VolumeAction[] } {
  const node = info.node
  const reject = (plugin: string, code: StatusCode, ...reasons: string[]) => ({ status: { plugin, code, reasons }, volumeActions: [] })
  if (state.nodeNames !== undefined && !state.nodeNames.has(node.metadata?.name ?? '')) {
    return reject('NodeAffinity', 'UnschedulableAndUnresolvable', "node(s) didn't satisfy plugin(s) [NodeAffinity]")
  }
  // NodeUnschedulable: a cordoned node, unless the pod tolerates the unschedulable taint.
  if (node.spec?.unschedulable && !tolerationsTolerateTaint(pod.spec?.tolerations, { key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' })) {
    return reject('NodeUnschedulable', 'UnschedulableAndUnresolvable', ERR_UNSCHEDULABLE)
  }
  // NodeName: the scheduler only sees pods without spec.nodeName, so it never rejects here.
  const taint = findUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, doNotScheduleTaint)
  if (taint) {
    return reject('TaintToleration', 'UnschedulableAndUnresolvable', `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`)
  }
  if (!podMatchesNode(pod, node)) return reject('NodeAffinity', 'UnschedulableAndUnresolvable', ERR_NODE_AFFINITY)
  if (portsConflict(pod, info)) return reject('NodePorts', 'Unschedulable', ERR_NODE_PORTS)
  const short = insufficientResources(podRequests(pod), nodeAllocatable(node), info.requested, info.podCount ?? info.pods.length)
  if (short.length) return reject('NodeResourcesFit', 'Unschedulable', ...short)
  const vol = volumeFilter(state.volumes, node, world)
  if (vol.reasons.length) return reject('VolumeBinding', 'UnschedulableAndUnresolvable', ...vol.reasons)
  const spread = spreadFilter(state.spread, pod, node)
  if (spread) return reject('PodTopologySpread', spread.unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable', spread.reason)
  const aff = affinityFilter(state.affinity, node)
  if (aff) return reject('InterPodAffinity', aff.unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable', aff.reason)
  return { volumeActions: vol.actions }
}
