// One terminal tab of the workspace: a lab shell (bash + kubectl on root@k8s-master) under a
// SessionStack, so `kubectl exec -it web-0 -- sh` sends the next lines to the container's shell until
// it exits. Lines run one at a time, in order (a line sent while another runs waits, as typed-ahead
// input does). Ctrl-C cancels the running line through its CancelSource; `exit` in the host shell
// starts a fresh login in the same tab, keeping the history, as a terminal that reconnects would.

import type { Simulation } from '../../sim'
import { createLabShell } from '../../sim/lab-shell'
import { CancelSource } from '../../sim/shell/cancel'
import { SessionStack } from '../../sim/shell/driver'
import type { HostShell } from '../../sim/shell/host'
import type { CommandRegistry } from '../../sim/shell/registry'
import type { EditorHook, ShellSession, TimeControl } from '../../sim/shell/types'
import type { MemFs } from '../../sim/storage/memfs'
import type { OutputListener, RunOptions, TabActivity, TerminalTab } from '../state/contract'

export interface TabDeps {
  id: string
  /** 1, 2, ...: shown in the title. */
  ordinal: number
  sim: Simulation
  fs: MemFs
  time: TimeControl
  /** A fresh command table (bash's programs + kubectl sharing the machine's kubeconfig). */
  commands(): CommandRegistry
  editor: EditorHook
  history: string[]
  lang: 'en' | 'zh'
  /** After every line: the cluster or the files may have changed. */
  afterRun(): void
}

/** Output kept for a terminal that attaches later (a pane re-mounted by a layout change). */
const TRANSCRIPT_LIMIT = 256 * 1024

type Chunk = Parameters<OutputListener>[0]

/** The little of Session (sim/shell/session.ts) beyond ShellSession that a tab uses, when present. */
interface SessionExtras {
  state?: { status?: number; history?: string[] }
  resize?(columns: number): void
}

export class WorkspaceTab implements TerminalTab {
  readonly id: string
  private host: HostShell
  private readonly stack = new SessionStack()
  private running: CancelSource | undefined
  private queue: Promise<unknown> = Promise.resolve()
  private pendingLines = 0
  private columns = 80
  private closed = false
  private readonly outputs = new Set<OutputListener>()
  private readonly activity = new Set<(e: TabActivity) => void>()
  private transcript: Chunk[] = []
  private transcriptSize = 0

  constructor(private readonly deps: TabDeps) {
    this.id = deps.id
    this.host = this.login()
  }

  get title(): string {
    return `${this.deps.ordinal}: k8s-master`
  }

  current(): ShellSession {
    return this.stack.current()
  }

  nested(): boolean {
    return this.stack.nested()
  }

  /** The host shell (not a nested one): its jobs are poked as time passes. */
  hostShell(): HostShell {
    return this.host
  }

  busy(): boolean {
    return this.pendingLines > 0
  }

  run(line: string, opts: RunOptions = {}): Promise<number> {
    this.pendingLines++
    const result = this.queue.then(() => this.exec(line, opts.echo ?? true))
    this.queue = result.catch(() => undefined)
    return result
  }

  interrupt(): void {
    this.running?.cancel()
  }

  history(): readonly string[] {
    const own = (this.current() as ShellSession & SessionExtras).state?.history
    return own ?? this.host.state.history
  }

  /** The host shell's history (what is saved: a container's shell forgets its own when it exits). */
  hostHistory(): readonly string[] {
    return this.host.state.history
  }

  onOutput(listener: OutputListener, opts: { replay?: boolean } = {}): () => void {
    if (opts.replay) for (const c of this.transcript) listener(c)
    this.outputs.add(listener)
    return () => this.outputs.delete(listener)
  }

  onActivity(listener: (e: TabActivity) => void): () => void {
    this.activity.add(listener)
    return () => this.activity.delete(listener)
  }

  complete(line: string, cursor: number): string[] {
    return this.current().complete?.(line, cursor) ?? []
  }

  resize(columns: number): void {
    this.columns = Math.max(1, Math.floor(columns))
    this.host.resize(this.columns)
    ;(this.current() as ShellSession & SessionExtras).resize?.(this.columns)
  }

  setLang(lang: 'en' | 'zh'): void {
    this.deps.lang = lang
    this.host.state.env.lang = lang
  }

  /** The tab is closed or the workspace replaced: stop what runs, end the shells and their jobs. */
  close(): void {
    this.closed = true
    this.running?.cancel()
    this.host.end(0)
    this.outputs.clear()
    this.activity.clear()
  }

  private login(): HostShell {
    const d = this.deps
    const host = createLabShell({
      sim: d.sim,
      fs: d.fs,
      commands: d.commands(),
      tty: true,
      columns: this.columns,
      editor: d.editor,
      openSession: this.stack.openSession,
      history: d.history,
      lang: d.lang,
    })
    this.stack.setRoot(host)
    return host
  }

  private emit(stream: Chunk['stream'], text: string): void {
    if (!text) return
    const chunk = { stream, text }
    this.transcript.push(chunk)
    this.transcriptSize += text.length
    while (this.transcriptSize > TRANSCRIPT_LIMIT && this.transcript.length > 1) this.transcriptSize -= this.transcript.shift()!.text.length
    for (const l of [...this.outputs]) l(chunk)
  }

  private async exec(line: string, echo: boolean): Promise<number> {
    if (this.closed) {
      this.pendingLines--
      return 130
    }
    const session = this.current()
    for (const l of [...this.activity]) l({ type: 'start', line, echo })
    // A continued line shows bash's PS2 before each further line, as it looked when typed.
    if (echo) this.emit('stdout', `${session.prompt()}${line.replace(/\n/g, '\n> ')}\n`)
    const cancel = new CancelSource()
    this.running = cancel
    let code: number
    try {
      await this.stack.submit(line, {
        stdout: (t) => this.emit('stdout', t),
        stderr: (t) => this.emit('stderr', t),
        cancel: cancel.token,
        time: this.deps.time,
      })
      code = (session as ShellSession & SessionExtras).state?.status ?? 0
    } catch (e) {
      // The shell reports its own errors; anything reaching here is a bug, shown rather than lost.
      this.emit('stderr', `${e instanceof Error ? e.message : String(e)}\n`)
      code = 1
    } finally {
      if (this.running === cancel) this.running = undefined
      this.pendingLines--
    }
    if (this.host.ended && !this.closed) this.host = this.login()
    this.deps.afterRun()
    for (const l of [...this.activity]) l({ type: 'end', exitCode: code })
    return code
  }
}
