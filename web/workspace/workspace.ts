// The student's workspace without React or the DOM: the simulated cluster, the machine's files, the
// terminal tabs, the clock the app's frames move, and saving. The UI (web/state) follows it through
// subscribe(); tests drive it under node by calling frame() themselves.

import { createSimulation, restoreSimulation, type SavedState, type Simulation } from '../../sim'
import { createKubectl } from '../../sim/kubectl/kubectl'
import { KubeconfigState } from '../../sim/kubectl/kubeconfig'
import { createLabShell } from '../../sim/lab-shell'
import { NEVER } from '../../sim/shell/cancel'
import { createHostFs, hostCommands, type HostShell } from '../../sim/shell/host'
import type { EditorHook } from '../../sim/shell/types'
import { MemFs } from '../../sim/storage/memfs'
import type { Speed, TerminalTab, Workspace } from '../state/contract'
import { frameTime, type FrameTime } from './frame-time'
import { HISTORY_LIMIT, SESSION_SCHEMA, serializeSession, type SavedSession } from './session-state'
import { SESSION_KEY, type StorageAdapter } from './storage'
import { WorkspaceTab } from './terminal-tab'

export { SESSION_KEY } from './storage'

/** Saves follow changes by this much (at most one save per interval, however busy the cluster is). */
export const SAVE_DELAY_MS = 1000
/** A frame never moves more than this much real time (a laptop waking up does not skip an hour). */
export const MAX_FRAME_MS = 1000
/**
 * A frame hands simulated time to the cluster in steps of at most SLICE_MS and stops after
 * FRAME_BUDGET_MS of work; what is left waits for the next frame, up to MAX_BACKLOG_MS (beyond that the
 * cluster runs slower than the speed asked). A busy stretch (a 100-pod set coming up at 10x) then
 * keeps the page answering instead of freezing it for a third of a second at a time.
 */
export const FRAME_BUDGET_MS = 40
export const SLICE_MS = 250
export const MAX_BACKLOG_MS = 2000
/** "Skip until settled" gives up after this much simulated time (a crash loop never settles). */
export const SKIP_LIMIT_MS = 3_600_000

export type Schedule = (fn: () => void, ms: number) => () => void

export interface WorkspaceOptions {
  storage: StorageAdapter
  /** The seed of a fresh cluster (a saved session keeps its own). */
  seed?: number
  /**
   * A freshly booted cluster's state to restore for a fresh workspace (the app bakes one in at build
   * time), instead of booting one here. Called for every fresh start, so it returns a new copy.
   */
  fresh?: () => SavedState
  lang?: 'en' | 'zh'
  /** The saved session to continue, already checked by parseSession. */
  saved?: SavedSession
  /** setTimeout by default; tests pass their own. */
  schedule?: Schedule
  /** Real milliseconds, for the frame budget (performance.now by default; tests pass their own). */
  realNow?: () => number
}

const defaultSchedule: Schedule = (fn, ms) => {
  const t = setTimeout(fn, ms)
  return () => clearTimeout(t)
}

export class BrowserWorkspace implements Workspace {
  readonly time: FrameTime
  private simulation!: Simulation
  private machine!: MemFs
  private kubeconfig!: KubeconfigState
  private tabs: WorkspaceTab[] = []
  private nextTab = 1
  private currentSpeed: Speed = 1
  private extras = new Map<string, unknown>()
  private fsGen = 0
  private lastFsVersion = -1
  private carryMs = 0
  private readonly listeners = new Set<() => void>()
  private unsubscribeSim = () => {}
  private editor: EditorHook | undefined
  private editorWaiters: ((hook: EditorHook) => void)[] = []
  private hidden: HostShell | undefined
  private captures: Promise<unknown> = Promise.resolve()
  private cancelSave: (() => void) | undefined
  private saving: Promise<void> = Promise.resolve()
  private lang: 'en' | 'zh'
  private readonly schedule: Schedule
  /** The tab in front (saved, so a reload shows the same one). */
  activeTab: string | undefined

  setActiveTab(id: string | undefined): void {
    if (id === this.activeTab) return
    this.activeTab = id
    this.markDirty()
  }
  lastSaveError: unknown

  constructor(private readonly opts: WorkspaceOptions) {
    this.lang = opts.lang ?? 'en'
    this.schedule = opts.schedule ?? defaultSchedule
    this.time = frameTime(
      () => this.simulation.now(),
      () => this.simulation.drain(),
    )
    if (opts.saved) this.load(opts.saved)
    else this.fresh()
  }

  get sim(): Simulation {
    return this.simulation
  }

