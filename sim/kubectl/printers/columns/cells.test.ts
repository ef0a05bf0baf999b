// Table cells of the other kinds (printers.go; kubectl-output.md §1.5 and §11).

import { describe, expect, it } from 'vitest'
import type { Obj } from '../../../api/types'
import { eventRow, nodeRow, secretRow, serviceAccountRow } from './cluster'
import { endpointSliceRow, endpointsRow, serviceRow } from './network'
import { pvcRow, storageClassRow } from './storage'
import { controllerRevisionRow, deploymentRow, podDisruptionBudgetRow, replicaSetRow } from './workloads'

const NOW = Date.UTC(2024, 6, 16, 10, 26, 58)
const meta = (name: string) => ({ name, namespace: 'default', creationTimestamp: '2024-07-16T10:21:28Z' })

describe('nodes', () => {
  const node = (ready: string | undefined, unschedulable = false, labels: Record<string, string> = {}): Obj<'Node'> => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n', creationTimestamp: '2024-07-04T10:00:00Z', labels },
    spec: { unschedulable },
    status: { conditions: ready ? [{ type: 'Ready', status: ready }] : [], nodeInfo: { kubeletVersion: 'v1.33.1' } as never },
  })

  it.each([
    ['True', false, 'Ready'],
    ['False', false, 'NotReady'],
    ['Unknown', false, 'NotReady'],
    [undefined, false, 'Unknown'],
    ['True', true, 'Ready,SchedulingDisabled'],
  ] as const)('reads %s (unschedulable %s) as %s', (ready, unschedulable, status) => {
    expect(nodeRow(node(ready, unschedulable), NOW)[1]).toBe(status)
  })

  it('lists roles from node-role labels, sorted', () => {
    expect(nodeRow(node('True', false, { 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': '' }), NOW)[2]).toBe('control-plane,worker')
  })

  it('prints <unknown> for missing node info in wide columns', () => {
    expect(nodeRow(node('True'), NOW).slice(5)).toEqual(['<none>', '<none>', '<unknown>', '<unknown>', '<unknown>'])
  })
})

describe('services', () => {
  const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): Obj<'Service'> => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta('s'),
    spec: spec as never,
    status: status as never,
  })

  it('shows <pending> for a LoadBalancer without ingress, and nodePorts', () => {
    const s = svc({ type: 'LoadBalancer', clusterIPs: ['10.96.0.20'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] })
    expect(serviceRow(s, NOW).slice(1, 5)).toEqual(['LoadBalancer', '10.96.0.20', '<pending>', '80:30080/TCP'])
  })

  it('shows the external name of an ExternalName service and <none> without ports or IPs', () => {
    const s = svc({ type: 'ExternalName', externalName: 'example.com' })
    expect(serviceRow(s, NOW).slice(1, 5)).toEqual(['ExternalName', '<none>', 'example.com', '<none>'])
  })

  it('cuts long load-balancer addresses to 16 characters unless wide', () => {
    const s = svc({ type: 'LoadBalancer', clusterIPs: ['10.96.0.20'] }, { loadBalancer: { ingress: [{ hostname: 'a-very-long-hostname.example.com' }] } })
    expect([serviceRow(s, NOW, false)[3], serviceRow(s, NOW, true)[3]]).toEqual(['a-very-long-h...', 'a-very-long-hostname.example.com'])
  })
})

describe('endpoints', () => {
  const ep = (subsets: unknown): Obj<'Endpoints'> => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: meta('nginx'), subsets: subsets as never })

  it('is <none> without subsets', () => {
    expect(endpointsRow(ep(undefined), NOW)[1]).toBe('<none>')
  })

  it('is empty while every address is not ready (§11.4)', () => {
    expect(endpointsRow(ep([{ notReadyAddresses: [{ ip: '10.244.1.5' }], ports: [{ port: 80 }] }]), NOW)[1]).toBe('')
  })

  it('shows three addresses and how many more (§11.4)', () => {
    const addresses = ['10.244.1.5', '10.244.2.6', '10.244.1.6', '10.244.2.7', '10.244.1.7'].map((ip) => ({ ip }))
    expect(endpointsRow(ep([{ addresses, ports: [{ port: 80 }] }]), NOW)[1]).toBe('10.244.1.5:80,10.244.2.6:80,10.244.1.6:80 + 2 more...')
  })

  it('lists bare IPs for a port-less headless service', () => {
    expect(endpointsRow(ep([{ addresses: [{ ip: '10.244.1.5' }] }]), NOW)[1]).toBe('10.244.1.5')
  })
})

describe('endpointslices', () => {
  it('prints <unset> for no ports and no endpoints', () => {
    const es = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: meta('nginx-abcde'), addressType: 'IPv4', endpoints: [] } as unknown as Obj<'EndpointSlice'>
    expect(endpointSliceRow(es, NOW).slice(1, 4)).toEqual(['IPv4', '<unset>', '<unset>'])
  })
})

