import { describe, expect, it } from 'vitest'
import { MemFs, normalizePath } from './memfs'

describe('normalizePath', () => {
  it.each([
    ['/', '/', '/'],
    ['/etc/nginx', '/', '/etc/nginx'],
    ['/etc/nginx/', '/', '/etc/nginx'],
    ['//etc//nginx', '/', '/etc/nginx'],
    ['/etc/./nginx', '/', '/etc/nginx'],
    ['/etc/nginx/.', '/', '/etc/nginx'],
    ['/etc/nginx/..', '/', '/etc'],
    ['/etc/../..', '/', '/'],
    ['/a/../b/./c/', '/', '/b/c'],
    ['/.hidden/..dots/...', '/', '/.hidden/..dots/...'],
    ['notes.txt', '/root', '/root/notes.txt'],
    ['../tmp', '/root', '/tmp'],
    ['.', '/root', '/root'],
    ['', '/root', '/root'],
  ])('%j in %j is %j', (path, cwd, want) => {
    expect(normalizePath(path, cwd)).toBe(want)
  })
})

describe('a template laid into a file system', () => {
  const dirs = ['/var/log/nginx', '/tmp']
  const files = { '/etc/nginx/nginx.conf': 'events {}\n', '/usr/share/nginx/html/index.html': 'hello\n', '/etc/hostname': '' }

  function replayed(now: number): MemFs {
    const fs = new MemFs()
    for (const d of dirs) fs.mkdirp(d, now)
    for (const [p, c] of Object.entries(files)) fs.writeFile(p, c, now)
    return fs
  }

  it('makes the entries, order and version the writes make', () => {
    const laid = new MemFs()
    laid.lay(MemFs.template(dirs, files), 42_000)
    const want = replayed(42_000)
    expect(Object.entries(laid.export())).toEqual(Object.entries(want.export()))
    expect(laid.version).toBe(want.version)
  })

  it('gives each file system its own entries', () => {
    const t = MemFs.template(dirs, files)
    const a = new MemFs()
    const b = new MemFs()
    a.lay(t, 1000)
    b.lay(t, 2000)
    a.writeFile('/etc/nginx/nginx.conf', 'changed')
    a.remove('/tmp')
    expect(b.readFile('/etc/nginx/nginx.conf')).toBe('events {}\n')
    expect(b.isDir('/tmp')).toBe(true)
    expect(b.stat('/etc/hostname')?.mtime).toBe(2000)
    const c = new MemFs()
    c.lay(t, 3000)
    expect(c.readFile('/etc/nginx/nginx.conf')).toBe('events {}\n')
  })

  it('refuses a file system that already holds something', () => {
    const fs = MemFs.from({ '/x': 'y' })
    expect(() => fs.lay(MemFs.template(dirs, files), 0)).toThrow(/not empty/)
  })
})
