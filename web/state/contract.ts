// The contract between the parts of the browser app. The app's foundation (web/workspace, web/state,
// web/layout, web/i18n, web/App.tsx) implements it; the terminal (web/terminal), the YAML editor
// (web/editor) and the cluster view (web/cluster) use it and nothing else of each other.
//
// Data flows one way (../shared/DESIGN.md): a keystroke -> the terminal's line editor -> a shell
// session of the simulation (sim/) -> kubectl -> the API server -> controllers -> a new snapshot ->
// the store -> the views render. The editor's Apply runs the same `kubectl apply -f <file>` in a
// terminal, so the student sees the real command and its output.

import type { ClusterSnapshot, Simulation } from '../../sim'
import type { EditorHook, ShellSession, TimeControl } from '../../sim/shell/types'
import type { MemFs } from '../../sim/storage/memfs'

/** Simulated-time speed: 0 is paused. */
export type Speed = 0 | 1 | 2 | 5 | 10

export type Locale = 'en' | 'zh-CN'
export type Theme = 'light' | 'dark'

/** One piece of a tab's output. */
export type OutputListener = (chunk: { stream: 'stdout' | 'stderr'; text: string }) => void

export interface RunOptions {
  /**
   * Whether the tab writes the prompt and the line into its output first (default true: the editor's
   * Apply, runInTerminal). The terminal passes false for lines its line editor already shows.
   */
  echo?: boolean
}

/** A line starting or finishing in a tab, whoever sent it: the terminal redraws its prompt after 'end'. */
export type TabActivity = { type: 'start'; line: string; echo: boolean } | { type: 'end'; exitCode: number }

/** One terminal tab: its own shell (and nested sessions: `kubectl exec -it`), sharing the machine. */
export interface TerminalTab {
  id: string
  title: string
  /** The session the next line goes to (the host shell, or a container shell opened by exec/run -it). */
  current(): ShellSession
  /** True while `current()` is a container shell opened from the host shell (Ctrl-D ends it, not the tab). */
  nested(): boolean
  /**
   * Runs one line as if typed (echoing it and its output into this tab); resolves with the exit code.
   * Lines run one at a time, in the order sent; a line sent while another runs waits for it.
   */
  run(line: string, opts?: RunOptions): Promise<number>
  /** True while a line runs or waits to run (the terminal shows no prompt meanwhile). */
  busy(): boolean
  /** Ctrl-C: cancels what is running in this tab (a `-w`, `rollout status`, `sleep`, an exec session). */
  interrupt(): void
  /** The tab's command history, oldest first (↑/↓, Ctrl-R, `history`). */
  history(): readonly string[]
  /**
   * Output the tab produced, in order, for a terminal to write (with ANSI colours where the tools use them).
   * With `replay` the listener first gets the output so far (the last 256 KB): a re-mounted terminal redraws.
   */
  onOutput(listener: OutputListener, opts?: { replay?: boolean }): () => void
  /** Lines starting and ending in this tab, from any source. */
  onActivity(listener: (e: TabActivity) => void): () => void
  /** The terminal's width in columns changed (`ls`, `watch` and kubectl lay out for it). */
  resize(columns: number): void
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
  /**
   * The YAML editor installs the EditorHook that `vi`, `nano` and `kubectl edit` use; a shell that asks
   * before one is installed waits for it. undefined uninstalls.
   */
  setEditor(hook: EditorHook | undefined): void
  /** Saved with the session (lab progress, say), keyed by part; a fresh workspace has none. */
  extra(key: string): unknown
  /** Stores a part's data with the session (saved, debounced, like everything else). */
  setExtra(key: string, data: unknown): void
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
  /**
   * A problem found while loading the saved session (reported, then replaced by a fresh one): an i18n
   * message key of web/i18n (`notice.corrupt`, `notice.outdated`, `notice.unrestorable`).
   */
  notice: string | undefined
  /** The workspace's terminal tabs (a new array whenever one opens or closes). */
  terminals: readonly TerminalTab[]
  /**
   * True for the moment (well under a second) between the page drawing and the simulator's code having
   * loaded: the terminal takes typing and runs the lines once it is there; `workspace.sim` only tells
   * the time and the last known snapshot meanwhile. The editor and the cluster view mount after it.
   */
  booting: boolean
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
  /** Opens a terminal tab and makes it the active one. */
  openTerminal(): TerminalTab
  /** Closes a tab (the last one is replaced by a fresh tab: there is always a terminal). */
  closeTerminal(id: string): void
  setActiveTerminal(id: string): void
  skipUntilSettled(): void
  /** A fresh cluster and machine; preferences stay. */
  reset(): Promise<void>
}

/**
 * How the parts reach the store (web/state/hooks.ts): `useApp(selector)` reads AppState, `useActions()`
 * gives AppActions. The panes are `TerminalPane` (web/terminal/TerminalPane.tsx) and `EditorPane`
 * (web/editor/EditorPane.tsx), named exports taking no props. The terminal calls `markTerminalReady()`
 * (web/state/ready.ts) once its first prompt is drawn and it takes input (the start-up benchmark).
 */
