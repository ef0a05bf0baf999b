// The clusters the describe goldens are taken in. Each world is a scenario run in the simulator
// (objects created through the API server, time moved by tick/settle), stopped at a whole second:
// dump.ts writes its objects for fakeapi, the real kubectl describes them (generate.mjs), and the
// tests describe the same objects at the same instant with our kubectl. Only dump.ts runs these.

import type { Simulation } from '../../../simulation'
import { testSim } from '../../../testing/harness'

type Manifest = Record<string, unknown>

const create = (sim: Simulation, ...objects: Manifest[]) => {
  for (const o of objects) sim.api.create(o as never, { actor: 'kubectl' })
  sim.drain()
}

/** Moves time on by `ms`, then up to the next whole second (fakeapi shifts whole seconds only). */
function advance(sim: Simulation, ms: number): void {
  sim.tick(ms)
  const rest = (1000 - (sim.now() % 1000)) % 1000
  if (rest) sim.tick(rest)
}

const nginxService = (name = 'nginx', extra: Manifest = {}): Manifest => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, labels: { app: 'nginx' } },
  spec: { clusterIP: 'None', selector: { app: 'nginx' }, ports: [{ port: 80, name: 'web' }], ...extra },
})

/** The tutorial's StatefulSet (kubectl-output.md §10), with overrides for its spec. */
const webSts = (name = 'web', spec: Manifest = {}, labels: Record<string, string> = { app: 'nginx' }): Manifest => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name },
  spec: {
    serviceName: 'nginx',
    replicas: 3,
    selector: { matchLabels: labels },
    template: {
      metadata: { labels },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'registry.k8s.io/nginx-slim:0.24',
            ports: [{ containerPort: 80, name: 'web' }],
            volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }],
          },
        ],
      },
    },
    volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    ...spec,
  },
})

const pod = (name: string, spec: Manifest, labels: Record<string, string> = { run: name }): Manifest => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec,
})

/** §10: headless Service nginx, StatefulSet web with 3 ready replicas, a ConfigMap, a PDB; 5 minutes on. */
function web(): Simulation {
  const sim = testSim()
  create(sim, nginxService(), webSts())
  sim.settle()
  create(
    sim,
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config', labels: { app: 'nginx' } }, data: { 'index.html': '<h1>hello</h1>', 'nginx.conf': 'server {\n  listen 80;\n}' } },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web-secret' }, type: 'Opaque', data: { password: 'czNjcjN0', username: 'YWRtaW4=' } },
    { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web-pdb' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'nginx' } } } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'annotated',
        annotations: {
          'example.com/long': 'x'.repeat(150),
          'example.com/multi-line': 'first line\nsecond line\n',
          'example.com/short': 'yes',
          'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"ConfigMap"}\n',
        },
      },
      data: { key: 'value' },
    },
  )
  advance(sim, 5 * 60_000)
  return sim
}

/** web-0 scheduled and pulling: Pending/ContainerCreating, its claim just bound. */
function starting(): Simulation {
  const sim = testSim()
  create(sim, nginxService(), webSts())
  for (let i = 0; i < 120; i++) {
    sim.tick(1000)
    const p = sim.api.get('Pod', 'default', 'web-0') as { spec?: { nodeName?: string } } | undefined
    if (p?.spec?.nodeName) break
  }
  advance(sim, 1000)
  return sim
}

/** Pods in the states describe has to show: crash loop, image pull back-off, unschedulable, probes and env, terminating, completed. */
function pods(): Simulation {
  const sim = testSim()
  create(
    sim,
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config' }, data: { MODE: 'production', LEVEL: 'info' } },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'app-secret' }, type: 'Opaque', data: { token: 'c2VjcmV0LXRva2Vu' } },
    pod('crash', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }] }),
    pod('pull', { containers: [{ name: 'nginx', image: 'nginx:nope' }] }),
    pod('pending', { nodeSelector: { disktype: 'ssd' }, containers: [{ name: 'nginx', image: 'nginx:1.27' }] }),
    pod('app', {
      initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['sh', '-c', 'echo ready > /work/ready'], volumeMounts: [{ name: 'work', mountPath: '/work' }] }],
      containers: [
        {
          name: 'web',
          image: 'nginx:1.27',
          ports: [
            { containerPort: 80, name: 'http' },
            { containerPort: 443, name: 'https' },
          ],
          resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
          livenessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5, periodSeconds: 10 },
          readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 },
          startupProbe: { exec: { command: ['cat', '/usr/share/nginx/html/index.html'] }, failureThreshold: 30 },
          env: [
            { name: 'GREETING', value: 'hello\nworld' },
            { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
            { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'MODE' } } },
            { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'app-secret', key: 'token', optional: true } } },
            { name: 'MEM_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
            { name: 'CPU_REQUEST', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1m' } } },
          ],
          envFrom: [{ configMapRef: { name: 'app-config' } }, { secretRef: { name: 'app-secret' }, prefix: 'SECRET_' }],
          volumeMounts: [
            { name: 'work', mountPath: '/work' },
            { name: 'config', mountPath: '/etc/app', readOnly: true },
            { name: 'secret', mountPath: '/etc/secret', readOnly: true, subPath: 'token' },
          ],
        },
      ],
      volumes: [
        { name: 'work', emptyDir: {} },
        { name: 'config', configMap: { name: 'app-config' } },
        { name: 'secret', secret: { secretName: 'app-secret' } },
        { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } },
        { name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
      ],
    }),
    pod('term', { terminationGracePeriodSeconds: 120, containers: [{ name: 'sleeper', image: 'busybox:1.36', command: ['sleep', '3600'] }] }),
    pod('done', { restartPolicy: 'Never', containers: [{ name: 'once', image: 'busybox:1.36', command: ['sh', '-c', 'echo done'] }] }),
  )
  advance(sim, 100_000)
  sim.api.delete('Pod', 'default', 'term', { actor: 'kubectl' })
  sim.drain()
  advance(sim, 20_000)
  return sim
}

