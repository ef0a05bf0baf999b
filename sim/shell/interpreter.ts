// Runs parsed command lines: lists, `&&`/`||`, pipelines, compound commands and simple commands.
// A pipeline runs its members side by side, each in a subshell as in bash, joined by pipes; programs
// that read their input whole wait for the writer to finish (the simulated programs do not stream).

import type { AndOr, Command, List, Pipeline } from './ast'
import { expandFields, expandPattern, expandString, ExpandError, type ExpandContext } from './expand'
import { matchPattern } from './glob'
import { AbortSignal, CancelSignal, ExitSignal, LoopSignal, Pipe, ReturnSignal, type Io } from './io'
import { CancelSource } from './cancel'
import { applyRedirs } from './redirect'
import { runSimple } from './simple-command'
import type { ShellState } from './state'
import { startJob } from './jobs'

/** Loops yield to the host every so many iterations, so Ctrl-C can reach a `while true` loop. */
const YIELD_EVERY = 500

export class Interpreter {
  constructor(readonly state: ShellState) {}

  /** An interpreter for a subshell of this one. */
  fork(): Interpreter {
    return new Interpreter(this.state.fork())
  }

  /** Expansion hooks bound to this shell and the streams in use. */
  expandContext(io: Io): ExpandContext {
    const st = this.state
    return {
      lookup: (n) => st.get(n),
      assign: (n, v) => st.set(n, v),
      positional: () => st.positional,
      home: () => st.home(),
      cwd: () => st.cwd,
      fs: st.env.fs,
      subst: async (body) => {
        let out = ''
        const child = this.fork()
        const status = await child.runIsolated(body, { ...io, out: (t) => (out += t), outTty: false })
        // bash sets $? as soon as the substitution ends: `echo $(exit 3) $?` prints 3.
        st.substStatus = status
        st.status = status
        return out
      },
      procsub: async (body) => {
        // The output lands in a file under /dev/fd, as bash's /dev/fd/63 would read.
        let out = ''
        await this.fork().runIsolated(body, { ...io, out: (t) => (out += t), outTty: false })
        const fs = st.env.fs
        let n = 63
        while (fs.exists(`/dev/fd/${n}`) && n > 10) n--
        fs.writeFile(`/dev/fd/${n}`, out, st.env.sim.now())
        st.procFiles.push(`/dev/fd/${n}`)
        return `/dev/fd/${n}`
      },
    }
  }

  /** Runs a list in this (sub)shell and turns `exit` into its status. */
  async runIsolated(list: List, io: Io): Promise<number> {
    try {
      return await this.list(list, io)
    } catch (e) {
      if (e instanceof ExitSignal) return e.code
      if (e instanceof AbortSignal) return (this.state.status = e.status)
      if (e instanceof LoopSignal) return this.state.status
      throw e
    }
  }

  async list(list: List, io: Io): Promise<number> {
    for (const item of list.items) {
      if (item.background) {
        startJob(this, item, io)
        this.state.status = 0
        continue
      }
      await this.andOr(item.andOr, io)
    }
    return this.state.status
  }

  private async andOr(ao: AndOr, io: Io): Promise<number> {
    const st = this.state
    const parts = [ao.first, ...ao.rest.map((r) => r.pipeline)]
    let status = await this.tested(parts.length > 1, () => this.pipeline(ao.first, io))
    let last = 0
    for (let i = 0; i < ao.rest.length; i++) {
      if ((ao.rest[i].op === '&&') !== (status === 0)) continue
      last = i + 1
      status = await this.tested(last < parts.length - 1, () => this.pipeline(parts[last], io))
    }
    // set -e: only the last command of an && / || list counts, and never a negated one.
    if (st.errexit && status !== 0 && st.conditionDepth === 0 && last === parts.length - 1 && !parts[last].negate) throw new ExitSignal(status)
    return status
  }

  /** Runs something whose status is being tested (conditions), where set -e does not apply. */
  async tested<T>(isTest: boolean, run: () => Promise<T>): Promise<T> {
    if (!isTest) return run()
    this.state.conditionDepth++
    try {
      return await run()
    } finally {
      this.state.conditionDepth--
    }
  }

  private async pipeline(p: Pipeline, io: Io): Promise<number> {
    let status: number
    if (p.commands.length === 1) status = await this.tested(p.negate, () => this.command(p.commands[0], io))
    else {
      // The members run side by side, each in a subshell, joined by pipes. A member that reads its
      // input whole waits for its pipe to close before its commands run (simple-command.ts), so only
      // line filters see the text as it comes.
      const pipes = p.commands.slice(1).map(() => new Pipe())
      const runs = p.commands.map(async (cmd, i) => {
        const last = i === p.commands.length - 1
        const out = last ? io.out : (t: string) => pipes[i].write(t)
        const err = !last && p.pipeStderr[i] ? out : io.err
        const child = this.fork()
        // SIGPIPE: once the next member is gone, this one's next write ends it like Ctrl-C would, but
        // quietly and with status 128+13 (`kubectl get pods -w | head -3`).
        const signals = new CancelSource()
        const unlink = io.cancel.onCancel(() => signals.cancel())
        if (!last) pipes[i].onBroken = () => signals.cancel()
        try {
          return await child.runIsolated(asList(cmd), { ...io, cancel: signals.token, stdin: i === 0 ? io.stdin : pipes[i - 1], out, err, outTty: last && io.outTty })
        } catch (e) {
          if (!(e instanceof CancelSignal)) throw e
          return !last && pipes[i].broken && !io.cancel.cancelled ? 141 : 130
        } finally {
          unlink()
          if (!last) pipes[i].close()
          if (i > 0) pipes[i - 1].readerDone()
        }
      })
      const statuses = await Promise.all(runs)
      status = statuses[statuses.length - 1]
      const failed = [...statuses].reverse().find((s) => s !== 0) ?? 0
      if (this.state.pipefail && status === 0) status = failed
      // After Ctrl-C the later members still got what the first one printed (`kubectl get pods -w |
      // grep web` shows its lines), then the line is abandoned.
      this.checkCancel(io)
    }
    if (p.negate) status = status === 0 ? 1 : 0
    this.state.status = status
    return status
  }

