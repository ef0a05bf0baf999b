// The kubelet's lease in kube-node-lease, which describe node prints. The simulator stores no Lease
// objects (nothing else reads them), so it is derived here the way a kubelet keeps it: holder = the
// node name, no acquireTime, renewed every 10 s (renewInterval = 0.25 × the 40 s lease duration) from
// the node's registration while its kubelet is reachable; a node whose cable is pulled stops renewing.

import { parseRfc3339, rfc3339Micro } from '../../core/time'
import type { NodeLease } from './context'

const RENEW_INTERVAL_MS = 10_000

export interface LeaseSource {
  now(): number
  api: { get(kind: 'Node', namespace: string, name: string): { metadata: { creationTimestamp?: string } } | undefined }
  nodeHealth?: { downSince(node: string): number | undefined }
}

export function nodeLeaseFor(sim: LeaseSource): (nodeName: string) => NodeLease | undefined {
  return (nodeName) => {
    const node = sim.api.get('Node', '', nodeName)
    const created = parseRfc3339(node?.metadata.creationTimestamp)
    if (!node || created === undefined) return undefined
    const until = Math.min(sim.now(), sim.nodeHealth?.downSince(nodeName) ?? Infinity)
    const renewed = created + Math.floor(Math.max(0, until - created) / RENEW_INTERVAL_MS) * RENEW_INTERVAL_MS
    return { holderIdentity: nodeName, renewTime: rfc3339Micro(renewed) }
  }
}
