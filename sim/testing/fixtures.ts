// The objects most scenarios start from: the Kubernetes tutorial's `web` StatefulSet behind the
// headless `nginx` Service (kubectl-output.md §10), as a student would write them.

import type { KubeObject } from '../api/types'
import type { Simulation } from '../simulation'

/** The worked example's web.yaml as text (kubectl-output.md §10): headless Service nginx, StatefulSet web (3 × nginx-slim:0.24, a 1Gi claim each). */
export const WEB_YAML = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx"
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`

export interface WebOptions {
  replicas?: number
  podManagementPolicy?: 'OrderedReady' | 'Parallel'
  image?: string
  updateStrategy?: unknown
  persistentVolumeClaimRetentionPolicy?: { whenDeleted?: 'Retain' | 'Delete'; whenScaled?: 'Retain' | 'Delete' }
  minReadySeconds?: number
  ordinalsStart?: number
  readinessProbe?: unknown
  revisionHistoryLimit?: number
  volumeClaimTemplates?: boolean
  terminationGracePeriodSeconds?: number
}

export function headlessService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'nginx', labels: { app: 'nginx' } },
    spec: { ports: [{ port: 80, name: 'web' }], clusterIP: 'None', selector: { app: 'nginx' } },
  } as KubeObject
}

export function webStatefulSet(o: WebOptions = {}): KubeObject {
  const container: Record<string, unknown> = {
    name: 'nginx',
    image: o.image ?? 'registry.k8s.io/nginx-slim:0.24',
    ports: [{ containerPort: 80, name: 'web' }],
  }
  if (o.volumeClaimTemplates !== false) container.volumeMounts = [{ name: 'www', mountPath: '/usr/share/nginx/html' }]
  if (o.readinessProbe) container.readinessProbe = o.readinessProbe
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'nginx' } },
      serviceName: 'nginx',
      replicas: o.replicas ?? 3,
      podManagementPolicy: o.podManagementPolicy,
      updateStrategy: o.updateStrategy,
      persistentVolumeClaimRetentionPolicy: o.persistentVolumeClaimRetentionPolicy,
      minReadySeconds: o.minReadySeconds,
      ordinals: o.ordinalsStart !== undefined ? { start: o.ordinalsStart } : undefined,
      revisionHistoryLimit: o.revisionHistoryLimit,
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { terminationGracePeriodSeconds: o.terminationGracePeriodSeconds ?? 10, containers: [container] },
      },
      volumeClaimTemplates:
        o.volumeClaimTemplates === false
          ? undefined
          : [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  } as KubeObject
}

/** Creates the Service and the StatefulSet as the student (`kubectl apply -f web.yaml`). */
export function applyWeb(sim: Simulation, o: WebOptions = {}): void {
  sim.api.create(headlessService(), { actor: 'kubectl' })
  sim.api.create(webStatefulSet(o), { actor: 'kubectl' })
  sim.drain()
}

/** Changes the StatefulSet's spec the way `kubectl patch`/`edit` would (a fresh copy through update). */
export function editWeb(sim: Simulation, change: (spec: Record<string, any>) => void): void {
  const sts = structuredClone(sim.api.read('StatefulSet', 'default', 'web')) as unknown as { spec: Record<string, any> }
  change(sts.spec)
  sim.api.update(sts, { actor: 'kubectl' })
  sim.drain()
}

export function podNames(sim: Simulation, namespace = 'default'): string[] {
  return sim.api.list('Pod', { namespace }).map((p) => p.metadata.name!)
}

export function stsEvents(sim: Simulation, name = 'web'): string[] {
  return sim.api
    .list('Event', { namespace: 'default' })
    .filter((e) => (e as unknown as { involvedObject: { kind: string; name: string } }).involvedObject.kind === 'StatefulSet' && (e as any).involvedObject.name === name)
    .map((e) => `${(e as any).type} ${(e as any).reason} ${(e as any).message}`)
}
