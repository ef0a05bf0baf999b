// The contract between the kubelet/container runtime (sim/kubelet) and what images do (sim/images).
// The kubelet decides *when* things happen (pull, create, start, probe, kill); the image decides
// *what* the container does: which files it ships, what its main process does with its command and
// arguments, how it reacts to SIGTERM, what it answers on its ports, what its tools print.

import type { DnsToolEnv } from '../dns/tools/env'

/** A parsed image reference (distribution/reference normalisation, as containerd sees it). */
export interface ImageRef {
  /** What the pod spec said, e.g. `nginx`, `registry.k8s.io/nginx-slim:0.24`. */
  raw: string
  /** `docker.io`, `registry.k8s.io`, ... */
  domain: string
  /** `library/nginx`, `nginx-slim`, `luksa/kubia-pet` */
  path: string
  tag: string | undefined
  digest: string | undefined
  /** Fully qualified: `docker.io/library/nginx:latest` (tag `latest` when neither tag nor digest). */
  normalized: string
}

export interface KnownImage {
  ref: ImageRef
  /** Compressed size the kubelet reports in the Pulled event ("Image size: 8132187 bytes."). */
  sizeBytes: number
  /** `sha256:<64 hex>`; the imageID is `<domain/path>@<digest>`. */
  digest: string
  behavior: ImageBehavior
}

/** The result of trying to pull, with containerd's / the kubelet's own error texts. */
export type PullResult =
  | { ok: true; image: KnownImage }
  | { ok: false; reason: 'InvalidImageName' | 'ErrImagePull'; message: string }

export interface ImageRegistry {
  parse(image: string): ImageRef | undefined
  pull(image: string): PullResult
}

/** A file system view as a container sees it: its image layer plus mounts. Paths are absolute. */
export interface ContainerFs {
  exists(path: string): boolean
  isDir(path: string): boolean
  readFile(path: string): string // throws FsError (sim/storage/memfs.ts)
  writeFile(path: string, content: string, opts?: { append?: boolean }): void
  readdir(path: string): string[]
  mkdir(path: string, opts?: { parents?: boolean }): void
  remove(path: string, opts?: { recursive?: boolean }): void
}

/** What a running container can see of itself. */
export interface ContainerEnv {
  podName: string
  namespace: string
  /** The pod's hostname (spec.hostname or the pod name). */
  hostname: string
  /** `web-0.nginx.default.svc.cluster.local` when the pod has hostname+subdomain, else hostname. */
  fqdn: string
  podIP: string
  containerName: string
  /** Environment variables, resolved (env, envFrom, service links are the kubelet's job). */
  env: Readonly<Record<string, string>>
  fs: ContainerFs
  now(): number
  /** Appends a line to the container's stdout log (`kubectl logs`). */
  log(line: string): void
  /**
   * When the container's main process started (virtual ms). Lets a tool run by exec know whether the
   * main process is listening yet (zkOk.sh during the JVM's start-up). Absent: assume it is.
   */
  startedAt?: number
  /** The image as the pod spec names it (`busybox:1.28`): which flavour of the DNS tools it has. */
  image?: string
  /**
   * The cluster's DNS as this container's resolver reaches it, given the container's own
   * /etc/resolv.conf and /etc/hosts. Absent outside a cluster (image tests): no DNS tool runs.
   */
  dns?(files: { resolvConf?: string; hosts?: string }): DnsToolEnv
}

export interface ProcessSpec {
  /** The container's `command` (replaces the image ENTRYPOINT) and `args` (replace CMD). */
  command?: readonly string[]
  args?: readonly string[]
  workingDir?: string
  /**
   * The container's `stdin` (and `tty`): a shell whose stdin stays open (`kubectl run -it ... -- sh`)
   * keeps running; with stdin closed (the default) it reads EOF and exits 0 at once.
   */
  stdin?: boolean
  tty?: boolean
}

/** What the main process of a container does once it is started. */
export interface ProcessPlan {
  /**
   * The process could not be started (runc's exec failure): the container ends in StartError with
   * this message and exit code 128.
   */
  startError?: string
  /** The process ends by itself after `afterMs` with `exitCode` (0 = Completed, else Error). */
  exit?: { afterMs: number; exitCode: number }
  /** TCP ports it accepts connections on once running, after `listenAfterMs`. */
  listens: readonly number[]
  listenAfterMs?: number
  /**
   * What SIGTERM does: the process exits after `exitAfterMs` (nginx: fast), or `ignore` (a shell or
   * `sleep` running as PID 1 ignores it, so the kubelet sends SIGKILL when the grace period ends).
   */
  onSigterm: { exitAfterMs: number; exitCode: number } | 'ignore'
  /** Lines written to stdout at start (nginx's entrypoint banner, an app's "listening on 8080"). */
  startupLog?: readonly string[]
  /** Lines written later, each batch `afterMs` into the process's life (`echo a; sleep 2; echo b`). */
  laterLog?: readonly { afterMs: number; lines: readonly string[] }[]
  /**
   * Lines the process writes again and again while it runs, every `everyMs` (`while true; do echo
   * hello; sleep 1; done`). The first batch is already in startupLog.
   */
  repeatLog?: { everyMs: number; lines: readonly string[] }
  /** Lines the process writes when it handles the stop signal (nginx's shutdown notices), given the time. */
  stopLog?: (now: number) => readonly string[]
}

export interface HttpRequest {
  method: string
  path: string
  headers?: Readonly<Record<string, string>>
  body?: string
  /** The client's address, for access logs. */
  remoteAddr?: string
}

export interface HttpResponse {
  status: number
  headers: Record<string, string>
  body: string
  /**
   * The server closed the connection without answering (a Node app whose write failed): clients see
   * an empty reply (curl: (52) Empty reply from server); `status` is then meaningless.
   */
  reset?: boolean
}

export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
  /** How long the command ran (virtual ms); Infinity when it never ends by itself (`tail -f`). */
  durationMs?: number
}

/**
 * How an exec'd process is started when the caller is a shell (`kubectl exec -it ... -- sh`, then
 * `cd /tmp; echo hi | cat`): its working directory, its exported variables and what it reads on stdin.
 * Absent fields mean the container's defaults (workingDir, the container's environment, no stdin).
 */
export interface ExecOptions {
  cwd?: string
  vars?: Readonly<Record<string, string>>
  stdin?: string
}

export interface ImageBehavior {
  /** A short id for tests and the cluster view: `nginx`, `busybox`, `kubia`, `zookeeper`, ... */
  readonly id: string
  /** The image's file system (its layers, flattened). */
  files(): Readonly<Record<string, string>>
  /** Directories of the image, including empty ones that files() cannot show (/tmp, /var/log/nginx). */
  dirs?(): readonly string[]
  /** Default environment variables (the image's ENV), e.g. NGINX_VERSION, PATH. */
  env(): Readonly<Record<string, string>>
  /** What the main process does for this command/args. */
  plan(spec: ProcessSpec, env: ContainerEnv): ProcessPlan
  /** Answers an HTTP request on one of the ports it listens on. */
  http?(port: number, req: HttpRequest, env: ContainerEnv): HttpResponse
  /**
   * Runs a command inside the container (exec probes, lifecycle hooks; the emulated shell builds
   * `kubectl exec` on top of this later). `undefined` means "no such executable".
   */
  exec?(argv: readonly string[], env: ContainerEnv, opts?: ExecOptions): ExecResult | undefined
}
