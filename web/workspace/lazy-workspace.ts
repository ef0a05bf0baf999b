// The workspace the page starts with, before the simulator's code has arrived. The simulator is
// most of the app's JavaScript (about 350 KB gzip), so it loads in its own chunk, in parallel, while
// the page draws and the terminal already takes typing: lines typed meanwhile wait in their tab
// (lazy-tab.ts) and run once the real workspace (workspace.ts) is bound, usually well under a second
// later. Until then the cluster shown is the one the saved session (or the baked fresh cluster)
// holds, and the clock stands still. After binding everything passes through; the object keeps its
// identity, so the store and the panes never see a second workspace.
//
// This module must not import the simulator's code (types only): it is in the page's entry chunk.

import type { ClusterSnapshot, KubeObject, Simulation } from '../../sim'
import { KINDS, type Kind } from '../../sim/api/kinds'
import type { EditorHook } from '../../sim/shell/types'
import { MemFs } from '../../sim/storage/memfs'
import type { Speed, TerminalTab, Workspace } from '../state/contract'
import { LazyTab } from './lazy-tab'

/** What the page shows before the simulator is there, read from the saved session without checking it. */
export interface Peek {
  now: number
  resourceVersion: number
  objects: KubeObject[]
  terminals: { id: string; history: string[] }[]
  activeTerminal?: string
  speed: Speed
  extras: Record<string, unknown>
}

/** The real workspace's extras beyond the contract (workspace.ts). */
export interface BindableWorkspace extends Workspace {
  openTerminalAs(id: string): TerminalTab
  setLang(lang: 'en' | 'zh'): void
  setActiveTab(id: string | undefined): void
  readonly activeTab: string | undefined
}

const SPEEDS: readonly number[] = [0, 1, 2, 5, 10]

/** A quick look at a saved session (full checks come with the simulator); the fresh cluster otherwise. */
export function peekSession(raw: string | undefined, freshJson: string): Peek {
  const fromSim = (s: { now: number; resourceVersion?: number; objects: KubeObject[] }) => ({ now: s.now, resourceVersion: s.resourceVersion ?? 0, objects: s.objects })
  const fresh = (): Peek => ({ ...fromSim(JSON.parse(freshJson)), terminals: [{ id: 't1', history: [] }], speed: 1, extras: {} })
  if (raw === undefined) return fresh()
  try {
    const d = JSON.parse(raw)
    const okTabs = Array.isArray(d.terminals) && d.terminals.length > 0 && d.terminals.every((t: any) => typeof t?.id === 'string' && Array.isArray(t.history) && t.history.every((h: unknown) => typeof h === 'string'))
    if (typeof d?.sim?.now !== 'number' || !Array.isArray(d.sim.objects) || !okTabs) return fresh()
    if (!d.sim.objects.every((o: any) => typeof o?.kind === 'string' && typeof o.metadata === 'object' && o.metadata !== null)) return fresh()
    return {
      ...fromSim(d.sim),
      terminals: d.terminals,
      activeTerminal: typeof d.activeTerminal === 'string' ? d.activeTerminal : undefined,
      speed: SPEEDS.includes(d.speed) ? d.speed : 1,
      extras: typeof d.extras === 'object' && d.extras !== null ? d.extras : {},
    }
  } catch {
    return fresh()
  }
}

function snapshotOf(p: Peek): ClusterSnapshot {
  const objects = Object.fromEntries(KINDS.map((k) => [k.kind, [] as KubeObject[]])) as Record<Kind, KubeObject[]>
  for (const o of p.objects) objects[o.kind as Kind]?.push(o)
  return { now: p.now, resourceVersion: String(p.resourceVersion), objects }
}

/** Until binding: a Simulation that only tells the time and the last known cluster, and says so otherwise. */
function standIn(p: Peek): Simulation {
  const snapshot = snapshotOf(p)
  const known: Record<string, unknown> = { now: () => p.now, snapshot: () => snapshot, subscribe: () => () => {}, drain() {}, notify() {} }
  return new Proxy(known, {
    get(target, key) {
      if (typeof key === 'string' && key in target) return target[key]
      throw new Error(`the simulated cluster is still starting (sim.${String(key)})`)
    },
  }) as unknown as Simulation
}

export class LazyWorkspace implements Workspace {
  private real: BindableWorkspace | undefined
  private tabs: LazyTab[]
  private readonly listeners = new Set<() => void>()
  private readonly placeholder: Simulation
  private readonly emptyFs = new MemFs()
  private speedBefore: Speed
  private speedChanged = false
  private editor: EditorHook | undefined
  private lang: 'en' | 'zh' | undefined
  private active: string | undefined
  private readonly extrasBefore = new Map<string, unknown>()
  private readonly ready: Promise<void>
  private resolveReady!: () => void
  private nextTab: number

  constructor(private readonly peek: Peek) {
    this.placeholder = standIn(peek)
    this.speedBefore = peek.speed
    this.active = peek.activeTerminal
    this.tabs = peek.terminals.map((t, i) => new LazyTab(t.id, i + 1, t.history))
    this.nextTab = Math.max(0, ...peek.terminals.map((t) => Number(/^t(\d+)$/.exec(t.id)?.[1] ?? 0))) + 1
    this.ready = new Promise((resolve) => (this.resolveReady = resolve))
  }

