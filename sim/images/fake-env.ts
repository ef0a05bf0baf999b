// A ContainerEnv over a MemFs for tests: the image's layer materialized, optional volume contents at
// mount paths, a settable clock and a captured log.

import { MemFs } from '../storage/memfs'
import type { ContainerEnv, ContainerFs, ImageBehavior } from './types'

export interface FakeContainer {
  env: ContainerEnv
  fs: MemFs
  log: string[]
  clock: { now: number }
}

export function containerFs(fs: MemFs, clock: { now: number }): ContainerFs {
  return {
    exists: (p) => fs.exists(p),
    isDir: (p) => fs.isDir(p),
    readFile: (p) => fs.readFile(p),
    writeFile: (p, c, o) => fs.writeFile(p, c, clock.now, o),
    readdir: (p) => fs.readdir(p),
    mkdir: (p, o) => fs.mkdir(p, clock.now, o),
    remove: (p, o) => fs.remove(p, o),
  }
}

/** Writes an image's layer (files() and dirs()) into a file system. */
export function materialize(image: ImageBehavior, fs: MemFs): void {
  for (const d of image.dirs?.() ?? []) fs.mkdirp(d)
  for (const [path, content] of Object.entries(image.files())) fs.writeFile(path, content)
}

export function fakeContainer(
  image: ImageBehavior,
  opts: {
    podName?: string
    namespace?: string
    hostname?: string
    subdomain?: string
    podIP?: string
    env?: Record<string, string>
    now?: number
    /** Replaces a directory with an (empty unless files are given) volume. */
    mounts?: Record<string, Record<string, string>>
    startedAt?: number
  } = {},
): FakeContainer {
  const fs = new MemFs()
  materialize(image, fs)
  for (const [mountPath, files] of Object.entries(opts.mounts ?? {})) {
    if (fs.exists(mountPath)) fs.remove(mountPath, { recursive: true })
    fs.mkdirp(mountPath)
    for (const [name, content] of Object.entries(files)) fs.writeFile(`${mountPath}/${name}`, content)
  }
  const clock = { now: opts.now ?? 0 }
  const log: string[] = []
  const podName = opts.podName ?? 'web-0'
  const namespace = opts.namespace ?? 'default'
  const hostname = opts.hostname ?? podName
  const fqdn = opts.subdomain ? `${hostname}.${opts.subdomain}.${namespace}.svc.cluster.local` : hostname
  const env: ContainerEnv = {
    podName,
    namespace,
    hostname,
    fqdn,
    podIP: opts.podIP ?? '10.244.1.5',
    containerName: 'main',
    env: opts.env ?? {},
    fs: containerFs(fs, clock),
    now: () => clock.now,
    log: (line) => log.push(line),
    startedAt: opts.startedAt,
  }
  return { env, fs, log, clock }
}