  get fs(): MemFs {
    return this.machine
  }

  fsVersion(): number {
    return this.fsGen
  }

  terminals(): readonly TerminalTab[] {
    return this.tabs
  }

  openTerminal(): TerminalTab {
    return this.addTab(`t${this.nextTab}`, [])
  }

  /** A tab with a given id (a tab the page showed before the workspace existed, lazy-workspace.ts). */
  openTerminalAs(id: string): TerminalTab {
    const n = Number(/^t(\d+)$/.exec(id)?.[1] ?? 0)
    if (n >= this.nextTab) this.nextTab = n
    return this.addTab(id, [])
  }

  closeTerminal(id: string): void {
    const tab = this.tabs.find((t) => t.id === id)
    if (!tab) return
    tab.close()
    this.tabs = this.tabs.filter((t) => t !== tab)
    if (this.tabs.length === 0) this.openTerminal()
    this.changed()
  }

  capture(line: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
    // One hidden shell, one line at a time: a shell per capture would leave its job table subscribed.
    const run = this.captures.then(async () => {
      const shell = (this.hidden ??= this.labShell({ tty: false, columns: 200, history: [] }))
      let stdout = ''
      let stderr = ''
      const exitCode = await shell.execute(line, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cancel: NEVER, time: this.time })
      this.afterRun()
      return { stdout, stderr, exitCode }
    })
    this.captures = run.catch(() => undefined)
    return run
  }

  speed(): Speed {
    return this.currentSpeed
  }

  setSpeed(speed: Speed): void {
    if (speed === this.currentSpeed) return
    this.currentSpeed = speed
    // Time still owed from busy frames was owed at the old speed: a pause stops the clock at once.
    this.carryMs = 0
    this.changed()
  }

  skipUntilSettled(): void {
    // Timer by timer, as settle() does, re-checking the shells' waits at every step, so `rollout
    // status` and `kubectl wait` see each state the cluster passes through, not only the last.
    const sim = this.simulation
    const start = sim.now()
    sim.drain()
    while (sim.clock.hasForegroundTimers()) {
      const next = sim.clock.nextAt()
      if (next === undefined || next - start > SKIP_LIMIT_MS) break
      sim.tick(next - sim.now())
      this.afterTime(false)
    }
    sim.settle(0)
    this.afterTime(false)
    this.changed()
  }

  frame(realMs: number): void {
    const sim = this.simulation
    // Simulated time moves in whole milliseconds; the fractions carry over to the next frame.
    this.carryMs += Math.min(Math.max(0, realMs), MAX_FRAME_MS) * this.currentSpeed
    const ms = Math.floor(this.carryMs)
    this.carryMs -= ms
    if (ms > 0) {
      const realNow = this.opts.realNow ?? (() => performance.now())
      const start = realNow()
      let done = 0
      do {
        const step = Math.min(ms - done, SLICE_MS)
        sim.tick(step)
        done += step
      } while (done < ms && realNow() - start < FRAME_BUDGET_MS)
      this.carryMs += Math.min(ms - done, MAX_BACKLOG_MS)
    } else {
      sim.drain()
      sim.notify()
    }
    this.afterTime(true)
  }

  save(): Promise<void> {
    this.cancelSave?.()
    this.cancelSave = undefined
    const text = serializeSession(this.toSaved())
    this.saving = this.saving.then(() =>
      this.opts.storage.set(SESSION_KEY, text).then(
        () => (this.lastSaveError = undefined),
        (e) => (this.lastSaveError = e),
      ),
    )
    return this.saving
  }

  async reset(): Promise<void> {
    this.teardown()
    this.fresh()
    this.changed()
    await this.save()
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  setEditor(hook: EditorHook | undefined): void {
    this.editor = hook
    if (!hook) return
    const waiting = this.editorWaiters
    this.editorWaiters = []
    for (const w of waiting) w(hook)
  }

  extra(key: string): unknown {
    return this.extras.get(key)
  }

  setExtra(key: string, data: unknown): void {
    this.extras.set(key, data)
    this.markDirty()
  }

  /** The language of the shells' own texts (`help`). */
  setLang(lang: 'en' | 'zh'): void {
    this.lang = lang
    for (const t of this.tabs) t.setLang(lang)
  }

  /** What is saved: everything needed to continue where the student left off. */
  toSaved(): SavedSession {
    return {
      schema: SESSION_SCHEMA,
      sim: this.simulation.exportState(),
      fs: this.machine.export(),
      kubeconfig: this.kubeconfig.toJSON(),
      terminals: this.tabs.map((t) => ({ id: t.id, history: t.hostHistory().slice(-HISTORY_LIMIT) })),
      ...(this.activeTab ? { activeTerminal: this.activeTab } : {}),
      speed: this.currentSpeed,
      extras: Object.fromEntries(this.extras),
    }
  }

  /** Stops everything (the page is going away, or tests are done). */
  dispose(): void {
    this.teardown()
    this.listeners.clear()
  }

  private fresh(): void {
    const fresh = this.opts.fresh
    this.attach(fresh ? restoreSimulation(fresh()) : createSimulation({ seed: this.opts.seed ?? 1 }))
    this.machine = createHostFs(this.simulation.now())
    this.machineChanged()
    this.kubeconfig = new KubeconfigState()
    this.extras = new Map()
    this.nextTab = 1
    this.tabs = []
    this.activeTab = undefined
    this.openTerminal()
  }

  private load(saved: SavedSession): void {
    // restoreSimulation throws on a state it cannot rebuild; the loader reports that and starts afresh.
    this.attach(restoreSimulation(saved.sim))
    this.machine = MemFs.import(saved.fs)
    this.machineChanged()
    this.kubeconfig = new KubeconfigState(saved.kubeconfig)
    this.extras = new Map(Object.entries(saved.extras))
    this.currentSpeed = saved.speed
    this.tabs = []
    for (const t of saved.terminals) this.addTab(t.id, [...t.history])
    const max = Math.max(0, ...this.tabs.map((t) => Number(/^t(\d+)$/.exec(t.id)?.[1] ?? 0)))
    this.nextTab = max + 1
    if (this.tabs.length === 0) this.openTerminal()
    this.activeTab = saved.activeTerminal
  }

  private attach(sim: Simulation): void {
    this.unsubscribeSim()
    this.simulation = sim
    this.unsubscribeSim = sim.subscribe(() => this.changed())
    this.carryMs = 0
  }

  private teardown(): void {
    this.cancelSave?.()
    this.cancelSave = undefined
    for (const t of this.tabs) t.close()
    this.tabs = []
    this.hidden?.end(0)
    this.hidden = undefined
    this.time.abandon()
    this.unsubscribeSim()
    this.unsubscribeSim = () => {}
  }

  private addTab(id: string, history: string[]): WorkspaceTab {
    const ordinal = this.nextTab++
    const tab = new WorkspaceTab({
      id,
      ordinal,
      sim: this.simulation,
      fs: this.machine,
      time: this.time,
      commands: () => this.commands(),
      editor: { edit: (path, content) => this.edit(path, content) },
      history,
      lang: this.lang,
      afterRun: () => this.afterRun(),
    })
    this.tabs = [...this.tabs, tab]
    this.changed()
    return tab
  }

  private commands() {
    // One kubeconfig for the machine (~/.kube/config): every tab sees `config set-context` at once.
    return hostCommands().add(createKubectl({ kubeconfig: this.kubeconfig }))
  }

  private labShell(o: { tty: boolean; columns: number; history: string[] }): HostShell {
    return createLabShell({ sim: this.simulation, fs: this.machine, commands: this.commands(), lang: this.lang, ...o })
  }

  private edit(path: string, content: string): Promise<string | undefined> {
    if (this.editor) return this.editor.edit(path, content)
    return new Promise<EditorHook>((resolve) => this.editorWaiters.push(resolve)).then((hook) => hook.edit(path, content))
  }

  private afterRun(): void {
    this.simulation.drain()
    this.simulation.notify()
    this.checkFs()
    this.markDirty()
  }

  private afterTime(frame: boolean): void {
    for (const t of this.tabs) t.hostShell().jobs.poke()
    this.time.check(frame)
    this.checkFs()
  }

  /** A new machine (reset, restore): editors showing a file of the old one reload. */
  private machineChanged(): void {
    this.lastFsVersion = this.machine.version
    this.fsGen++
  }

  private checkFs(): void {
    if (this.machine.version === this.lastFsVersion) return
    this.lastFsVersion = this.machine.version
    this.fsGen++
    this.changed()
  }

  private changed(): void {
    this.markDirty()
    for (const l of [...this.listeners]) l()
  }

  private markDirty(): void {
    if (this.cancelSave) return
    this.cancelSave = this.schedule(() => {
      this.cancelSave = undefined
      void this.save()
    }, SAVE_DELAY_MS)
  }
}

export function createWorkspace(opts: WorkspaceOptions): BrowserWorkspace {
  return new BrowserWorkspace(opts)
}
