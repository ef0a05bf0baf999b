// Runs a parsed script in a container: sequencing, loops, pipes, redirections, builtins, and the
// programs the image has. Time is virtual: `sleep` adds to the script's clock; a command that never
// ends (a daemon, `sleep infinity`, `while true`) makes the whole script a running process.

import { builtins, type Builtin } from './builtins'
import { applyRedirections } from './redirect'
import { expandFields, expandString, ExpansionError, type ExpandContext } from './expand'
import { isSingleCommand, parseScript, ShellSyntaxError, type Node } from './parse'
import { resolveCommand } from './resolve'
import type { Proc, RunResult, Serve, Sigterm, TimedText } from './types'

const MAX_LOOP_ITERATIONS = 200
const LOOP_HORIZON_MS = 24 * 3_600_000
const MAX_OUTPUT = 256 * 1024

/** Unwinds the interpreter when the script ends: `exit`, `exec`, or a command that keeps running. */
export class Stop {
  constructor(readonly status: number | 'running', readonly serve?: Serve, readonly sigterm?: Sigterm) {}
}
export class LoopControl {
  constructor(readonly kind: 'break' | 'continue', public levels: number) {}
}

export interface Sink {
  out(text: string): void
  err(text: string): void
}

export class Shell {
  status = 0
  ms = 0
  out = ''
  err = ''
  log = ''
  /** When the log's pieces were written (see RunResult.logTimes). */
  logTimes: TimedText[] = []
  sink: Sink
  /** The sink that writes into this shell's own output (redirections swap in others). */
  private readonly defaultOut = (t: string): void => this.write('out', t)
  private readonly defaultErr = (t: string): void => this.write('err', t)
  stdin: string | undefined
  stdinOpen: boolean
  cwd: string
  vars: Record<string, string>
  traps: Record<string, string> = {}
  background: RunResult[] = []
  errexit = false
  xtrace = false
  loopDepth = 0
  private conditionDepth = 0
  /** PIDs for children: PID 1's first child is 7 here (a container's own processes start low). */
  private nextPid: number

  constructor(
    readonly p: Proc,
    readonly name: string,
    public args: string[],
  ) {
    this.sink = { out: this.defaultOut, err: this.defaultErr }
    this.stdin = p.stdin
    this.stdinOpen = p.stdinOpen
    this.cwd = p.cwd
    this.vars = { ...p.vars }
    this.nextPid = p.pid + 6
  }

  private write(stream: 'out' | 'err', text: string, atMs = this.ms): void {
    if (this.log.length > MAX_OUTPUT || !text) return
    if (stream === 'out') this.out += text
    else this.err += text
    this.logAt(atMs, text)
  }

  /** Adds to the log, written `atMs` into this shell's life (one piece per instant). */
  private logAt(atMs: number, text: string): void {
    this.log += text
    const last = this.logTimes[this.logTimes.length - 1]
    if (last && last.ms === atMs) last.text += text
    else this.logTimes.push({ ms: atMs, text })
  }

  /** A finished child's output, at the times it wrote it (from `startMs` in this shell's time). */
  private takeOutput(r: Pick<RunResult, 'out' | 'err' | 'log' | 'logTimes'>, startMs: number): void {
    if (!r.logTimes) {
      this.write('out', r.out, startMs)
      this.write('err', r.err, startMs)
      return
    }
    // Interleaved as written; the streams are told apart only by totals (the log is what is timed).
    if (this.log.length > MAX_OUTPUT) return
    this.out += r.out
    this.err += r.err
    for (const t of r.logTimes) this.logAt(startMs + t.ms, t.text)
  }

  /** `sh: foo: not found` in this shell's dialect (busybox ash, dash with its line number, bash). */
  diag(message: string): string {
    const k = this.p.image.shell.kind
    if (k === 'dash') return `${this.name}: 1: ${message}\n`
    if (k === 'bash') return `${this.name}: line 1: ${message}\n`
    return `${this.name}: ${message}\n`
  }

  readonly ctx: ExpandContext = {
    param: (n) => this.param(n),
    setVar: (n, v) => {
      this.vars[n] = v
    },
    substitute: (src) => {
      const sub = this.subshell()
      sub.stdin = undefined
      const r = runParsed(sub, src, false)
      this.ms += r.ms
      this.write('err', r.err)
      return r.out
    },
  }

  param(n: string): string | undefined {
    if (n === '?') return String(this.status)
    if (n === '$') return String(this.p.pid)
    if (n === '0') return this.name
    if (n === '#') return String(this.args.length)
    if (n === '@' || n === '*') return this.args.join(' ')
    if (/^[1-9]$/.test(n)) return this.args[Number(n) - 1]
    if (n === 'PWD') return this.cwd
    return this.vars[n]
  }

  subshell(): Shell {
    const s = new Shell({ ...this.p, vars: this.vars, cwd: this.cwd, stdin: this.stdin, stdinOpen: this.stdinOpen }, this.name, [...this.args])
    s.traps = { ...this.traps }
    return s
  }