  /** True until the simulator has loaded and the real workspace is bound. */
  booting(): boolean {
    return this.real === undefined
  }

  whenReady(): Promise<void> {
    return this.ready
  }

  get sim(): Simulation {
    return this.real?.sim ?? this.placeholder
  }

  get fs(): MemFs {
    return this.real?.fs ?? this.emptyFs
  }

  readonly time = {
    now: () => (this.real ? this.real.time.now() : this.peek.now),
    sleep: async (ms: number, cancel?: Parameters<Workspace['time']['sleep']>[1]) => {
      await this.ready
      return this.real!.time.sleep(ms, cancel)
    },
    until: async (done: () => boolean, timeoutMs: number | undefined, cancel?: Parameters<Workspace['time']['until']>[2]) => {
      await this.ready
      return this.real!.time.until(done, timeoutMs, cancel)
    },
  }

  get activeTab(): string | undefined {
    return this.real?.activeTab ?? this.active
  }

  fsVersion(): number {
    return this.real?.fsVersion() ?? 0
  }

  terminals(): readonly TerminalTab[] {
    return this.tabs
  }

  openTerminal(): TerminalTab {
    if (this.real) {
      const inner = this.real.openTerminal()
      this.sync()
      return this.tabs.find((t) => t.inner() === inner)!
    }
    const tab = new LazyTab(`t${this.nextTab}`, this.nextTab, [])
    this.nextTab++
    this.tabs = [...this.tabs, tab]
    this.notify()
    return tab
  }

  closeTerminal(id: string): void {
    if (this.real) return this.real.closeTerminal(id)
    const tab = this.tabs.find((t) => t.id === id)
    if (!tab) return
    tab.interrupt()
    this.tabs = this.tabs.filter((t) => t !== tab)
    if (this.tabs.length === 0) return void this.openTerminal()
    this.notify()
  }

  async capture(line: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
    await this.ready
    return this.real!.capture(line)
  }

  speed(): Speed {
    return this.real ? this.real.speed() : this.speedBefore
  }

  setSpeed(speed: Speed): void {
    if (this.real) return this.real.setSpeed(speed)
    this.speedBefore = speed
    this.speedChanged = true
    this.notify()
  }

  skipUntilSettled(): void {
    this.real?.skipUntilSettled()
  }

  frame(realMs: number): void {
    this.real?.frame(realMs)
  }

  save(): Promise<void> {
    // Nothing to save before the real workspace: the saved session is still what is in storage.
    return this.real ? this.real.save() : Promise.resolve()
  }

  async reset(): Promise<void> {
    await this.ready
    return this.real!.reset()
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  setEditor(hook: EditorHook | undefined): void {
    this.editor = hook
    this.real?.setEditor(hook)
  }

  extra(key: string): unknown {
    if (this.real) return this.real.extra(key)
    return this.extrasBefore.has(key) ? this.extrasBefore.get(key) : this.peek.extras[key]
  }

  setExtra(key: string, data: unknown): void {
    if (this.real) return this.real.setExtra(key, data)
    this.extrasBefore.set(key, data)
  }

  setLang(lang: 'en' | 'zh'): void {
    this.lang = lang
    this.real?.setLang(lang)
  }

  setActiveTab(id: string | undefined): void {
    this.active = id
    this.real?.setActiveTab(id)
  }

  /** The simulator is here: hand everything over to the real workspace and run what waited. */
  bind(real: BindableWorkspace): void {
    if (this.real) return
    this.real = real
    if (this.speedChanged) real.setSpeed(this.speedBefore)
    if (this.editor) real.setEditor(this.editor)
    if (this.lang) real.setLang(this.lang)
    for (const [k, v] of this.extrasBefore) real.setExtra(k, v)
    // Tabs the page showed keep their ids: the real workspace opens any it does not have.
    const have = new Set(real.terminals().map((t) => t.id))
    for (const t of this.tabs) if (!have.has(t.id)) real.openTerminalAs(t.id)
    this.sync()
    if (this.active && real.terminals().some((t) => t.id === this.active)) real.setActiveTab(this.active)
    real.subscribe(() => {
      this.sync()
      this.notify()
    })
    this.resolveReady()
    this.notify()
  }

  /** The tab list follows the real workspace's; each real tab keeps one LazyTab for its lifetime. */
  private sync(): void {
    const real = this.real!
    const next = real.terminals().map((inner) => {
      const mine = this.tabs.find((t) => t.inner() === inner) ?? this.tabs.find((t) => t.inner() === undefined && t.id === inner.id)
      if (mine) {
        mine.bind(inner)
        return mine
      }
      const tab = new LazyTab(inner.id, 0, [])
      tab.bind(inner)
      return tab
    })
    // Tabs the real workspace dropped (closed, reset) end what still waited in them.
    for (const t of this.tabs) if (!next.includes(t)) t.interrupt()
    if (next.length !== this.tabs.length || next.some((t, i) => t !== this.tabs[i])) this.tabs = next
  }

  private notify(): void {
    for (const l of [...this.listeners]) l()
  }
}