/** Claims: Bound and used, Pending (WaitForFirstConsumer, no consumer), Terminating (deleted while web-0 uses it). */
function storage(): Simulation {
  const sim = testSim()
  create(sim, nginxService(), webSts('web', { replicas: 2 }))
  sim.settle()
  create(sim, {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } },
  })
  advance(sim, 60_000)
  sim.api.delete('PersistentVolumeClaim', 'default', 'www-web-1', { actor: 'kubectl' })
  sim.drain()
  advance(sim, 30_000)
  return sim
}

/** StatefulSet variants: a partitioned update, OnDelete, a retention policy, no claim templates, Parallel. */
function stsVariants(): Simulation {
  const sim = testSim()
  const noVolumes = (name: string, spec: Manifest = {}): Manifest => {
    const s = webSts(name, { replicas: 2, volumeClaimTemplates: undefined, ...spec }, { app: name })
    const tpl = (s.spec as { template: { spec: { containers: Manifest[] } } }).template
    tpl.spec.containers = [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24', ports: [{ containerPort: 80, name: 'web' }] }]
    return s
  }
  create(
    sim,
    nginxService(),
    webSts('part', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }, { app: 'part' }),
    webSts('ondel', { replicas: 2, updateStrategy: { type: 'OnDelete' } }, { app: 'ondel' }),
    webSts(
      'keep',
      { replicas: 1, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' }, podManagementPolicy: 'Parallel' },
      { app: 'keep' },
    ),
    noVolumes('novct'),
  )
  sim.settle()
  const part = sim.api.read('StatefulSet', 'default', 'part') as unknown as { spec: { template: { spec: { containers: { image: string }[] } } } }
  const next = structuredClone(part)
  next.spec.template.spec.containers[0].image = 'registry.k8s.io/nginx-slim:0.27'
  sim.api.update(next as never, { actor: 'kubectl' })
  sim.settle()
  advance(sim, 2 * 60_000)
  return sim
}

/** Services: ClusterIP with a named target port, NodePort, LoadBalancer, ExternalName, one selecting nothing, the headless one. */
function services(): Simulation {
  const sim = testSim()
  create(
    sim,
    nginxService(),
    webSts('web', { replicas: 2 }),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web-svc', annotations: { 'example.com/owner': 'team-a' } },
      spec: { selector: { app: 'nginx' }, ports: [{ name: 'http', port: 8080, targetPort: 'web' }] },
    },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web-np' }, spec: { type: 'NodePort', selector: { app: 'nginx' }, ports: [{ port: 80, nodePort: 30080 }] } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nothing' }, spec: { selector: { app: 'nothing' }, ports: [{ port: 80 }] } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web-lb' }, spec: { type: 'LoadBalancer', selector: { app: 'nginx' }, ports: [{ name: 'http', port: 80, targetPort: 80 }] } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'external' }, spec: { type: 'ExternalName', externalName: 'example.com' } },
  )
  sim.settle()
  advance(sim, 3 * 60_000)
  return sim
}

/** A Deployment rolled once (an old and a new ReplicaSet). */
function deploy(): Simulation {
  const sim = testSim()
  create(sim, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'frontend', labels: { app: 'frontend' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'frontend' } },
      template: { metadata: { labels: { app: 'frontend' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } },
    },
  })
  sim.settle()
  const d = structuredClone(sim.api.read('Deployment', 'default', 'frontend')) as unknown as { spec: { template: { spec: { containers: { image: string }[] } } } }
  d.spec.template.spec.containers[0].image = 'nginx:1.28'
  sim.api.update(d as never, { actor: 'kubectl' })
  sim.settle()
  advance(sim, 60_000)
  return sim
}

/** k8s-node1's cable pulled six minutes ago: NotReady/Unknown, unreachable taints, its pods evicted. */
function nodeDown(): Simulation {
  const sim = testSim()
  create(sim, nginxService(), webSts())
  sim.settle()
  advance(sim, 60_000)
  sim.failNode('k8s-node1')
  advance(sim, 6 * 60_000)
  return sim
}

/**
 * More than 12 events with one timestamp, out of order (the first one repeats later, so its
 * lastTimestamp is the newest): Go's unstable sort decides how the others come out. Plus a series.
 */
function manyEvents(): Simulation {
  const sim = testSim()
  create(sim, pod('noisy', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }))
  sim.settle()
  const p = sim.api.read('Pod', 'default', 'noisy')
  const step = (i: number) => sim.events.record(p as never, 'Normal', `Step${String(i).padStart(2, '0')}`, `step ${i} of 20`, { component: 'kubelet', host: 'k8s-node1' })
  for (let i = 1; i <= 20; i++) step(i)
  advance(sim, 5_000)
  step(1)
  // An events.k8s.io event recorded three times: a series, printed `<last> (x3 over <first>)`.
  const scheduler = { component: 'default-scheduler', action: 'Scheduling', reportingInstance: 'default-scheduler-k8s-master' }
  for (let i = 0; i < 3; i++) {
    sim.events.record(p as never, 'Warning', 'FailedScheduling', 'example repeated scheduler message', scheduler)
    advance(sim, 7_300)
  }
  advance(sim, 30_000)
  return sim
}

export const WORLDS: Record<string, () => Simulation> = {
  web,
  starting,
  pods,
  storage,
  'sts-variants': stsVariants,
  services,
  deploy,
  'node-down': nodeDown,
  'many-events': manyEvents,
}
