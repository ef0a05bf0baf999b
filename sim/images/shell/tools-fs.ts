// File tools with busybox's and GNU coreutils' own wording: cat, ls, mkdir, touch, rm, tail, head, grep.

import { dirname, FsError, normalizePath } from '../../storage/memfs'
import { lsTime } from '../time-format'
import { done, type Program, type Proc, type RunResult } from './types'

const bb = (p: Proc) => p.image.flavor === 'busybox'
const abs = (p: Proc, path: string) => normalizePath(path, p.cwd)

/** Splits `-abc` style flags from operands (a lone `-` and everything after `--` are operands). */
function flags(argv: readonly string[], counted = false): { f: Set<string>; ops: string[]; values: Record<string, string> } {
  const f = new Set<string>()
  const ops: string[] = []
  const values: Record<string, string> = {}
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      ops.push(...argv.slice(i + 1))
      break
    }
    if (a.startsWith('-') && a.length > 1) {
      // head/tail: -n N, -nN and the old -N.
      if (counted && a === '-n' && argv[i + 1] !== undefined) values.n = argv[++i]
      else if (counted && /^-n\d+$/.test(a)) values.n = a.slice(2)
      else if (counted && /^-\d+$/.test(a)) values.n = a.slice(1)
      else for (const c of a.slice(1)) f.add(c)
    } else ops.push(a)
  }
  return { f, ops, values }
}

function readOrError(p: Proc, name: string, prog: string): string | { error: string } {
  const path = abs(p, name)
  try {
    return p.env.fs.readFile(path)
  } catch (e) {
    const dir = e instanceof FsError && e.code === 'EISDIR'
    if (bb(p)) return { error: dir ? `${prog}: read error: Is a directory` : `${prog}: can't open '${name}': No such file or directory` }
    return { error: `${prog}: ${name}: ${dir ? 'Is a directory' : 'No such file or directory'}` }
  }
}

const cat: Program = (argv, p) => {
  const { ops } = flags(argv)
  if (!ops.length) {
    if (p.stdin === undefined && p.stdinOpen) return { ...done(0), status: 'running', serve: { listens: [] } }
    return done(0, p.stdin ?? '')
  }
  let out = ''
  let err = ''
  let status = 0
  for (const name of ops) {
    const r = name === '-' ? (p.stdin ?? '') : readOrError(p, name, 'cat')
    if (typeof r === 'string') out += r
    else {
      err += r.error + '\n'
      status = 1
    }
  }
  return done(status, out, err)
}

function longLine(p: Proc, dir: string, name: string, widths: [number, number]): string {
  const path = dir === '' ? abs(p, name) : normalizePath(`${dir}/${name}`)
  const isDir = p.env.fs.isDir(path)
  const size = isDir ? 4096 : new TextEncoder().encode(p.env.fs.readFile(path)).length
  const mode = isDir ? 'drwxr-xr-x' : '-rw-r--r--'
  const links = isDir ? 2 : 1
  const date = lsTime(p.env.now())
  if (bb(p)) return `${mode} ${String(links).padStart(4)} root     root     ${String(size).padStart(9)} ${date} ${name}`
  return `${mode} ${String(links).padStart(widths[0])} root root ${String(size).padStart(widths[1])} ${date} ${name}`
}

const ls: Program = (argv, p) => {
  const { f, ops } = flags(argv)
  const targets = ops.length ? ops : ['.']
  const fs = p.env.fs
  let out = ''
  let err = ''
  let status = 0
  const files: string[] = []
  const dirs: string[] = []
  for (const t of targets) {
    const path = abs(p, t)
    if (!fs.exists(path)) {
      err += bb(p) ? `ls: ${t}: No such file or directory\n` : `ls: cannot access '${t}': No such file or directory\n`
      status = bb(p) ? 1 : 2
    } else if (fs.isDir(path) && !f.has('d')) dirs.push(t)
    else files.push(t)
  }
  const render = (dir: string, names: string[]) => {
    if (!f.has('l')) return names.map((n) => n + '\n').join('')
    const base = dir === '' ? '' : abs(p, dir)
    const sizes = names.map((n) => {
      const path = base === '' ? abs(p, n) : normalizePath(`${base}/${n}`)
      return fs.isDir(path) ? 4096 : fs.readFile(path).length
    })
    const widths: [number, number] = [1, Math.max(1, ...sizes.map((s) => String(s).length))]
    const total = dir === '' || bb(p) ? '' : `total ${names.length * 4}\n`
    return total + names.map((n) => longLine(p, base, n, widths) + '\n').join('')
  }
  out += render('', files.sort())
  dirs.sort().forEach((d, i) => {
    let names = fs.readdir(abs(p, d))
    if (!f.has('a') && !f.has('A')) names = names.filter((n) => !n.startsWith('.'))
    if (f.has('a')) names = ['.', '..', ...names]
    if (targets.length > 1) out += `${i > 0 || files.length ? '\n' : ''}${d}:\n`
    out += render(d, names)
  })
  return done(status, out, err)
}

