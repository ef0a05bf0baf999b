// jobs, kill and wait over the shell's background jobs.

import type { Builtin } from './types'

export const jobs: Builtin = {
  name: 'jobs',
  run(ctx) {
    const table = ctx.shell.env.jobs
    const live = table.jobs.filter((j) => !j.notified)
    for (const j of live) {
      ctx.stdout(table.format(j, j === live[live.length - 1]))
      if (j.state !== 'Running') j.notified = true
    }
    return 0
  },
}

export const kill: Builtin = {
  name: 'kill',
  run(ctx) {
    const table = ctx.shell.env.jobs
    const targets = ctx.argv.slice(1).filter((a) => !/^-[A-Z0-9]+$/.test(a) && a !== '-s')
    if (!targets.length) {
      ctx.stderr('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n')
      return 2
    }
    let status = 0
    for (const t of targets) {
      const job = table.find(t)
      if (!job || job.state !== 'Running') {
        ctx.error(t.startsWith('%') ? `kill: ${t}: no such job` : `kill: (${t}) - No such process`)
        status = 1
        continue
      }
      table.kill(job)
    }
    return status
  },
}

/** Lets the promise chains of jobs that have nothing to wait for run to their end. */
async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve()
}

export const wait: Builtin = {
  name: 'wait',
  async run(ctx) {
    const table = ctx.shell.env.jobs
    const specs = ctx.argv.slice(1)
    const targets = specs.length ? specs.map((s) => table.find(s)).filter((j) => j !== undefined) : table.jobs.filter((j) => j.state === 'Running')
    const running = () => targets.some((j) => j.state === 'Running')
    for (;;) {
      await flushMicrotasks()
      table.poke()
      if (!running()) break
      if (ctx.cancel.cancelled) return 130
      // Let time pass up to what the jobs wait for; a job that waits for nothing in particular
      // (`kubectl proxy &`) is waited for until the cluster can change no more.
      const deadline = table.nextDeadline()
      const done = await ctx.time.until(() => (table.poke(), !running()), deadline === undefined ? undefined : Math.max(0, deadline - ctx.time.now()), ctx.cancel)
      if (ctx.cancel.cancelled) return 130
      if (!done && deadline === undefined) break
    }
    const last = targets[targets.length - 1]
    return last && last.state !== 'Running' ? last.status : 0
  },
}
