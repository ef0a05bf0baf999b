// The editor's state for one workspace: its buffers and the EditorHook sessions of commands waiting
// on it. Kept per workspace rather than in the pane, so a pane re-mounted by a layout change keeps
// unsaved text and does not strand a `vi` that is waiting. Unsaved buffers are also stored with the
// session (workspace.setExtra), so a reload brings them back like an editor's hot exit.

import type { Workspace } from '../state/contract'
import { type Buffer, type Buffers, isDirty } from './buffers'
import { createEditorSessions, type EditorSessions } from './edit-sessions'

export interface EditorStore {
  readonly sessions: EditorSessions
  buffers(): Buffers
  update(change: (b: Buffers) => Buffers): void
  /**
   * After the workspace's files changed: a different machine (Reset, a restored session) drops the
   * buffers of the old one and releases the commands that were waiting, whose terminals are gone.
   */
  followMachine(): void
  subscribe(listener: () => void): () => void
}

const EXTRA_KEY = 'editor'

interface SavedEditor {
  unsaved: { path: string; text: string; base: string | null }[]
}

function restore(data: unknown): Buffers {
  const saved = data as Partial<SavedEditor> | undefined
  const out = new Map<string, Buffer>()
  for (const b of Array.isArray(saved?.unsaved) ? saved.unsaved : []) {
    if (typeof b?.path === 'string' && typeof b.text === 'string') out.set(b.path, { path: b.path, text: b.text, base: typeof b.base === 'string' ? b.base : undefined })
  }
  return out
}

function persisted(buffers: Buffers): SavedEditor {
  return { unsaved: [...buffers.values()].filter(isDirty).map((b) => ({ path: b.path, text: b.text, base: b.base ?? null })) }
}

function createEditorStore(workspace: Workspace): EditorStore {
  let buffers: Buffers = restore(workspace.extra(EXTRA_KEY))
  let saved = JSON.stringify(persisted(buffers))
  const listeners = new Set<() => void>()
  const sessions = createEditorSessions()
  let machine = workspace.fs
  const store: EditorStore = {
    sessions,
    buffers: () => buffers,
    followMachine() {
      if (workspace.fs === machine) return
      machine = workspace.fs
      for (const r of sessions.pending()) sessions.finish(r.id, undefined)
      store.update(() => new Map())
    },
    update(change) {
      const next = change(buffers)
      if (next === buffers) return
      buffers = next
      const data = persisted(buffers)
      const text = JSON.stringify(data)
      if (text !== saved) {
        saved = text
        workspace.setExtra(EXTRA_KEY, data)
      }
      for (const l of [...listeners]) l()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return store
}

const stores = new WeakMap<Workspace, EditorStore>()

export function editorStoreFor(workspace: Workspace): EditorStore {
  let s = stores.get(workspace)
  if (!s) {
    s = createEditorStore(workspace)
    stores.set(workspace, s)
  }
  return s
}