describe('storage', () => {
  it('leaves VOLUME, CAPACITY and ACCESS MODES empty until the claim is bound (§11.5)', () => {
    const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('www-web-3'), spec: { storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } }
    expect(pvcRow(pvc as Obj<'PersistentVolumeClaim'>, NOW).slice(1, 7)).toEqual(['Pending', '', '', '', 'standard', '<unset>'])
  })

  it('shows Terminating for a claim being deleted', () => {
    const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { ...meta('www-web-0'), deletionTimestamp: '2024-07-16T10:26:00Z' }, spec: {}, status: { phase: 'Bound' } }
    expect(pvcRow(pvc as Obj<'PersistentVolumeClaim'>, NOW)[1]).toBe('Terminating')
  })

  it('marks the default class and fills in the defaults', () => {
    const sc = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'p' }
    expect(storageClassRow(sc as Obj<'StorageClass'>, NOW).slice(0, 5)).toEqual(['fast (default)', 'p', 'Delete', 'Immediate', false])
  })
})

describe('workloads', () => {
  it('shows N/A for an unset budget bound', () => {
    const pdb = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta('web-pdb'), spec: { minAvailable: '50%' }, status: { disruptionsAllowed: 1 } }
    expect(podDisruptionBudgetRow(pdb as Obj<'PodDisruptionBudget'>, NOW).slice(1, 4)).toEqual(['50%', 'N/A', 1])
  })

  it('names the controller of a revision as statefulset.apps/<name>, or <none>', () => {
    const cr = (owners: unknown[]) => ({ apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { ...meta('web-1'), ownerReferences: owners }, revision: 2 }) as unknown as Obj<'ControllerRevision'>
    const ref = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'u', controller: true }
    expect([controllerRevisionRow(cr([ref]), NOW)[1], controllerRevisionRow(cr([]), NOW)[1]]).toEqual(['statefulset.apps/web', '<none>'])
  })

  it('prints deployments as READY, UP-TO-DATE, AVAILABLE and the selector in wide', () => {
    const d = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta('coredns'),
      spec: { replicas: 2, selector: { matchLabels: { 'k8s-app': 'kube-dns' } }, template: { spec: { containers: [{ name: 'coredns', image: 'coredns:v1.12.0' }] } } },
      status: { readyReplicas: 1, updatedReplicas: 2, availableReplicas: 1 },
    }
    expect(deploymentRow(d as unknown as Obj<'Deployment'>, NOW)).toEqual(['coredns', '1/2', 2, 1, '5m30s', 'coredns', 'coredns:v1.12.0', 'k8s-app=kube-dns'])
  })

  it('prints replica sets with DESIRED, CURRENT, READY', () => {
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta('coredns-1'), spec: { replicas: 2, selector: { matchExpressions: [{ key: 'a', operator: 'In', values: ['y', 'x'] }] }, template: { spec: { containers: [] } } }, status: { replicas: 2 } }
    expect(replicaSetRow(rs as unknown as Obj<'ReplicaSet'>, NOW)).toEqual(['coredns-1', 2, 2, 0, '5m30s', '', '', 'a in (x,y)'])
  })
})

describe('service accounts, secrets and events', () => {
  it('counts a service account secrets', () => {
    const sa = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('default') }
    expect(serviceAccountRow(sa as Obj<'ServiceAccount'>, NOW)).toEqual(['default', 0, '5m30s'])
  })

  it('shows a secret type and its number of keys', () => {
    const s = { apiVersion: 'v1', kind: 'Secret', metadata: meta('db'), type: 'Opaque', data: { a: 'eA==', b: 'eQ==' } }
    expect(secretRow(s as Obj<'Secret'>, NOW)).toEqual(['db', 'Opaque', 2, '5m30s'])
  })

  it('takes LAST SEEN from the series and counts it', () => {
    const ev = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: meta('web-0.1'),
      involvedObject: { kind: 'Pod', name: 'web-0', fieldPath: 'spec.containers{nginx}' },
      reason: 'BackOff',
      type: 'Warning',
      message: ' Back-off restarting failed container nginx in pod web-0_default(uid)\n',
      eventTime: '2024-07-16T10:22:00.000000Z',
      series: { count: 5, lastObservedTime: '2024-07-16T10:26:00.500000Z' },
      reportingComponent: 'kubelet',
      reportingInstance: 'kind-worker',
    }
    expect(eventRow(ev as unknown as Obj<'Event'>, NOW)).toEqual([
      '57s',
      'Warning',
      'BackOff',
      'pod/web-0',
      'spec.containers{nginx}',
      'kubelet, kind-worker',
      'Back-off restarting failed container nginx in pod web-0_default(uid)',
      '4m58s',
      5,
      'web-0.1',
    ])
  })
})
