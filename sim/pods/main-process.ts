// A container's main process when it is a shell reading its stdin (`kubectl run -it ... -- sh`, a pod
// with `stdin: true, tty: true`): attaching talks to that very shell (PID 1, same variables and
// directory on every attach), and when it exits (`exit`, or EOF on a stdinOnce stdin) the container's
// main process has ended with its status, which the kubelet then sees.

import type { RuntimeContainer } from '../kubelet/runtime'
import type { ShellSession } from '../shell/types'
import type { ContainerHandle } from './container'
import { containerShell } from './session'
import { shellKind, type ShellKind } from './tools'

const SHELLS = new Set(['sh', 'ash', 'bash', 'dash'])
/** Images whose default command is a shell (docker-library's `CMD ["sh"]` / `["bash"]`). */
const SHELL_IMAGES = new Set(['busybox', 'alpine', 'ubuntu', 'debian', 'dnsutils'])

/** Whether PID 1 is an interactive shell: argv[0] a shell, no `-c` script, stdin kept open. */
export function mainShellKind(h: ContainerHandle): ShellKind | undefined {
  const spec = h.rc.spec
  if (!spec.stdin || h.rc.phase !== 'running') return undefined
  const argv = spec.command?.length ? [...spec.command, ...(spec.args ?? [])] : spec.args?.length ? [...spec.args] : undefined
  if (!argv) return SHELL_IMAGES.has(h.rc.image.behavior.id) ? shellKind(h) : undefined
  const name = (argv[0] ?? '').split('/').pop() ?? ''
  if (!SHELLS.has(name) || argv.slice(1).some((a) => /^-[a-z]*c/.test(a))) return undefined
  return name === 'bash' ? 'bash' : name === 'sh' ? shellKind(h) : (name as ShellKind)
}

const sessions = new WeakMap<RuntimeContainer, ShellSession & { readonly exitCode: number | undefined }>()

/** The shell that is the container's PID 1 (one per container start). */
export function mainShell(h: ContainerHandle, kind: ShellKind, opts: { tty: boolean; columns?: number; openSession?(s: ShellSession): Promise<number> }) {
  let s = sessions.get(h.rc)
  if (!s || s.ended) {
    s = containerShell(h, { kind, tty: opts.tty, columns: opts.columns, openSession: opts.openSession, pid: 1 })
    sessions.set(h.rc, s)
  }
  return s
}

/**
 * The main process ended with `exitCode`. The runtime's process plan says when the process exits; the
 * kubelet re-reads it when the runtime reports activity in the pod, which an exec that starts nothing
 * provides (the runtime has no other public way to say "the process ended").
 */
export function endMainProcess(h: ContainerHandle, exitCode: number): void {
  const rc = h.rc
  if (rc.phase !== 'running' || rc.startedAt === undefined || !rc.plan) return
  rc.plan = { ...rc.plan, listens: [], exit: { afterMs: Math.max(0, h.sim.now() - rc.startedAt), exitCode } }
  h.sim.runtime.execIn(rc, [])
  h.sim.drain()
}
