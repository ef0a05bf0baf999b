// Feeds command lines to a stack of shell sessions: the host shell, and the sessions commands open on
// top of it (`kubectl exec -it web-0 -- sh`). While a nested session is open, lines go to it; when it
// ends (`exit`), the command that opened it finishes. The headless runner and the browser terminal
// both drive their shells through this.

import type { ShellSession } from './types'

type ExecIo = Parameters<ShellSession['execute']>[1]
type Outcome = { kind: 'done' } | { kind: 'opened' }

interface Frame {
  session: ShellSession
  /** The execute() of the command that opened the session above this one. */
  pending?: Promise<Outcome>
  resolveOpen?: (code: number) => void
}

export class SessionStack {
  private readonly frames: Frame[] = []
  private notifyOpen: (() => void) | undefined

  /** The `openSession` to hand to the shells whose commands may open sessions. */
  readonly openSession = (session: ShellSession): Promise<number> =>
    new Promise<number>((resolve) => {
      this.frames.push({ session, resolveOpen: resolve })
      this.notifyOpen?.()
    })

  setRoot(session: ShellSession): void {
    this.frames.length = 0
    this.frames.push({ session })
  }

  /** The session that reads the next line. */
  current(): ShellSession {
    return this.frames[this.frames.length - 1].session
  }

  /** True while a session opened by a command (exec/run -it) is on top of the root one. */
  nested(): boolean {
    return this.frames.length > 1
  }

  /** Runs one command line in the current session; returns once it finished or opened a session. */
  async submit(line: string, io: ExecIo): Promise<void> {
    const frame = this.frames[this.frames.length - 1]
    await this.track(frame, frame.session.execute(line, io).then((): Outcome => ({ kind: 'done' })))
  }

  private async track(frame: Frame, running: Promise<Outcome>): Promise<void> {
    const opened = new Promise<Outcome>((resolve) => (this.notifyOpen = () => resolve({ kind: 'opened' })))
    const r = await Promise.race([running, opened])
    this.notifyOpen = undefined
    if (r.kind === 'opened') {
      frame.pending = running
      return
    }
    // The command finished; a nested session it ran in may have ended with it.
    while (this.frames.length > 1 && this.current().ended) {
      const top = this.frames.pop()!
      top.resolveOpen?.((top.session as { exitCode?: number }).exitCode ?? 0)
      const parent = this.frames[this.frames.length - 1]
      const pending = parent.pending
      parent.pending = undefined
      if (pending) await this.track(parent, pending)
    }
  }
}
