// history, type and which: what the shell knows about its commands and its past.

import type { Builtin, BuiltinContext } from './types'

export const history: Builtin = {
  name: 'history',
  run(ctx) {
    const h = ctx.shell.history
    const arg = ctx.argv[1]
    if (arg === '-c') {
      h.length = 0
      return 0
    }
    let from = 0
    if (arg !== undefined) {
      if (!/^[0-9]+$/.test(arg)) {
        ctx.error(`history: ${arg}: numeric argument required`)
        return 1
      }
      from = Math.max(0, h.length - Number(arg))
    }
    let out = ''
    for (let i = from; i < h.length; i++) out += `${String(i + 1).padStart(5)}  ${h[i]}\n`
    ctx.stdout(out)
    return 0
  },
}

type Found = { kind: 'builtin' } | { kind: 'file'; path: string } | undefined

export function locate(ctx: BuiltinContext, name: string): Found {
  const b = ctx.shell.env.builtins.get(name)
  if (b && !b.path) return { kind: 'builtin' }
  const path = b?.path ?? ctx.shell.env.commands.path(name)
  return path ? { kind: 'file', path } : undefined
}

export const type: Builtin = {
  name: 'type',
  run(ctx) {
    let status = 0
    const terse = ctx.argv[1] === '-t'
    for (const name of ctx.argv.slice(terse ? 2 : 1)) {
      const f = locate(ctx, name)
      const aliased = ctx.shell.aliases.get(name)
      if (aliased !== undefined) {
        ctx.stdout(terse ? 'alias\n' : `${name} is aliased to \`${aliased}'\n`)
        continue
      }
      if (ctx.shell.functions.has(name)) {
        ctx.stdout(terse ? 'function\n' : `${name} is a function\n`)
        continue
      }
      if (!f) {
        if (!terse) ctx.error(`type: ${name}: not found`)
        status = 1
      } else if (terse) ctx.stdout(f.kind === 'builtin' ? 'builtin\n' : 'file\n')
      else ctx.stdout(f.kind === 'builtin' ? `${name} is a shell builtin\n` : `${name} is ${f.path}\n`)
    }
    return status
  },
}

export const which: Builtin = {
  name: 'which',
  path: '/usr/bin/which',
  run(ctx) {
    let status = 0
    for (const name of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) {
      const b = ctx.shell.env.builtins.get(name)
      const path = b ? b.path : ctx.shell.env.commands.path(name)
      if (path) ctx.stdout(path + '\n')
      else status = 1
    }
    return status
  },
}
