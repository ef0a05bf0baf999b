// sleep (GNU coreutils): NUMBER[smhd], fractions, several operands added up, `infinity`. Time is the
// cluster's virtual time: the headless runner jumps ahead at once, the browser waits.

import type { Command } from '../types'
import { quoteLocale } from './files'
import { usageError } from './getopt'

const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }

/** Parses one sleep operand into milliseconds, or undefined when it is not a time interval. */
export function parseInterval(a: string): number | undefined {
  if (a === 'infinity' || a === 'inf') return Infinity
  const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(a)
  if (!m) return undefined
  return Math.round(Number(m[1]) * UNIT[m[2]] * 1000)
}

export const sleep: Command = {
  name: 'sleep',
  async run(ctx) {
    const args = ctx.argv.slice(1).filter((a) => a !== '--')
    if (!args.length) return usageError(ctx, 'sleep', 'missing operand', 1)
    let total = 0
    for (const a of args) {
      if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) return usageError(ctx, 'sleep', `invalid option -- '${a[1]}'`, 1)
      const ms = parseInterval(a)
      if (ms === undefined) return usageError(ctx, 'sleep', `invalid time interval ${quoteLocale(a)}`, 1)
      total += ms
    }
    if (total === Infinity) {
      await ctx.time.until(() => false, undefined, ctx.cancel)
      return ctx.cancel.cancelled ? 130 : 0
    }
    const done = await ctx.time.sleep(total, ctx.cancel)
    return done ? 0 : 130
  },
}
