// A terminal tab that exists before the simulator has loaded (lazy-workspace.ts): it shows the login
// prompt and takes lines at once; lines sent meanwhile wait and run, in order, as soon as the real
// tab (terminal-tab.ts) is bound. After binding it is a thin pass-through, and keeps its identity, so
// the terminal drawing it never notices the switch.

import { needsMoreInput } from '../../sim/shell/needs-more'
import type { CancelToken, ShellSession, TimeControl } from '../../sim/shell/types'
import type { OutputListener, RunOptions, TabActivity, TerminalTab } from '../state/contract'

/**
 * The prompt of a fresh login on the lab machine: Debian root's PS1 `\u@\h:\w\$ ` in /root
 * (sim/shell/prompt.ts). lazy-workspace.test.ts checks it against the real shell's.
 */
export const LOGIN_PROMPT = 'root@k8s-master:~# '

type ExecIo = { stdout(t: string): void; stderr(t: string): void; cancel: CancelToken; time: TimeControl }

/** The host shell's stand-in until the real one exists. It ends when the real one takes over. */
class WaitingSession implements ShellSession {
  ended = false
  prompt(): string {
    return LOGIN_PROMPT
  }
  needsMore(text: string): boolean {
    // The shell's own parser (a small part of it, in the page's first chunk): a heredoc pasted in the
    // first second is still one command.
    return needsMoreInput(text)
  }
  execute(_line: string, _io: ExecIo): Promise<number> {
    return Promise.reject(new Error('the shell is still starting'))
  }
}

interface Queued {
  line: string
  opts: RunOptions
  resolve(code: number): void
}

export class LazyTab implements TerminalTab {
  private bound: TerminalTab | undefined
  private readonly waiting = new WaitingSession()
  private queued: Queued[] = []
  private columns: number | undefined
  /** Listeners added before binding, moved onto the real tab when it comes. */
  private readonly early = new Map<object, { off: () => void; add(tab: TerminalTab): () => void }>()

  constructor(
    readonly id: string,
    private readonly ordinal: number,
    private readonly savedHistory: readonly string[],
  ) {}

  get title(): string {
    return this.bound?.title ?? `${this.ordinal}: k8s-master`
  }

  /** The real tab behind this one, once bound. */
  inner(): TerminalTab | undefined {
    return this.bound
  }

  bind(tab: TerminalTab): void {
    if (this.bound) return
    this.bound = tab
    this.waiting.ended = true
    if (this.columns !== undefined) tab.resize(this.columns)
    for (const l of this.early.values()) l.off = l.add(tab)
    const queued = this.queued
    this.queued = []
    for (const q of queued) tab.run(q.line, q.opts).then(q.resolve, () => q.resolve(1))
  }

  current(): ShellSession {
    return this.bound ? this.bound.current() : this.waiting
  }

  nested(): boolean {
    return this.bound?.nested() ?? false
  }

  run(line: string, opts: RunOptions = {}): Promise<number> {
    if (this.bound) return this.bound.run(line, opts)
    return new Promise((resolve) => this.queued.push({ line, opts, resolve }))
  }

  busy(): boolean {
    return this.bound ? this.bound.busy() : this.queued.length > 0
  }

  interrupt(): void {
    if (this.bound) return this.bound.interrupt()
    // Ctrl-C before the shell started drops what was waiting, as typed-ahead input is dropped.
    const dropped = this.queued
    this.queued = []
    for (const q of dropped) q.resolve(130)
  }

  history(): readonly string[] {
    return this.bound ? this.bound.history() : [...this.savedHistory, ...this.queued.map((q) => q.line)]
  }

  onOutput(listener: OutputListener, opts: { replay?: boolean } = {}): () => void {
    if (this.bound) return this.bound.onOutput(listener, opts)
    return this.addEarly(listener, (tab) => tab.onOutput(listener))
  }

  onActivity(listener: (e: TabActivity) => void): () => void {
    if (this.bound) return this.bound.onActivity(listener)
    return this.addEarly(listener, (tab) => tab.onActivity(listener))
  }

  complete(line: string, cursor: number): string[] {
    return this.bound ? this.bound.complete(line, cursor) : []
  }

  resize(columns: number): void {
    this.columns = columns
    this.bound?.resize(columns)
  }

  private addEarly(key: object, add: (tab: TerminalTab) => () => void): () => void {
    const entry = { off: () => {}, add }
    this.early.set(key, entry)
    return () => {
      entry.off()
      this.early.delete(key)
    }
  }
}