  checkCancel(io: Io): void {
    if (io.cancel.cancelled) {
      this.state.status = 130
      throw new CancelSignal()
    }
  }

  async command(c: Command, io: Io): Promise<number> {
    if (c.type === 'simple') {
      const status = await runSimple(this, c, io)
      this.state.status = status
      this.checkCancel(io)
      return status
    }
    if (c.type === 'function') {
      this.state.functions.set(c.name, c.body)
      return (this.state.status = 0)
    }
    const rio = await applyRedirs(c.redirs, io, this.state, this.expandContext(io))
    if (!rio) return (this.state.status = 1)
    switch (c.type) {
      case 'group':
        return this.list(c.body, rio)
      case 'subshell':
        return (this.state.status = await this.fork().runIsolated(c.body, rio))
      case 'if':
        for (const clause of c.clauses) {
          if ((await this.tested(true, () => this.list(clause.cond, rio))) === 0) return this.list(clause.body, rio)
        }
        if (c.otherwise) return this.list(c.otherwise, rio)
        return (this.state.status = 0)
      case 'for':
        return this.forLoop(c, rio)
      case 'while':
        return this.whileLoop(c, rio)
      case 'case':
        return this.caseClause(c, rio)
    }
  }

  private async forLoop(c: Command & { type: 'for' }, io: Io): Promise<number> {
    const st = this.state
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(c.name)) {
      io.err(`${st.diag()}\`${c.name}': not a valid identifier\n`)
      return (st.status = 1)
    }
    let items: string[]
    try {
      items = c.items ? (await Promise.all(c.items.map((w) => expandFields(w, this.expandContext(io))))).flat() : [...st.positional]
    } catch (e) {
      if (!(e instanceof ExpandError)) throw e
      io.err(`${st.diag()}${e.message}\n`)
      throw new AbortSignal(1)
    }
    st.status = 0
    let n = 0
    for (const item of items) {
      st.set(c.name, item)
      const r = await this.loopBody(c.body, io)
      if (r === 'break') break
      if (++n % YIELD_EVERY === 0) await this.yieldToHost(io)
    }
    return st.status
  }

  private async caseClause(c: Command & { type: 'case' }, io: Io): Promise<number> {
    const ctx = this.expandContext(io)
    let value: string
    try {
      value = await expandString(c.word, ctx)
    } catch (e) {
      if (!(e instanceof ExpandError)) throw e
      io.err(`${this.state.diag()}${e.message}\n`)
      throw new AbortSignal(1)
    }
    for (let i = 0; i < c.items.length; i++) {
      let hit = false
      for (const p of c.items[i].patterns) if (matchPattern(await expandPattern(p, ctx), value)) hit = true
      if (!hit) continue
      let status = 0
      for (let k = i; k < c.items.length; k++) {
        status = await this.list(c.items[k].body, io)
        if (!c.items[k].fallthrough) break
      }
      return (this.state.status = status)
    }
    return (this.state.status = 0)
  }

  private async whileLoop(c: Command & { type: 'while' }, io: Io): Promise<number> {
    const st = this.state
    let status = 0
    for (let n = 1; ; n++) {
      const cond = await this.tested(true, () => this.list(c.cond, io))
      if ((cond === 0) === c.until) break
      const r = await this.loopBody(c.body, io)
      status = st.status
      if (r === 'break') break
      if (n % YIELD_EVERY === 0) await this.yieldToHost(io)
    }
    return (st.status = status)
  }

  /** Runs a loop body; says whether the loop should stop. */
  private async loopBody(body: List, io: Io): Promise<'break' | 'next'> {
    const st = this.state
    st.loopDepth++
    try {
      await this.list(body, io)
      return 'next'
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e
      if (e.levels > 1) {
        e.levels--
        throw e
      }
      return e.kind === 'break' ? 'break' : 'next'
    } finally {
      st.loopDepth--
    }
  }

  private async yieldToHost(io: Io): Promise<void> {
    await io.time.sleep(0, io.cancel)
    this.checkCancel(io)
  }

  /** Calls a shell function with its own positional parameters and `local` variables. */
  async callFunction(body: Command, args: string[], io: Io): Promise<number> {
    const st = this.state
    const saved = st.positional
    st.positional = args
    const frame = new Map<string, import('./state').Var | undefined>()
    st.localFrames.push(frame)
    try {
      return await this.command(body, io)
    } catch (e) {
      if (e instanceof ReturnSignal) return (st.status = e.status)
      throw e
    } finally {
      st.localFrames.pop()
      for (const [name, v] of frame) {
        if (v) st.vars.set(name, v)
        else st.vars.delete(name)
      }
      st.positional = saved
    }
  }

  /** Expands a word to one string for a builtin that needs it (`for` names, assignments). */
  expandString(word: Parameters<typeof expandString>[0], io: Io): Promise<string> {
    return expandString(word, this.expandContext(io))
  }
}

/** One command as a list of its own (a pipeline member runs as a subshell). */
function asList(c: Command): List {
  return { items: [{ andOr: { first: { negate: false, commands: [c], pipeStderr: [] }, rest: [] }, background: false, text: '' }] }
}
