// Container file systems and volumes: PV data outlives pods, the container layer and emptyDirs do
// not; ConfigMap/Secret volumes; kubelet-managed /etc files with the exact contents of the reference
// (kubectl-output.md §3.5, kubelet_pods.go managedHostsFileContent); FailedMount and
// CreateContainerConfigError texts from operation_generator.go / kubelet_pods.go.

import { describe, expect, it } from 'vitest'
import { createAs } from '../testing/harness'
import type { KubeObject } from '../api/types'
import type { ContainerFs } from '../images/types'
import { kubeletEvents, kubeletSim, podManifest, watchRows } from './testing-fakes'

type Sim = ReturnType<typeof kubeletSim>

function fsOf(sim: Sim, pod = 'web-0', container?: string): ContainerFs {
  const r = sim.runtime.fs('default', pod, container)
  if (!r.ok) throw new Error(r.message)
  return r.value
}

/** A PV and a PVC bound to each other by hand (as the binder would leave them). */
function boundClaim(sim: Sim, claim: string, pv: string): void {
  const pvc = sim.api.create(
    { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: claim, namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'manual', volumeName: pv } } as KubeObject,
    { actor: 'kubectl' },
  )
  const vol = sim.api.create(
    {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: pv },
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: 'manual',
        hostPath: { path: `/mnt/${pv}` },
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: 'default', name: claim, uid: pvc.metadata.uid },
      },
    } as KubeObject,
    { actor: 'kubectl' },
  )
  sim.api.updateStatus({ ...vol, status: { phase: 'Bound' } }, { actor: 'kubectl' })
  sim.api.updateStatus({ ...sim.api.read('PersistentVolumeClaim', 'default', claim), status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } } }, { actor: 'kubectl' })
  sim.drain()
}

const webWithClaim = () =>
  podManifest('web-0', {
    containers: [{ name: 'nginx', image: 'nginx:1.27', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }],
    volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }],
  })

function recreate(sim: Sim, manifest: KubeObject): void {
  sim.api.delete('Pod', 'default', manifest.metadata.name!, { actor: 'kubectl' })
  sim.settle()
  createAs(sim, manifest)
  sim.settle()
}

describe('data in a container', () => {
  it('survives deleting and recreating the pod when it is under a PVC-backed mount', () => {
    const sim = kubeletSim()
    boundClaim(sim, 'www-web-0', 'pv-www-0')
    createAs(sim, webWithClaim())
    sim.settle()
    fsOf(sim).writeFile('/usr/share/nginx/html/index.html', 'web-0\n')
    recreate(sim, webWithClaim())
    expect(fsOf(sim).readFile('/usr/share/nginx/html/index.html')).toBe('web-0\n')
    const r = sim.runtime.http('default', 'web-0', 80, { method: 'GET', path: '/' })
    expect(r.kind === 'response' && r.response.body).toBe('web-0\n')
  })

  it('is lost with the pod when it is anywhere else', () => {
    const sim = kubeletSim()
    boundClaim(sim, 'www-web-0', 'pv-www-0')
    createAs(sim, webWithClaim())
    sim.settle()
    fsOf(sim).writeFile('/tmp/notes.txt', 'scratch\n')
    recreate(sim, webWithClaim())
    expect(fsOf(sim).exists('/tmp/notes.txt')).toBe(false)
    expect(fsOf(sim).exists('/etc/nginx/nginx.conf')).toBe(true)
  })

  it("is the container's own: another pod of the same image starts from the image's files", () => {
    const sim = kubeletSim()
    const pod = (name: string) => podManifest(name, { containers: [{ name: 'nginx', image: 'nginx:1.27' }] })
    createAs(sim, pod('web-0'))
    createAs(sim, pod('web-1'))
    sim.settle()
    fsOf(sim, 'web-0').writeFile('/etc/nginx/nginx.conf', 'changed\n')
    fsOf(sim, 'web-0').writeFile('/tmp/notes.txt', 'scratch\n')
    fsOf(sim, 'web-0').remove('/usr/share/nginx/html/index.html')
    createAs(sim, pod('web-2'))
    sim.settle()
    for (const other of ['web-1', 'web-2']) {
      expect(fsOf(sim, other).readFile('/etc/nginx/nginx.conf')).toBe('events {}\n')
      expect(fsOf(sim, other).exists('/tmp/notes.txt')).toBe(false)
      expect(fsOf(sim, other).readdir('/usr/share/nginx/html')).toEqual(['index.html'])
    }
    expect(fsOf(sim, 'web-0').readFile('/etc/nginx/nginx.conf')).toBe('changed\n')
  })

  it('starts empty under an empty PV: the image files under the mount point are hidden', () => {
    const sim = kubeletSim()
    boundClaim(sim, 'www-web-0', 'pv-www-0')
    createAs(sim, webWithClaim())
    sim.settle()
    expect(fsOf(sim).readdir('/usr/share/nginx/html')).toEqual([])
    expect(sim.api.read('Pod', 'default', 'web-0').status!.containerStatuses![0].volumeMounts).toContainEqual({ mountPath: '/usr/share/nginx/html', name: 'www' })
  })

  it('in an emptyDir outlives a container restart but not the pod', () => {
    const sim = kubeletSim()
    const manifest = podManifest('web-0', {
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.27',
          volumeMounts: [{ name: 'cache', mountPath: '/cache' }],
          livenessProbe: { exec: { command: ['cat', '/etc/nginx/nginx.conf'] }, periodSeconds: 5, failureThreshold: 1 },
        },
      ],
      volumes: [{ name: 'cache', emptyDir: {} }],
    })
    createAs(sim, manifest)
    sim.settle()
    fsOf(sim).writeFile('/cache/kept', 'kept\n')
    fsOf(sim).writeFile('/tmp/layer', 'x')
    // The liveness probe now fails and the container is restarted: a new layer, the same emptyDir.
    fsOf(sim).remove('/etc/nginx/nginx.conf')
    sim.tick(20_000)
    expect(sim.api.read('Pod', 'default', 'web-0').status!.containerStatuses![0].restartCount).toBe(1)
    expect(fsOf(sim).readFile('/cache/kept')).toBe('kept\n')
    expect(fsOf(sim).exists('/tmp/layer')).toBe(false)
    expect(fsOf(sim).exists('/etc/nginx/nginx.conf')).toBe(true)
    recreate(sim, manifest)
    expect(fsOf(sim).exists('/cache/kept')).toBe(false)
  })
})

