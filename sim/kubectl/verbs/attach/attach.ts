// `kubectl attach (POD | TYPE/NAME) -c CONTAINER [-i] [-t]` (kubectl pkg/cmd/attach/attach.go):
// Complete/Validate's checks, the pod (a workload's most active one), a completed pod refused, then
// the shared attach (attach-run.ts).

import type { Invocation, KubectlCommand } from '../../command'
import { KubectlError } from '../../errors'
import { attachRun } from './attach-run'
import { findPod } from './pod-target'
import { POD_RUNNING_TIMEOUT } from './streams'

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags
  const args = inv.args
  const timeoutMs = f.duration('pod-running-timeout')
  if (args.length === 0) throw new KubectlError('at least 1 argument is required for attach')
  if (args.length > 2) throw new KubectlError(`expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]`)
  if (timeoutMs <= 0) throw new KubectlError('--pod-running-timeout must be higher than zero')
  const arg = args.length === 2 ? `${args[0]}/${args[1]}` : args[0]
  const { pod } = await findPod(inv, arg, { timeoutMs, order: 'active', verb: 'attach' })
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot attach a container in a completed pod; current phase is ${phase}`)
  await attachRun(inv, pod, { stdin: f.bool('stdin'), tty: f.bool('tty'), quiet: f.bool('quiet'), container: f.string('container'), commandName: 'kubectl attach' })
  return 0
}

export const attachCommand: KubectlCommand = {
  name: 'attach',
  short: 'Attach to a running container',
  flags: [
    { name: 'container', shorthand: 'c', type: 'string' },
    POD_RUNNING_TIMEOUT('1m0s'),
    { name: 'quiet', shorthand: 'q', type: 'bool' },
    { name: 'stdin', shorthand: 'i', type: 'bool' },
    { name: 'tty', shorthand: 't', type: 'bool' },
  ],
  run,
}
