// Builtins that steer the shell itself: exit, true/false/:, break/continue.

import { ExitSignal, LoopSignal, ReturnSignal } from '../io'
import type { Builtin } from './types'

export const exit: Builtin = {
  name: 'exit',
  run(ctx) {
    const sh = ctx.shell
    const interactive = sh.env.interactive && !sh.isSubshell && sh.scriptPrefix === undefined
    if (interactive && sh.env.dialect.printsExit) ctx.stderr('exit\n')
    const arg = ctx.argv[1]
    if (arg === undefined) throw new ExitSignal(sh.status)
    if (!/^\s*[-+]?[0-9]+\s*$/.test(arg)) {
      ctx.error(`exit: ${arg}: numeric argument required`)
      throw new ExitSignal(2)
    }
    if (ctx.argv.length > 2) {
      ctx.error('exit: too many arguments')
      return 1
    }
    throw new ExitSignal(((Number(arg) % 256) + 256) % 256)
  },
}

export const trueCmd: Builtin = { name: 'true', run: () => 0 }
export const falseCmd: Builtin = { name: 'false', run: () => 1 }
export const colon: Builtin = { name: ':', run: () => 0 }

function loopControl(kind: 'break' | 'continue'): Builtin {
  return {
    name: kind,
    run(ctx) {
      const sh = ctx.shell
      if (sh.loopDepth === 0) {
        if (sh.env.dialect.kind === 'bash') ctx.error(`${kind}: only meaningful in a \`for', \`while', or \`until' loop`)
        return 0
      }
      const arg = ctx.argv[1]
      const n = arg === undefined ? 1 : Number(arg)
      if (!Number.isInteger(n) || n < 1) {
        ctx.error(`${kind}: ${arg}: loop count out of range`)
        return 1
      }
      throw new LoopSignal(kind, Math.min(n, sh.loopDepth))
    },
  }
}

export const breakCmd = loopControl('break')
export const continueCmd = loopControl('continue')

export const returnCmd: Builtin = {
  name: 'return',
  run(ctx) {
    const sh = ctx.shell
    if (!sh.localFrames.length) {
      ctx.error("return: can only `return' from a function or sourced script")
      return 2
    }
    const arg = ctx.argv[1]
    if (arg !== undefined && !/^-?[0-9]+$/.test(arg)) {
      ctx.error(`return: ${arg}: numeric argument required`)
      throw new ReturnSignal(2)
    }
    throw new ReturnSignal(arg === undefined ? sh.status : ((Number(arg) % 256) + 256) % 256)
  },
}

/** `local NAME[=value]`: remembers the outer value so the function's return restores it. */
export const local: Builtin = {
  name: 'local',
  run(ctx) {
    const sh = ctx.shell
    const frame = sh.localFrames[sh.localFrames.length - 1]
    if (!frame) {
      ctx.error('local: can only be used in a function')
      return 1
    }
    for (const a of ctx.argv.slice(1)) {
      const eq = a.indexOf('=')
      const name = eq < 0 ? a : a.slice(0, eq)
      if (!frame.has(name)) frame.set(name, sh.vars.get(name))
      sh.set(name, eq < 0 ? (sh.get(name) ?? '') : a.slice(eq + 1))
    }
    return 0
  },
}