describe('volumes that are not there yet', () => {
  const withConfig = () =>
    podManifest('zk-0', {
      containers: [{ name: 'zk', image: 'nginx:1.27', volumeMounts: [{ name: 'config', mountPath: '/conf' }] }],
      volumes: [{ name: 'config', configMap: { name: 'zk-config' } }],
    })

  it('keep the pod in ContainerCreating with FailedMount events until the ConfigMap exists', () => {
    const sim = kubeletSim()
    const w = watchRows(sim, 'zk-0')
    createAs(sim, withConfig())
    sim.settle()
    expect(w.rows).toEqual(['0/1 Pending 0', '0/1 ContainerCreating 0'])
    const ev = kubeletEvents(sim, 'zk-0')
    expect(ev[0]).toMatchObject({ type: 'Warning', reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "config" : configmap "zk-config" not found' })
    createAs(sim, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'zk-config', namespace: 'default' }, data: { 'zoo.cfg': 'tickTime=2000\n' } })
    sim.settle()
    expect(w.rows[w.rows.length - 1]).toBe('1/1 Running 0')
    expect(fsOf(sim, 'zk-0').readFile('/conf/zoo.cfg')).toBe('tickTime=2000\n')
  })

  it('mount ConfigMaps read-only', () => {
    const sim = kubeletSim()
    createAs(sim, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'zk-config', namespace: 'default' }, data: { 'zoo.cfg': 'x' } }, withConfig())
    sim.settle()
    expect(() => fsOf(sim, 'zk-0').writeFile('/conf/zoo.cfg', 'y')).toThrow(/EROFS/)
  })

  it('report an unbound claim after the kubelet gives up waiting (2m3s)', () => {
    const sim = kubeletSim()
    createAs(sim, webWithClaim())
    sim.tick(130_000)
    expect(sim.api.read('Pod', 'default', 'web-0').status!.containerStatuses![0].state!.waiting!.reason).toBe('ContainerCreating')
    expect(kubeletEvents(sim, 'web-0').map((e) => e.message)).toEqual([
      'Unable to attach or mount volumes: unmounted volumes=[www], unattached volumes=[], failed to process volumes=[www]: context deadline exceeded',
    ])
  })
})

