// The editor's per-workspace state: unsaved buffers kept with the session, and a new machine (Reset)
// starting clean.

import { describe, expect, it } from 'vitest'
import { MemFs } from '../../sim'
import type { Workspace } from '../state/contract'
import { edit, ensureOpen } from './buffers'
import { editorStoreFor } from './editor-store'

function fakeWorkspace() {
  const extras = new Map<string, unknown>()
  const ws = { fs: MemFs.from({ '/root/web.yaml': 'a: 1\n' }), extra: (k: string) => extras.get(k), setExtra: (k: string, v: unknown) => extras.set(k, v) }
  return { ws, workspace: ws as unknown as Workspace, extras }
}

describe('editorStoreFor', () => {
  it('keeps unsaved text with the session', () => {
    const { workspace, extras } = fakeWorkspace()
    editorStoreFor(workspace).update((b) => edit(ensureOpen(b, '/root/web.yaml', 'a: 1\n'), '/root/web.yaml', 'a: 2\n'))
    expect(extras.get('editor')).toEqual({ unsaved: [{ path: '/root/web.yaml', text: 'a: 2\n', base: 'a: 1\n' }] })
  })

  it('brings unsaved text back for a restored session', () => {
    const { workspace, extras } = fakeWorkspace()
    extras.set('editor', { unsaved: [{ path: '/root/web.yaml', text: 'a: 2\n', base: 'a: 1\n' }] })
    expect(editorStoreFor(workspace).buffers().get('/root/web.yaml')?.text).toBe('a: 2\n')
  })

  it('drops buffers and releases waiting commands when the machine is replaced', async () => {
    const { ws, workspace } = fakeWorkspace()
    const store = editorStoreFor(workspace)
    store.update((b) => edit(ensureOpen(b, '/root/web.yaml', 'a: 1\n'), '/root/web.yaml', 'a: 2\n'))
    const waiting = store.sessions.edit('/root/web.yaml', 'a: 1\n')
    ws.fs = new MemFs()
    store.followMachine()
    expect([store.buffers().size, await waiting]).toEqual([0, undefined])
  })
})
