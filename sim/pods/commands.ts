// The command table of a container: a name is looked up along PATH in the container's own files, as
// execve would. A file the image ships runs as the image's program (sim/images, through its exec with
// the shell's working directory, variables and stdin); programs that need the network or the cluster
// DNS come from tools.ts; the image's shells (/bin/sh, bash...) are this simulator's interpreter, so a
// script run with `sh -c` can use them too.

import type { CommandTable } from '../shell/registry'
import type { Command, CommandContext } from '../shell/types'
import { normalizePath } from '../storage/memfs'
import { DEFAULT_PATH, processEnv, type ContainerHandle } from './container'
import { extraPrograms, shellKind, type ShellKind } from './tools'

/** Programs that read their standard input when given no file operands. */
const READS_STDIN = new Set(['cat', 'grep', 'egrep', 'fgrep', 'head', 'tail', 'wc', 'sort', 'uniq', 'tr', 'tee', 'sed', 'awk', 'cut', 'xargs', 'base64', 'od', 'md5sum', 'sha256sum', 'dd', 'gzip', 'gunzip', 'nc', 'less', 'more'])

const SHELL_PATHS: Record<string, ShellKind | 'sh'> = { '/bin/sh': 'sh', '/bin/ash': 'ash', '/bin/bash': 'bash', '/usr/bin/bash': 'bash', '/bin/dash': 'dash', '/usr/bin/sh': 'sh' }

const BIN_DIRS = new Set(['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'])

export type ShellProgram = (kind: ShellKind) => Command

/** A file of the image run as its program. */
export function imageProgram(h: ContainerHandle, name: string): Command {
  return {
    name,
    async run(ctx: CommandContext) {
      const vars = Object.fromEntries(ctx.env)
      const base = h.sim.runtime.env(h.rc, { quiet: true })
      const prog = ctx.argv[0].split('/').pop() ?? ''
      const stdin = READS_STDIN.has(prog) ? (ctx.stdin ?? undefined) : undefined
      const r = h.rc.image.behavior.exec?.(ctx.argv, { ...base, env: vars }, { cwd: ctx.cwd, vars, stdin })
      if (!r) {
        ctx.stderr(`sh: ${ctx.argv[0]}: not found\n`)
        return 127
      }
      if (r.stdout) ctx.stdout(r.stdout)
      if (r.stderr) ctx.stderr(r.stderr)
      const ms = r.durationMs ?? 0
      if (ms === Infinity) {
        await ctx.time.until(() => false, undefined, ctx.cancel)
        return 130
      }
      if (ms > 0 && !(await ctx.time.sleep(ms, ctx.cancel))) return 130
      return r.exitCode
    },
  }
}

export class ContainerCommands implements CommandTable {
  private readonly extras: Map<string, Command>
  private readonly shells = new Map<string, Command>()

  constructor(
    private readonly h: ContainerHandle,
    shellProgram: ShellProgram,
  ) {
    this.extras = extraPrograms(h)
    const sh = shellKind(h)
    for (const [path, kind] of Object.entries(SHELL_PATHS)) {
      if (!sh || !h.rc.fs.exists(path)) continue
      this.shells.set(path, { ...shellProgram(kind === 'sh' ? sh : kind), name: path.split('/').pop()! })
    }
  }

  private pathDirs(): string[] {
    return (processEnv(this.h, false).PATH ?? DEFAULT_PATH).split(':').filter(Boolean)
  }

  /** The program an absolute path names: a shell, a network tool, or a file of the image. */
  atPath(path: string): Command | undefined {
    const p = normalizePath(path)
    const shell = this.shells.get(p)
    if (shell) return shell
    const extra = this.extras.get(p)
    if (extra) return extra
    const fs = this.h.rc.fs
    if (fs.exists(p) && !fs.isDir(p)) return imageProgram(this.h, p.split('/').pop()!)
    return undefined
  }

  /** Whether a path is one of the container's programs (the interpreter must not run it as a script). */
  isProgram(path: string): boolean {
    const p = normalizePath(path)
    if (this.shells.has(p) || this.extras.has(p)) return true
    // The image's executables are empty files in its layer; other empty files (/etc/hostname) are data.
    const dir = p.slice(0, p.lastIndexOf('/')) || '/'
    return this.h.rc.image.behavior.files()[p] === '' && (BIN_DIRS.has(dir) || p.endsWith('.sh'))
  }

  private lookup(name: string): { cmd: Command; path: string } | undefined {
    if (name.includes('/')) {
      const cmd = this.atPath(name)
      return cmd ? { cmd, path: normalizePath(name) } : undefined
    }
    for (const dir of this.pathDirs()) {
      const path = normalizePath(`${dir}/${name}`)
      const cmd = this.atPath(path)
      if (cmd) return { cmd, path }
    }
    return undefined
  }

  get(name: string): Command | undefined {
    return this.lookup(name)?.cmd
  }

  path(name: string): string | undefined {
    return this.lookup(name)?.path
  }

  names(): string[] {
    const out = new Set<string>()
    for (const p of [...this.extras.keys(), ...this.shells.keys()]) out.add(p.split('/').pop()!)
    for (const dir of this.pathDirs()) {
      try {
        for (const n of this.h.rc.fs.readdir(dir)) if (this.isProgram(`${dir}/${n}`)) out.add(n)
      } catch {
        /* a PATH directory the image does not have */
      }
    }
    return [...out].sort()
  }
}
