// A small in-memory file system: the data behind volumes, container layers and the student's own
// files. Paths are absolute POSIX paths; contents are text. Plain data, so it saves as JSON.

export interface FileEntry {
  type: 'file'
  content: string
  mtime: number
  mode?: number
}

export interface DirEntry {
  type: 'dir'
  mtime: number
}

export type Entry = FileEntry | DirEntry

export type FsErrorCode = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EROFS' | 'EBUSY'

/** errno-style failures; callers turn them into the message of the tool that failed (cat, ls, ...). */
export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
  ) {
    super(`${code}: ${path}`)
  }
}

/**
 * Already normal: absolute, no empty, `.` or `..` segment, no trailing slash. Almost every path the
 * simulator hands around is (mount paths, image files, paths built from normal ones), and checking
 * costs far less than splitting and joining it again.
 */
function isNormal(path: string): boolean {
  if (path === '/') return true
  if (path.charCodeAt(0) !== 47 || path.charCodeAt(path.length - 1) === 47) return false
  return !path.includes('//') && !path.includes('/./') && !path.includes('/../') && !path.endsWith('/.') && !path.endsWith('/..')
}

export function normalizePath(path: string, cwd = '/'): string {
  if (isNormal(path)) return path
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')
  const out: string[] = []
  for (const p of parts) {
    if (p === '' || p === '.') continue
    if (p === '..') out.pop()
    else out.push(p)
  }
  return '/' + out.join('/')
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/')
  return i <= 0 ? '/' : path.slice(0, i)
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/**
 * The entries some directories and files make in an empty file system, recorded once (an image's
 * base layer, which every container of the image starts from); see MemFs.lay.
 */
export interface FsTemplate {
  /** Path and entry in the order the writes created them; every entry made at time 0. */
  readonly entries: readonly (readonly [string, Entry])[]
  /** The same entries by path, in the same order. */
  readonly byPath: ReadonlyMap<string, Entry>
  /** How many changes the writes counted (MemFs.version). */
  readonly changes: number
}

export class MemFs {
  /** This file system's own entries (over the laid template's, when there is one). */
  private entries = new Map<string, Entry>([['/', { type: 'dir', mtime: 0 }]])
  /**
   * A laid template shows through (copy on write, as an overlay's lower layer): its entries are
   * this file system's until written over, removed (then hidden) or handed out by stat (then copied
   * up, so a caller may set a mode on its own entry). Every container of an image shares the one.
   */
  private base: ReadonlyMap<string, Entry> | undefined
  private baseTime = 0
  private hidden: Set<string> | undefined
  /** Bumped on every change, so watchers (the kubelet's probes) can tell something changed. */
  version = 0

  constructor(readonly readOnly = false) {}

  static from(files: Record<string, string>, now = 0): MemFs {
    const fs = new MemFs()
    for (const [p, c] of Object.entries(files)) fs.writeFile(p, c, now)
    return fs
  }

  /** Records what `mkdirp` of each of `dirs`, then `writeFile` of each of `files`, make in an empty file system. */
  static template(dirs: readonly string[], files: Readonly<Record<string, string>>): FsTemplate {
    const fs = new MemFs()
    for (const d of dirs) fs.mkdirp(d, 0)
    for (const [p, content] of Object.entries(files)) fs.writeFile(p, content, 0)
    // The root is there from the start and those writes never replace it.
    const entries = [...fs.entries].filter(([p]) => p !== '/')
    return { entries, byPath: new Map(entries), changes: fs.version }
  }

  /**
   * Makes in this empty file system what the template's writes made, as if they ran at `now`: the
   * same entries, the same version, without copying them (they show through until changed here).
   */
  lay(t: FsTemplate, now: number): void {
    if (this.entries.size !== 1 || this.base) throw new Error('MemFs.lay: the file system is not empty')
    this.base = t.byPath
    this.baseTime = now
    this.version += t.changes
  }

  /** The entry at a normal path, own or laid (a laid one is shared: read it, never hand it out). */
  private peek(p: string): Entry | undefined {
    const own = this.entries.get(p)
    if (own !== undefined || this.base === undefined || this.hidden?.has(p)) return own
    return this.base.get(p)
  }

  /** A laid entry as this file system shows it: made when the template was laid. */
  private shown(e: Entry): Entry {
    return e.type === 'file' ? { type: 'file', content: e.content, mtime: this.baseTime } : { type: 'dir', mtime: this.baseTime }
  }

  stat(path: string): Entry | undefined {
    const p = normalizePath(path)
    const own = this.entries.get(p)
    if (own !== undefined) return own
    const laid = this.peek(p)
    if (laid === undefined) return undefined
    const copy = this.shown(laid)
    this.entries.set(p, copy)
    return copy
  }

  exists(path: string): boolean {
    return this.peek(normalizePath(path)) !== undefined
  }

  isDir(path: string): boolean {
    return this.peek(normalizePath(path))?.type === 'dir'
  }

  readFile(path: string): string {
    const p = normalizePath(path)
    const e = this.peek(p)
    if (!e) throw new FsError('ENOENT', p)
    if (e.type === 'dir') throw new FsError('EISDIR', p)
    return e.content
  }

  writeFile(path: string, content: string, now = 0, opts: { append?: boolean } = {}): void {
    this.assertWritable(path)
    const p = normalizePath(path)
    const existing = this.peek(p)
    if (existing?.type === 'dir') throw new FsError('EISDIR', p)
    this.mkdirp(dirname(p), now)
    const prior = existing?.type === 'file' && opts.append ? existing.content : ''
    this.entries.set(p, { type: 'file', content: prior + content, mtime: now })
    this.version++
  }

  mkdir(path: string, now = 0, opts: { parents?: boolean } = {}): void {
    this.assertWritable(path)
    const p = normalizePath(path)
    const e = this.peek(p)
    if (e) {
      if (opts.parents && e.type === 'dir') return
      throw new FsError('EEXIST', p)
    }
    const parent = dirname(p)
    const pe = this.peek(parent)
    if (!pe) {
      if (!opts.parents) throw new FsError('ENOENT', p)
      this.mkdirp(parent, now)
    } else if (pe.type !== 'dir') throw new FsError('ENOTDIR', p)
    this.entries.set(p, { type: 'dir', mtime: now })
    this.version++
  }

  mkdirp(path: string, now = 0): void {
    const p = normalizePath(path)
    if (p === '/') return
    const e = this.peek(p)
    if (e) {
      if (e.type !== 'dir') throw new FsError('ENOTDIR', p)
      return
    }
    this.mkdirp(dirname(p), now)
    this.entries.set(p, { type: 'dir', mtime: now })
    this.version++
  }

  /** Every path there is, own and laid (each once), in no particular order. */
  private *paths(): Generator<string> {
    yield* this.entries.keys()
    if (this.base === undefined) return
    for (const k of this.base.keys()) if (!this.entries.has(k) && !this.hidden?.has(k)) yield k
  }

  /** Names directly inside a directory, sorted. */
  readdir(path: string): string[] {
    const p = normalizePath(path)
    const e = this.peek(p)
    if (!e) throw new FsError('ENOENT', p)
    if (e.type !== 'dir') throw new FsError('ENOTDIR', p)
    const prefix = p === '/' ? '/' : p + '/'
    const out: string[] = []
    for (const k of this.paths()) {
      if (k !== p && k.startsWith(prefix) && !k.slice(prefix.length).includes('/')) out.push(k.slice(prefix.length))
    }
    return out.sort()
  }

  remove(path: string, opts: { recursive?: boolean } = {}): void {
    this.assertWritable(path)
    const p = normalizePath(path)
    const e = this.peek(p)
    if (!e) throw new FsError('ENOENT', p)
    if (e.type === 'dir') {
      const children = this.readdir(p)
      if (children.length && !opts.recursive) throw new FsError('ENOTEMPTY', p)
      const prefix = p + '/'
      for (const k of [...this.paths()]) if (k.startsWith(prefix)) this.drop(k)
    }
    if (p !== '/') this.drop(p)
    this.version++
  }

  /** Removes a path: its own entry goes, a laid one is hidden. */
  private drop(p: string): void {
    this.entries.delete(p)
    if (this.base?.has(p)) (this.hidden ??= new Set()).add(p)
  }

  /** Every entry below (and including) a directory, as [path, entry] pairs. */
  walk(path = '/'): [string, Entry][] {
    const p = normalizePath(path)
    const prefix = p === '/' ? '/' : p + '/'
    const out: [string, Entry][] = []
    for (const k of this.paths()) {
      if (k !== p && !k.startsWith(prefix)) continue
      const own = this.entries.get(k)
      out.push([k, own ?? this.shown(this.base!.get(k)!)])
    }
    return out.sort(([a], [b]) => (a < b ? -1 : 1))
  }

  clear(): void {
    this.entries = new Map([['/', { type: 'dir', mtime: 0 }]])
    this.base = undefined
    this.hidden = undefined
    this.version++
  }

  /** Plain data: the entries in the order the writes made them (laid ones in the template's order). */
  export(): Record<string, Entry> {
    if (this.base === undefined) return Object.fromEntries(this.entries)
    const out: Record<string, Entry> = { '/': this.entries.get('/')! }
    for (const [k, e] of this.base) if (!this.hidden?.has(k)) out[k] = this.entries.get(k) ?? this.shown(e)
    for (const [k, e] of this.entries) if (!(k in out)) out[k] = e
    return out
  }

  static import(data: Record<string, Entry>): MemFs {
    const fs = new MemFs()
    fs.entries = new Map(Object.entries(data))
    if (!fs.entries.has('/')) fs.entries.set('/', { type: 'dir', mtime: 0 })
    return fs
  }

  private assertWritable(path: string): void {
    if (this.readOnly) throw new FsError('EROFS', normalizePath(path))
  }
}
