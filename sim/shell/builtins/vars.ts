// export, unset, set, and readonly-free variable handling.

import type { Builtin, BuiltinContext } from './types'

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** bash's `declare -x A="1"` listing (export -p). */
function listExports(ctx: BuiltinContext): void {
  const vars = [...ctx.shell.vars].filter(([, v]) => v.exported).sort(([a], [b]) => (a < b ? -1 : 1))
  for (const [k, v] of vars) ctx.stdout(`declare -x ${k}="${v.value.replace(/(["\\$`])/g, '\\$1')}"\n`)
}

export const exportCmd: Builtin = {
  name: 'export',
  run(ctx) {
    const sh = ctx.shell
    let unexport = false
    let i = 1
    for (; i < ctx.argv.length && /^-[fnp]+$/.test(ctx.argv[i]); i++) if (ctx.argv[i].includes('n')) unexport = true
    if (ctx.argv[i] === '--') i++
    const args = ctx.argv.slice(i)
    if (!args.length) {
      listExports(ctx)
      return 0
    }
    let status = 0
    for (const a of args) {
      const eq = a.indexOf('=')
      const name = eq < 0 ? a : a.slice(0, eq).replace(/\+$/, '')
      if (!NAME.test(name)) {
        ctx.error(`export: \`${a}': not a valid identifier`)
        status = 1
        continue
      }
      if (eq >= 0) {
        const value = a[eq - 1] === '+' ? (sh.get(name) ?? '') + a.slice(eq + 1) : a.slice(eq + 1)
        sh.set(name, value, !unexport)
      } else if (sh.vars.has(name)) sh.vars.get(name)!.exported = !unexport
      else if (!unexport) sh.set(name, '', true)
    }
    return status
  },
}

export const unset: Builtin = {
  name: 'unset',
  run(ctx) {
    let status = 0
    for (const a of ctx.argv.slice(1)) {
      if (a === '-v' || a === '-f') continue
      if (!NAME.test(a)) {
        ctx.error(`unset: \`${a}': not a valid identifier`)
        status = 1
        continue
      }
      ctx.shell.unset(a)
    }
    return status
  },
}

/** `set`: prints variables; options (`set -e`) are accepted and ignored. */
export const set: Builtin = {
  name: 'set',
  run(ctx) {
    const args = ctx.argv.slice(1)
    if (!args.length) {
      const vars = [...ctx.shell.vars].sort(([a], [b]) => (a < b ? -1 : 1))
      for (const [k, v] of vars) ctx.stdout(`${k}=${/^[A-Za-z0-9_./:=+-]*$/.test(v.value) ? v.value : `'${v.value.replace(/'/g, "'\\''")}'`}\n`)
      return 0
    }
    const sh = ctx.shell
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '--') {
        sh.positional = args.slice(i + 1)
        return 0
      }
      if (!/^[-+]/.test(a)) {
        sh.positional = args.slice(i)
        return 0
      }
      const on = a[0] === '-'
      if (a.slice(1) === 'o') {
        const name = args[++i]
        if (name === 'errexit') sh.errexit = on
        else if (name === 'pipefail') sh.pipefail = on
        else if (name !== undefined && !['nounset', 'xtrace', 'noclobber', 'vi', 'emacs', 'history', 'monitor', 'notify', 'noglob'].includes(name)) {
          ctx.error(`set: ${name}: invalid option name`)
          return 1
        }
        continue
      }
      if (a.includes('e')) sh.errexit = on
    }
    return 0
  },
}
