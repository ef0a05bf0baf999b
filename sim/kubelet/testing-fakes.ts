// A tiny image registry for the kubelet's tests, standing in for sim/images (which has the real
// references, digests and behaviours). Same interface: ImageRegistry and ImageBehavior.

import type { ContainerStatus, KubeObject, Pod } from '../api/types'
import type { Simulation, SimulationOptions } from '../simulation'
import { testSim } from '../testing/harness'
import type { ContainerEnv, ImageBehavior, ImageRef, ImageRegistry, KnownImage, ProcessPlan, ProcessSpec, PullResult } from '../images/types'

export function parseRef(raw: string): ImageRef | undefined {
  if (!/^[a-z0-9][a-z0-9._\-/:@]*$/.test(raw) || raw.includes('::')) return undefined
  let rest = raw
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
  }
  let tag: string | undefined
  const colon = rest.lastIndexOf(':')
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!tag || tag.includes(':')) return undefined
  }
  const first = rest.split('/')[0]
  let domain = 'docker.io'
  let path = rest
  if (rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    domain = first
    path = rest.slice(first.length + 1)
  } else if (!rest.includes('/')) path = `library/${rest}`
  const name = `${domain}/${path}`
  return { raw, domain, path, tag, digest, normalized: digest ? `${name}@${digest}` : `${name}:${tag ?? 'latest'}` }
}

export interface FakeImage {
  sizeBytes: number
  behavior: ImageBehavior
}

/** A registry that knows the given images, by normalized name (`docker.io/library/nginx:1.27`). */
export function fakeRegistry(images: Record<string, FakeImage>): ImageRegistry {
  let n = 0
  const digests = new Map<string, string>()
  const digestOf = (name: string) => {
    if (!digests.has(name)) digests.set(name, `sha256:${(++n).toString(16).padStart(64, 'a')}`)
    return digests.get(name)!
  }
  return {
    parse: parseRef,
    pull(image: string): PullResult {
      const ref = parseRef(image)
      if (!ref) {
        return { ok: false, reason: 'InvalidImageName', message: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format` }
      }
      const known = images[ref.normalized]
      if (!known) {
        return {
          ok: false,
          reason: 'ErrImagePull',
          message: `rpc error: code = NotFound desc = failed to pull and unpack image "${ref.normalized}": failed to resolve reference "${ref.normalized}": ${ref.normalized}: not found`,
        }
      }
      const img: KnownImage = { ref, sizeBytes: known.sizeBytes, digest: digestOf(ref.normalized), behavior: known.behavior }
      return { ok: true, image: img }
    },
  }
}

const NGINX_HTML = '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n</html>\n'

/** nginx: serves its html directory on port 80, exits quickly on SIGTERM. */
export function nginxBehavior(): ImageBehavior {
  // One record for every call, as sim/images' behaviours hand out (the runtime records it once).
  const files = { '/usr/share/nginx/html/index.html': NGINX_HTML, '/etc/nginx/nginx.conf': 'events {}\n' }
  return {
    id: 'nginx',
    files: () => files,
    env: () => ({ PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', NGINX_VERSION: '1.27.4' }),
    plan: (): ProcessPlan => ({
      listens: [80],
      onSigterm: { exitAfterMs: 200, exitCode: 0 },
      startupLog: ['/docker-entrypoint.sh: Configuration complete; ready for start up'],
    }),
    http(_port, req, env: ContainerEnv) {
      const file = `/usr/share/nginx/html${req.path.endsWith('/') ? `${req.path}index.html` : req.path}`
      const ok = env.fs.exists(file)
      env.log(`${req.remoteAddr ?? '-'} - - "GET ${req.path} HTTP/1.1" ${ok ? 200 : 404}`)
      return ok ? { status: 200, headers: {}, body: env.fs.readFile(file) } : { status: 404, headers: {}, body: '404 Not Found' }
    },
    exec(argv, env) {
      if (argv[0] === 'cat') {
        try {
          return { exitCode: 0, stdout: env.fs.readFile(argv[1]), stderr: '' }
        } catch {
          return { exitCode: 1, stdout: '', stderr: `cat: ${argv[1]}: No such file or directory\n` }
        }
      }
      if (argv[0] === 'true') return { exitCode: 0, stdout: '', stderr: '' }
      return undefined
    },
  }
}

/**
 * busybox-like: `sleep N` runs N seconds, `sh -c "exit C"` exits at once with C, anything else exits 0
 * at once. Ignores SIGTERM (a shell as PID 1), so it is killed at the end of the grace period.
 */
export function busyboxBehavior(): ImageBehavior {
  return {
    id: 'busybox',
    files: () => ({ '/bin/sh': '', '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\n' }),
    env: () => ({ PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }),
    plan(spec: ProcessSpec): ProcessPlan {
      const argv = [...(spec.command ?? []), ...(spec.args ?? [])]
      if (argv[0] === 'nosuchcmd') {
        return {
          listens: [],
          onSigterm: 'ignore',
          startError: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuchcmd": executable file not found in $PATH: unknown`,
        }
      }
      if (argv[0] === 'sleep') return { listens: [], onSigterm: 'ignore', exit: { afterMs: Number(argv[1]) * 1000, exitCode: 0 } }
      const m = argv[0] === 'sh' && /^exit (\d+)$/.exec(argv[2] ?? '')
      if (m) return { listens: [], onSigterm: 'ignore', exit: { afterMs: 0, exitCode: Number(m[1]) } }
      if (argv.length === 0) return { listens: [], onSigterm: 'ignore', exit: { afterMs: 0, exitCode: 0 } }
      return { listens: [], onSigterm: 'ignore' }
    },
    exec(argv, env) {
      if (argv[0] === 'cat') {
        try {
          return { exitCode: 0, stdout: env.fs.readFile(argv[1]), stderr: '' }
        } catch {
          return { exitCode: 1, stdout: '', stderr: `cat: can't open '${argv[1]}': No such file or directory\n` }
        }
      }
      if (argv[0] === 'sleep') return { exitCode: 0, stdout: '', stderr: '', durationMs: Number(argv[1]) * 1000 }
      return undefined
    },
  }
}

