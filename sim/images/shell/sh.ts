// The sh / bash program: `sh -c 'script' [name args...]`, `sh script.sh args`, or a shell reading stdin
// (which, with stdin closed as in most pods, reads EOF and exits 0 at once — busybox's CrashLoopBackOff).

import { normalizePath } from '../../storage/memfs'
import { runParsed, Shell } from './interp'
import { done, type Proc, type RunResult } from './types'

function usageError(argv0: string, p: Proc, what: string): RunResult {
  const k = p.image.shell.kind
  const msg = k === 'dash' ? `${argv0}: 0: ${what}\n` : k === 'bash' ? `${argv0}: -c: option requires an argument\n` : `${argv0}: ${what}\n`
  return done(2, '', msg)
}

export function shProgram(argv: readonly string[], p: Proc): RunResult {
  const argv0 = argv[0]
  let i = 1
  let command = false
  let errexit = false
  let xtrace = false
  for (; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      i++
      break
    }
    if (!/^[-+][a-zA-Z]+$/.test(a)) break
    if (a.includes('c')) command = true
    if (a.includes('e')) errexit = a[0] === '-'
    if (a.includes('x')) xtrace = a[0] === '-'
  }
  const start = (sh: Shell) => {
    sh.errexit = errexit
    sh.xtrace = xtrace
    return sh
  }
  if (command) {
    if (i >= argv.length) return usageError(argv0, p, '-c requires an argument')
    const script = argv[i]
    const name = argv[i + 1] ?? argv0
    const sh = start(new Shell(p, name, argv.slice(i + 2)))
    return runParsed(sh, script, p.image.shell.execsLastCommand)
  }
  if (i < argv.length) {
    const file = argv[i]
    let src: string
    try {
      src = p.env.fs.readFile(normalizePath(file, p.cwd))
    } catch {
      const k = p.image.shell.kind
      const msg = k === 'dash' ? `${argv0}: 0: cannot open ${file}: No such file\n` : k === 'bash' ? `${argv0}: ${file}: No such file or directory\n` : `${argv0}: can't open '${file}': No such file or directory\n`
      return done(k === 'bash' ? 127 : 2, '', msg)
    }
    const sh = start(new Shell(p, file, argv.slice(i + 1)))
    return runParsed(sh, src.replace(/^#![^\n]*\n/, ''), false)
  }
  // No script: commands come from stdin.
  if (p.stdin !== undefined && p.stdin !== '') return runParsed(start(new Shell(p, argv0, [])), p.stdin, false)
  if (p.stdinOpen) return { status: 'running', out: '', err: '', log: '', ms: 0, serve: { listens: [] } }
  return done(0)
}
