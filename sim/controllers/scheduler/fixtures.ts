// Objects for the scheduler's table tests (imported by tests only): the default cluster's nodes and
// small builders for pods, claims and volumes.

import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, Taint } from 'kubernetes-types/core/v1'
import type { StorageClass } from 'kubernetes-types/storage/v1'
import { defaultConfig, defaultNodes } from '../../cluster-config'
import { nodeObject } from '../../nodes'
import type { SchedulingInput } from './planner'
import type { PlacedPod } from './pod-affinity'

export function clusterNodes(edit: (n: Node) => Node = (n) => n): Node[] {
  const config = defaultConfig()
  return defaultNodes().map((n) => edit(nodeObject(n, config) as Node))
}

export function withNode(nodes: Node[], name: string, edit: (n: Node) => Node): Node[] {
  return nodes.map((n) => (n.metadata?.name === name ? edit(n) : n))
}

export const cordon = (n: Node): Node => ({ ...n, spec: { ...n.spec, unschedulable: true } })
export const taint = (t: Taint) => (n: Node): Node => ({ ...n, spec: { ...n.spec, taints: [...(n.spec?.taints ?? []), t] } })
export const label = (k: string, v: string) => (n: Node): Node => ({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata?.labels, [k]: v } } })

let uid = 0
export function pod(name: string, spec: Partial<NonNullable<Pod['spec']>> = {}, labels: Record<string, string> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}-${uid++}`, labels },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }], ...spec },
    status: { phase: 'Pending' },
  }
}

export function requests(cpu: string, memory?: string): Partial<NonNullable<Pod['spec']>> {
  return { containers: [{ name: 'app', image: 'app', resources: { requests: { cpu, ...(memory ? { memory } : {}) } } }] }
}

export function claim(name: string, spec: Partial<NonNullable<PersistentVolumeClaim['spec']>> = {}, annotations: Record<string, string> = {}): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, annotations },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', ...spec },
    status: { phase: spec.volumeName ? 'Bound' : 'Pending' },
  }
}

export function volume(name: string, node: string | undefined, spec: Partial<NonNullable<PersistentVolume['spec']>> = {}, phase = 'Available'): PersistentVolume {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name },
    spec: {
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '1Gi' },
      storageClassName: 'standard',
      ...(node
        ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } } }
        : {}),
      ...spec,
    },
    status: { phase },
  }
}

export function storageClass(name: string, provisioner: string, mode: 'Immediate' | 'WaitForFirstConsumer', isDefault = false): StorageClass {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name, annotations: isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {} },
    provisioner,
    volumeBindingMode: mode,
  }
}

export const STANDARD = storageClass('standard', 'rancher.io/local-path', 'WaitForFirstConsumer', true)

/** Places pods on nodes by name. */
export function placed(nodes: Node[], ...pairs: [Pod, string][]): PlacedPod[] {
  return pairs.map(([p, n]) => ({ pod: { ...p, spec: { ...p.spec!, nodeName: n } }, node: nodes.find((x) => x.metadata?.name === n)! }))
}

export function input(p: Pod, over: Partial<SchedulingInput> = {}): SchedulingInput {
  return {
    pod: p,
    nodes: clusterNodes(),
    placed: [],
    pvcs: [],
    pvs: [],
    classes: [STANDARD],
    namespaces: [{ metadata: { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } } }],
    spreadSelector: null,
    ...over,
  }
}
