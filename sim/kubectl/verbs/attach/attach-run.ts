// Attaching to a pod's running container (kubectl pkg/cmd/attach/attach.go AttachOptions.Run), shared
// by `kubectl attach` and `kubectl run -it`: the container (defaulted), the TTY rules (-t only if the
// container has one; a container with a TTY forces one), the "If you don't see a command prompt"
// hint, then the streams: a shell that is the container's PID 1 reads the terminal (or the piped
// input) and its exit ends the container's main process; any other process just shows its output
// until it ends. After a raw-terminal session of a restartPolicy=Always pod kubectl says how to
// resume.

import type { Obj } from '../../../api/types'
import { endMainProcess, mainShell, mainShellKind } from '../../../pods/main-process'
import { KubectlError } from '../../errors'
import type { Invocation } from '../../command'
import { kubeletContainer } from '../exec'
import { defaultContainer } from './pod-target'
import { setupTty } from './streams'

export interface AttachRequest {
  stdin: boolean
  tty: boolean
  quiet: boolean
  /** -c, or '' for the default container. */
  container: string
  /** `kubectl attach` (for the resume hint). */
  commandName: string
}

export async function attachRun(inv: Invocation, pod: Obj<'Pod'>, req: AttachRequest): Promise<void> {
  let container: string
  try {
    container = defaultContainer(inv, pod, req.container, req.quiet)
  } catch (e) {
    throw new KubectlError(`cannot attach to the container: ${(e as Error).message}`)
  }
  const spec = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === container)
  let tty = req.tty
  if (tty && !spec?.tty) {
    tty = false
    if (!req.quiet) inv.err(`error: Unable to use a TTY - container ${container} did not allocate one\n`)
  } else if (!tty && spec?.tty) tty = true
  const streams = setupTty(inv, req.stdin, tty, req.quiet)
  if (!req.quiet) inv.err("If you don't see a command prompt, try pressing enter.\n")
  const h = kubeletContainer(inv, pod, container, false)
  const ctx = inv.ctx
  const kind = mainShellKind(h)
  if (kind && streams.stdin) {
    const session = mainShell(h, kind, { tty: streams.tty, columns: ctx.columns, openSession: ctx.openSession })
    let code: number
    if (ctx.stdin !== null || !ctx.openSession) {
      // Piped input: the shell reads it, then EOF ends it.
      const io = { stdout: (t: string) => ctx.stdout(t), stderr: (t: string) => (streams.tty ? ctx.stdout(t) : ctx.stderr(t)), cancel: ctx.cancel, time: ctx.time }
      if (ctx.stdin) await session.execute(ctx.stdin, io)
      code = session.exitCode ?? 0
    } else code = await ctx.openSession(session)
    endMainProcess(h, code)
  } else {
    // Only the process's output: shown until it ends (or Ctrl-C detaches).
    const rc = h.rc
    const before = inv.ctx.sim.runtime.logText(rc).length
    await ctx.time.until(() => rc.phase !== 'running', undefined, ctx.cancel)
    const text = inv.ctx.sim.runtime.logText(rc).slice(before)
    if (text) ctx.stdout(text)
  }
  if (!req.quiet && streams.stdin && streams.tty && pod.spec?.restartPolicy === 'Always') {
    inv.out(`Session ended, resume using '${req.commandName} ${pod.metadata.name} -c ${container} -i -t' command when the pod is running\n`)
  }
}