  eval(node: Node): void {
    switch (node.t) {
      case 'list':
        for (const item of node.items) {
          if (item.bg) this.runBackground(item.node)
          else this.eval(item.node)
        }
        return
      case 'and':
      case 'or':
        this.condition(node.left)
        if ((this.status === 0) === (node.t === 'and')) this.eval(node.right)
        return
      case 'pipe':
        return this.pipe(node.cmds, node.bang)
      case 'while':
        return this.loop(node)
      case 'for': {
        const items = node.items ? node.items.flatMap((w) => expandFields(w, this.ctx)) : this.args
        this.status = 0
        this.loopDepth++
        try {
          for (const item of items) {
            this.vars[node.name] = item
            if (this.loopBody(node.body) === 'break') break
          }
        } finally {
          this.loopDepth--
        }
        return
      }
      case 'if':
        for (const b of node.branches) {
          this.condition(b.cond)
          if (this.status === 0) return this.eval(b.body)
        }
        if (node.otherwise) this.eval(node.otherwise)
        else this.status = 0
        return
      case 'group':
        if (!node.subshell) return this.eval(node.body)
        return this.absorb(this.subshell(), (s) => s.eval(node.body))
      case 'simple':
        return this.simple(node, false)
    }
  }

  /** Runs a sub-shell to completion and takes over its output, time and status. */
  private absorb(sub: Shell, run: (s: Shell) => void): void {
    let running: Stop | undefined
    try {
      run(sub)
    } catch (e) {
      if (!(e instanceof Stop)) throw e
      if (e.status === 'running') running = e
      else sub.status = e.status
    }
    this.takeOutput(sub, this.ms)
    this.ms += sub.ms
    if (running) throw running
    this.status = sub.status
  }

  private condition(node: Node): void {
    this.conditionDepth++
    try {
      this.eval(node)
    } finally {
      this.conditionDepth--
    }
  }

  private loopBody(body: Node): 'break' | 'continue' | undefined {
    try {
      this.eval(body)
    } catch (e) {
      if (!(e instanceof LoopControl)) throw e
      if (e.levels > 1) {
        e.levels--
        throw e
      }
      return e.kind
    }
    return undefined
  }

  private loop(node: Node & { t: 'while' }): void {
    const constant = isConstantTrue(node.cond) && !node.until
    const start = this.ms
    let iterations = 0
    this.loopDepth++
    try {
      for (;;) {
        if (!constant) {
          this.condition(node.cond)
          if ((this.status === 0) === node.until) {
            this.status = 0
            return
          }
        }
        const logBefore = this.log.length
        const msBefore = this.ms
        if (this.loopBody(node.body) === 'break') return
        iterations++
        // `while true` (or a loop that will not end within a day): the body repeats for ever.
        if (constant || iterations >= MAX_LOOP_ITERATIONS || this.ms - start > LOOP_HORIZON_MS) {
          const lines = this.log.slice(logBefore).split('\n').filter((l, i, a) => i < a.length - 1 || l !== '')
          const everyMs = Math.max(this.ms - msBefore, 1000)
          throw new Stop('running', { listens: [], repeatLog: lines.length ? { everyMs, lines } : undefined })
        }
      }
    } finally {
      this.loopDepth--
    }
  }

  private pipe(cmds: Node[], bang: boolean): void {
    const savedSink = this.sink
    const savedStdin = this.stdin
    try {
      for (let i = 0; i < cmds.length; i++) {
        const last = i === cmds.length - 1
        let captured = ''
        if (!last) this.sink = { out: (t) => (captured += t), err: savedSink.err }
        else this.sink = savedSink
        this.eval(cmds[i])
        this.stdin = captured
      }
    } finally {
      this.sink = savedSink
      this.stdin = savedStdin
    }
    if (bang) this.status = this.status === 0 ? 1 : 0
  }

  private runBackground(node: Node): void {
    const sub = this.subshell()
    sub.stdin = undefined
    sub.stdinOpen = false
    const r = runNode(sub, node)
    this.background.push(r)
    this.write('out', r.out)
    this.write('err', r.err)
    this.status = 0
  }

  /**
   * Expands and runs a simple command; `exec` replaces the shell with it. 'implicit' is `sh -c`'s
   * exec of its only command, which does not apply to builtins (`sh -c 'exit 1'` runs the builtin).
   */
  simple(node: Node & { t: 'simple' }, exec: boolean | 'implicit'): void {
    let argv: string[]
    const temp: Record<string, string> = {}
    try {
      for (const [name, w] of node.assigns) temp[name] = expandString(w, this.ctx)
      argv = node.words.flatMap((w) => expandFields(w, this.ctx))
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e
      this.sink.err(this.diag(e.message))
      this.status = 2
      return
    }
    if (argv.length === 0) {
      Object.assign(this.vars, temp)
      if (!node.redirs.length) return
    }
    if (this.xtrace) this.sink.err(`+ ${argv.join(' ')}\n`)
    const undo = applyRedirections(this, node.redirs)
    if (!undo) {
      this.status = this.p.image.shell.kind === 'dash' ? 2 : 1
      return
    }
    try {
      if (argv.length) this.command(argv, temp, exec)
    } finally {
      undo()
    }
    if (this.errexit && this.status !== 0 && this.conditionDepth === 0) throw new Stop(this.status)
  }