function fsError(p: Proc, prog: string, verbBb: string, verbGnu: string, name: string, e: unknown): string {
  const reason = e instanceof FsError ? { EEXIST: 'File exists', ENOENT: 'No such file or directory', ENOTDIR: 'Not a directory', EISDIR: 'Is a directory', EROFS: 'Read-only file system', ENOTEMPTY: 'Directory not empty', EBUSY: 'Resource busy' }[e.code] : String(e)
  return bb(p) ? `${prog}: ${verbBb.replace('%s', name)}: ${reason}\n` : `${prog}: ${verbGnu.replace('%s', name)}: ${reason}\n`
}

const mkdir: Program = (argv, p) => {
  const { f, ops } = flags(argv)
  let err = ''
  for (const d of ops) {
    try {
      p.env.fs.mkdir(abs(p, d), { parents: f.has('p') })
    } catch (e) {
      err += fsError(p, 'mkdir', "can't create directory '%s'", "cannot create directory '%s'", d, e)
    }
  }
  return done(err ? 1 : 0, '', err)
}

const touch: Program = (argv, p) => {
  let err = ''
  for (const name of flags(argv).ops) {
    const path = abs(p, name)
    try {
      if (!p.env.fs.isDir(dirname(path))) throw new FsError('ENOENT', path)
      if (!p.env.fs.exists(path)) p.env.fs.writeFile(path, '')
    } catch (e) {
      err += bb(p) ? fsError(p, 'touch', '%s', '', name, e) : fsError(p, 'touch', '', "cannot touch '%s'", name, e)
    }
  }
  return done(err ? 1 : 0, '', err)
}

const rm: Program = (argv, p) => {
  const { f, ops } = flags(argv)
  let err = ''
  for (const name of ops) {
    const path = abs(p, name)
    if (!p.env.fs.exists(path)) {
      if (!f.has('f')) err += bb(p) ? `rm: can't remove '${name}': No such file or directory\n` : `rm: cannot remove '${name}': No such file or directory\n`
      continue
    }
    if (p.env.fs.isDir(path) && !f.has('r') && !f.has('R')) {
      err += bb(p) ? `rm: '${name}' is a directory\n` : `rm: cannot remove '${name}': Is a directory\n`
      continue
    }
    try {
      p.env.fs.remove(path, { recursive: true })
    } catch (e) {
      err += fsError(p, 'rm', "can't remove '%s'", "cannot remove '%s'", name, e)
    }
  }
  return done(err ? 1 : 0, '', err)
}

function lastLines(text: string, n: number, fromStart: boolean): string {
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  const pick = fromStart ? lines.slice(0, n) : lines.slice(Math.max(0, lines.length - n))
  return pick.map((l) => l + '\n').join('')
}

function headTail(prog: 'head' | 'tail'): Program {
  return (argv, p) => {
    const { f, ops, values } = flags(argv, true)
    const n = parseInt(values.n ?? '10', 10)
    const follow = prog === 'tail' && (f.has('f') || f.has('F'))
    let out = ''
    let err = ''
    let ok = 0
    for (const name of ops) {
      if (name === '/dev/null') {
        ok++
        continue
      }
      const r = readOrError(p, name, prog)
      if (typeof r === 'string') {
        out += lastLines(r, n, prog === 'head')
        ok++
      } else err += bb(p) ? r.error + '\n' : `${prog}: cannot open '${name}' for reading: No such file or directory\n`
    }
    if (!ops.length) out = lastLines(p.stdin ?? '', n, prog === 'head')
    if (follow && ops.length && ok === 0) err += bb(p) ? 'tail: no files\n' : 'tail: no files remaining\n'
    if (follow && (ok > 0 || !ops.length)) return { status: 'running', out, err, log: out + err, ms: 0, serve: { listens: [] } }
    return done(err ? 1 : 0, out, err)
  }
}

const grep: Program = (argv, p): RunResult => {
  const { f, ops } = flags(argv)
  const [pattern, ...files] = ops
  if (pattern === undefined) return done(2, '', bb(p) ? 'BusyBox grep: pattern required\n' : "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n")
  let re: RegExp
  try {
    const src = f.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : f.has('E') ? pattern : pattern.replace(/\\([(){}|+?])/g, '$1')
    re = new RegExp(src, f.has('i') ? 'i' : '')
  } catch {
    re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  }
  let out = ''
  let err = ''
  let count = 0
  const scan = (text: string, label?: string) => {
    for (const line of text.split('\n').filter((l, i, a) => i < a.length - 1 || l !== '')) {
      if (re.test(line) !== f.has('v')) {
        count++
        if (!f.has('q') && !f.has('c')) out += (label ? `${label}:` : '') + line + '\n'
      }
    }
  }
  if (!files.length) scan(p.stdin ?? '')
  for (const name of files) {
    const r = readOrError(p, name, 'grep')
    if (typeof r === 'string') scan(r, files.length > 1 ? name : undefined)
    else if (!f.has('s')) err += `grep: ${name}: No such file or directory\n`
  }
  if (f.has('c')) out = `${count}\n`
  if (err && !count) return done(2, out, err)
  return done(count > 0 ? 0 : 1, f.has('q') ? '' : out, err)
}

export const fileTools: Record<string, Program> = { cat, ls, mkdir, touch, rm, tail: headTail('tail'), head: headTail('head'), grep }
