// A container's file system as its processes see it: the container's own writable layer (a copy of
// the image's files, made when the container is created and gone with it) with volumes mounted over
// it. A path belongs to the mount with the longest matching mount path; a subPath mount shows one
// directory (or file) of its volume. ConfigMap, Secret, projected and downward API volumes, and any
// mount with readOnly, refuse writes (EROFS) as the kernel would.

import type { ContainerFs } from '../images/types'
import { FsError, normalizePath, type MemFs } from '../storage/memfs'

export interface FsMount {
  /** Where it appears in the container. */
  path: string
  fs: MemFs
  /** The directory (or, for `file` mounts, the file) of `fs` that is mounted. */
  subPath: string
  readOnly: boolean
  /** A single file bind-mounted over a path (/etc/hosts, /etc/resolv.conf, /etc/hostname). */
  file?: boolean
}

interface Resolved {
  fs: MemFs
  path: string
  readOnly: boolean
  mount?: FsMount
}

function joinInner(base: string, rest: string): string {
  return normalizePath(`${base}/${rest}`)
}

export class MountedFs implements ContainerFs {
  private readonly mounts: FsMount[]

  constructor(
    private readonly root: MemFs,
    mounts: readonly FsMount[],
    private readonly now: () => number,
    /** Called after every successful change, with the volume that changed (undefined: the container layer). */
    private readonly onWrite: (fs: MemFs) => void = () => {},
  ) {
    // Longest mount path first, so /usr/share/nginx/html wins over /usr/share.
    this.mounts = mounts.map((m) => ({ ...m, path: normalizePath(m.path) })).sort((a, b) => b.path.length - a.path.length)
  }

  /** Changes whenever anything this container can see changes (probes use it to know a rerun could differ). */
  fingerprint(): string {
    let out = String(this.root.version)
    for (const m of this.mounts) out += `.${m.fs.version}`
    return out
  }

  volumes(): readonly MemFs[] {
    return [this.root, ...this.mounts.map((m) => m.fs)]
  }

  private resolve(path: string): Resolved {
    const p = normalizePath(path)
    for (const m of this.mounts) {
      if (m.file) {
        if (p === m.path) return { fs: m.fs, path: normalizePath(m.subPath), readOnly: m.readOnly, mount: m }
        continue
      }
      if (p === m.path) return { fs: m.fs, path: normalizePath(m.subPath), readOnly: m.readOnly, mount: m }
      if (m.path === '/' || p.startsWith(m.path + '/')) {
        return { fs: m.fs, path: joinInner(m.subPath, p.slice(m.path.length)), readOnly: m.readOnly, mount: m }
      }
    }
    return { fs: this.root, path: p, readOnly: false }
  }

  /** Mount points directly inside `dir`: they show in listings even if the layer has no such entry. */
  private mountNamesIn(dir: string): string[] {
    const d = normalizePath(dir)
    const prefix = d === '/' ? '/' : d + '/'
    const out: string[] = []
    for (const m of this.mounts) {
      if (m.path.startsWith(prefix)) {
        const rest = m.path.slice(prefix.length)
        out.push(rest.split('/')[0])
      }
    }
    return out
  }

  private isMountPoint(path: string): boolean {
    const p = normalizePath(path)
    return this.mounts.some((m) => m.path === p)
  }

  private writable(path: string): Resolved {
    const r = this.resolve(path)
    if (r.readOnly) throw new FsError('EROFS', normalizePath(path))
    return r
  }

  exists(path: string): boolean {
    const r = this.resolve(path)
    if (r.fs.exists(r.path)) return true
    // A directory that only holds mount points still exists.
    return this.mountNamesIn(path).length > 0
  }

  isDir(path: string): boolean {
    const r = this.resolve(path)
    if (r.mount?.file) return false
    if (r.fs.isDir(r.path)) return true
    return !r.fs.exists(r.path) && this.mountNamesIn(path).length > 0
  }

  readFile(path: string): string {
    const r = this.resolve(path)
    try {
      return r.fs.readFile(r.path)
    } catch (e) {
      throw this.outside(e, path)
    }
  }

  writeFile(path: string, content: string, opts: { append?: boolean } = {}): void {
    const r = this.writable(path)
    try {
      r.fs.writeFile(r.path, content, this.now(), opts)
    } catch (e) {
      throw this.outside(e, path)
    }
    this.onWrite(r.fs)
  }

  readdir(path: string): string[] {
    const r = this.resolve(path)
    let names: string[] = []
    try {
      names = r.fs.readdir(r.path)
    } catch (e) {
      const extra = this.mountNamesIn(path)
      if (extra.length === 0) throw this.outside(e, path)
    }
    return [...new Set([...names, ...this.mountNamesIn(path)])].sort()
  }

  mkdir(path: string, opts: { parents?: boolean } = {}): void {
    const r = this.writable(path)
    try {
      r.fs.mkdir(r.path, this.now(), opts)
    } catch (e) {
      throw this.outside(e, path)
    }
    this.onWrite(r.fs)
  }

  remove(path: string, opts: { recursive?: boolean } = {}): void {
    // rm on a mount point fails with "Resource busy" in a real container.
    if (this.isMountPoint(path)) throw new FsError('EBUSY' as never, normalizePath(path))
    const r = this.writable(path)
    try {
      r.fs.remove(r.path, opts)
    } catch (e) {
      throw this.outside(e, path)
    }
    this.onWrite(r.fs)
  }

  /** Errors name the path the container used, not the path inside the volume. */
  private outside(e: unknown, path: string): unknown {
    if (e instanceof FsError) return new FsError(e.code, normalizePath(path))
    return e
  }
}
