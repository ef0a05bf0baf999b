// The store's slices: each owns its keys (no two slices write the same key). Work that spans slices
// (a reset clears the selection and picks a terminal) is in actions.ts, as plain functions.

import type { AppState, Locale, Theme, Workspace } from './contract'

/** What follows the workspace: cluster snapshot, files, clock, terminals. */
export type WorkspaceSlice = Pick<AppState, 'workspace' | 'snapshot' | 'fsVersion' | 'speed' | 'now' | 'terminals' | 'activeTerminal' | 'booting'>

/** The student's choices in the UI. */
export type UiSlice = Pick<AppState, 'theme' | 'locale' | 'openFile' | 'selected' | 'notice'>

/** Pane sizes (web/layout), by splitter id, as the fraction the first pane takes. */
export interface LayoutSlice {
  paneSizes: Readonly<Record<string, number>>
}

export type StoreState = AppState & LayoutSlice

export function workspaceSlice(ws: Workspace, active: string | undefined): WorkspaceSlice {
  const terminals = ws.terminals()
  return {
    workspace: ws,
    snapshot: ws.sim.snapshot(),
    fsVersion: ws.fsVersion(),
    speed: ws.speed(),
    now: ws.sim.now(),
    terminals,
    activeTerminal: terminals.some((t) => t.id === active) ? active : terminals[0]?.id,
    booting: (ws as { booting?(): boolean }).booting?.() ?? false,
  }
}

/** The workspace changed: what the views read from it now (the active tab stays if it still exists). */
export function followWorkspace(s: StoreState): Partial<WorkspaceSlice> {
  const ws = s.workspace
  const next = workspaceSlice(ws, s.activeTerminal)
  // Unchanged values keep their identity, so selectors on them do not re-render.
  const out: Partial<WorkspaceSlice> = {}
  if (next.snapshot !== s.snapshot) out.snapshot = next.snapshot
  if (next.fsVersion !== s.fsVersion) out.fsVersion = next.fsVersion
  if (next.speed !== s.speed) out.speed = next.speed
  if (next.now !== s.now) out.now = next.now
  if (next.terminals.length !== s.terminals.length || next.terminals.some((t, i) => t !== s.terminals[i])) out.terminals = next.terminals
  if (next.activeTerminal !== s.activeTerminal) out.activeTerminal = next.activeTerminal
  if (next.booting !== s.booting) out.booting = next.booting
  return out
}

export function uiSlice(prefs: { theme: Theme; locale: Locale }, notice: string | undefined): UiSlice {
  return { theme: prefs.theme, locale: prefs.locale, openFile: undefined, selected: undefined, notice }
}

export function layoutSlice(sizes: Record<string, number>): LayoutSlice {
  return { paneSizes: { ...sizes } }
}
