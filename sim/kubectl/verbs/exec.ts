// `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args...]` (kubectl
// pkg/cmd/exec/exec.go): the pod (a workload's most active one), the container (defaulted with a note
// when there is a choice), the API server's checks (pkg/registry/core/pod/strategy.go streamLocation:
// a named container must exist, the pod must be on a node), then the kubelet's: the container must be
// running ("unable to upgrade connection: container not found"), argv[0] must be executable (runc's
// message through containerd). A non-zero exit becomes "command terminated with exit code N".

import type { Obj } from '../../api/types'
import { execInContainer } from '../../pods/exec'
import { findContainer } from '../../pods/container'
import { netRng } from '../../net/rng'
import type { Invocation, KubectlCommand } from '../command'
import { KubectlError, RawError, UsageError } from '../errors'
import { ApiError } from '../../api/errors'
import { defaultContainer, findPod } from './attach/pod-target'
import { POD_RUNNING_TIMEOUT, podRunningTimeout, setupTty } from './attach/streams'

/** The API server's streamLocation checks, then the kubelet's lookup of the running container. */
export function kubeletContainer(inv: Invocation, pod: Obj<'Pod'>, container: string, explicit: boolean) {
  const name = pod.metadata.name ?? ''
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])]
  if (explicit && !all.some((c) => c.name === container)) throw new ApiError('BadRequest', `container ${container} is not valid for pod ${name}`)
  if (!pod.spec?.nodeName) throw new ApiError('BadRequest', `pod ${name} does not have a host assigned`)
  const found = findContainer(inv.ctx.sim, pod.metadata.namespace ?? '', name, container)
  if (found.ok) return found.value
  if (found.reason === 'NodeUnreachable') {
    const ip = inv.ctx.sim.config.nodes.find((n) => n.name === pod.spec?.nodeName)?.internalIP ?? ''
    throw new ApiError('Unknown', `error dialing backend: dial tcp ${ip}:10250: i/o timeout`)
  }
  throw new KubectlError(`unable to upgrade connection: container not found ("${container}")`)
}

async function run(inv: Invocation): Promise<number> {
  const args = inv.args
  const atDash = inv.flags.argsLenAtDash
  const resource = args.length > 0 && atDash !== 0 ? args[0] : ''
  let command: string[] = []
  if (atDash > -1) command = args.slice(atDash)
  else if (args.length > 1) throw new UsageError(inv.commandPath, 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead')
  const timeoutMs = podRunningTimeout(inv)
  if (!resource && inv.flags.strings('filename').length === 0) throw new KubectlError('pod, type/name or --filename must be specified')
  if (command.length === 0) throw new KubectlError('you must specify at least one command for the container')
  if (!resource) throw new KubectlError('"kubectl exec -f" is not available in this simulator')

  const { pod } = await findPod(inv, resource, { timeoutMs, order: 'active', verb: 'attach' })
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`)
  const quiet = inv.flags.bool('quiet')
  const explicit = inv.flags.string('container')
  const container = explicit || defaultContainer(inv, pod, '', quiet)
  const { stdin, tty } = setupTty(inv, inv.flags.bool('stdin'), inv.flags.bool('tty'), quiet)
  const h = kubeletContainer(inv, pod, container, !!explicit)

  const ctx = inv.ctx
  // With a raw terminal both streams come back as one (exec.go nils ErrOut).
  const outcome = await execInContainer(h, command, { stdin: stdin ? ctx.stdin : '', tty, stdout: (t) => ctx.stdout(t), stderr: (t) => (tty ? ctx.stdout(t) : ctx.stderr(t)) }, ctx)
  if (!outcome.started) {
    const execId = netRng(ctx.sim).hex(64)
    throw new KubectlError(
      `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: ${outcome.reason}: unknown`,
    )
  }
  if (outcome.exitCode !== 0) throw new RawError(`command terminated with exit code ${outcome.exitCode}`, outcome.exitCode)
  return 0
}

export const execCommand: KubectlCommand = {
  name: 'exec',
  short: 'Execute a command in a container',
  flags: [
    { name: 'container', shorthand: 'c', type: 'string' },
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    POD_RUNNING_TIMEOUT('1m0s'),
    { name: 'quiet', shorthand: 'q', type: 'bool' },
    { name: 'stdin', shorthand: 'i', type: 'bool' },
    { name: 'tty', shorthand: 't', type: 'bool' },
  ],
  run,
}
