// The container runtime of the simulated nodes (containerd's part): pod sandboxes, containers with
// their writable layer, mounts, environment, main process and logs. The kubelet decides *when*
// containers are created, started and stopped; image behaviours (sim/images) decide what the
// processes do. The shell and kubectl reach containers through the public half of this class
// (find, env, fs, http, exec, logs). Nothing here reads API objects: the kubelet hands over what a
// CRI call would carry.
//
// What lives where: writable layers, logs and the kubelet-written files (/etc/hosts, ...) are in the
// volume store, so a saved session keeps them; the process table is memory, rebuilt by the kubelet
// from pod statuses (`adopt`) as a restarted kubelet would find the containers still running.

import type { ContainerEnv, ContainerFs, ExecResult, HttpRequest, ImageBehavior, ImageRegistry, ProcessPlan } from '../images/types'
import { MemFs, type FsTemplate } from '../storage/memfs'
import { MountedFs } from './container-fs'
import { appendLog, containerLogText, formatLog, hasLog, logVolumeId, pruneLogs, readLog } from './logs'
import {
  containerLayerId,
  podFilesId,
  type CreateContainerSpec,
  type HttpOutcome,
  type RuntimeContainer,
  type RuntimeDeps,
  type RuntimeResult,
  type SandboxSpec,
  type SurvivingContainer,
} from './runtime-types'

export * from './runtime-types'

interface SandboxState extends SandboxSpec {
  /** Current container per spec container name, and the one before it (for `logs --previous`). */
  current: Map<string, RuntimeContainer>
  previous: Map<string, RuntimeContainer>
}

/** Each image's base layer, recorded once: its files() and dirs() are the same objects every time. */
const BASE_LAYERS = new WeakMap<object, { dirs: readonly string[] | undefined; template: FsTemplate }>()

function baseLayer(b: ImageBehavior): FsTemplate {
  const files = b.files()
  const dirs = b.dirs?.()
  const known = BASE_LAYERS.get(files)
  if (known && known.dirs === dirs) return known.template
  const template = MemFs.template(dirs ?? [], files)
  BASE_LAYERS.set(files, { dirs, template })
  return template
}

const EMPTY_REGISTRY: ImageRegistry = {
  parse: () => undefined,
  pull: (image) => ({ ok: false, reason: 'ErrImagePull', message: `failed to pull and unpack image "${image}": not found` }),
}

export class ContainerRuntime {
  /** The image registry; simulation.ts wires sim/images', tests may put a fake here. */
  images: ImageRegistry
  private sandboxes = new Map<string, SandboxState>()
  private byName = new Map<string, string>() // "ns/name" -> uid
  private listeners = new Set<(podUid: string) => void>()
  private survivors = new Map<string, SurvivingContainer>()

  constructor(readonly deps: RuntimeDeps) {
    this.images = deps.images ?? EMPTY_REGISTRY
  }

  now(): number {
    return this.deps.clock?.now() ?? 0
  }

