// Flag parsing as spf13/pflag v1.0.5 does it for kubectl: `--flag=v`, `--flag v`, `-f v`, `-fv`,
// `-f=v`, grouped bool shorthands (`-Aw`), bool flags that take no value unless `=` is used, `--`
// ending flags, flags anywhere among the arguments (interspersed), `_` normalized to `-` in long names
// (kubectl's WordSepNormalizeFunc), and pflag's own error texts.

import { goQuote } from '../../api/field-errors'
import { ConvError, parseBool, parseDuration, parseInt, readCsv } from './strconv'

export type FlagType = 'bool' | 'string' | 'int' | 'int32' | 'int64' | 'level' | 'stringSlice' | 'stringArray' | 'duration'

export interface FlagSpec {
  name: string
  shorthand?: string
  type: FlagType
  /** Default as pflag shows it; parsed with the flag's type. */
  default?: string
  usage?: string
  hidden?: boolean
  /**
   * pflag's NoOptDefVal for a non-bool flag: the value `--flag` alone sets (`--dry-run` means
   * "unchanged", `--cascade` "background"); such a flag then takes a value only after `=`.
   */
  noOptDefVal?: string
}

export type FlagValue = boolean | string | number | string[]

/** A parse failure; the root prints `error: <message>` and a "See 'kubectl x --help'" line. */
export class FlagError extends Error {}

export interface ParsedFlags {
  /** Positional arguments, in order (flags removed). */
  readonly args: string[]
  /** How many positional arguments came before `--` (-1 without `--`): cobra's ArgsLenAtDash. */
  readonly argsLenAtDash: number
  has(name: string): boolean
  changed(name: string): boolean
  bool(name: string): boolean
  string(name: string): string
  int(name: string): number
  strings(name: string): string[]
  /** Milliseconds, for duration flags. */
  duration(name: string): number
}

const HELP_FLAG: FlagSpec = { name: 'help', shorthand: 'h', type: 'bool', default: 'false' }

function normalize(name: string): string {
  return name.includes('_') ? name.replace(/_/g, '-') : name
}

function defaultValue(spec: FlagSpec): FlagValue {
  switch (spec.type) {
    case 'bool':
      return spec.default === 'true'
    case 'string':
      return spec.default ?? ''
    case 'int':
    case 'int32':
    case 'int64':
    case 'level':
      return Number(spec.default ?? '0')
    case 'duration':
      return parseDuration(spec.default ?? '0')
    case 'stringSlice':
    case 'stringArray':
      return spec.default ? readCsv(spec.default) : []
  }
}

/** The flags one command accepts: its own, its parents' persistent ones, and -h/--help. */
export class FlagSet {
  private readonly byName = new Map<string, FlagSpec>()
  private readonly byShort = new Map<string, FlagSpec>()

  constructor(specs: readonly FlagSpec[]) {
    for (const s of [...specs, HELP_FLAG]) {
      if (this.byName.has(s.name)) continue
      this.byName.set(s.name, s)
      if (s.shorthand) this.byShort.set(s.shorthand, s)
    }
  }

  lookup(name: string): FlagSpec | undefined {
    return this.byName.get(normalize(name))
  }

  lookupShort(c: string): FlagSpec | undefined {
    return this.byShort.get(c)
  }

  /** pflag's NoOptDefVal: bool flags may stand alone (`--watch`), every other type needs a value. */
  takesValue(spec: FlagSpec | undefined): boolean {
    return spec !== undefined && spec.type !== 'bool' && spec.noOptDefVal === undefined
  }

