// Hand-made pods and Services for the endpoint, slice and disruption scenario tests. The kubelets are
// unplugged so the status a test writes stays as written (the kubelet would otherwise run the pods).

import { testSim } from '../../testing/harness'
import type { Simulation } from '../../simulation'
import type { KubeObject, OwnerReference, Pod, Service } from '../../api/types'
import type { ContainerPort, ServicePort } from 'kubernetes-types/core/v1'
import { rfc3339 } from '../../core/time'

export const as = { actor: 'kubectl' }

export function isolatedSim(): Simulation {
  const sim = testSim()
  sim.failNode('k8s-node1')
  sim.failNode('k8s-node2')
  return sim
}

export interface PodOpts {
  labels?: Record<string, string>
  node?: string
  ip?: string
  ready?: boolean
  /** When the Ready condition last changed (defaults to now). */
  readySince?: number
  hostname?: string
  subdomain?: string
  ports?: ContainerPort[]
  owner?: OwnerReference
  phase?: string
}

/** Creates a pod bound to a node, then writes its status as a kubelet would. */
export function runPod(sim: Simulation, name: string, o: PodOpts = {}): Pod {
  sim.api.create(
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', labels: o.labels ?? { app: 'nginx' }, ownerReferences: o.owner ? [o.owner] : undefined },
      spec: {
        nodeName: o.node ?? 'k8s-node1',
        hostname: o.hostname,
        subdomain: o.subdomain,
        containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24', ports: o.ports }],
      },
    } as KubeObject,
    as,
  )
  return setStatus(sim, name, o)
}

export function setStatus(sim: Simulation, name: string, o: PodOpts): Pod {
  const pod = sim.api.read('Pod', 'default', name)
  const since = rfc3339(o.readySince ?? sim.now())
  const ready = o.ready ?? true
  const updated = sim.api.updateStatus(
    {
      ...pod,
      status: {
        ...pod.status,
        phase: o.phase ?? 'Running',
        podIP: o.ip,
        podIPs: o.ip ? [{ ip: o.ip }] : undefined,
        conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: since }],
      },
    },
    { actor: 'kubelet' },
  )
  sim.drain()
  return updated
}

export function createService(sim: Simulation, name: string, spec: Partial<Service['spec']> & { ports?: ServicePort[] }, labels?: Record<string, string>): Service {
  const svc = sim.api.create(
    { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', labels }, spec: { type: 'ClusterIP', ...spec } } as KubeObject,
    as,
  ) as unknown as Service
  sim.drain()
  return svc
}

/** The kubelet's final word on a deleted pod. */
export function kubeletConfirmsDeletion(sim: Simulation, name: string): void {
  sim.api.delete('Pod', 'default', name, { actor: 'kubelet', gracePeriodSeconds: 0 })
  sim.drain()
}
