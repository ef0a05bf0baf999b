// Background jobs (`kubectl proxy &`, `sleep 30 &`). A job never moves the clock itself: it waits
// passively for time that the foreground (or the browser's ticking) lets pass, and the JobTable is
// poked whenever that happens. Notices follow bash: `[1] 4242` on start, `[1]+  Done    cmd` at the
// next prompt.

import type { ListItem } from './ast'
import type { Interpreter } from './interpreter'
import type { Io } from './io'
import type { Simulation } from '../simulation'
import type { CancelToken, TimeControl } from './types'
import { CancelSource } from './cancel'

export interface Job {
  id: number
  pid: number
  text: string
  state: 'Running' | 'Done' | 'Terminated'
  status: number
  cancel: CancelSource
  promise: Promise<number>
  notified: boolean
}

interface Waiter {
  check(): boolean
  /** The virtual time at which this waiter will be ready at the latest, if it waits for time. */
  deadline?: number
}

export class JobTable {
  readonly jobs: Job[] = []
  private waiters = new Set<Waiter>()
  private nextPid: number

  constructor(
    private readonly sim: Simulation,
    firstPid = 4242,
  ) {
    this.nextPid = firstPid
    sim.subscribe(() => this.poke())
  }

  /** Re-checks what background jobs wait for; call after time passed. */
  poke(): void {
    for (const w of [...this.waiters]) if (w.check()) this.waiters.delete(w)
  }

  /** The earliest virtual time a background job waits for (`sleep 30 &`), if any. */
  nextDeadline(): number | undefined {
    let min: number | undefined
    for (const w of this.waiters) if (w.deadline !== undefined && (min === undefined || w.deadline < min)) min = w.deadline
    return min
  }

  /** A TimeControl that only waits for time others let pass. */
  passiveTime(): TimeControl {
    const sim = this.sim
    const wait = (ready: () => boolean, cancel?: CancelToken, deadline?: number) =>
      new Promise<boolean>((resolve) => {
        let off = () => {}
        const w: Waiter = {
          deadline,
          check: () => {
            if (cancel?.cancelled) {
              off()
              resolve(false)
              return true
            }
            if (!ready()) return false
            off()
            resolve(true)
            return true
          },
        }
        if (w.check()) return
        this.waiters.add(w)
        if (cancel) off = cancel.onCancel(() => this.poke())
      })
    return {
      now: () => sim.now(),
      sleep: (ms, cancel) => {
        const until = sim.now() + ms
        return wait(() => sim.now() >= until, cancel, until)
      },
      until: async (done, timeoutMs, cancel) => {
        const limit = timeoutMs === undefined ? Infinity : sim.now() + timeoutMs
        await wait(() => done() || sim.now() >= limit, cancel, Number.isFinite(limit) ? limit : undefined)
        return done()
      },
    }
  }

  start(it: Interpreter, item: ListItem, io: Io): Job {
    const id = (this.jobs.filter((j) => j.state === 'Running').reduce((m, j) => Math.max(m, j.id), 0) || 0) + 1
    const cancel = new CancelSource()
    const job: Job = { id, pid: this.nextPid++, text: item.text, state: 'Running', status: 0, cancel, promise: Promise.resolve(0), notified: false }
    const child = it.fork()
    const jobIo: Io = { ...io, stdin: { text: '', pos: 0 }, outTty: false, time: this.passiveTime(), cancel: cancel.token }
    job.promise = child
      .runIsolated({ items: [{ ...item, background: false }] }, jobIo)
      .catch(() => 130)
      .then((status) => {
        job.status = status
        if (job.state === 'Running') job.state = 'Done'
        return status
      })
    this.jobs.push(job)
    return job
  }

  /** `kill %1`: stops a job (its commands see the cancellation, like SIGTERM). */
  kill(job: Job): void {
    if (job.state !== 'Running') return
    job.state = 'Terminated'
    job.status = 143
    job.cancel.cancel()
    this.poke()
  }

  /** Ends every job (the session ends, the runner finishes). */
  killAll(): void {
    for (const j of this.jobs) this.kill(j)
  }

  find(spec: string): Job | undefined {
    const m = /^%(\+|%|-|[0-9]+)?$/.exec(spec)
    if (m) {
      const live = this.jobs.filter((j) => !j.notified)
      if (!m[1] || m[1] === '+' || m[1] === '%') return live[live.length - 1]
      if (m[1] === '-') return live[live.length - 2]
      return live.find((j) => j.id === Number(m[1]))
    }
    return this.jobs.find((j) => String(j.pid) === spec && !j.notified)
  }

  /** bash's job line: `[1]+  Running                 sleep 30 &`. */
  format(job: Job, current: boolean): string {
    const what = job.state === 'Done' && job.status !== 0 ? `Exit ${job.status}` : job.state
    return `[${job.id}]${current ? '+' : '-'}  ${what.padEnd(24)}${job.text}${job.state === 'Running' ? ' &' : ''}\n`
  }

  /** Lines for jobs that finished since the last prompt (each reported once). */
  takeNotices(): string {
    let out = ''
    const live = this.jobs.filter((j) => !j.notified)
    for (const j of live) {
      if (j.state === 'Running') continue
      out += this.format(j, j === live[live.length - 1])
      j.notified = true
    }
    return out
  }
}

export function startJob(it: Interpreter, item: ListItem, io: Io): void {
  const st = it.state
  const job = st.env.jobs.start(it, item, io)
  if (st.env.interactive && !st.isSubshell) io.err(`[${job.id}] ${job.pid}\n`)
}