  private command(argv: string[], temp: Record<string, string>, mode: boolean | 'implicit'): void {
    if (argv[0] === 'exec') {
      if (argv.length === 1) return
      return this.command(argv.slice(1), temp, true)
    }
    const builtin: Builtin | undefined = builtins[argv[0]]
    if (builtin && mode !== true) {
      this.status = builtin(argv, this)
      return
    }
    const exec = mode !== false
    const found = resolveCommand(argv[0], { ...this.p, vars: { ...this.vars, ...temp }, cwd: this.cwd })
    if (found.kind === 'missing') {
      const k = this.p.image.shell.kind
      const msg =
        found.reason === 'no-such-file' ? (k === 'bash' ? `${argv[0]}: No such file or directory` : `${argv[0]}: not found`) : k === 'bash' ? `${argv[0]}: command not found` : `${argv[0]}: not found`
      this.sink.err(this.diag(msg))
      this.status = 127
      if (exec) throw new Stop(127)
      return
    }
    const child: Proc = {
      ...this.p,
      vars: { ...this.vars, ...temp },
      cwd: this.cwd,
      stdin: this.stdin,
      stdinOpen: this.stdinOpen,
      pid: exec ? this.p.pid : this.nextPid++,
      main: exec && this.p.main,
    }
    const r =
      found.kind === 'program'
        ? this.p.image.programs[found.program](argv, child)
        : runScriptFile(found.path, argv.slice(1), child)
    const startedAt = this.ms
    if (this.sink.out === this.defaultOut && this.sink.err === this.defaultErr) this.takeOutput(r, startedAt)
    else {
      this.sink.out(r.out)
      this.sink.err(r.err)
    }
    this.ms += r.ms
    if (r.status === 'running') {
      const serve = r.serve && { ...r.serve, listenAfterMs: startedAt + (r.serve.listenAfterMs ?? 0) }
      // Unless it replaced the shell, the command runs as the shell's child: SIGTERM goes to the shell.
      throw new Stop('running', serve, exec ? r.sigterm : undefined)
    }
    this.status = r.status
    if (exec) throw new Stop(r.status, undefined, r.sigterm)
  }

}

function isConstantTrue(n: Node): boolean {
  if (n.t === 'list') return n.items.length === 1 && isConstantTrue(n.items[0].node)
  if (n.t !== 'simple' || n.words.length !== 1 || n.redirs.length) return false
  const w = n.words[0]
  return w.length === 1 && w[0].t === 'lit' && (w[0].v === 'true' || w[0].v === ':')
}

function finish(sh: Shell, status: number | 'running', serve?: Serve, sigterm?: Sigterm): RunResult {
  return { status, out: sh.out, err: sh.err, log: sh.log, logTimes: sh.logTimes, ms: sh.ms, serve, sigterm }
}

/** Runs a node to the end of the script, turning Stop into the result. */
export function runNode(sh: Shell, node: Node, execLast = false): RunResult {
  try {
    if (execLast && node.t === 'list' && isSingleCommand(node)) sh.simple(node.items[0].node as Node & { t: 'simple' }, 'implicit')
    else sh.eval(node)
  } catch (e) {
    if (e instanceof Stop) return finish(sh, e.status, e.serve, e.sigterm)
    if (e instanceof LoopControl) return finish(sh, sh.status)
    throw e
  }
  // A script that started jobs with `&` and ended: `wait` would have collected them.
  return finish(sh, sh.status)
}

/** Parses and runs script text in a shell; syntax errors end it with status 2 as sh does. */
export function runParsed(sh: Shell, src: string, execLast: boolean): RunResult {
  let node: Node
  try {
    node = parseScript(src)
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e
    const k = sh.p.image.shell.kind
    const msg = k === 'ash' ? e.message : k === 'dash' ? `Syntax error: ${e.message.replace(/^syntax error: /, '')}` : e.message
    sh.sink.err(sh.diag(msg))
    return finish(sh, 2)
  }
  return runNode(sh, node, execLast)
}

/** Runs an executable script file found on disk (ConfigMap-mounted scripts and the like). */
export function runScriptFile(path: string, args: string[], p: Proc): RunResult {
  const src = p.env.fs.readFile(path).replace(/^#![^\n]*\n/, '')
  const sh = new Shell(p, path, args)
  return runParsed(sh, src, false)
}