  /** The kubelet listens here: something a probe could see changed in a pod (a file, a request). */
  onChange(listener: (podUid: string) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  // ------------------------------------------------------------------ kubelet side (CRI)

  runSandbox(spec: SandboxSpec): void {
    const existing = this.sandboxes.get(spec.uid)
    if (existing) {
      Object.assign(existing, spec)
    } else {
      this.sandboxes.set(spec.uid, { ...spec, current: new Map(), previous: new Map() })
    }
    this.byName.set(`${spec.namespace}/${spec.name}`, spec.uid)
  }

  sandbox(uid: string): SandboxSpec | undefined {
    return this.sandboxes.get(uid)
  }

  /**
   * Creates a container: its writable layer starts as a copy of the image's files (unless it already
   * exists, when the kubelet adopts a container of a restored session). The copy is the layer's own,
   * so what one container writes no other container of the image sees.
   */
  createContainer(c: CreateContainerSpec): RuntimeContainer {
    const sb = this.sandboxes.get(c.podUid)
    if (!sb) throw new Error(`no sandbox for pod ${c.podUid}`)
    const layerId = containerLayerId(c.id)
    const fresh = !this.deps.volumes.has(layerId)
    const layer = this.deps.volumes.get(layerId)
    if (fresh) {
      const now = this.now()
      layer.lay(baseLayer(c.image.behavior), now)
      // Mount points exist in the container's tree, as runc creates them.
      for (const m of c.mounts) {
        if (m.file) {
          if (!layer.exists(m.path)) layer.writeFile(m.path, '', now)
        } else layer.mkdirp(m.path, now)
      }
    }
    const mounts = c.mounts.map((m) => ({ path: m.path, fs: this.deps.volumes.get(m.volumeId), subPath: m.subPath, readOnly: m.readOnly, file: m.file }))
    const fs = new MountedFs(layer, mounts, () => this.now(), (changed) => this.changed(changed, c.podUid))
    const container: RuntimeContainer = {
      id: c.id,
      podUid: c.podUid,
      name: c.spec.name,
      restartCount: c.restartCount,
      spec: c.spec,
      image: c.image,
      envVars: c.env,
      fs,
      phase: 'created',
      activity: 0,
    }
    const prior = sb.current.get(c.spec.name)
    if (prior && prior.id !== c.id) {
      // The container before the previous one is gone for good (the kubelet's container GC keeps one).
      const older = sb.previous.get(c.spec.name)
      if (older) this.deps.volumes.delete(containerLayerId(older.id))
      sb.previous.set(c.spec.name, prior)
      pruneLogs(this.deps.volumes, c.podUid, c.spec.name, [prior.restartCount, c.restartCount])
    }
    sb.current.set(c.spec.name, container)
    return container
  }

  /** Starts the main process: the behaviour decides what it does. `adopted`: it was already running. */
  startContainer(c: RuntimeContainer, at: number, opts: { adopted?: boolean } = {}): ProcessPlan {
    const plan = c.image.behavior.plan(
      { command: c.spec.command, args: c.spec.args, workingDir: c.spec.workingDir, stdin: c.spec.stdin, tty: c.spec.tty },
      this.env(c),
    )
    c.plan = plan
    if (plan.startError) {
      c.phase = 'exited'
      c.exitCode = 128
      c.finishedAt = at
      return plan
    }
    c.phase = 'running'
    c.startedAt = at
    if (!opts.adopted) for (const line of plan.startupLog ?? []) this.log(c, line, at)
    return plan
  }

  /** The stop signal reached the process (it may log its shutdown). */
  signalStop(c: RuntimeContainer, at: number): void {
    for (const line of c.plan?.stopLog?.(at) ?? []) this.log(c, line, at)
  }

  exited(c: RuntimeContainer, at: number, exitCode: number): void {
    c.phase = 'exited'
    c.finishedAt = at
    c.exitCode = exitCode
    this.notify(c.podUid)
  }

  /** The running containers, as a saved session keeps them (see SurvivingContainer). */
  running(): SurvivingContainer[] {
    const out: SurvivingContainer[] = []
    for (const [uid, sb] of this.sandboxes) {
      for (const c of sb.current.values()) {
        if (c.phase === 'running' && c.startedAt !== undefined) out.push({ podUid: uid, ip: sb.ip, name: c.name, id: c.id, restartCount: c.restartCount, startedAt: c.startedAt })
      }
    }
    return out
  }

  /** A restored session's running containers, for the kubelet to find again (well-formed ones only). */
  survive(list: unknown): void {
    this.survivors.clear()
    if (!Array.isArray(list)) return
    for (const x of list as Partial<SurvivingContainer>[]) {
      if (!x || typeof x !== 'object') continue
      const { podUid, ip, name, id, restartCount, startedAt } = x
      if (typeof podUid !== 'string' || typeof ip !== 'string' || typeof name !== 'string' || typeof id !== 'string') continue
      if (typeof restartCount !== 'number' || typeof startedAt !== 'number') continue
      this.survivors.set(`${podUid}/${name}`, { podUid, ip, name, id, restartCount, startedAt })
    }
  }

  /** The container of a pod's spec container that ran when the session was saved, if any. */
  survivor(podUid: string, name: string): SurvivingContainer | undefined {
    return this.survivors.get(`${podUid}/${name}`)
  }

  /** The current container of a pod's spec container. */
  container(podUid: string, name: string): RuntimeContainer | undefined {
    return this.sandboxes.get(podUid)?.current.get(name)
  }

  previousContainer(podUid: string, name: string): RuntimeContainer | undefined {
    return this.sandboxes.get(podUid)?.previous.get(name)
  }

  /** Removes the pod's sandbox, its containers' layers, its logs and the files the kubelet wrote. */
  removeSandbox(uid: string): void {
    const sb = this.sandboxes.get(uid)
    if (sb) {
      for (const c of [...sb.current.values(), ...sb.previous.values()]) this.deps.volumes.delete(containerLayerId(c.id))
      this.sandboxes.delete(uid)
      if (this.byName.get(`${sb.namespace}/${sb.name}`) === uid) this.byName.delete(`${sb.namespace}/${sb.name}`)
    }
    this.deps.volumes.delete(logVolumeId(uid))
    this.deps.volumes.delete(podFilesId(uid))
  }

  /** True when the main process accepts connections on `port` at time `at`. */
  listening(c: RuntimeContainer, port: number, at: number): boolean {
    if (c.phase !== 'running' || !c.plan || c.startedAt === undefined) return false
    if (!c.plan.listens.includes(port)) return false
    return at >= c.startedAt + (c.plan.listenAfterMs ?? 0)
  }

  /** Changes when anything the container's probes could observe changes. */
  fingerprint(c: RuntimeContainer): string {
    return `${c.fs.fingerprint()}#${c.activity}`
  }

  /** The environment a process of this container sees. `quiet`: its log lines go nowhere (dry runs). */
  env(c: RuntimeContainer, opts: { quiet?: boolean } = {}): ContainerEnv {
    const sb = this.sandboxes.get(c.podUid)
    return {
      podName: sb?.name ?? '',
      namespace: sb?.namespace ?? '',
      hostname: sb?.hostname ?? '',
      fqdn: sb?.fqdn ?? '',
      podIP: sb?.ip ?? '',
      containerName: c.name,
      env: c.envVars,
      fs: c.fs,
      now: () => this.now(),
      log: (line: string) => {
        if (!opts.quiet) this.log(c, line, this.now())
      },
      startedAt: c.startedAt,
      image: c.spec.image,
      dns: this.deps.dns && sb ? (files) => this.deps.dns!({ namespace: sb.namespace, pod: sb.name, container: c.name, image: c.spec.image ?? '' }, files, this.now()) : undefined,
    }
  }

  /** Appends to the container's stdout log. */
  log(c: RuntimeContainer, line: string, at = this.now()): void {
    appendLog(this.deps.volumes, c.podUid, c.name, c.restartCount, at, line)
  }

  /**
   * An HTTP request to a container's port, as a client on the pod network makes it. `fromKubelet`:
   * the kubelet's own probe or hook, which is no news to the kubelet (no wake-up, no activity).
   */
  request(c: RuntimeContainer, port: number, req: HttpRequest, at = this.now(), fromKubelet = false): HttpOutcome {
    const sb = this.sandboxes.get(c.podUid)
    const addr = `${sb?.ip ?? ''}:${port}`
    if (sb && this.deps.nodeHealth && !this.deps.nodeHealth.isUp(sb.node)) {
      return { kind: 'unreachable', message: `dial tcp ${addr}: i/o timeout` }
    }
    if (!this.listening(c, port, at)) return { kind: 'refused', message: `dial tcp ${addr}: connect: connection refused` }
    if (!c.image.behavior.http) return { kind: 'refused', message: `dial tcp ${addr}: connect: connection refused` }
    if (!fromKubelet) c.activity++
    const response = c.image.behavior.http(port, req, this.env(c))
    if (!fromKubelet) this.notify(c.podUid)
    return { kind: 'response', response }
  }

  /** Runs a command in the container. Undefined: no such executable in the image. */
  execIn(c: RuntimeContainer, argv: readonly string[], fromKubelet = false): ExecResult | undefined {
    if (!c.image.behavior.exec) return undefined
    if (!fromKubelet) c.activity++
    const r = c.image.behavior.exec(argv, this.env(c))
    if (!fromKubelet) this.notify(c.podUid)
    return r
  }

  // ------------------------------------------------------------------ public side (shell, kubectl)

  /** The container `kubectl exec`/`logs` would reach: by pod, and by name or the pod's default one. */
  find(namespace: string, pod: string, container?: string): RuntimeResult<RuntimeContainer> {
    const uid = this.byName.get(`${namespace}/${pod}`)
    const sb = uid ? this.sandboxes.get(uid) : undefined
    if (!sb) return { ok: false, reason: 'PodNotFound', message: `pods "${pod}" not found` }
    if (this.deps.nodeHealth && !this.deps.nodeHealth.isUp(sb.node)) {
      return { ok: false, reason: 'NodeUnreachable', message: `error dialing backend: dial tcp: connect: no route to host` }
    }
    const name = container ?? sb.defaultContainer
    const c = sb.current.get(name)
    if (!c) return { ok: false, reason: 'ContainerNotFound', message: `container not found ("${name}")` }
    if (c.phase !== 'running') return { ok: false, reason: 'ContainerNotRunning', message: `container not found ("${name}")` }
    return { ok: true, value: c }
  }

  /** The pod whose sandbox holds this IP (for clients that dial a pod IP). */
  findByIP(ip: string): SandboxSpec | undefined {
    for (const sb of this.sandboxes.values()) if (sb.ip === ip) return sb
    return undefined
  }

  containerEnv(namespace: string, pod: string, container?: string): RuntimeResult<ContainerEnv> {
    const r = this.find(namespace, pod, container)
    return r.ok ? { ok: true, value: this.env(r.value) } : r
  }

  fs(namespace: string, pod: string, container?: string): RuntimeResult<ContainerFs> {
    const r = this.find(namespace, pod, container)
    return r.ok ? { ok: true, value: r.value.fs } : r
  }

  exec(namespace: string, pod: string, container: string | undefined, argv: readonly string[]): RuntimeResult<ExecResult | undefined> {
    const r = this.find(namespace, pod, container)
    return r.ok ? { ok: true, value: this.execIn(r.value, argv) } : r
  }

  /** An HTTP request to a pod's port: whichever of its containers listens there answers. */
  http(namespace: string, pod: string, port: number, req: HttpRequest): HttpOutcome {
    const uid = this.byName.get(`${namespace}/${pod}`)
    const sb = uid ? this.sandboxes.get(uid) : undefined
    if (!sb) return { kind: 'unreachable', message: `dial tcp: lookup ${pod}: no such host` }
    return this.httpToSandbox(sb, port, req)
  }

  /** An HTTP request to a pod IP (curl from another pod, a Service's endpoint). */
  httpToIP(ip: string, port: number, req: HttpRequest): HttpOutcome {
    for (const sb of this.sandboxes.values()) if (sb.ip === ip) return this.httpToSandbox(sb, port, req)
    return { kind: 'unreachable', message: `dial tcp ${ip}:${port}: connect: no route to host` }
  }

  /** The log of the current (or previous) start of a container, as `kubectl logs` prints it. */
  logs(namespace: string, pod: string, container: string | undefined, opts: { previous?: boolean; timestamps?: boolean } = {}): RuntimeResult<string> {
    const uid = this.byName.get(`${namespace}/${pod}`)
    const sb = uid ? this.sandboxes.get(uid) : undefined
    if (!sb) return { ok: false, reason: 'PodNotFound', message: `pods "${pod}" not found` }
    const name = container ?? sb.defaultContainer
    const c = opts.previous ? sb.previous.get(name) : sb.current.get(name)
    if (!c) {
      return opts.previous
        ? { ok: false, reason: 'ContainerNotFound', message: `previous terminated container "${name}" in pod "${pod}" not found` }
        : { ok: false, reason: 'ContainerNotFound', message: `container "${name}" in pod "${pod}" is waiting to start - no logs yet` }
    }
    return { ok: true, value: this.logText(c, opts.timestamps ?? false) }
  }

  /** The text of one container start's log (the previous start's after a restore: by restart count). */
  logText(c: RuntimeContainer, timestamps = false): string {
    return containerLogText(this.deps.volumes, c, this.now(), timestamps)
  }

  /** The log of a pod's container start `restartCount`, whether or not the runtime still knows it. */
  logOf(podUid: string, name: string, restartCount: number, timestamps = false): string | undefined {
    const sb = this.sandboxes.get(podUid)
    const known = [sb?.current.get(name), sb?.previous.get(name)].find((c) => c?.restartCount === restartCount)
    if (known) return this.logText(known, timestamps)
    if (!hasLog(this.deps.volumes, podUid, name, restartCount)) return undefined
    return formatLog(readLog(this.deps.volumes, podUid, name, restartCount), timestamps)
  }

  // ------------------------------------------------------------------ internals

  private httpToSandbox(sb: SandboxState, port: number, req: HttpRequest): HttpOutcome {
    const at = this.now()
    for (const c of sb.current.values()) {
      if (this.listening(c, port, at)) return this.request(c, port, req, at)
    }
    if (this.deps.nodeHealth && !this.deps.nodeHealth.isUp(sb.node)) return { kind: 'unreachable', message: `dial tcp ${sb.ip}:${port}: i/o timeout` }
    return { kind: 'refused', message: `dial tcp ${sb.ip}:${port}: connect: connection refused` }
  }

  /** A file changed in `fs`: every pod that mounts it may see something new. */
  private changed(fs: MemFs, podUid: string): void {
    const uids = new Set([podUid])
    for (const sb of this.sandboxes.values()) {
      for (const c of sb.current.values()) if (c.fs.volumes().includes(fs)) uids.add(sb.uid)
    }
    for (const uid of uids) this.notify(uid)
  }

  private notify(podUid: string): void {
    for (const l of this.listeners) l(podUid)
  }
}
