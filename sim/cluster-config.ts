// The cluster a simulation starts with. Every field has a default that looks like the course's
// kubeadm lab cluster (k8s-master, k8s-node1, k8s-node2; flannel's 10.244.0.0/16); callers (and
// later a lab's setup) override any of them.

import { fromCivil } from './core/time'

export interface NodeConfig {
  name: string
  controlPlane: boolean
  internalIP: string
  /** The node's pod CIDR, e.g. 10.244.1.0/24. */
  podCIDR: string
  cpu: string
  memory: string
  pods: string
  labels?: Record<string, string>
  /** Taints beyond the control-plane one (kubeadm taints the control plane NoSchedule). */
  taints?: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[]
}

export interface StorageClassConfig {
  name: string
  provisioner: string
  reclaimPolicy: 'Delete' | 'Retain'
  volumeBindingMode: 'Immediate' | 'WaitForFirstConsumer'
  isDefault: boolean
  allowVolumeExpansion?: boolean
}

/**
 * A dynamic provisioner running in the cluster (its pod is up and registered). StorageClasses whose
 * provisioner is not listed here get no volumes: their claims wait with ExternalProvisioning events.
 */
export interface ProvisionerConfig {
  /** The name StorageClasses give in `.provisioner`, e.g. rancher.io/local-path. */
  name: string
  /**
   * What its volumes look like: `local-path` (rancher's: a hostPath on the selected node, pinned there
   * by node affinity), `hostpath` (minikube's storage-provisioner: /tmp/hostpath-provisioner, no
   * affinity), `nfs` (an NFS export reachable from every node, no affinity). Default from the name:
   * rancher.io/local-path → local-path, k8s.io/minikube-hostpath → hostpath, anything else → nfs.
   */
  type?: 'local-path' | 'hostpath' | 'nfs'
  /** nfs: the server and the exported directory the volumes are made under. */
  server?: string
  path?: string
}

/** How long things take, in virtual ms. Each is jittered by a seeded, per-object amount. */
export interface Timings {
  /** Pulling an image that is not on the node yet: base + per-MB. */
  imagePullBaseMs: number
  imagePullPerMbMs: number
  /** Sandbox + container creation after the image is present. */
  containerCreateMs: number
  /** Time from scheduling to the kubelet noticing the pod. */
  kubeletSyncMs: number
  /** Dynamic provisioning of a volume. */
  provisionMs: number
  /** Fraction of each timing used as jitter (0.25 = ±25%). */
  jitter: number
  /** The node lifecycle controller's grace before marking a silent node NotReady/Unknown. */
  nodeMonitorGraceMs: number
  /** Default toleration of unreachable/not-ready taints before eviction (300s). */
  defaultTolerationMs: number
}

export interface ClusterConfig {
  seed: number
  /** Virtual time when the student arrives. */
  epoch: number
  /** How long ago the cluster was created (nodes, system namespaces and objects get that age). */
  clusterAgeMs: number
  kubernetesVersion: string
  clusterDomain: string
  serviceCIDR: string
  clusterDNSIP: string
  apiServerServiceIP: string
  nodes: NodeConfig[]
  storageClasses: StorageClassConfig[]
  /** The running dynamic provisioners (default: rancher.io/local-path, which serves `standard`). */
  provisioners?: ProvisionerConfig[]
  timings: Timings
  featureGates: { MaxUnavailableStatefulSet: boolean }
  /** Run CoreDNS as a Deployment in kube-system (gives `kubectl get pods -A` its system pods). */
  systemPods: boolean
  /**
   * Names the cluster DNS's upstream resolver knows (CoreDNS `forward . /etc/resolv.conf`), e.g.
   * `{ 'kubernetes.io': { A: ['147.75.40.148'] } }`. Absent: the lab has no internet and every name
   * outside the cluster domain is NXDOMAIN (sim/dns/upstream.ts).
   */
  dnsUpstream?: Readonly<Record<string, { A?: readonly string[]; AAAA?: readonly string[]; CNAME?: string }>>
}

export type ClusterConfigInput = Partial<Omit<ClusterConfig, 'timings' | 'featureGates'>> & {
  timings?: Partial<Timings>
  featureGates?: Partial<ClusterConfig['featureGates']>
}

export const DEFAULT_EPOCH = fromCivil(2025, 3, 3, 9, 0, 0)

export function defaultNodes(): NodeConfig[] {
  return [
    { name: 'k8s-master', controlPlane: true, internalIP: '192.168.56.10', podCIDR: '10.244.0.0/24', cpu: '4', memory: '8146520Ki', pods: '110' },
    { name: 'k8s-node1', controlPlane: false, internalIP: '192.168.56.11', podCIDR: '10.244.1.0/24', cpu: '4', memory: '8146520Ki', pods: '110' },
    { name: 'k8s-node2', controlPlane: false, internalIP: '192.168.56.12', podCIDR: '10.244.2.0/24', cpu: '4', memory: '8146520Ki', pods: '110' },
  ]
}

export function defaultConfig(): ClusterConfig {
  return {
    seed: 1,
    epoch: DEFAULT_EPOCH,
    clusterAgeMs: 12 * 24 * 3600 * 1000,
    kubernetesVersion: 'v1.33.1',
    clusterDomain: 'cluster.local',
    serviceCIDR: '10.96.0.0/12',
    clusterDNSIP: '10.96.0.10',
    apiServerServiceIP: '10.96.0.1',
    nodes: defaultNodes(),
    storageClasses: [
      { name: 'standard', provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer', isDefault: true },
    ],
    provisioners: [{ name: 'rancher.io/local-path' }],
    timings: {
      imagePullBaseMs: 1500,
      imagePullPerMbMs: 60,
      containerCreateMs: 700,
      kubeletSyncMs: 300,
      provisionMs: 1500,
      jitter: 0.25,
      nodeMonitorGraceMs: 40_000,
      defaultTolerationMs: 300_000,
    },
    featureGates: { MaxUnavailableStatefulSet: false },
    systemPods: true,
  }
}

export function resolveConfig(input: ClusterConfigInput = {}): ClusterConfig {
  const d = defaultConfig()
  return {
    ...d,
    ...input,
    timings: { ...d.timings, ...(input.timings ?? {}) },
    featureGates: { ...d.featureGates, ...(input.featureGates ?? {}) },
  } as ClusterConfig
}
