// The line the Apply button types into the terminal: the same `kubectl apply -f <file>` a student
// would type, so the terminal shows the real command and its output (DESIGN.md §1).

/** Quotes a word for bash only when it needs it (`web.yaml` stays bare, `my file.yaml` gets quotes). */
export function shellWord(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_./:@%+=,-]+$/.test(word)) return word
  return `'${word.replace(/'/g, `'\\''`)}'`
}

/** The path as the student would type it: relative when the file is under the shell's cwd. */
export function pathForShell(path: string, cwd: string | undefined): string {
  if (cwd !== undefined) {
    const prefix = cwd === '/' ? '/' : cwd + '/'
    if (path.startsWith(prefix) && path.length > prefix.length) return path.slice(prefix.length)
  }
  return path
}

export function applyCommand(path: string, cwd: string | undefined): string {
  return `kubectl apply -f ${shellWord(pathForShell(path, cwd))}`
}

/**
 * The working directory of a shell session, when it tells. The contract's ShellSession has no cwd;
 * the host shell (sim/shell/session.ts) keeps it in `state.cwd`. Unknown means Apply uses the
 * absolute path, which is right from any directory.
 */
export function sessionCwd(session: unknown): string | undefined {
  const cwd = (session as { state?: { cwd?: unknown } } | undefined)?.state?.cwd
  return typeof cwd === 'string' && cwd.startsWith('/') ? cwd : undefined
}

/** The little of a terminal tab the Apply line depends on. */
export interface TabLike {
  id: string
  busy?(): boolean
  current(): unknown
}

/**
 * The directory Apply's line will run in. runInTerminal (web/state/actions.ts) uses the active tab
 * unless it is busy, then an idle tab, then a new one (whose shell starts in /root).
 */
export function applyCwd(tabs: readonly TabLike[], activeId: string | undefined, home: string): string | undefined {
  const idle = (t: TabLike) => !t.busy?.()
  const active = tabs.find((t) => t.id === activeId)
  const tab = active && idle(active) ? active : tabs.find(idle)
  return tab ? sessionCwd(tab.current()) : home
}
