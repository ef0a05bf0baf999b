// Opening the workspace at start-up: continue the saved session when there is a good one; otherwise
// start a fresh cluster and say why (a notice the UI shows), keeping the unusable copy under another
// key for debugging. Whatever is in storage, this resolves with a working workspace.

import { parseSession, type SessionProblem } from './session-state'
import { createWorkspace, SESSION_KEY, type BrowserWorkspace, type WorkspaceOptions } from './workspace'

/** Where an unusable saved session is kept (the latest one only). */
export const BAD_SESSION_KEY = 'ordinal/session.bad'

export type LoadProblem = SessionProblem | 'unrestorable'

export interface OpenedWorkspace {
  workspace: BrowserWorkspace
  /** Why the saved session was not used (absent when there was none, or it loaded). */
  problem?: { kind: LoadProblem; detail: string }
}

export async function openWorkspace(opts: Omit<WorkspaceOptions, 'saved'>): Promise<OpenedWorkspace> {
  let raw: string | undefined
  try {
    raw = await opts.storage.get(SESSION_KEY)
  } catch {
    // Storage that cannot be read is storage with nothing in it; saving will report its own failure.
    raw = undefined
  }
  if (raw === undefined) return { workspace: createWorkspace(opts) }

  const parsed = parseSession(raw)
  let problem: OpenedWorkspace['problem']
  if (parsed.ok) {
    try {
      const workspace = createWorkspace({ ...opts, saved: parsed.session })
      // One frame at once: a state that restores but breaks the controllers fails here, not later.
      workspace.frame(0)
      workspace.sim.snapshot()
      return { workspace }
    } catch (e) {
      problem = { kind: 'unrestorable', detail: e instanceof Error ? e.message : String(e) }
    }
  } else problem = { kind: parsed.problem, detail: parsed.detail }

  try {
    await opts.storage.set(BAD_SESSION_KEY, raw)
  } catch {
    // Keeping the bad copy is a courtesy; failing to is not a reason to fail the start.
  }
  const workspace = createWorkspace(opts)
  await workspace.save()
  return { workspace, problem }
}
