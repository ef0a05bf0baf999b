// Test fixture: the worked-example world of kubectl-output.md §10 as CoreDNS sees it — headless
// Service `nginx` (port 80 named web), pods web-0 10.244.1.5, web-1 10.244.2.6, web-2 10.244.1.6,
// kube-dns at 10.96.0.10 with two CoreDNS pods. The EndpointSlices come from the EndpointSlice
// controller's own planner, so readiness rules (publishNotReadyAddresses, terminating) are its.
// Imported by tests only.

import type { EndpointSlice, Namespace, Pod, Service } from '../api/types'
import type { ServicePort } from 'kubernetes-types/core/v1'
import { planSlices } from '../controllers/service-endpoints/slice-plan'
import type { DnsObjects } from './cluster-view'

export interface FixturePod {
  name: string
  ip: string
  node?: string
  ready?: boolean
  terminating?: boolean
  /** Defaults: hostname = name, subdomain = the Service (as the StatefulSet controller sets them). */
  hostname?: string | null
  subdomain?: string | null
  labels?: Record<string, string>
  namespace?: string
}

export const WEB_PODS: readonly FixturePod[] = [
  { name: 'web-0', ip: '10.244.1.5', node: 'kind-worker' },
  { name: 'web-1', ip: '10.244.2.6', node: 'kind-worker2' },
  { name: 'web-2', ip: '10.244.1.6', node: 'kind-worker' },
]

const CREATED = '2024-07-16T10:21:28Z'
/** The last readiness change: the SOA serial of §11.14 (1721125290). */
export const LAST_CHANGE = '2024-07-16T10:21:30Z'
const CLUSTER_CREATED = '2024-07-04T09:58:22Z'

export function fixturePod(p: FixturePod, subdomainDefault = 'nginx'): Pod {
  const ready = p.ready ?? true
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name,
      namespace: p.namespace ?? 'default',
      uid: `uid-${p.name}`,
      labels: p.labels ?? { app: 'nginx' },
      creationTimestamp: CREATED,
      deletionTimestamp: p.terminating ? LAST_CHANGE : undefined,
    },
    spec: {
      hostname: p.hostname === null ? undefined : (p.hostname ?? p.name),
      subdomain: p.subdomain === null ? undefined : (p.subdomain ?? subdomainDefault),
      nodeName: p.node ?? 'kind-worker',
      containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24', ports: [{ containerPort: 80, name: 'web', protocol: 'TCP' }] }],
    },
    status: {
      phase: 'Running',
      podIP: p.ip,
      podIPs: [{ ip: p.ip }],
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  }
}

export function fixtureService(name: string, spec: Service['spec'], namespace = 'default', created = CREATED): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, uid: `uid-svc-${name}`, creationTimestamp: created }, spec }
}

/** The Service `nginx` of web.yaml. */
export function nginxService(opts: { publishNotReadyAddresses?: boolean; ports?: ServicePort[] } = {}): Service {
  return fixtureService('nginx', {
    clusterIP: 'None',
    clusterIPs: ['None'],
    type: 'ClusterIP',
    selector: { app: 'nginx' },
    ports: opts.ports ?? [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 80 }],
    publishNotReadyAddresses: opts.publishNotReadyAddresses,
  })
}

/** The EndpointSlices the controller would create for these pods, stamped as the API server would. */
export function slicesFor(svc: Service, pods: readonly Pod[]): EndpointSlice[] {
  const plan = planSlices({ svc, pods, existing: [], nodeZone: () => undefined })
  return plan.create.map((s, i) => ({
    ...s,
    metadata: {
      ...s.metadata,
      name: `${svc.metadata!.name}-fx${i}`,
      namespace: svc.metadata!.namespace,
      creationTimestamp: CREATED,
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': LAST_CHANGE },
    },
  }))
}

const systemServices = (): Service[] => [
  fixtureService('kubernetes', { clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], type: 'ClusterIP', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] }, 'default', CLUSTER_CREATED),
  fixtureService(
    'kube-dns',
    {
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      type: 'ClusterIP',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
    'kube-system',
    CLUSTER_CREATED,
  ),
]

function corednsPod(name: string, ip: string): Pod {
  const p = fixturePod({ name, ip, namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, hostname: null, subdomain: null })
  return { ...p, spec: { ...p.spec!, containers: [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.12.0', ports: [{ containerPort: 53, name: 'dns', protocol: 'UDP' }, { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' }, { containerPort: 9153, name: 'metrics', protocol: 'TCP' }] }] } }
}

export interface WebWorldOptions {
  pods?: readonly FixturePod[]
  publishNotReadyAddresses?: boolean
  ports?: ServicePort[]
  /** More Services (and the pods they select, via `morePods`) in the world. */
  moreServices?: readonly Service[]
  morePods?: readonly Pod[]
  corednsReady?: boolean
}

/** §10's world as CoreDNS's input. */
export function webWorld(opts: WebWorldOptions = {}): DnsObjects {
  const nginx = nginxService({ publishNotReadyAddresses: opts.publishNotReadyAddresses, ports: opts.ports })
  const pods = (opts.pods ?? WEB_PODS).map((p) => fixturePod(p))
  const dnsPods = [corednsPod('coredns-7db6d8ff4d-4xk2p', '10.244.0.2'), corednsPod('coredns-7db6d8ff4d-9mzqb', '10.244.0.3')].map((p) =>
    opts.corednsReady === false ? { ...p, status: { ...p.status, conditions: [{ type: 'Ready', status: 'False' }] } } : p,
  )
  const services = [...systemServices(), nginx, ...(opts.moreServices ?? [])]
  const allPods = [...pods, ...dnsPods, ...(opts.morePods ?? [])]
  const endpointSlices = services
    .filter((s) => s.spec?.selector)
    .flatMap((s) => slicesFor(s, allPods.filter((p) => p.metadata?.namespace === s.metadata?.namespace && Object.entries(s.spec!.selector!).every(([k, v]) => p.metadata?.labels?.[k] === v))))
  const namespaces: Namespace[] = ['default', 'kube-node-lease', 'kube-public', 'kube-system'].map((name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, creationTimestamp: CLUSTER_CREATED },
  }))
  return { services, endpointSlices, namespaces, dnsPods }
}
