// The editor's open files. A buffer is the text the student sees and the file's text it started from;
// the file itself lives in the machine's MemFs (the shell's files), so `cat web.yaml` and
// `kubectl apply -f web.yaml` read what was last saved. When the terminal rewrites a file, a buffer
// without unsaved changes follows it; a buffer with unsaved changes keeps them and says the file
// changed. Pure functions over a map, so React holds the map and tests run under node.

import type { MemFs } from '../../sim'

export const HOME = '/root'

export interface Buffer {
  readonly path: string
  readonly text: string
  /** The file's text when the buffer was loaded or last saved; undefined if it was not on the machine. */
  readonly base: string | undefined
}

export type Buffers = ReadonlyMap<string, Buffer>

/** Reads a regular file's text, or undefined (missing, a directory). */
export function readText(fs: MemFs, path: string): string | undefined {
  const e = fs.stat(path)
  return e?.type === 'file' ? e.content : undefined
}

/** Writes a file as the shell's tools do: the file keeps its mode (sim/shell/commands/files.ts). */
export function saveFile(fs: MemFs, path: string, text: string, now: number): void {
  const before = fs.stat(path)
  const mode = before?.type === 'file' ? before.mode : undefined
  fs.writeFile(path, text, now)
  const after = fs.stat(path)
  if (mode !== undefined && after?.type === 'file') after.mode = mode
}

export function isDirty(b: Buffer): boolean {
  return b.text !== (b.base ?? '')
}

/** How the buffer's file on the machine relates to what the buffer started from. */
export function diskState(b: Buffer, disk: string | undefined): 'same' | 'changed' | 'deleted' {
  if (disk === undefined) return b.base === undefined ? 'same' : 'deleted'
  return disk === b.base ? 'same' : 'changed'
}

/** The buffer for `path`, loading it from the machine when it is not open yet. */
export function ensureOpen(buffers: Buffers, path: string, disk: string | undefined): Buffers {
  if (buffers.has(path)) return buffers
  const next = new Map(buffers)
  next.set(path, { path, text: disk ?? '', base: disk })
  return next
}

export function edit(buffers: Buffers, path: string, text: string): Buffers {
  const b = buffers.get(path)
  if (!b || b.text === text) return buffers
  const next = new Map(buffers)
  next.set(path, { ...b, text })
  return next
}

/** After the buffer's text was written to the machine (or handed to the waiting command). */
export function markSaved(buffers: Buffers, path: string, text: string): Buffers {
  const next = new Map(buffers)
  next.set(path, { path, text, base: text })
  return next
}

/** Discards unsaved changes: the buffer shows the machine's file again. */
export function revert(buffers: Buffers, path: string, disk: string | undefined): Buffers {
  if (!buffers.has(path)) return buffers
  const next = new Map(buffers)
  next.set(path, { path, text: disk ?? '', base: disk })
  return next
}

export function close(buffers: Buffers, path: string): Buffers {
  if (!buffers.has(path)) return buffers
  const next = new Map(buffers)
  next.delete(path)
  return next
}

/**
 * After the machine's files changed: clean buffers follow their file (and close when it is gone);
 * buffers with unsaved changes stay as they are.
 */
export function syncWithDisk(buffers: Buffers, read: (path: string) => string | undefined): Buffers {
  let next: Map<string, Buffer> | undefined
  for (const b of buffers.values()) {
    if (isDirty(b)) continue
    const disk = read(b.path)
    if (disk === b.base) continue
    next ??= new Map(buffers)
    if (disk === undefined) next.delete(b.path)
    else next.set(b.path, { path: b.path, text: disk, base: disk })
  }
  return next ?? buffers
}

/** The student's files: regular files under /root, without dot files and dot directories (.kube). */
export function studentFiles(fs: MemFs, home = HOME): string[] {
  if (!fs.isDir(home)) return []
  return fs
    .walk(home)
    .filter(([p, e]) => e.type === 'file' && !p.slice(home.length).split('/').some((part) => part.startsWith('.')))
    .map(([p]) => p)
}

/**
 * Whether a file is a manifest: YAML or JSON by its name (kubectl reads both). Those get the YAML
 * language, schema checks and kubectl's verdict; any other file (a script, notes) is plain text.
 */
export function isManifestPath(path: string): boolean {
  return /\.(ya?ml|json)$/i.test(path)
}

/** How a tab names a file: relative to /root, else the file name (the full path is the tooltip). */
export function tabLabel(path: string, home = HOME): string {
  if (path.startsWith(home + '/')) return path.slice(home.length + 1)
  return path.slice(path.lastIndexOf('/') + 1)
}

/** A new file's absolute path from what the student typed (relative names go under /root). */
export function newFilePath(name: string, home = HOME): string | undefined {
  const trimmed = name.trim()
  if (trimmed === '' || trimmed.endsWith('/')) return undefined
  const parts = (trimmed.startsWith('/') ? trimmed : `${home}/${trimmed}`).split('/')
  const out: string[] = []
  for (const p of parts) {
    if (p === '' || p === '.') continue
    if (p === '..') out.pop()
    else out.push(p)
  }
  return out.length ? '/' + out.join('/') : undefined
}
