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

  it('behaves as the replayed writes do through later changes (copy on write)', () => {
    const laid = new MemFs()
    laid.lay(MemFs.template(dirs, files), 42_000)
    const want = replayed(42_000)
    const steps: ((fs: MemFs) => unknown)[] = [
      (fs) => fs.writeFile('/etc/nginx/nginx.conf', 'http {}\n', 50_000),
      (fs) => fs.writeFile('/etc/nginx/conf.d/default.conf', 'server {}\n', 51_000),
      (fs) => fs.remove('/usr/share/nginx', { recursive: true }),
      (fs) => fs.writeFile('/usr/share/nginx/html/index.html', 'back\n', 52_000),
      (fs) => fs.remove('/etc/hostname'),
      (fs) => fs.writeFile('/etc/hostname', 'web-0\n', 53_000),
      (fs) => fs.mkdir('/tmp/x', 54_000),
      (fs) => {
        const e = fs.stat('/var/log/nginx')
        return e && { ...e }
      },
      (fs) => fs.writeFile('/etc/nginx/nginx.conf', 'more\n', 55_000, { append: true }),
      (fs) => fs.readdir('/etc'),
      (fs) => fs.walk('/etc'),
    ]
    for (const step of steps) {
      expect(step(laid)).toEqual(step(want))
      expect(Object.entries(laid.export())).toEqual(Object.entries(want.export()))
      expect(laid.walk()).toEqual(want.walk())
      expect(laid.readdir('/')).toEqual(want.readdir('/'))
      expect(laid.version).toBe(want.version)
    }
  })

  it('keeps a mode set on one file system’s laid entry to that file system', () => {
    const t = MemFs.template(dirs, files)
    const a = new MemFs()
    const b = new MemFs()
    a.lay(t, 1000)
    b.lay(t, 1000)
    const e = a.stat('/etc/nginx/nginx.conf')
    if (e?.type === 'file') e.mode = 0o755
    expect(a.stat('/etc/nginx/nginx.conf')).toMatchObject({ mode: 0o755 })
    expect(b.stat('/etc/nginx/nginx.conf')).not.toHaveProperty('mode')
    expect(a.export()['/etc/nginx/nginx.conf']).toMatchObject({ mode: 0o755 })
  })

  it('refuses a file system that already holds something', () => {
    const fs = MemFs.from({ '/x': 'y' })
    expect(() => fs.lay(MemFs.template(dirs, files), 0)).toThrow(/not empty/)
  })
})
