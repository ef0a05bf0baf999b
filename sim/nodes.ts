// Node objects as a kubeadm cluster registers them (labels, control-plane taint, capacity, status).

import type { ClusterConfig, NodeConfig } from './cluster-config'
import type { Node } from './api/types'

export function nodeObject(n: NodeConfig, config: ClusterConfig): Node {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
    ...(n.controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
    ...(n.labels ?? {}),
  }
  const taints = [
    ...(n.controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : []),
    ...(n.taints ?? []),
  ]
  const resources = { cpu: n.cpu, 'ephemeral-storage': '61202244Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: n.memory, pods: n.pods }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR: n.podCIDR, podCIDRs: [n.podCIDR], taints: taints.length ? taints : undefined },
    status: {
      addresses: [
        { address: n.internalIP, type: 'InternalIP' },
        { address: n.name, type: 'Hostname' },
      ],
      allocatable: resources,
      capacity: resources,
      conditions: [],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://1.7.25',
        kernelVersion: '5.15.0-131-generic',
        kubeProxyVersion: '',
        kubeletVersion: config.kubernetesVersion,
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Ubuntu 22.04.5 LTS',
        systemUUID: '',
      },
    },
  } as Node
}
