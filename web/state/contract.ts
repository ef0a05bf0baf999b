// The contract between the parts of the browser app. The app's foundation (web/workspace, web/state,
// web/layout, web/i18n, web/App.tsx) implements it; the terminal (web/terminal), the YAML editor
// (web/editor) and the cluster view (web/cluster) use it and nothing else of each other.
//
// Data flows one way (../shared/DESIGN.md): a keystroke -> the terminal's line editor -> a shell
// session of the simulation (sim/) -> kubectl -> the API server -> controllers -> a new snapshot ->
// the store -> the views render. The editor's Apply runs the same `kubectl apply -f <file>` in a
// terminal, so the student sees the real command and its output.

import type { ClusterSnapshot, Simulation } from '../../sim'
import type { ShellSession, TimeControl } from '../../sim/shell/types'
import type { MemFs } from '../../sim/storage/memfs'

/** Simulated-time speed: 0 is paused. */
export type Speed = 0 | 1 | 2 | 5 | 10

export type Locale = 'en' | 'zh-CN'
export type Theme = 'light' | 'dark'

/** One terminal tab: its own shell (and nested sessions: `kubectl exec -it`), sharing the machine. */
export interface TerminalTab {
  id: string
  title: string
  /** The session the next line goes to (the host shell, or a container shell opened by exec/run -it). */
  current(): ShellSession
  /** Runs one line as if typed (echoing it and its output into this tab); resolves with the exit code. */
  run(line: string): Promise<number>
  /** Ctrl-C: cancels what is running in this tab (a `-w`, `rollout status`, `sleep`, an exec session). */
  interrupt(): void
  /** The tab's command history, oldest first (↑/↓, Ctrl-R, `history`). */
  history(): readonly string[]
  /** Output the tab produced, in order, for a terminal to write (with ANSI colours where the tools use them). */
  onOutput(listener: (chunk: { stream: 'stdout' | 'stderr'; text: string }) => void): () => void
  /** Tab completion candidates (commands, kubectl verbs/kinds/names/flags, file names). */
  complete(line: string, cursor: number): string[]
}

/** Everything one student's session is: the cluster, the machine's files, the terminals, the clock. */
export interface Workspace {
  readonly sim: Simulation
  /** The student's machine (root@k8s-master): files written in the terminal and in the editor. */
  readonly fs: MemFs
  /** Bumped whenever `fs` changes (the editor reloads an open file that the terminal rewrote). */
  fsVersion(): number
  /** How shells wait: in the browser, waits resolve as the simulated clock moves. */
  readonly time: TimeControl
  terminals(): readonly TerminalTab[]
  openTerminal(): TerminalTab
  closeTerminal(id: string): void
  /** Runs a command without showing it (the cluster view's describe / -o yaml), captured. */
  capture(line: string): Promise<{ stdout: string; stderr: string; exitCode: number }>
  speed(): Speed
  setSpeed(speed: Speed): void
  /** "Skip until settled": lets the cluster finish reacting at once. */
  skipUntilSettled(): void
  /** Advances the simulated clock by `realMs * speed` (the app's animation frame calls this). */
  frame(realMs: number): void
  /** Persists now (also done automatically, debounced, after changes). */
  save(): Promise<void>
  /** A fresh cluster and machine (keeps UI preferences). */
  reset(): Promise<void>
  /** Called after the cluster or the files changed. */
  subscribe(listener: () => void): () => void
}

/** What the views read from the store (zustand; one store made by createAppStore(deps)). */
export interface AppState {
  workspace: Workspace
  /** The simulation's latest immutable snapshot (a reference, never a copy). */
  snapshot: ClusterSnapshot
  fsVersion: number
  speed: Speed
  /** Simulated time now (ms since the epoch). */
  now: number
  theme: Theme
  locale: Locale
  /** The file open in the YAML editor (a path on the student's machine), if any. */
  openFile: string | undefined
  /** The object selected in the cluster view: shows its YAML, describe output and events. */
  selected: { kind: string; namespace: string; name: string } | undefined
  activeTerminal: string | undefined
  /** A problem found while loading the saved session (reported, then replaced by a fresh one). */
  notice: string | undefined
}

/** Cross-part actions (plain functions over the store, web/state/actions.ts). */
export interface AppActions {
  openFile(path: string): void
  select(ref: AppState['selected']): void
  setTheme(theme: Theme): void
  setLocale(locale: Locale): void
  setSpeed(speed: Speed): void
  /** Runs a line in the active terminal as if typed (the editor's Apply: `kubectl apply -f web.yaml`). */
  runInTerminal(line: string): Promise<number>
  dismissNotice(): void
}
