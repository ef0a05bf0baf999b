// mkdir, rmdir, rm, touch, chmod (GNU coreutils 9 messages; mkdir quotes with ‘’ as in a UTF-8 locale).

import { dirname, FsError, normalizePath } from '../../storage/memfs'
import type { Command, CommandContext } from '../types'
import { fsErrorText } from '../dialect'
import { quoteLocale, quoteName, setMode, writeKeepingMode } from './files'
import { getopt, usageError } from './getopt'

export const mkdir: Command = {
  name: 'mkdir',
  run(ctx) {
    const p = getopt(ctx, 'mkdir', { flags: 'pv', withArg: 'm', long: { parents: { key: 'p' }, verbose: { key: 'v' }, mode: { key: 'm', arg: true } } })
    if (typeof p === 'number') return p
    if (!p.args.length) return usageError(ctx, 'mkdir', 'missing operand', 1)
    let status = 0
    const now = ctx.sim.now()
    for (const name of p.args) {
      const path = normalizePath(name, ctx.cwd)
      try {
        if (p.flags.has('p')) {
          // mkdir -p names the first component of the operand that is in the way.
          const parts = name.split('/')
          for (let i = 1; i <= parts.length; i++) {
            const prefix = parts.slice(0, i).join('/')
            if (prefix && ctx.fs.stat(normalizePath(prefix, ctx.cwd))?.type === 'file') throw new FsError('ENOTDIR', prefix)
          }
          ctx.fs.mkdir(path, now, { parents: true })
        } else ctx.fs.mkdir(path, now)
        if (p.flags.has('v')) ctx.stdout(`mkdir: created directory ${quoteName(name)}\n`)
      } catch (e) {
        if (!(e instanceof FsError)) throw e
        const parentIsFile = e.code === 'ENOENT' && ctx.fs.stat(dirname(path))?.type === 'file'
        const shown = p.flags.has('p') && e.code === 'ENOTDIR' ? e.path : name
        ctx.stderr(`mkdir: cannot create directory ${quoteLocale(shown)}: ${fsErrorText(parentIsFile ? 'ENOTDIR' : e.code)}\n`)
        status = 1
      }
    }
    return status
  },
}

export const rmdir: Command = {
  name: 'rmdir',
  run(ctx) {
    const p = getopt(ctx, 'rmdir', { flags: 'pv', long: { parents: { key: 'p' }, verbose: { key: 'v' } } })
    if (typeof p === 'number') return p
    if (!p.args.length) return usageError(ctx, 'rmdir', 'missing operand', 1)
    let status = 0
    for (const name of p.args) {
      const path = normalizePath(name, ctx.cwd)
      const e = ctx.fs.stat(path)
      const code = !e ? 'ENOENT' : e.type !== 'dir' ? 'ENOTDIR' : ctx.fs.readdir(path).length ? 'ENOTEMPTY' : undefined
      if (code) {
        ctx.stderr(`rmdir: failed to remove ${quoteName(name)}: ${fsErrorText(code)}\n`)
        status = 1
      } else ctx.fs.remove(path)
    }
    return status
  },
}

export const rm: Command = {
  name: 'rm',
  run(ctx) {
    const p = getopt(ctx, 'rm', { flags: 'rRfidv', long: { recursive: { key: 'r' }, force: { key: 'f' }, dir: { key: 'd' }, verbose: { key: 'v' }, 'no-preserve-root': { key: 'N' } } })
    if (typeof p === 'number') return p
    const force = p.flags.has('f')
    const recursive = p.flags.has('r') || p.flags.has('R')
    if (!p.args.length) return force ? 0 : usageError(ctx, 'rm', 'missing operand', 1)
    let status = 0
    const fail = (name: string, why: string) => {
      ctx.stderr(`rm: cannot remove ${quoteName(name)}: ${why}\n`)
      status = 1
    }
    for (const name of p.args) {
      const path = normalizePath(name, ctx.cwd)
      if (recursive && path === '/' && !p.flags.has('N')) {
        ctx.stderr(`rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n`)
        status = 1
        continue
      }
      const e = ctx.fs.stat(path)
      if (!e) {
        if (!force) fail(name, 'No such file or directory')
        continue
      }
      if (e.type === 'dir' && !recursive) {
        if (!p.flags.has('d')) fail(name, 'Is a directory')
        else if (ctx.fs.readdir(path).length) fail(name, 'Directory not empty')
        else ctx.fs.remove(path)
        continue
      }
      try {
        ctx.fs.remove(path, { recursive: true })
        if (p.flags.has('v')) ctx.stdout(`removed ${e.type === 'dir' ? 'directory ' : ''}${quoteName(name)}\n`)
      } catch (err) {
        if (!(err instanceof FsError)) throw err
        fail(name, fsErrorText(err.code))
      }
    }
    return status
  },
}

