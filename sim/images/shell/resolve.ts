// Finding the program behind argv[0], as execve + PATH lookup would: an image's binaries by absolute
// path, or a script file someone put in the container (a ConfigMap, an emptyDir written by an init
// container) which then runs under /bin/sh.

import { basename, dirname, normalizePath } from '../../storage/memfs'
import type { Proc } from './types'

export type Resolved =
  | { kind: 'program'; program: string; path: string }
  | { kind: 'script'; path: string }
  | { kind: 'missing'; reason: 'not-in-path' | 'no-such-file' }

function fileExists(p: Proc, path: string): boolean {
  try {
    return p.env.fs.exists(path) && !p.env.fs.isDir(path)
  } catch {
    return false
  }
}

function lookupPath(p: Proc, abs: string): Resolved | undefined {
  const program = p.image.bins.get(abs)
  if (program) return { kind: 'program', program, path: abs }
  if (fileExists(p, abs)) return { kind: 'script', path: abs }
  return undefined
}

export function resolveCommand(name: string, p: Proc): Resolved {
  if (name.includes('/')) {
    return lookupPath(p, normalizePath(name, p.cwd)) ?? { kind: 'missing', reason: 'no-such-file' }
  }
  if (name === '') return { kind: 'missing', reason: 'not-in-path' }
  const path = p.vars.PATH ?? p.image.defaultPath
  for (const dir of path.split(':')) {
    if (!dir) continue
    const hit = lookupPath(p, normalizePath(`${dir}/${name}`, p.cwd))
    if (hit) return hit
  }
  return { kind: 'missing', reason: 'not-in-path' }
}

/**
 * runc's message when the container's first process cannot be executed, as the kubelet shows it in
 * the container's terminated state (reason StartError, exit code 128) and in the `Failed` event after
 * `Error: ` — real v1.33/containerd captures, runc ≥1.2 ("error during container init").
 */
export function startErrorMessage(name: string, reason: 'not-in-path' | 'no-such-file'): string {
  const what = reason === 'not-in-path' ? 'executable file not found in $PATH' : `stat ${name}: no such file or directory`
  return (
    'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: ' +
    `unable to start container process: error during container init: exec: "${name}": ${what}`
  )
}

/** The program's name as `ps` and error messages show it. */
export function programName(path: string): string {
  return basename(path) || dirname(path)
}