/** A small world: nginx (two tags), busybox, with the sizes of the real images. */
export function testRegistry(): ImageRegistry {
  return fakeRegistry({
    'docker.io/library/nginx:latest': { sizeBytes: 72_195_292, behavior: nginxBehavior() },
    'docker.io/library/nginx:1.27': { sizeBytes: 72_195_292, behavior: nginxBehavior() },
    'registry.k8s.io/nginx-slim:0.24': { sizeBytes: 8_132_187, behavior: nginxBehavior() },
    'docker.io/library/busybox:1.36': { sizeBytes: 2_155_374, behavior: busyboxBehavior() },
    'docker.io/library/busybox:latest': { sizeBytes: 2_155_374, behavior: busyboxBehavior() },
  })
}

// ---------------------------------------------------------------- scenario helpers


/**
 * kubectl's READY and STATUS cells for a pod (printers.go printPod, as the reference spec §6.1
 * describes it), enough to assert the journey `Pending → ContainerCreating → Running`.
 */
export function podRow(pod: Pod): string {
  const cs = pod.status?.containerStatuses ?? []
  const total = pod.spec?.containers?.length ?? 0
  let reason: string = pod.status?.reason || pod.status?.phase || ''
  let initializing = false
  const inits = pod.status?.initContainerStatuses ?? []
  inits.forEach((c: ContainerStatus, i: number) => {
    if (initializing) return
    const t = c.state?.terminated
    if (t && t.exitCode === 0) return
    if (t) reason = t.reason ? `Init:${t.reason}` : `Init:ExitCode:${t.exitCode}`
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') reason = `Init:${c.state.waiting.reason}`
    else reason = `Init:${i}/${pod.spec?.initContainers?.length ?? 0}`
    initializing = true
  })
  let ready = 0
  let restarts = 0
  let hasRunning = false
  if (!initializing) {
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i]
      restarts += c.restartCount
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason
      else if (c.state?.terminated) reason = `ExitCode:${c.state.terminated.exitCode}`
      else if (c.ready && c.state?.running) {
        hasRunning = true
        ready++
      } else if (c.state?.running) hasRunning = true
    }
    if (reason === 'Completed' && hasRunning) reason = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady'
  }
  if (pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed') reason = 'Terminating'
  return `${ready}/${total} ${reason} ${restarts}`
}

/** Every distinct row a `kubectl get pod -w` would print for one pod, as `READY STATUS RESTARTS`. */
export function watchRows(sim: Simulation, name: string): { rows: string[]; timed: { at: number; row: string }[] } {
  const rows: string[] = []
  const timed: { at: number; row: string }[] = []
  const t0 = sim.now()
  sim.api.watch((ev) => {
    const p = ev.object as unknown as Pod
    if (p.metadata?.name !== name) return
    const row = ev.type === 'DELETED' ? 'gone' : podRow(p)
    if (rows[rows.length - 1] === row) return
    rows.push(row)
    timed.push({ at: sim.now() - t0, row })
  }, ['Pod'])
  return { rows, timed }
}

/** The kubelet's events about a pod, oldest first: `Reason: message`. */
export function kubeletEvents(sim: Simulation, pod: string, namespace = 'default'): { reason: string; message: string; type: string; count: number; fieldPath?: string; source: unknown }[] {
  return sim.api
    .list('Event', { namespace })
    .filter((e) => e.involvedObject?.name === pod && e.source?.component === 'kubelet')
    .map((e) => ({ reason: e.reason ?? '', message: e.message ?? '', type: e.type ?? '', count: e.count ?? 1, fieldPath: e.involvedObject?.fieldPath, source: e.source }))
}

export function podManifest(name: string, spec: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...meta }, spec: { nodeName: 'k8s-node1', ...spec } } as KubeObject
}

/** The default cluster without its system pods, with this registry on every node. */
export function kubeletSim(opts: SimulationOptions = {}): Simulation {
  const sim = testSim({ systemPods: false, ...opts })
  sim.runtime.images = testRegistry()
  return sim
}