export const touch: Command = {
  name: 'touch',
  run(ctx) {
    const p = getopt(ctx, 'touch', { flags: 'acm', withArg: 'dtr' })
    if (typeof p === 'number') return p
    if (!p.args.length) return usageError(ctx, 'touch', 'missing file operand', 1)
    let status = 0
    const now = ctx.sim.now()
    for (const name of p.args) {
      const path = normalizePath(name, ctx.cwd)
      const e = ctx.fs.stat(path)
      if (!e && p.flags.has('c')) continue
      if (!ctx.fs.isDir(dirname(path))) {
        ctx.stderr(`touch: cannot touch ${quoteName(name)}: ${ctx.fs.exists(dirname(path)) ? 'Not a directory' : 'No such file or directory'}\n`)
        status = 1
        continue
      }
      if (e?.type === 'dir') ctx.fs.mkdir(path, now, { parents: true })
      else touchFile(ctx, path, e?.content ?? '', e?.mode, now)
    }
    return status
  },
}

function touchFile(ctx: CommandContext, path: string, content: string, mode: number | undefined, now: number): void {
  writeKeepingMode(ctx.fs, path, content, now)
  if (mode !== undefined) setMode(ctx.fs, path, mode)
}

function applyMode(spec: string, current: number): number | undefined {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8) & 0o7777
  let m = current
  for (const clause of spec.split(',')) {
    const c = /^([ugoa]*)([-+=])([rwxX]*)$/.exec(clause)
    if (!c) return undefined
    const who = c[1] === '' || c[1].includes('a') ? 'ugo' : c[1]
    let bits = 0
    for (const w of who) {
      const shift = w === 'u' ? 6 : w === 'g' ? 3 : 0
      for (const perm of c[3]) bits |= (perm === 'r' ? 4 : perm === 'w' ? 2 : 1) << shift
    }
    // Without who, + and - follow the umask (022): `chmod +w` adds write for the owner only.
    if (c[1] === '' && c[2] !== '=') bits &= ~0o022
    if (c[2] === '+') m |= bits
    else if (c[2] === '-') m &= ~bits
    else {
      let mask = 0
      for (const w of who) mask |= 7 << (w === 'u' ? 6 : w === 'g' ? 3 : 0)
      m = (m & ~mask) | bits
    }
  }
  return m
}

export const chmod: Command = {
  name: 'chmod',
  run(ctx) {
    const args = ctx.argv.slice(1).filter((a) => a !== '-R' && a !== '-v')
    if (!args.length) return usageError(ctx, 'chmod', 'missing operand', 1)
    const [spec, ...files] = args
    if (!files.length) return usageError(ctx, 'chmod', `missing operand after ${quoteLocale(spec)}`, 1)
    if (applyMode(spec, 0o644) === undefined) return usageError(ctx, 'chmod', `invalid mode: ${quoteLocale(spec)}`, 1)
    let status = 0
    for (const name of files) {
      const path = normalizePath(name, ctx.cwd)
      const e = ctx.fs.stat(path)
      if (!e) {
        ctx.stderr(`chmod: cannot access ${quoteName(name)}: No such file or directory\n`)
        status = 1
      } else if (e.type === 'file') setMode(ctx.fs, path, applyMode(spec, e.mode ?? 0o644)!)
    }
    return status
  },
}
