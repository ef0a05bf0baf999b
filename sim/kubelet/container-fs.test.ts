import { describe, expect, it } from 'vitest'
import { MemFs } from '../storage/memfs'
import { MountedFs } from './container-fs'

function setup() {
  const root = MemFs.from({ '/usr/share/nginx/html/index.html': 'image page', '/etc/hosts': '' })
  const pv = MemFs.from({ '/index.html': 'pv page', '/sub/file.txt': 'in sub' })
  const files = MemFs.from({ '/etc-hosts': 'hosts file' })
  const cm = MemFs.from({ '/nginx.conf': 'conf' })
  const fs = new MountedFs(
    root,
    [
      { path: '/usr/share/nginx/html', fs: pv, subPath: '/', readOnly: false },
      { path: '/data', fs: pv, subPath: '/sub', readOnly: false },
      { path: '/etc/hosts', fs: files, subPath: '/etc-hosts', readOnly: false, file: true },
      { path: '/etc/nginx/conf.d', fs: cm, subPath: '/', readOnly: true },
    ],
    () => 0,
  )
  return { root, pv, fs }
}

describe('a container file system with mounts', () => {
  it('resolves a path to the longest matching mount', () => {
    const { fs } = setup()
    expect(fs.readFile('/usr/share/nginx/html/index.html')).toBe('pv page')
    expect(fs.readFile('/etc/hosts')).toBe('hosts file')
  })

  it('shows a subPath mount as the volume directory it names', () => {
    const { fs } = setup()
    expect(fs.readdir('/data')).toEqual(['file.txt'])
  })

  it('writes into the volume, not the layer', () => {
    const { fs, pv, root } = setup()
    fs.writeFile('/data/new.txt', 'x')
    expect(pv.readFile('/sub/new.txt')).toBe('x')
    expect(root.exists('/data/new.txt')).toBe(false)
  })

  it('lists mount points in their parent directory', () => {
    const { fs } = setup()
    expect(fs.readdir('/')).toContain('data')
    expect(fs.isDir('/etc/nginx')).toBe(true)
  })

  it('refuses writes to a read-only mount and removal of a mount point', () => {
    const { fs } = setup()
    expect(() => fs.writeFile('/etc/nginx/conf.d/x', 'y')).toThrow(/EROFS/)
    expect(() => fs.remove('/data', { recursive: true })).toThrow(/EBUSY/)
  })

  it('changes its fingerprint when any mounted volume changes', () => {
    const { fs, pv } = setup()
    const before = fs.fingerprint()
    pv.writeFile('/other', 'z')
    expect(fs.fingerprint()).not.toBe(before)
  })
})
