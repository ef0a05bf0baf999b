// What a shell remembers between commands: variables (and which are exported), the working directory,
// `$?`, positional parameters, history. Subshells (`( ... )`, `$(...)`, pipeline members) work on a
// copy, so `cd` or `x=1` inside them does not leak out, as in bash.

import type { MemFs } from '../storage/memfs'
import type { Simulation } from '../simulation'
import type { Dialect } from './dialect'
import type { CommandTable } from './registry'
import type { EditorHook, ShellSession } from './types'

export interface Var {
  value: string
  exported: boolean
}

/** Everything that is fixed for a machine's shell: its files, programs, dialect, terminal. */
export interface ShellEnvironment {
  fs: MemFs
  sim: Simulation
  commands: CommandTable
  dialect: Dialect
  /** The shell's own builtins (cd, echo, export...). */
  builtins: ReadonlyMap<string, import('./builtins/types').Builtin>
  tty: boolean
  columns: number
  editor?: EditorHook
  openSession?(session: ShellSession): Promise<number>
  /** The language of Ordinal's own texts (`help`). */
  lang: 'en' | 'zh'
  /** Let command errors (bugs) propagate instead of printing them: tests. */
  strict: boolean
  /** The host name shown by the prompt and `watch`. */
  hostname: string
  /** A stable fake PID for `$$`. */
  pid: number
  /** Background jobs (`kubectl proxy &`). */
  jobs: import('./jobs').JobTable
  /** Whether this shell reads commands from a person (job notices, `exit` printed). */
  interactive: boolean
}

export class ShellState {
  vars: Map<string, Var>
  cwd: string
  status = 0
  positional: string[] = []
  /** `$0`. */
  argv0: string
  /** Loop nesting, for `break`/`continue`. */
  loopDepth = 0
  /** The status of the last command substitution, for `x=$(false)`. */
  substStatus: number | undefined
  history: string[]
  ended = false
  isSubshell = false
  /** `set -e`: a failing command ends the shell, except where its status is being tested. */
  errexit = false
  /** `set -o pipefail`: a pipeline fails when any member fails. */
  pipefail = false
  /** Inside an `if`/`while` condition or a non-final part of `&&`/`||`: errexit does not apply. */
  conditionDepth = 0
  /** Files `<(cmd)` created for the command being run; removed when it ends. */
  procFiles: string[] = []
  /** `alias k=kubectl`. */
  aliases = new Map<string, string>()
  /** Shell functions by name. */
  functions = new Map<string, import('./ast').Command>()
  /** One frame per running function: the values `local` shadowed, restored on return. */
  localFrames: Map<string, Var | undefined>[] = []
  /** Set while running a script: its errors read `./x.sh: line 3: ...` instead of `bash: ...`. */
  scriptPrefix: string | undefined

  constructor(
    readonly env: ShellEnvironment,
    init: { vars: Record<string, string>; cwd: string; argv0: string; history?: string[] },
  ) {
    this.vars = new Map(Object.entries(init.vars).map(([k, v]) => [k, { value: v, exported: true }]))
    this.cwd = init.cwd
    this.argv0 = init.argv0
    this.history = init.history ?? []
  }

  get(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.status)
      case '$':
        return String(this.env.pid)
      case '#':
        return String(this.positional.length)
      case '0':
        return this.argv0
      case '@':
      case '*':
        return this.positional.join(' ')
      case '-':
        return (this.errexit ? 'e' : '') + (this.env.tty ? 'himBHs' : 'hB')
      case '!':
        return undefined
    }
    if (/^[0-9]+$/.test(name)) return this.positional[Number(name) - 1]
    return this.vars.get(name)?.value
  }

  set(name: string, value: string, exported?: boolean): void {
    const prior = this.vars.get(name)
    this.vars.set(name, { value, exported: exported ?? prior?.exported ?? false })
  }

  unset(name: string): void {
    this.vars.delete(name)
  }

  /** The environment a program gets: exported variables plus `NAME=value cmd` assignments. */
  exported(extra: Record<string, string> = {}): Map<string, string> {
    const out = new Map<string, string>()
    for (const [k, v] of this.vars) if (v.exported) out.set(k, v.value)
    for (const [k, v] of Object.entries(extra)) out.set(k, v)
    return out
  }

  /** The start of the shell's own error messages (`bash: `, `sh: `, `./x.sh: line 3: `). */
  diag(): string {
    return this.scriptPrefix ?? `${this.env.dialect.name}: `
  }

  home(): string {
    return this.vars.get('HOME')?.value ?? '/'
  }

  /** A copy for a subshell: same files and history, separate variables and directory. */
  fork(): ShellState {
    const s = new ShellState(this.env, { vars: {}, cwd: this.cwd, argv0: this.argv0, history: this.history })
    s.vars = new Map([...this.vars].map(([k, v]) => [k, { ...v }]))
    s.status = this.status
    s.positional = [...this.positional]
    s.isSubshell = true
    s.scriptPrefix = this.scriptPrefix
    s.functions = new Map(this.functions)
    s.aliases = new Map(this.aliases)
    s.errexit = this.errexit
    s.pipefail = this.pipefail
    s.localFrames = [...this.localFrames]
    return s
  }
}
