#!/usr/bin/env node
/* global console, URL, structuredClone */
// Derives the drain/cordon worlds from the worked-example world (sim/kubectl/__fixtures__/web-world.json):
//   drain-bare      + a pod `nginx` on kind-worker with no controller (`kubectl run nginx`)
//   drain-emptydir  + a pod `scratch` on kind-worker owned by a ReplicaSet, with an emptyDir volume
//   drain-cordoned  kind-worker already cordoned (spec.unschedulable: true)
//   cluster-info    + kubeadm's kube-dns Service (labelled kubernetes.io/cluster-service=true)
import fs from 'node:fs'

const web = JSON.parse(fs.readFileSync(new URL('../../../__fixtures__/web-world.json', import.meta.url), 'utf8'))
const web0 = web.items.find((o) => o.kind === 'Pod' && o.metadata.name === 'web-0')

function pod(name, uid, extra) {
  const p = structuredClone(web0)
  p.metadata = { name, namespace: 'default', uid, resourceVersion: '2001', creationTimestamp: web0.metadata.creationTimestamp, labels: { run: name } }
  p.spec.volumes = p.spec.volumes.filter((v) => v.projected)
  p.spec.containers[0].name = name
  p.spec.containers[0].volumeMounts = p.spec.containers[0].volumeMounts.filter((m) => m.name !== 'www')
  delete p.spec.hostname
  delete p.spec.subdomain
  return extra(p)
}

function write(name, items) {
  fs.writeFileSync(new URL(`./${name}.json`, import.meta.url), JSON.stringify({ ...web, items }, null, 1) + '\n')
  console.log(`wrote ${name}.json`)
}

write('drain-bare', [...web.items, pod('nginx', '5b0c2a4e-1d7c-4c51-9b0f-2f7e3c1a9d01', (p) => p)])
write('drain-emptydir', [
  ...web.items,
  pod('scratch', '7e4f1b2c-8a3d-4f6e-9c5b-1a2d3e4f5a02', (p) => {
    p.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'scratch-5d8c7b9f4', uid: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03', controller: true, blockOwnerDeletion: true }]
    p.spec.volumes.push({ name: 'cache', emptyDir: {} })
    return p
  }),
])
write('drain-cordoned', web.items.map((o) => (o.kind === 'Node' && o.metadata.name === 'kind-worker' ? { ...o, spec: { ...o.spec, unschedulable: true } } : o)))

const kubeDns = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: {
    name: 'kube-dns',
    namespace: 'kube-system',
    uid: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b04',
    resourceVersion: '230',
    creationTimestamp: '2024-07-04T09:58:14Z',
    labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
    annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
  },
  spec: {
    clusterIP: '10.96.0.10',
    clusterIPs: ['10.96.0.10'],
    ports: [
      { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
    ],
    selector: { 'k8s-app': 'kube-dns' },
    sessionAffinity: 'None',
    type: 'ClusterIP',
  },
  status: { loadBalancer: {} },
}
write('cluster-info', [...web.items, kubeDns])
