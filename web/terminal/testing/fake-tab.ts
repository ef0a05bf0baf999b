// A TerminalTab for tests (imported by tests and the e2e test page only): the real lab shell
// (bash + kubectl on a simulated cluster) under a SessionStack, with time that passes only when
// the test says so (`advance`), so a `get -w` really waits and Ctrl-C really cancels it.

import { createSimulation, type Simulation } from '../../../sim'
import { createLabShell } from '../../../sim/lab-shell'
import { CancelSource } from '../../../sim/shell/cancel'
import { SessionStack } from '../../../sim/shell/driver'
import type { HostShell } from '../../../sim/shell/host'
import type { CancelToken, ShellSession, TimeControl } from '../../../sim/shell/types'
import type { OutputListener, RunOptions, TabActivity, TerminalTab } from '../../state/contract'

interface Waiter {
  check(): boolean
  resolve(v: boolean): void
}

/** Time that moves only when `advance` is called; waits re-check after each move. */
export function manualTime(sim: Simulation) {
  const waiters = new Set<Waiter>()
  const wait = (check: () => boolean | undefined, cancel?: CancelToken) =>
    new Promise<boolean>((resolve) => {
      if (cancel?.cancelled) return resolve(false)
      const w: Waiter = {
        check: () => {
          const v = check()
          if (v === undefined) return false
          w.resolve(v)
          return true
        },
        resolve: (v) => {
          waiters.delete(w)
          resolve(v)
        },
      }
      cancel?.onCancel(() => w.resolve(false))
      if (!w.check()) waiters.add(w)
    })
  const time: TimeControl = {
    now: () => sim.now(),
    sleep: (ms, cancel) => {
      const at = sim.now() + ms
      return wait(() => (sim.now() >= at ? true : undefined), cancel)
    },
    until: (done, timeoutMs, cancel) => {
      sim.drain()
      const limit = timeoutMs === undefined ? Infinity : sim.now() + timeoutMs
      return wait(() => (done() ? true : sim.now() >= limit ? false : undefined), cancel)
    },
  }
  return {
    time,
    advance(ms: number) {
      sim.advance(ms)
      for (const w of [...waiters]) w.check()
    },
  }
}

export class FakeTab implements TerminalTab {
  readonly id: string
  readonly title = '1: k8s-master'
  readonly sim: Simulation
  readonly host: HostShell
  private readonly stack = new SessionStack()
  private readonly clock: ReturnType<typeof manualTime>
  private readonly outputs = new Set<OutputListener>()
  private readonly activities = new Set<(e: TabActivity) => void>()
  private running: CancelSource | undefined
  private queue: Promise<unknown> = Promise.resolve()
  private pendingLines = 0
  columns = 80

  constructor(opts: { id?: string; sim?: Simulation; history?: string[] } = {}) {
    this.id = opts.id ?? 't1'
    this.sim = opts.sim ?? createSimulation({ seed: 1 })
    this.clock = manualTime(this.sim)
    this.host = createLabShell({ sim: this.sim, tty: true, openSession: this.stack.openSession, history: opts.history })
    this.stack.setRoot(this.host)
  }

  /** Lets simulated time pass (a watch sees the cluster change). */
  advance(ms: number): void {
    this.clock.advance(ms)
  }

  current(): ShellSession {
    return this.stack.current()
  }

  nested(): boolean {
    return this.stack.nested()
  }

  busy(): boolean {
    return this.pendingLines > 0
  }

  run(line: string, opts: RunOptions = {}): Promise<number> {
    this.pendingLines++
    const r = this.queue.then(() => this.exec(line, opts.echo ?? true))
    this.queue = r.catch(() => undefined)
    return r
  }

  interrupt(): void {
    this.running?.cancel()
  }

  history(): readonly string[] {
    return (this.current() as ShellSession & { state?: { history?: string[] } }).state?.history ?? []
  }

  onOutput(listener: OutputListener): () => void {
    this.outputs.add(listener)
    return () => this.outputs.delete(listener)
  }

  onActivity(listener: (e: TabActivity) => void): () => void {
    this.activities.add(listener)
    return () => this.activities.delete(listener)
  }

  resize(columns: number): void {
    this.columns = columns
    this.host.resize(columns)
  }

  complete(line: string, cursor: number): string[] {
    return this.current().complete?.(line, cursor) ?? []
  }

  /** Output as if a background job wrote it. */
  emit(text: string): void {
    for (const l of [...this.outputs]) l({ stream: 'stdout', text })
  }

  private async exec(line: string, echo: boolean): Promise<number> {
    const session = this.current()
    for (const l of [...this.activities]) l({ type: 'start', line, echo })
    if (echo) this.emit(`${session.prompt()}${line.replace(/\n/g, '\n> ')}\n`)
    const cancel = new CancelSource()
    this.running = cancel
    try {
      await this.stack.submit(line, { stdout: (t) => this.emit(t), stderr: (t) => this.emit(t), cancel: cancel.token, time: this.clock.time })
    } finally {
      this.running = undefined
      this.pendingLines--
    }
    const code = (session as ShellSession & { state?: { status?: number } }).state?.status ?? 0
    for (const l of [...this.activities]) l({ type: 'end', exitCode: code })
    return code
  }
}