describe('environment', () => {
  it('fails with CreateContainerConfigError while a referenced ConfigMap is missing, then starts', () => {
    const sim = kubeletSim()
    const w = watchRows(sim, 'zk-0')
    createAs(sim, podManifest('zk-0', { containers: [{ name: 'zk', image: 'nginx:1.27', env: [{ name: 'ZK_HEAP', valueFrom: { configMapKeyRef: { name: 'zk-config', key: 'heap' } } }] }] }))
    sim.settle()
    const waiting = sim.api.read('Pod', 'default', 'zk-0').status!.containerStatuses![0].state!.waiting
    expect(waiting).toEqual({ reason: 'CreateContainerConfigError', message: 'configmap "zk-config" not found' })
    expect(kubeletEvents(sim, 'zk-0').find((e) => e.reason === 'Failed')).toMatchObject({ type: 'Warning', message: 'Error: configmap "zk-config" not found' })
    createAs(sim, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'zk-config', namespace: 'default' }, data: { heap: '512M' } })
    sim.tick(15_000)
    expect(w.rows[w.rows.length - 1]).toBe('1/1 Running 0')
    const env = sim.runtime.containerEnv('default', 'zk-0')
    expect(env.ok && env.value.env.ZK_HEAP).toBe('512M')
  })

  it('resolves fieldRefs, expands $(VAR) and adds the kubernetes service variables', () => {
    const sim = kubeletSim()
    createAs(
      sim,
      podManifest('web-0', {
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.27',
            env: [
              { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
              { name: 'GREETING', value: 'hello from $(POD_NAME)' },
            ],
          },
        ],
      }),
    )
    sim.settle()
    const r = sim.runtime.containerEnv('default', 'web-0')
    if (!r.ok) throw new Error(r.message)
    expect(r.value.env).toMatchObject({
      POD_NAME: 'web-0',
      POD_IP: '10.244.1.2',
      GREETING: 'hello from web-0',
      HOSTNAME: 'web-0',
      NGINX_VERSION: '1.27.4',
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
      KUBERNETES_SERVICE_PORT_HTTPS: '443',
      KUBERNETES_PORT: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
      KUBERNETES_PORT_443_TCP_PORT: '443',
      KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
    })
  })
})

describe('files the kubelet writes into every container', () => {
  it('/etc/hosts names the pod by its FQDN when it has a hostname and subdomain', () => {
    const sim = kubeletSim()
    createAs(sim, podManifest('web-0', { hostname: 'web-0', subdomain: 'nginx', containers: [{ name: 'nginx', image: 'nginx:1.27' }] }))
    sim.settle()
    expect(fsOf(sim).readFile('/etc/hosts')).toBe(
      [
        '# Kubernetes-managed hosts file.',
        '127.0.0.1\tlocalhost',
        '::1\tlocalhost ip6-localhost ip6-loopback',
        'fe00::0\tip6-localnet',
        'fe00::0\tip6-mcastprefix',
        'fe00::1\tip6-allnodes',
        'fe00::2\tip6-allrouters',
        '10.244.1.2\tweb-0.nginx.default.svc.cluster.local\tweb-0',
        '',
      ].join('\n'),
    )
  })

  it('/etc/hosts has only the hostname without a subdomain', () => {
    const sim = kubeletSim()
    createAs(sim, podManifest('web-0', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }))
    sim.settle()
    expect(fsOf(sim).readFile('/etc/hosts').split('\n').slice(-2)).toEqual(['10.244.1.2\tweb-0', ''])
  })

  it('/etc/resolv.conf searches the namespace first and asks the cluster DNS', () => {
    const sim = kubeletSim()
    createAs(sim, podManifest('web-0', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }))
    sim.settle()
    expect(fsOf(sim).readFile('/etc/resolv.conf')).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n')
    expect(fsOf(sim).readFile('/etc/hostname')).toBe('web-0\n')
  })
})

describe('mount retries', () => {
  it('pick up a ConfigMap created late only at the next retry of the back-off', () => {
    const sim = kubeletSim()
    createAs(
      sim,
      podManifest('zk-0', {
        containers: [{ name: 'zk', image: 'nginx:1.27', volumeMounts: [{ name: 'config', mountPath: '/conf' }] }],
        volumes: [{ name: 'config', configMap: { name: 'zk-config' } }],
      }),
    )
    sim.tick(150_000)
    const failures = kubeletEvents(sim, 'zk-0').find((e) => e.message.startsWith('MountVolume.SetUp failed'))!.count
    // 0.5s doubling to 2m2s: about nine attempts in two and a half minutes.
    expect(failures).toBeGreaterThanOrEqual(8)
    expect(failures).toBeLessThanOrEqual(10)
    createAs(sim, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'zk-config', namespace: 'default' }, data: { 'zoo.cfg': 'x' } })
    sim.tick(1_000)
    expect(sim.api.read('Pod', 'default', 'zk-0').status!.containerStatuses![0].state!.waiting!.reason).toBe('ContainerCreating')
    sim.settle()
    expect(sim.api.read('Pod', 'default', 'zk-0').status!.phase).toBe('Running')
  })
})
