// A shell session: the ShellSession the terminal talks to. It owns the shell state, runs complete
// command lines, knows when a line needs more input (open quote, heredoc, `do` without `done`,
// trailing `\`), renders the prompt from PS1, and ends on `exit`.

import type { Simulation } from '../simulation'
import type { MemFs } from '../storage/memfs'
import type { Builtin } from './builtins/types'
import { completeLine } from './complete'
import type { Dialect } from './dialect'
import { Interpreter } from './interpreter'
import { CancelSignal, ExitSignal, type Io } from './io'
import { JobTable } from './jobs'
import { needsMoreInput } from './needs-more'
import { renderPrompt } from './prompt'
import type { CommandTable } from './registry'
import { runScriptText } from './script'
import { ShellState } from './state'
import type { CancelToken, EditorHook, ShellSession, TimeControl } from './types'

export interface SessionOptions {
  sim: Simulation
  fs: MemFs
  commands: CommandTable
  builtins: ReadonlyMap<string, Builtin>
  dialect: Dialect
  vars: Record<string, string>
  cwd: string
  hostname: string
  tty?: boolean
  columns?: number
  editor?: EditorHook
  openSession?(session: ShellSession): Promise<number>
  lang?: 'en' | 'zh'
  strict?: boolean
  history?: string[]
  pid?: number
}

type ExecIo = { stdout(t: string): void; stderr(t: string): void; cancel: CancelToken; time: TimeControl }

export class Session implements ShellSession {
  readonly state: ShellState
  readonly jobs: JobTable
  private readonly interp: Interpreter
  private lineNo = 0
  /** The status `exit` ended the session with. */
  exitCode: number | undefined

  constructor(opts: SessionOptions) {
    this.jobs = new JobTable(opts.sim, (opts.pid ?? 4000) + 100)
    this.state = new ShellState(
      {
        fs: opts.fs,
        sim: opts.sim,
        commands: opts.commands,
        dialect: opts.dialect,
        builtins: opts.builtins,
        tty: opts.tty ?? true,
        columns: opts.columns ?? 80,
        editor: opts.editor,
        openSession: opts.openSession,
        lang: opts.lang ?? 'en',
        strict: opts.strict ?? false,
        hostname: opts.hostname,
        pid: opts.pid ?? 4000,
        jobs: this.jobs,
        interactive: true,
      },
      { vars: { ...opts.vars, PWD: opts.cwd }, cwd: opts.cwd, argv0: opts.dialect.kind === 'bash' ? 'bash' : 'sh', history: opts.history },
    )
    this.interp = new Interpreter(this.state)
  }

  get ended(): boolean {
    return this.state.ended
  }

  prompt(): string {
    return renderPrompt(this.state)
  }

  needsMore(line: string): boolean {
    return needsMoreInput(line)
  }

  async execute(line: string, io: ExecIo): Promise<number> {
    const st = this.state
    if (st.ended) return st.status
    // bash drops NUL bytes from its input.
    line = line.replace(/\0/g, '')
    this.remember(line)
    const time = this.pokingTime(io.time)
    const shellIo: Io = { stdin: null, out: io.stdout, err: io.stderr, outTty: true, time, cancel: io.cancel }
    const first = this.lineNo + 1
    this.lineNo += line.split('\n').length
    try {
      await runScriptText(this.interp, line, shellIo, { interactive: true, name: st.argv0, firstLine: first })
    } catch (e) {
      if (e instanceof ExitSignal) {
        st.status = e.code
        this.end(e.code)
      } else if (e instanceof CancelSignal) st.status = 130
      else if (st.env.strict) throw e
      else {
        io.stderr(`${st.diag()}${e instanceof Error ? e.message : String(e)}\n`)
        st.status = 1
      }
    }
    this.jobs.poke()
    const notices = this.jobs.takeNotices()
    if (notices) io.stderr(notices)
    return st.status
  }

  /** The terminal was resized: `ls` and `watch` lay out for the new width. */
  resize(columns: number): void {
    this.state.env.columns = Math.max(1, Math.floor(columns))
  }

  /** Job notices (`[1]+  Done  sleep 5`) due before the next prompt, when time passed meanwhile. */
  notices(): string {
    this.jobs.poke()
    return this.jobs.takeNotices()
  }

  complete(line: string, cursor: number): string[] {
    return completeLine(this.state, line, cursor)
  }

  /** Ends the session (exit, or the terminal closing): background jobs are stopped. */
  end(code: number): void {
    this.state.ended = true
    this.exitCode = code
    this.jobs.killAll()
  }

  private remember(line: string): void {
    const text = line.replace(/\n+$/, '')
    if (text.trim() !== '') this.state.history.push(text)
  }

  /** Background jobs wait passively; every step of time the foreground makes lets them re-check. */
  private pokingTime(t: TimeControl): TimeControl {
    const jobs = this.jobs
    return {
      now: () => t.now(),
      sleep: async (ms, cancel) => {
        const r = await t.sleep(ms, cancel)
        jobs.poke()
        return r
      },
      until: async (done, timeoutMs, cancel) => {
        const r = await t.until(
          () => {
            jobs.poke()
            return done()
          },
          timeoutMs,
          cancel,
        )
        jobs.poke()
        return r
      },
    }
  }
}
