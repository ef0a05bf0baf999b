// Redirections of the shell subset: > >> < 2> 2>&1 &> and the special files /dev/null, /dev/stdout,
// /dev/stderr. Output is collected and written when the command ends; creating the file (or failing
// to, with each shell's own wording) happens before it runs, as open(2) would.

import { dirname, FsError, normalizePath } from '../../storage/memfs'
import { expandString } from './expand'
import type { Shell, Sink } from './interp'
import type { Redir } from './parse'

/** Applies redirections; returns a function that undoes them, or undefined after an error. */
export function applyRedirections(sh: Shell, redirs: Redir[]): (() => void) | undefined {
  if (!redirs.length) return () => {}
  const savedSink = sh.sink
  const savedStdin = sh.stdin
  const savedOpen = sh.stdinOpen
  const files: { path: string; text: string; append: boolean }[] = []
  const sink: Sink = { ...sh.sink }
  for (const r of redirs) {
    const target = expandString(r.target, sh.ctx)
    if (r.op === '>&') {
      // Left to right: `> f 2>&1` sends stderr where stdout points now (the file).
      const to = target === '2' ? sink.err : target === '1' ? sink.out : undefined
      if (to && r.fd !== 0) sink[r.fd === 2 ? 'err' : 'out'] = to
      continue
    }
    if (r.op === '<') {
      const path = normalizePath(target, sh.cwd)
      try {
        sh.stdin = target === '/dev/null' ? '' : sh.p.env.fs.readFile(path)
        sh.stdinOpen = false
      } catch {
        savedSink.err(sh.diag(openError(sh, target)))
        return undefined
      }
      continue
    }
    const fds: ('out' | 'err')[] = r.fd === 'both' ? ['out', 'err'] : [r.fd === 2 ? 'err' : 'out']
    let write: (t: string) => void
    if (target === '/dev/null') write = () => {}
    else if (target === '/dev/stdout') write = savedSink.out
    else if (target === '/dev/stderr') write = savedSink.err
    else {
      const path = normalizePath(target, sh.cwd)
      const file = { path, text: '', append: r.op === '>>' }
      const problem = createError(sh, path, file.append)
      if (problem) {
        savedSink.err(sh.diag(problem.replace('%s', target)))
        return undefined
      }
      files.push(file)
      write = (t) => (file.text += t)
    }
    for (const fd of fds) sink[fd] = write
  }
  sh.sink = sink
  return () => {
    sh.sink = savedSink
    sh.stdin = savedStdin
    sh.stdinOpen = savedOpen
    for (const f of files) if (f.text) sh.p.env.fs.writeFile(f.path, f.text, { append: true })
  }
}

function openError(sh: Shell, target: string): string {
  const k = sh.p.image.shell.kind
  if (k === 'dash') return `cannot open ${target}: No such file`
  if (k === 'bash') return `${target}: No such file or directory`
  return `can't open '${target}': No such file or directory`
}

/** Creates (or truncates) a redirection target; returns a diagnostic with %s for the name on failure. */
function createError(sh: Shell, path: string, append: boolean): string | undefined {
  const k = sh.p.image.shell.kind
  try {
    if (append && sh.p.env.fs.exists(path) && !sh.p.env.fs.isDir(path)) return undefined
    // open(2) does not create missing parent directories.
    if (!sh.p.env.fs.isDir(dirname(path))) throw new FsError('ENOENT', path)
    sh.p.env.fs.writeFile(path, '')
    return undefined
  } catch (e) {
    const code = e instanceof FsError ? e.code : 'ENOENT'
    if (code === 'EISDIR') return k === 'dash' ? 'cannot create %s: Is a directory' : k === 'bash' ? '%s: Is a directory' : "can't create %s: Is a directory"
    if (code === 'EROFS') return k === 'dash' ? 'cannot create %s: Read-only file system' : k === 'bash' ? '%s: Read-only file system' : "can't create %s: Read-only file system"
    return k === 'dash' ? 'cannot create %s: Directory nonexistent' : k === 'bash' ? '%s: No such file or directory' : "can't create %s: nonexistent directory"
  }
}
