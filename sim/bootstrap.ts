// The objects a freshly installed kubeadm cluster has before the student arrives: system namespaces,
// the nodes, the default StorageClass, the `kubernetes` and `kube-dns` Services, and CoreDNS.

import type { ApiServer } from './api/server'
import type { KubeObject } from './api/types'
import type { ClusterConfig, NodeConfig } from './cluster-config'
import { nodeObject } from './nodes'

const ACTOR = 'kubeadm'

export function bootstrapCluster(api: ApiServer, config: ClusterConfig): void {
  const create = (o: unknown) => api.create(o as KubeObject, { actor: ACTOR })
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })
  }
  for (const n of config.nodes) create(nodeObject(n as NodeConfig, config))
  for (const sc of config.storageClasses) {
    create({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: sc.name,
        annotations: sc.isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : undefined,
      },
      provisioner: sc.provisioner,
      reclaimPolicy: sc.reclaimPolicy,
      volumeBindingMode: sc.volumeBindingMode,
      allowVolumeExpansion: sc.allowVolumeExpansion,
    })
  }
  create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: config.apiServerServiceIP,
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      type: 'ClusterIP',
      sessionAffinity: 'None',
    },
  })
  // The API server keeps the `kubernetes` Service's endpoints itself (it has no selector).
  const master = config.nodes.find((n) => n.controlPlane) ?? config.nodes[0]
  if (master) {
    create({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: master.internalIP }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
    })
    create({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [master.internalIP], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    })
  }
  create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: config.clusterDNSIP,
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
      type: 'ClusterIP',
      sessionAffinity: 'None',
    },
  })
  if (config.systemPods) {
    create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'coredns', namespace: 'kube-system' } })
    create(coreDnsDeployment())
  }
}

/** kubeadm's CoreDNS Deployment (cmd/kubeadm/app/phases/addons/dns/manifests.go), trimmed to what matters here. */
function coreDnsDeployment(): unknown {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.12.0',
              imagePullPolicy: 'IfNotPresent',
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
              ],
              livenessProbe: {
                httpGet: { path: '/health', port: 8080, scheme: 'HTTP' },
                initialDelaySeconds: 60,
                timeoutSeconds: 5,
                successThreshold: 1,
                failureThreshold: 5,
              },
              readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
            },
          ],
          dnsPolicy: 'Default',
        },
      },
    },
  }
}
