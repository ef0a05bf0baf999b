// The container's file system (its layer with volumes mounted over it, sim/kubelet/container-fs.ts)
// seen through the MemFs shape the shell interpreter works on: redirections, `cd`, globs and tests
// read and write the container's files, so `echo hi > /usr/share/nginx/html/index.html` lands in the
// PersistentVolume. The image's executables are not shown to stat(): the interpreter then finds
// `/bin/ls` in the container's command table instead of running an empty file as a script.

import type { ContainerFs } from '../images/types'
import { FsError, MemFs, normalizePath, type Entry } from '../storage/memfs'

export class ContainerFsView extends MemFs {
  constructor(
    private readonly inner: ContainerFs,
    private readonly isProgram: (path: string) => boolean,
    private readonly now: () => number,
  ) {
    super()
  }

  override stat(path: string): Entry | undefined {
    const p = normalizePath(path)
    if (this.isProgram(p)) return undefined
    if (!this.inner.exists(p)) return undefined
    if (this.inner.isDir(p)) return { type: 'dir', mtime: this.now() }
    return { type: 'file', content: this.inner.readFile(p), mtime: this.now() }
  }

  override exists(path: string): boolean {
    return this.inner.exists(normalizePath(path))
  }

  override isDir(path: string): boolean {
    return this.inner.isDir(normalizePath(path))
  }

  override readFile(path: string): string {
    return this.inner.readFile(normalizePath(path))
  }

  override writeFile(path: string, content: string, _now = 0, opts: { append?: boolean } = {}): void {
    this.inner.writeFile(normalizePath(path), content, opts)
    this.version++
  }

  override mkdir(path: string, _now = 0, opts: { parents?: boolean } = {}): void {
    this.inner.mkdir(normalizePath(path), opts)
    this.version++
  }

  override mkdirp(path: string): void {
    this.inner.mkdir(normalizePath(path), { parents: true })
    this.version++
  }

  override readdir(path: string): string[] {
    return this.inner.readdir(normalizePath(path))
  }

  override remove(path: string, opts: { recursive?: boolean } = {}): void {
    this.inner.remove(normalizePath(path), opts)
    this.version++
  }

  override walk(path = '/'): [string, Entry][] {
    const out: [string, Entry][] = []
    const visit = (p: string) => {
      const e = this.stat(p)
      if (!e) return
      out.push([p, e])
      if (e.type === 'dir') for (const n of this.readdir(p)) visit(p === '/' ? `/${n}` : `${p}/${n}`)
    }
    visit(normalizePath(path))
    return out
  }

  override clear(): void {
    throw new FsError('EROFS', '/')
  }

  override export(): Record<string, Entry> {
    return Object.fromEntries(this.walk('/'))
  }
}
