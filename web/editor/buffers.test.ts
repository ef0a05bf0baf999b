// The editor's buffers against the machine's files: what the student sees after typing in the
// editor, saving, and rewriting the file in the terminal.

import { describe, expect, it } from 'vitest'
import { MemFs } from '../../sim'
import { isManifestPath, diskState, edit, ensureOpen, isDirty, markSaved, newFilePath, readText, revert, saveFile, studentFiles, syncWithDisk, tabLabel, type Buffers } from './buffers'

const machine = () => MemFs.from({ '/root/web.yaml': 'kind: StatefulSet\n', '/root/.kube/config': 'x', '/root/.bash_history': '', '/root/lab/svc.yaml': 'kind: Service\n', '/etc/hostname': 'k8s-master\n' })
const open = (fs: MemFs, path: string): Buffers => ensureOpen(new Map(), path, readText(fs, path))

describe('buffers', () => {
  it('opens a file with the machine\'s text and no unsaved changes', () => {
    const b = open(machine(), '/root/web.yaml').get('/root/web.yaml')!
    expect([b.text, isDirty(b)]).toEqual(['kind: StatefulSet\n', false])
  })

  it('is dirty after typing and clean again after saving', () => {
    let bs = edit(open(machine(), '/root/web.yaml'), '/root/web.yaml', 'kind: Service\n')
    expect(isDirty(bs.get('/root/web.yaml')!)).toBe(true)
    bs = markSaved(bs, '/root/web.yaml', 'kind: Service\n')
    expect(isDirty(bs.get('/root/web.yaml')!)).toBe(false)
  })

  it('follows a file the terminal rewrote when there are no unsaved changes', () => {
    const fs = machine()
    const bs = open(fs, '/root/web.yaml')
    fs.writeFile('/root/web.yaml', 'kind: Pod\n')
    expect(syncWithDisk(bs, (p) => readText(fs, p)).get('/root/web.yaml')?.text).toBe('kind: Pod\n')
  })

  it('keeps unsaved changes when the terminal rewrote the file, and tells it changed', () => {
    const fs = machine()
    const bs = edit(open(fs, '/root/web.yaml'), '/root/web.yaml', 'mine\n')
    fs.writeFile('/root/web.yaml', 'kind: Pod\n')
    const b = syncWithDisk(bs, (p) => readText(fs, p)).get('/root/web.yaml')!
    expect([b.text, diskState(b, readText(fs, b.path))]).toEqual(['mine\n', 'changed'])
  })

  it('closes a clean buffer whose file was removed', () => {
    const fs = machine()
    const bs = open(fs, '/root/web.yaml')
    fs.remove('/root/web.yaml')
    expect(syncWithDisk(bs, (p) => readText(fs, p)).has('/root/web.yaml')).toBe(false)
  })

  it('keeps a dirty buffer whose file was removed, marked deleted', () => {
    const fs = machine()
    const bs = edit(open(fs, '/root/web.yaml'), '/root/web.yaml', 'mine\n')
    fs.remove('/root/web.yaml')
    const b = syncWithDisk(bs, (p) => readText(fs, p)).get('/root/web.yaml')!
    expect(diskState(b, undefined)).toBe('deleted')
  })

  it('reverts to the machine\'s text', () => {
    const fs = machine()
    const bs = revert(edit(open(fs, '/root/web.yaml'), '/root/web.yaml', 'mine\n'), '/root/web.yaml', readText(fs, '/root/web.yaml'))
    expect(bs.get('/root/web.yaml')?.text).toBe('kind: StatefulSet\n')
  })
})

describe('studentFiles', () => {
  it('lists files under /root without dot files and dot directories', () => {
    expect(studentFiles(machine())).toEqual(['/root/lab/svc.yaml', '/root/web.yaml'])
  })
})

describe('names', () => {
  it('treats .yaml, .yml and .json files as manifests and others as plain text', () => {
    expect(['web.yaml', 'a/B.YML', 'svc.json', 'run.sh', 'notes', 'web.yaml.bak'].map(isManifestPath)).toEqual([true, true, true, false, false, false])
  })

  it('labels files under /root by their relative path and others by their name', () => {
    expect([tabLabel('/root/lab/svc.yaml'), tabLabel('/tmp/kubectl-edit-1000.yaml')]).toEqual(['lab/svc.yaml', 'kubectl-edit-1000.yaml'])
  })

  it('puts a new file typed without a directory under /root', () => {
    expect([newFilePath('web.yaml'), newFilePath(' /tmp/x.yaml '), newFilePath('a/../b.yaml'), newFilePath('  ')]).toEqual(['/root/web.yaml', '/tmp/x.yaml', '/root/b.yaml', undefined])
  })
})

describe('saveFile', () => {
  it('writes the text and keeps the file\'s mode', () => {
    const fs = machine()
    const e = fs.stat('/root/web.yaml')
    if (e?.type === 'file') e.mode = 0o600
    saveFile(fs, '/root/web.yaml', 'kind: Pod\n', 5000)
    expect(fs.stat('/root/web.yaml')).toEqual({ type: 'file', content: 'kind: Pod\n', mtime: 5000, mode: 0o600 })
  })
})
