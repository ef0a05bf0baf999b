// The EditorHook the workspace hands to shells (sim/shell/types.ts): `vi web.yaml`, `nano`, and
// `kubectl edit sts web` (through $EDITOR, sim/kubectl/mutate/editor.ts) call `edit(path, content)`
// and wait, as the terminal waits for a real editor. The request shows up in the editor pane, which
// finishes it with the saved text (Save) or undefined (Cancel); the shell then writes the file.
// Plain data plus listeners, so it works without React and is tested under node.

import type { EditorHook } from '../../sim'

export interface EditRequest {
  readonly id: number
  /** Absolute path on the machine (a student's file, or kubectl edit's /tmp/kubectl-edit-*.yaml). */
  readonly path: string
  /** What the command handed over: the file's text when it was opened. */
  readonly content: string
}

export interface EditorSessions extends EditorHook {
  /** Open requests, oldest first. */
  pending(): readonly EditRequest[]
  /** The open request for a path, if a command is waiting on it. */
  forPath(path: string): EditRequest | undefined
  /** Ends a request: the saved text, or undefined to leave the file unchanged. */
  finish(id: number, saved: string | undefined): void
  /** Called when a request opens or ends. */
  subscribe(listener: () => void): () => void
}

export function createEditorSessions(): EditorSessions {
  let nextId = 1
  let requests: EditRequest[] = []
  const resolvers = new Map<number, (saved: string | undefined) => void>()
  const listeners = new Set<() => void>()
  const notify = () => {
    for (const l of [...listeners]) l()
  }

  return {
    edit(path, content) {
      const id = nextId++
      // A second `vi` of a file already being edited (another terminal tab) waits behind the first.
      requests = [...requests, { id, path, content }]
      const done = new Promise<string | undefined>((resolve) => resolvers.set(id, resolve))
      notify()
      return done
    },
    pending: () => requests,
    forPath: (path) => requests.find((r) => r.path === path),
    finish(id, saved) {
      const resolve = resolvers.get(id)
      if (!resolve) return
      resolvers.delete(id)
      requests = requests.filter((r) => r.id !== id)
      resolve(saved)
      notify()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
