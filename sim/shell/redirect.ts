// Redirections, applied left to right on a small descriptor table as bash does in the child process:
// `> f 2>&1` sends both streams to f, `2>&1 > f` only stdout. Files are opened (and truncated) before
// the command runs, so `cat f > f` reads an empty file, as in bash.

import type { Redir } from './ast'
import { expandFields, expandHeredoc, expandString, ExpandError, type ExpandContext } from './expand'
import { AbortSignal, type Input, type Io, type Sink } from './io'
import { dirname, FsError, normalizePath, type FsErrorCode } from '../storage/memfs'
import type { ShellState } from './state'
import { writeKeepingMode } from './commands/files'

type Fd = { kind: 'out'; sink: Sink; tty: boolean } | { kind: 'in'; input: Input | null } | { kind: 'closed' }

const discard: Sink = () => {}

export async function applyRedirs(redirs: readonly Redir[], io: Io, state: ShellState, ctx: ExpandContext): Promise<Io | undefined> {
  if (!redirs.length) return io
  const fds = new Map<number, Fd>([
    [0, { kind: 'in', input: io.stdin }],
    [1, { kind: 'out', sink: io.out, tty: io.outTty }],
    [2, { kind: 'out', sink: io.err, tty: false }],
  ])
  const { fs, dialect } = state.env
  const report = (message: string) => {
    const e = fds.get(2)
    if (e?.kind === 'out') e.sink(`${state.diag()}${message}\n`)
    return undefined
  }
  const target = async (r: Redir): Promise<string | undefined> => {
    const fields = await expandFields(r.target, ctx)
    if (fields.length !== 1) return void report(`${r.target.raw}: ambiguous redirect`)
    return fields[0]
  }
  const openWrite = (name: string, append: boolean): Fd | undefined => {
    if (name === '/dev/null') return { kind: 'out', sink: discard, tty: false }
    if (name === '/dev/stdout') return fds.get(1)
    if (name === '/dev/stderr') return fds.get(2)
    const path = normalizePath(name, state.cwd)
    const fail = (code: FsErrorCode) => void report(dialect.redirError(name, code, true))
    const entry = fs.stat(path)
    if (entry?.type === 'dir') return fail('EISDIR')
    const parent = fs.stat(dirname(path))
    if (!parent) return fail('ENOENT')
    if (parent.type !== 'dir') return fail('ENOTDIR')
    const now = state.env.sim.now()
    try {
      if (!append || !entry) writeKeepingMode(fs, path, '', now)
    } catch (e) {
      if (e instanceof FsError) return fail(e.code)
      throw e
    }
    return { kind: 'out', sink: (t) => t && writeKeepingMode(fs, path, t, state.env.sim.now(), true), tty: false }
  }
  try {
    for (const r of redirs) {
      const fd = r.fd ?? (r.op[0] === '<' ? 0 : 1)
      switch (r.op) {
        case '<':
        case '<>': {
          const name = await target(r)
          if (name === undefined) return undefined
          if (name === '/dev/null') {
            fds.set(fd, { kind: 'in', input: { text: '', pos: 0 } })
            break
          }
          const path = normalizePath(name, state.cwd)
          const entry = fs.stat(path)
          if (!entry && r.op === '<>') fs.writeFile(path, '', state.env.sim.now())
          else if (!entry) return report(dialect.redirError(name, 'ENOENT', false))
          else if (entry.type === 'dir') return report(dialect.redirError(name, 'EISDIR', false))
          fds.set(fd, { kind: 'in', input: { text: fs.readFile(path), pos: 0 } })
          break
        }
        case '>':
        case '>|':
        case '>>':
        case '&>':
        case '&>>': {
          const name = await target(r)
          if (name === undefined) return undefined
          const opened = openWrite(name, r.op.endsWith('>>'))
          if (!opened) return undefined
          if (r.op[0] === '&') {
            fds.set(1, opened)
            fds.set(2, opened)
          } else fds.set(fd, opened)
          break
        }
        case '>&':
        case '<&': {
          const name = await target(r)
          if (name === undefined) return undefined
          if (name === '-') fds.set(fd, { kind: 'closed' })
          else if (/^[0-9]+$/.test(name)) {
            const from = fds.get(Number(name))
            if (!from || from.kind === 'closed') return report(`${name}: Bad file descriptor`)
            fds.set(fd, from)
          } else if (r.op === '>&' && r.fd === undefined) {
            const opened = openWrite(name, false)
            if (!opened) return undefined
            fds.set(1, opened)
            fds.set(2, opened)
          } else return report(`${r.target.raw}: ambiguous redirect`)
          break
        }
        case '<<':
        case '<<-': {
          const doc = r.heredoc!
          const text = doc.quoted ? doc.body : await expandHeredoc(doc.body, ctx)
          fds.set(fd, { kind: 'in', input: { text, pos: 0 } })
          break
        }
        case '<<<': {
          const text = (await expandString(r.target, ctx)) + '\n'
          fds.set(fd, { kind: 'in', input: { text, pos: 0 } })
          break
        }
      }
    }
  } catch (e) {
    if (!(e instanceof ExpandError)) throw e
    report(e.message)
    throw new AbortSignal(1)
  }
  const out = fds.get(1)
  const err = fds.get(2)
  const inp = fds.get(0)
  return {
    ...io,
    stdin: inp?.kind === 'in' ? inp.input : { text: '', pos: 0 },
    out: out?.kind === 'out' ? out.sink : discard,
    outTty: out?.kind === 'out' ? out.tty : false,
    err: err?.kind === 'out' ? err.sink : discard,
  }
}
