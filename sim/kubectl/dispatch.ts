// Finding the (sub)command in argv as cobra v1.8 does (Command.Find with stripFlags and
// argsMinusFirstX), the "unknown command" error with cobra's suggestions (Levenshtein distance <= 2,
// prefix matches, SuggestFor), and kubectl's plugin-handler check that rejects flags before an unknown
// command name (`Error: flags cannot be placed before plugin name: -n`).

import type { KubectlCommand } from './command'
import { GLOBAL_FLAGS } from './flags/global'
import { FlagSet, type FlagSpec } from './flags/pflag'
import { KubectlError, RawError } from './errors'

export function flagSetFor(cmd: KubectlCommand): FlagSet {
  return new FlagSet([...(cmd.flags ?? []), ...GLOBAL_FLAGS])
}

/** cobra's hasNoOptDefVal: a bool flag, or one like --dry-run that may stand alone, takes no next word. */
function hasNoOptDefVal(spec: FlagSpec | undefined): boolean {
  return spec !== undefined && (spec.type === 'bool' || spec.noOptDefVal !== undefined)
}

/** cobra stripFlags: the non-flag words, skipping the value of a flag that takes one. */
function stripFlags(args: readonly string[], fs: FlagSet): string[] {
  const commands: string[] = []
  const rest = [...args]
  while (rest.length > 0) {
    const s = rest.shift()!
    if (s === '--') break
    const longWithValue = s.startsWith('--') && !s.includes('=') && !hasNoOptDefVal(fs.lookup(s.slice(2)))
    const shortWithValue = s.startsWith('-') && !s.includes('=') && s.length === 2 && !hasNoOptDefVal(fs.lookupShort(s.slice(1)))
    if (longWithValue || shortWithValue) {
      // `--flag value` / `-f value`: drop the value too (cobra stops when it is the last word).
      if (rest.length <= 1) break
      rest.shift()
      continue
    }
    if (s !== '' && !s.startsWith('-')) commands.push(s)
  }
  return commands
}

/** cobra argsMinusFirstX: removes the first occurrence of the subcommand name, not a flag's value. */
function argsMinusFirstX(args: readonly string[], x: string, fs: FlagSet): string[] {
  for (let pos = 0; pos < args.length; pos++) {
    const s = args[pos]
    if (s === '--') break
    const longWithValue = s.startsWith('--') && !s.includes('=') && !hasNoOptDefVal(fs.lookup(s.slice(2)))
    const shortWithValue = s.startsWith('-') && !s.includes('=') && s.length === 2 && !hasNoOptDefVal(fs.lookupShort(s.slice(1)))
    if (longWithValue || shortWithValue) {
      pos++
      continue
    }
    if (!s.startsWith('-') && s === x) return [...args.slice(0, pos), ...args.slice(pos + 1)]
  }
  return [...args]
}

function findChild(cmd: KubectlCommand, name: string): KubectlCommand | undefined {
  return cmd.subcommands?.find((c) => c.name === name || c.aliases?.includes(name))
}

/** Levenshtein distance, case-insensitive (cobra's ld with ignoreCase). */
function ld(a: string, b: string): number {
  const s = a.toLowerCase()
  const t = b.toLowerCase()
  const d = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array<number>(t.length).fill(0)])
  for (let j = 1; j <= t.length; j++) d[0][j] = j
  for (let j = 1; j <= t.length; j++) {
    for (let i = 1; i <= s.length; i++) {
      d[i][j] = s[i - 1] === t[j - 1] ? d[i - 1][j - 1] : Math.min(d[i - 1][j], d[i][j - 1], d[i - 1][j - 1]) + 1
    }
  }
  return d[s.length][t.length]
}

/** Command.SuggestionsFor: in command order; a SuggestFor match is added after the distance check. */
export function suggestionsFor(root: KubectlCommand, typed: string): string[] {
  const out: string[] = []
  for (const c of root.subcommands ?? []) {
    if (c.hidden) continue
    if (ld(typed, c.name) <= 2 || c.name.toLowerCase().startsWith(typed.toLowerCase())) out.push(c.name)
    for (const s of c.suggestFor ?? []) if (s.toLowerCase() === typed.toLowerCase()) out.push(c.name)
  }
  return out
}

export interface Found {
  /** root first, the found command last. */
  path: KubectlCommand[]
  /** argv without the command words. */
  args: string[]
}

/** Command.Find: walks down while the first non-flag word names a child. */
export function find(root: KubectlCommand, argv: readonly string[]): Found {
  const path = [root]
  let args = [...argv]
  for (;;) {
    const cur = path[path.length - 1]
    const fs = flagSetFor(cur)
    const words = stripFlags(args, fs)
    if (words.length === 0) break
    const child = findChild(cur, words[0])
    if (!child) break
    args = argsMinusFirstX(args, words[0], fs)
    path.push(child)
  }
  return { path, args }
}

/** legacyArgs: at the root, a leftover word is an unknown command. */
export function unknownCommandError(root: KubectlCommand, found: Found): KubectlError | undefined {
  if (found.path.length !== 1) return undefined
  const words = stripFlags(found.args, flagSetFor(root))
  if (words.length === 0) return undefined
  const suggestions = suggestionsFor(root, words[0])
  const hint = suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : ''
  return new KubectlError(`unknown command "${words[0]}" for "kubectl"${hint}`)
}

/**
 * kubectl's plugin handler runs before cobra when argv names no known command: it refuses a flag in
 * front of the would-be plugin name (there are no plugins here, so otherwise cobra reports the error).
 */
export function pluginHandlerError(argv: readonly string[], unknown: KubectlError | undefined): RawError | undefined {
  if (!unknown || argv.length === 0) return undefined
  const cmdName = argv.find((a) => !a.startsWith('-'))
  if (cmdName === 'help' || cmdName === '__complete' || cmdName === '__completeNoDesc') return undefined
  if (argv[0].startsWith('-')) return new RawError(`Error: flags cannot be placed before plugin name: ${argv[0]}`)
  return undefined
}
