// The pod's first steps on its node: the kubelet takes it in (first status: Pending,
// ContainerCreating, startTime, hostIP), waits for its volumes (FailedMount while a ConfigMap,
// Secret or PVC is missing), then creates the sandbox: an IP from the node's podCIDR and the files
// every container gets (/etc/hosts, /etc/resolv.conf with the DNS area's contents, /etc/hostname).

import { FsError } from '../storage/memfs'
import type { ContainerRecord } from './model'
import type { PodSync } from './sync'
import { volumeProblems, writeKubeletVolumes } from './volumes'
import { allocateIP } from './ip-alloc'
import { hostsFile, resolvConf } from '../dns/pod-files'
import { podFilesId } from './runtime'
import { podFqdn, podHostname } from './spec'

/** The kubelet's view of a pod before anything ran: waiting ContainerCreating (PodInitializing with init containers). */
export function initialContainers(s: PodSync): ContainerRecord[] {
  const spec = s.pod.spec
  const hasInit = (spec?.initContainers?.length ?? 0) > 0
  const make = (name: string, init: boolean): ContainerRecord => ({
    name,
    init,
    state: { kind: 'waiting', reason: init || hasInit ? 'PodInitializing' : 'ContainerCreating' },
    restartCount: 0,
    started: false,
    ready: false,
    pulls: 0,
    probes: {},
  })
  return [...(spec?.initContainers ?? []).map((c) => make(c.name, true)), ...(spec?.containers ?? []).map((c) => make(c.name, false))]
}

export function notice(s: PodSync): void {
  s.rec.startTime = s.now
  if (s.rec.containers.length === 0) s.rec.containers = initialContainers(s)
}

/** MountVolume.SetUp is retried after 500ms, doubling up to 2m2s (nestedpendingoperations). */
function retryDelay(attempts: number): number {
  return Math.min(500 * 2 ** Math.max(0, attempts - 1), 122_000)
}

/** WaitForAttachAndMount gives up after podAttachAndMountTimeout: 2m3s. */
const MOUNT_TIMEOUT_MS = 123_000

export function volumesDue(s: PodSync): number {
  const m = s.rec.mount
  // Once the source exists the mount succeeds at its next retry, which the back-off may put a while off.
  if (volumeProblems(s.ctx.api, s.pod).length === 0) return m ? Math.max(s.now, m.nextAt) : s.now
  return m ? Math.min(m.nextAt, m.nextTimeoutAt) : s.now
}

export function volumesBlocked(s: PodSync): boolean {
  return volumeProblems(s.ctx.api, s.pod).length > 0
}

export function setUpVolumes(s: PodSync): void {
  const problems = volumeProblems(s.ctx.api, s.pod)
  if (problems.length === 0) {
    s.rec.volumesReadyAt = s.now
    s.rec.mount = undefined
    refreshKubeletVolumes(s)
    return
  }
  const m = (s.rec.mount ??= { since: s.now, attempts: 0, nextAt: s.now, nextTimeoutAt: s.now + MOUNT_TIMEOUT_MS })
  if (s.now >= m.nextAt) {
    for (const p of problems) if (p.kind === 'setup') s.podEvent('Warning', 'FailedMount', p.message)
    m.attempts++
    m.nextAt = s.now + retryDelay(m.attempts)
  }
  if (s.now >= m.nextTimeoutAt) {
    const unmounted = problems.map((p) => p.volume)
    const unprocessed = problems.filter((p) => p.kind === 'process').map((p) => p.volume)
    s.podEvent(
      'Warning',
      'FailedMount',
      `Unable to attach or mount volumes: unmounted volumes=[${unmounted.join(' ')}], unattached volumes=[], failed to process volumes=[${unprocessed.join(' ')}]: context deadline exceeded`,
    )
    m.nextTimeoutAt = s.now + MOUNT_TIMEOUT_MS
  }
}

/** Copies ConfigMap/Secret/projected contents into the pod's volumes when a source changed (the kubelet resyncs them). */
export function refreshKubeletVolumes(s: PodSync): void {
  const version = writeKubeletVolumes(s.ctx.api, s.k.deps.volumes, s.pod, s.now, (key) => s.ctx.rngFor(key))
  s.rec.volumeSources = version
}

const LAST_RESERVED = '/var/lib/cni/networks/cbr0/last_reserved_ip.0'

function nodeDisk(s: PodSync) {
  return s.k.deps.volumes.get(`node/${s.rec.node}`)
}

/** host-local: the next free address after the last one handed out on this node. */
function allocate(s: PodSync): string | undefined {
  // The IPs the API shows held by the node's other pods (not finished), and the sandboxes the kubelet runs there.
  const inUse = new Set<string>()
  for (const [uid, ip] of s.k.podIPs.onNode(s.ctx.api, s.rec.node)) if (uid !== s.rec.uid) inUse.add(ip)
  for (const r of s.k.records.onNode(s.rec.node)) if (r.sandbox && r.uid !== s.rec.uid) inUse.add(r.sandbox.ip)
  const disk = nodeDisk(s)
  let last: string | undefined
  try {
    last = disk.readFile(LAST_RESERVED).trim()
  } catch (e) {
    if (!(e instanceof FsError)) throw e
  }
  const ip = allocateIP(s.node?.spec?.podCIDR ?? '', inUse, last)
  if (ip) disk.writeFile(LAST_RESERVED, ip, s.now)
  return ip
}

export function createSandbox(s: PodSync): void {
  // A hostNetwork pod shares the node's network namespace: its IP is the node's.
  const ip = s.pod.status?.podIP ?? (s.pod.spec?.hostNetwork ? s.hostIP : allocate(s))
  if (!ip) {
    s.podEvent('Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox: plugin type="flannel" failed (add): failed to allocate for range 0: no IP addresses available in range set`)
    s.rec.volumesReadyAt = s.now + 10_000
    return
  }
  s.rec.sandbox = { ip, at: s.now }
  startSandbox(s, ip)
}

/** Registers the sandbox with the runtime and writes the files it bind-mounts into every container. */
export function startSandbox(s: PodSync, ip: string): void {
  const pod = s.pod
  s.runtime.runSandbox({
    uid: s.rec.uid,
    namespace: s.rec.namespace,
    name: s.rec.name,
    node: s.rec.node,
    ip,
    hostname: podHostname(pod),
    fqdn: podFqdn(pod, s.ctx.config),
    gateway: s.gateway,
    defaultContainer: pod.spec?.containers?.[0]?.name ?? '',
  })
  const files = s.k.deps.volumes.get(podFilesId(s.rec.uid))
  if (!files.exists('/etc-hosts')) {
    // The kubelet writes /etc/hosts with the sandbox's IP, before the pod's status shows it.
    files.writeFile('/etc-hosts', hostsFile({ ...pod, status: { ...pod.status, podIP: ip, podIPs: [{ ip }] } }, s.ctx.config), s.now)
    files.writeFile('/resolv.conf', resolvConf(pod, s.ctx.config), s.now)
    files.writeFile('/hostname', `${podHostname(pod)}\n`, s.now)
  }
}
