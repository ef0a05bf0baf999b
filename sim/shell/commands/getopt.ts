// GNU getopt_long as coreutils use it: clustered short options (`-rf`), option arguments attached or
// separate (`-n5`, `-n 5`), long options (`--lines=5`), `--`, and options after operands (GNU
// permutes). Errors are printed exactly as the tools print them, with the "Try --help" line.

import type { CommandContext } from '../types'

export interface OptSpec {
  /** Short options without an argument, e.g. 'ivncE'. */
  flags?: string
  /** Short options that take an argument, e.g. 'nABCefd'. */
  withArg?: string
  /**
   * Long options: name → the short key they stand for, and whether they take an argument (`arg`), or
   * may take one after `=` (`optionalArg`, as `--color[=WHEN]`: the flag is set either way).
   */
  long?: Record<string, { key: string; arg?: boolean; optionalArg?: boolean }>
  /** Stop at the first operand (like POSIXLY_CORRECT; `watch`, `env`). */
  stopAtOperand?: boolean
}

export interface Parsed {
  flags: Set<string>
  values: Map<string, string[]>
  args: string[]
  /** Option keys in the order given (for last-one-wins options like `sort -n -r`). */
  order: string[]
}

export function usageError(ctx: CommandContext, tool: string, message: string, status: number): number {
  ctx.stderr(`${tool}: ${message}\nTry '${tool} --help' for more information.\n`)
  return status
}

/** Parses argv[1..]; on a usage error prints it and returns the exit status instead. */
export function getopt(ctx: CommandContext, tool: string, spec: OptSpec, usageStatus = 1): Parsed | number {
  const flags = spec.flags ?? ''
  const withArg = spec.withArg ?? ''
  const out: Parsed = { flags: new Set(), values: new Map(), args: [], order: [] }
  const set = (key: string, value?: string) => {
    out.order.push(key)
    if (value === undefined) out.flags.add(key)
    else out.values.set(key, [...(out.values.get(key) ?? []), value])
  }
  const argv = ctx.argv
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      out.args.push(...argv.slice(i + 1))
      break
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = a.slice(2, eq < 0 ? undefined : eq)
      const matches = Object.keys(spec.long ?? {}).filter((l) => l.startsWith(name))
      const exact = matches.includes(name) ? name : matches.length === 1 ? matches[0] : undefined
      if (!exact) {
        const msg = matches.length > 1 ? `option '${a}' is ambiguous` : `unrecognized option '${a}'`
        return usageError(ctx, tool, msg, usageStatus)
      }
      const opt = spec.long![exact]
      if (opt.arg) {
        const v = eq >= 0 ? a.slice(eq + 1) : argv[++i]
        if (v === undefined) return usageError(ctx, tool, `option '--${exact}' requires an argument`, usageStatus)
        set(opt.key, v)
      } else if (opt.optionalArg) {
        // The flag, and the value ('' when none was given), so the last one given wins.
        set(opt.key)
        set(opt.key, eq >= 0 ? a.slice(eq + 1) : '')
      } else {
        if (eq >= 0) return usageError(ctx, tool, `option '--${exact}' doesn't allow an argument`, usageStatus)
        set(opt.key)
      }
      continue
    }
    if (a.length < 2 || a[0] !== '-') {
      if (spec.stopAtOperand) {
        out.args.push(...argv.slice(i))
        break
      }
      out.args.push(a)
      continue
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]
      if (withArg.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i]
        if (v === undefined) return usageError(ctx, tool, `option requires an argument -- '${c}'`, usageStatus)
        set(c, v)
        break
      }
      if (!flags.includes(c)) return usageError(ctx, tool, `invalid option -- '${c}'`, usageStatus)
      set(c)
    }
  }
  return out
}

/** The last value given for an option. */
export function last(p: Parsed, key: string): string | undefined {
  const v = p.values.get(key)
  return v ? v[v.length - 1] : undefined
}