  parse(argv: readonly string[]): ParsedFlags {
    const values = new Map<string, FlagValue>()
    const changed = new Set<string>()
    const args: string[] = []
    let argsLenAtDash = -1
    const set = (spec: FlagSpec, raw: string) => {
      try {
        values.set(spec.name, convert(spec, raw, changed.has(spec.name) ? values.get(spec.name) : undefined))
      } catch (e) {
        if (!(e instanceof ConvError)) throw e
        const label = spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`
        throw new FlagError(`invalid argument ${goQuote(raw)} for ${goQuote(label)} flag: ${e.message}`)
      }
      changed.add(spec.name)
    }
    const rest = [...argv]
    while (rest.length > 0) {
      const s = rest.shift()!
      if (s.length < 2 || s[0] !== '-') {
        args.push(s)
        continue
      }
      if (s[1] === '-') {
        if (s.length === 2) {
          argsLenAtDash = args.length
          args.push(...rest)
          break
        }
        this.parseLong(s, rest, set)
      } else {
        this.parseShort(s, rest, set)
      }
    }
    return makeParsed(this, values, changed, args, argsLenAtDash)
  }

  private parseLong(s: string, rest: string[], set: (spec: FlagSpec, raw: string) => void): void {
    const body = s.slice(2)
    if (body.length === 0 || body[0] === '-' || body[0] === '=') throw new FlagError(`bad flag syntax: ${s}`)
    const eq = body.indexOf('=')
    const name = eq < 0 ? body : body.slice(0, eq)
    const spec = this.lookup(name)
    if (!spec) throw new FlagError(`unknown flag: --${name}`)
    if (eq >= 0) set(spec, body.slice(eq + 1))
    else if (!this.takesValue(spec)) set(spec, spec.noOptDefVal ?? 'true')
    else if (rest.length > 0) set(spec, rest.shift()!)
    else throw new FlagError(`flag needs an argument: ${s}`)
  }

  private parseShort(s: string, rest: string[], set: (spec: FlagSpec, raw: string) => void): void {
    let shorthands = s.slice(1)
    while (shorthands.length > 0) {
      const c = shorthands[0]
      const spec = this.byShort.get(c)
      if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in -${shorthands}`)
      if (shorthands.length > 2 && shorthands[1] === '=') {
        set(spec, shorthands.slice(2))
        shorthands = ''
      } else if (!this.takesValue(spec)) {
        set(spec, spec.noOptDefVal ?? 'true')
        shorthands = shorthands.slice(1)
      } else if (shorthands.length > 1) {
        set(spec, shorthands.slice(1))
        shorthands = ''
      } else if (rest.length > 0) {
        set(spec, rest.shift()!)
        shorthands = ''
      } else {
        throw new FlagError(`flag needs an argument: '${c}' in -${shorthands}`)
      }
    }
  }
}

function convert(spec: FlagSpec, raw: string, previous: FlagValue | undefined): FlagValue {
  switch (spec.type) {
    case 'bool':
      return parseBool(raw)
    case 'string':
      return raw
    case 'int':
    case 'int64':
      return parseInt(raw, 0, 64)
    case 'int32':
      return parseInt(raw, 0, 32)
    case 'level':
      return parseInt(raw, 10, 32)
    case 'duration':
      return parseDuration(raw)
    case 'stringSlice':
      // The first use replaces the default; later uses append (pflag stringSliceValue.Set).
      return [...((previous as string[] | undefined) ?? []), ...readCsv(raw)]
    case 'stringArray':
      return [...((previous as string[] | undefined) ?? []), raw]
  }
}

function makeParsed(
  fs: FlagSet,
  values: Map<string, FlagValue>,
  changed: Set<string>,
  args: string[],
  argsLenAtDash: number,
): ParsedFlags {
  const get = (name: string): FlagValue => {
    const spec = fs.lookup(name)
    if (!spec) throw new Error(`kubectl: flag --${name} is not defined for this command`)
    return values.has(spec.name) ? values.get(spec.name)! : defaultValue(spec)
  }
  return {
    args,
    argsLenAtDash,
    has: (name) => fs.lookup(name) !== undefined,
    changed: (name) => changed.has(normalize(name)),
    bool: (name) => get(name) as boolean,
    string: (name) => get(name) as string,
    int: (name) => get(name) as number,
    strings: (name) => get(name) as string[],
    duration: (name) => get(name) as number,
  }
}
