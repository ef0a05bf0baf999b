// alias and unalias (`alias k=kubectl`), and `complete`, accepted so that the usual kubectl setup
// lines (`complete -o default -F __start_kubectl k`) do not fail.

import type { Builtin } from './types'

const quoted = (v: string) => `'${v.replace(/'/g, "'\\''")}'`

export const alias: Builtin = {
  name: 'alias',
  run(ctx) {
    const aliases = ctx.shell.aliases
    const args = ctx.argv.slice(1).filter((a) => a !== '-p')
    if (!args.length) {
      for (const [k, v] of [...aliases].sort(([a], [b]) => (a < b ? -1 : 1))) ctx.stdout(`alias ${k}=${quoted(v)}\n`)
      return 0
    }
    let status = 0
    for (const a of args) {
      const eq = a.indexOf('=')
      if (eq > 0) aliases.set(a.slice(0, eq), a.slice(eq + 1))
      else if (aliases.has(a)) ctx.stdout(`alias ${a}=${quoted(aliases.get(a)!)}\n`)
      else {
        ctx.error(`alias: ${a}: not found`)
        status = 1
      }
    }
    return status
  },
}

export const unalias: Builtin = {
  name: 'unalias',
  run(ctx) {
    const aliases = ctx.shell.aliases
    let status = 0
    for (const a of ctx.argv.slice(1)) {
      if (a === '-a') aliases.clear()
      else if (!aliases.delete(a)) {
        ctx.error(`unalias: ${a}: not found`)
        status = 1
      }
    }
    return status
  },
}

export const complete: Builtin = { name: 'complete', run: () => 0 }
