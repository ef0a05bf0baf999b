// What a describer reads: the API server (GET and LIST, as kubectl's describers call it), the
// virtual time ages are measured against, and the --show-events setting.

import type { ApiServer } from '../../api/server'

export interface DescribeContext {
  readonly api: Pick<ApiServer, 'get' | 'read' | 'list'>
  /** Virtual ms: "now" for ages (HumanDuration) and `Terminating (lasts ...)`. */
  readonly now: number
  /** --show-events (default true). */
  readonly showEvents: boolean
  /**
   * The node's lease in kube-node-lease (describe node prints it). The simulator keeps no Lease
   * objects; the caller derives one from the node's kubelet. Undefined: "Failed to get lease".
   */
  readonly nodeLease?: (nodeName: string) => NodeLease | undefined
}

/** The fields of a coordination.k8s.io/v1 Lease that describe node prints. */
export interface NodeLease {
  holderIdentity?: string
  /** RFC3339 MicroTime strings. */
  acquireTime?: string
  renewTime?: string
}
