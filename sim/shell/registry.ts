// The command table of one machine: which programs exist and where they live (`type`, `which`,
// completion). The host's table is built explicitly in host.ts; kubectl is added with one line:
// `table.add(kubectl)` (it replaces the placeholder).

import type { Command } from './types'

export interface CommandTable {
  get(name: string): Command | undefined
  /** The absolute path `type` and `which` print (`/usr/bin/kubectl`). */
  path(name: string): string | undefined
  names(): string[]
}

export class CommandRegistry implements CommandTable {
  private readonly map = new Map<string, { cmd: Command; path: string }>()

  constructor(
    commands: readonly Command[] = [],
    private readonly dir = '/usr/bin',
  ) {
    for (const c of commands) this.add(c)
  }

  /** Adds a command, replacing any command of the same name. */
  add(cmd: Command, path = `${this.dir}/${cmd.name}`): this {
    this.map.set(cmd.name, { cmd, path })
    return this
  }

  /** Adds the same program under another name (`vim` for `vi`). */
  alias(name: string, cmd: Command): this {
    return this.add({ ...cmd, name, run: (ctx) => cmd.run(ctx), complete: cmd.complete && ((r) => cmd.complete!(r)) })
  }

  remove(name: string): this {
    this.map.delete(name)
    return this
  }

  get(name: string): Command | undefined {
    return this.map.get(name)?.cmd
  }

  path(name: string): string | undefined {
    return this.map.get(name)?.path
  }

  names(): string[] {
    return [...this.map.keys()].sort()
  }
}
