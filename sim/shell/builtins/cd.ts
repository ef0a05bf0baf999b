// cd and pwd: the shell's working directory, with PWD/OLDPWD kept as bash keeps them.

import { FsError, normalizePath } from '../../storage/memfs'
import type { Builtin, BuiltinContext } from './types'

function fail(ctx: BuiltinContext, target: string, code: Parameters<BuiltinContext['shell']['env']['dialect']['cdError']>[1]): number {
  const { message, status } = ctx.shell.env.dialect.cdError(target, code)
  ctx.error(message)
  return status
}

export const cd: Builtin = {
  name: 'cd',
  run(ctx) {
    const sh = ctx.shell
    const args = ctx.argv.slice(1).filter((a, i) => !(i === 0 && (a === '-L' || a === '-P' || a === '--')))
    if (args.length > 1) return fail(ctx, '', 'ARGS')
    let target: string | undefined = args[0]
    let print = false
    if (target === undefined) {
      target = sh.get('HOME')
      if (target === undefined) return fail(ctx, '', 'NOHOME')
      if (target === '') return 0
    } else if (target === '-') {
      target = sh.get('OLDPWD')
      if (target === undefined) return fail(ctx, '', 'OLDPWD')
      print = true
    } else if (target === '') return 0
    const path = normalizePath(target, sh.cwd)
    const entry = ctx.fs.stat(path)
    if (!entry) return fail(ctx, target, 'ENOENT')
    if (entry.type !== 'dir') return fail(ctx, target, 'ENOTDIR')
    sh.set('OLDPWD', sh.cwd)
    sh.cwd = path
    sh.set('PWD', path)
    if (print) ctx.stdout(path + '\n')
    return 0
  },
}

export const pwd: Builtin = {
  name: 'pwd',
  run(ctx) {
    const sh = ctx.shell
    // bash prints its idea of the directory even if it was removed meanwhile.
    if (!ctx.fs.isDir(sh.cwd) && sh.env.dialect.kind === 'ash') {
      ctx.error(`pwd: ${new FsError('ENOENT', sh.cwd).message}`)
      return 1
    }
    ctx.stdout(sh.cwd + '\n')
    return 0
  },
}
