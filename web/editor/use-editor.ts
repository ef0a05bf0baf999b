// The editor pane's behaviour, apart from how it looks: which file is open, saving to the machine,
// Apply through the terminal, and the sessions of commands (`vi`, `kubectl edit`) waiting on a file.

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { useActions, useApp } from '../state/hooks'
import { applyCommand, applyCwd } from './apply-command'
import { type Buffer, close, diskState, edit, ensureOpen, HOME, isDirty, isManifestPath, markSaved, newFilePath, readText, revert, saveFile, studentFiles, syncWithDisk } from './buffers'
import { editorStoreFor } from './editor-store'
import type { EditRequest } from './edit-sessions'
import { kubectlYamlDiagnostic } from './kubectl-diagnostics'
import { editorStrings } from './strings'

/** The value once it has stopped changing for `ms` (kubectl's check runs after typing pauses). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(t)
  }, [value, ms])
  return settled
}

export function useEditor() {
  const workspace = useApp((s) => s.workspace)
  const fsVersion = useApp((s) => s.fsVersion)
  const openFile = useApp((s) => s.openFile)
  const activeTerminal = useApp((s) => s.activeTerminal)
  const theme = useApp((s) => s.theme)
  const locale = useApp((s) => s.locale)
  const actions = useActions()
  const t = useMemo(() => editorStrings(locale), [locale])
  const store = editorStoreFor(workspace)
  const { sessions } = store
  const buffers = useSyncExternalStore(store.subscribe, store.buffers)
  const requests = useSyncExternalStore(sessions.subscribe, sessions.pending)
  const [notice, setNotice] = useState<string | undefined>()
  const [focusTick, setFocusTick] = useState(0)
  const focus = () => setFocusTick((n) => n + 1)
  const [reveal, setReveal] = useState<{ line: number; tick: number } | undefined>()
  const read = useCallback((path: string) => readText(workspace.fs, path), [workspace])

  // `vi`, `nano` and `kubectl edit` wait for the editor: install it for this workspace's shells.
  useEffect(() => {
    workspace.setEditor(sessions)
    return () => workspace.setEditor(undefined)
  }, [workspace, sessions])

  // The terminal changed files: buffers without unsaved changes follow them.
  useEffect(() => {
    store.followMachine()
    store.update((b) => syncWithDisk(b, read))
  }, [store, read, fsVersion])

  // A command opened a file: show it, with the text the command handed over.
  const returnTo = useRef(new Map<number, string | undefined>())
  useEffect(() => {
    for (const r of requests) {
      if (returnTo.current.has(r.id)) continue
      returnTo.current.set(r.id, openFile === r.path ? undefined : openFile)
      store.update((b) => {
        const open = b.get(r.path)
        return open && isDirty(open) ? b : markSaved(b, r.path, r.content)
      })
      actions.openFile(r.path)
      setFocusTick((n) => n + 1)
    }
  }, [requests, openFile, store, actions])

  const files = useMemo(() => {
    void fsVersion
    const all = new Set([...studentFiles(workspace.fs), ...buffers.keys(), ...requests.map((r) => r.path)])
    return [...all].sort()
  }, [workspace, fsVersion, buffers, requests])

  const path = openFile !== undefined && files.includes(openFile) ? openFile : files[0]
  const disk = path === undefined ? undefined : read(path)
  const buffer: Buffer | undefined = path === undefined ? undefined : (buffers.get(path) ?? { path, text: disk ?? '', base: disk })
  const request = path === undefined ? undefined : requests.find((r) => r.path === path)
  const dirty = buffer !== undefined && (isDirty(buffer) || (buffer.base === undefined && disk === undefined && !request))
  const cwd = applyCwd(workspace.terminals(), activeTerminal, HOME)
  const command = path === undefined ? undefined : applyCommand(path, cwd)

  const settledText = useSettled(buffer?.text, 250)
  const diagnostic = useMemo(
    () =>
      path === undefined || settledText === undefined || settledText !== buffer?.text
        ? undefined
        : { path, diagnostic: isManifestPath(path) ? kubectlYamlDiagnostic(settledText) : undefined },
    [path, settledText, buffer?.text],
  )

  const change = useCallback((p: string, text: string) => store.update((b) => edit(ensureOpen(b, p, read(p)), p, text)), [store, read])

  /** After a command's session ends: a file outside /root (kubectl edit's temp file) closes. */
  const endSession = (r: EditRequest) => {
    const back = returnTo.current.get(r.id)
    returnTo.current.delete(r.id)
    if (!r.path.startsWith(HOME + '/')) {
      store.update((b) => close(b, r.path))
      if (back !== undefined) actions.openFile(back)
    }
  }

  /** Writes the buffer to the machine; false if it could not (a directory, a read-only file system). */
  const writeOut = (b: Buffer): boolean => {
    try {
      saveFile(workspace.fs, b.path, b.text, workspace.sim.now())
    } catch (e) {
      setNotice(`${b.path}: ${(e as Error).message}`)
      return false
    }
    // The workspace notices the machine changed on its next frame (fsVersion) and saves the session.
    store.update((bs) => markSaved(bs, b.path, b.text))
    return true
  }

  const save = () => {
    if (!buffer) return
    setNotice(undefined)
    if (request) {
      // The waiting command writes the file (as vi would) and carries on.
      store.update((bs) => markSaved(bs, buffer.path, buffer.text))
      sessions.finish(request.id, buffer.text)
      endSession(request)
      return
    }
    writeOut(buffer)
  }

  const cancel = () => {
    if (!request) return
    setNotice(undefined)
    sessions.finish(request.id, undefined)
    store.update((b) => revert(b, request.path, read(request.path)))
    endSession(request)
  }

  const escape = () => {
    if (!request) return
    // A vi habit is to press Esc all the time: never throw away typed text on Esc.
    if (buffer && isDirty(buffer)) setNotice(t.escDirty)
    else cancel()
  }

  const apply = () => {
    if (!buffer || !command || request) return
    if (dirty && !writeOut(buffer)) return
    // The directory now, not at the last render: the student may have typed `cd` since.
    void actions.runInTerminal(applyCommand(buffer.path, applyCwd(workspace.terminals(), activeTerminal, HOME)))
  }

  const reload = () => path !== undefined && store.update((b) => revert(b, path, read(path)))

  const createFile = (name: string): string | undefined => {
    const p = newFilePath(name)
    if (p === undefined) return t.badName
    const entry = workspace.fs.stat(p)
    if (entry?.type === 'dir') return t.nameExists(name)
    if (!entry) {
      try {
        saveFile(workspace.fs, p, '', workspace.sim.now())
      } catch (e) {
        return `${p}: ${(e as Error).message}`
      }
    }
    store.update((b) => ensureOpen(b, p, read(p)))
    actions.openFile(p)
    focus()
    return undefined
  }

  return {
    t,
    theme,
    files,
    buffers,
    path,
    buffer,
    dirty,
    request,
    disk: buffer ? diskState(buffer, disk) : ('same' as const),
    diagnostic,
    command,
    notice,
    focusTick,
    reveal,
    goToLine: (line: number) => setReveal((r) => ({ line, tick: (r?.tick ?? 0) + 1 })),
    open: (p: string) => {
      actions.openFile(p)
      focus()
    },
    change,
    save,
    cancel,
    escape,
    apply,
    reload,
    createFile,
  }
}

export type EditorController = ReturnType<typeof useEditor>
