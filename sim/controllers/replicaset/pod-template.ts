// The pod a ReplicaSet creates (k8s.io/kubernetes/pkg/controller/controller_utils.go,
// GetPodFromTemplate): labels, annotations and finalizers from the template, spec copied, the
// controller reference, and no name: metadata.generateName "<rs>-" lets the API server add the
// random five-character suffix (web-5d8c6b7f9c-x7k2p).

import { clone } from '../../core/json'
import { newControllerRef } from '../../api/owners'
import type { KubeObject, Pod, ReplicaSet } from '../../api/types'

export function podFromTemplate(rs: ReplicaSet & KubeObject): Pod {
  const tmpl = rs.spec?.template ?? {}
  const meta = tmpl.metadata ?? {}
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      namespace: rs.metadata.namespace,
      generateName: generateNamePrefix(rs.metadata.name!),
      ownerReferences: [newControllerRef(rs)],
    },
    spec: clone(tmpl.spec ?? { containers: [] }),
  }
  if (meta.labels) pod.metadata!.labels = { ...meta.labels }
  if (meta.annotations) pod.metadata!.annotations = { ...meta.annotations }
  if (meta.finalizers?.length) pod.metadata!.finalizers = [...meta.finalizers]
  return pod
}

/**
 * getPodsPrefix: "<controller>-", or the bare name when that would not be a valid pod name prefix
 * (ValidatePodName with prefix=true).
 */
export function generateNamePrefix(controllerName: string): string {
  const prefix = `${controllerName}-`
  return /^[a-z0-9]([-a-z0-9.]*)?$/.test(prefix) && prefix.length <= 253 ? prefix : controllerName
}

/** createPods refuses a pod without labels: no controller could ever select it. */
export function hasLabels(pod: Pod): boolean {
  return Object.keys(pod.metadata?.labels ?? {}).length > 0
}
