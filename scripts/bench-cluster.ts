// The cluster the benchmark and the fingerprint scenarios run on: the default control plane and as
// many large worker nodes as the pods need (a lab can size its cluster the same way).

import type { NodeConfig } from '../sim/cluster-config'

export function benchCluster(workers: number): NodeConfig[] {
  const nodes: NodeConfig[] = [
    { name: 'k8s-master', controlPlane: true, internalIP: '192.168.56.10', podCIDR: '10.244.0.0/24', cpu: '4', memory: '8146520Ki', pods: '110' },
  ]
  for (let i = 1; i <= workers; i++) {
    nodes.push({ name: `k8s-node${i}`, controlPlane: false, internalIP: `192.168.56.${10 + i}`, podCIDR: `10.244.${i}.0/24`, cpu: '64', memory: '263000000Ki', pods: '250' })
  }
  return nodes
}
