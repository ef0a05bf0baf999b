// `kubectl port-forward TYPE/NAME [LOCAL_PORT:]REMOTE_PORT...` (kubectl pkg/cmd/portforward and
// client-go tools/portforward): the pod (a workload's or Service's most active one), the ports (named
// ones looked up; a Service's translated to its target port), the pod must be Running, then each local
// port is bound on 127.0.0.1 and [::1] ("Forwarding from 127.0.0.1:8080 -> 80") and every connection
// prints "Handling connection for 8080" and reaches the pod's port from inside its network namespace.
// A refused connection is logged as an error and ends the forward ("lost connection to pod"), as does
// the pod going away.

import type { Obj } from '../../../api/types'
import { Rng } from '../../../core/rng'
import { fromOutcome, toImageRequest } from '../../../net/cluster'
import type { DialResult, NetRequest } from '../../../net/http'
import { hostListeners } from '../../../net/listeners'
import { netRng } from '../../../net/rng'
import type { Invocation, KubectlCommand } from '../../command'
import { KubectlError, UsageError } from '../../errors'
import { findPod } from '../attach/pod-target'
import { POD_RUNNING_TIMEOUT, podRunningTimeout } from '../attach/streams'
import { klogLine } from './klog'
import { podPorts, servicePorts, splitPort } from './ports'

/** The addresses --address names: `localhost` is both loopbacks. */
function listenAddresses(addresses: readonly string[]): { address: string; network: 'tcp4' | 'tcp6' }[] {
  const out: { address: string; network: 'tcp4' | 'tcp6' }[] = []
  for (const a of addresses) {
    if (a === 'localhost') out.push({ address: '127.0.0.1', network: 'tcp4' }, { address: '::1', network: 'tcp6' })
    else out.push({ address: a, network: a.includes(':') ? 'tcp6' : 'tcp4' })
  }
  return out
}

/** What the kubelet's port-forward says when nothing listens on the pod's port. */
function forwardError(inv: Invocation, pod: Obj<'Pod'>, local: number, remote: number): string {
  const seed = inv.ctx.sim.config.seed
  const uid = pod.metadata.uid ?? ''
  const sandbox = Rng.forKey(seed, `sandbox/${uid}`).hex(64)
  const netns = Rng.forKey(seed, `netns/${uid}`).uuid()
  const why =
    `error forwarding port ${remote} to pod ${sandbox}, uid : failed to execute portforward in network namespace \\"/var/run/netns/cni-${netns}\\": ` +
    `failed to connect to localhost:${remote} inside namespace \\"${sandbox}\\", IPv4: dial tcp4 127.0.0.1:${remote}: connect: connection refused IPv6 dial tcp6 [::1]:${remote}: connect: connection refused `
  return klogLine(inv, 'E', 'portforward.go:424', `"Unhandled Error" err="an error occurred forwarding ${local} -> ${remote}: ${why}"`)
}

async function run(inv: Invocation): Promise<number> {
  const args = inv.args
  if (args.length < 2) throw new UsageError(inv.commandPath, 'TYPE/NAME and list of ports are required for port-forward')
  const timeoutMs = podRunningTimeout(inv)
  const target = await findPod(inv, args[0], { timeoutMs, order: 'active', verb: 'attach' })
  const ports = target.kind === 'Service' ? servicePorts(args.slice(1), target.object as unknown as Obj<'Service'>, target.pod) : podPorts(args.slice(1), target.pod)
  const pod = inv.api.read('Pod', target.pod.metadata.namespace ?? '', target.pod.metadata.name ?? '')
  if (pod.status?.phase !== 'Running') throw new KubectlError(`unable to forward port because pod is not running. Current status=${pod.status?.phase}`)

  const sim = inv.ctx.sim
  const ns = pod.metadata.namespace ?? ''
  const name = pod.metadata.name ?? ''
  const uid = pod.metadata.uid
  let lost = false
  const closers: (() => void)[] = []
  /** One connection to a forwarded local port: the kubelet dials localhost:<remote> in the pod's netns. */
  const connect = (local: number, remote: number, req: NetRequest): DialResult => {
    inv.out(`Handling connection for ${local}\n`)
    const cur = sim.api.get('Pod', ns, name)
    if (lost || !cur || cur.metadata.uid !== uid) {
      lost = true
      return { kind: 'empty' }
    }
    const res = fromOutcome(sim.runtime.http(ns, name, remote, toImageRequest({ ...req, remoteAddr: '127.0.0.1' })))
    if (res.kind !== 'refused') return res
    inv.err(forwardError(inv, pod, local, remote))
    lost = true
    return { kind: 'empty' }
  }
  for (const p of ports) {
    const { local: localText, remote: remoteText } = splitPort(p)
    const remote = Number(remoteText)
    const local = localText === '' ? 32768 + netRng(sim).int(28232) : Number(localText)
    let bound = 0
    for (const a of listenAddresses(inv.flags.strings('address'))) {
      const r = hostListeners(sim).listen({ address: a.address, port: local, network: a.network, handle: (req) => connect(local, remote, req) })
      if (!r.ok) continue
      closers.push(r.close)
      bound++
      inv.out(`Forwarding from ${a.address.includes(':') ? `[${a.address}]` : a.address}:${local} -> ${remote}\n`)
    }
    if (bound === 0) {
      for (const c of closers) c()
      throw new KubectlError(`unable to listen on any of the requested ports: [{${local} ${remote}}]`)
    }
  }
  const gone = () => {
    const cur = sim.api.get('Pod', ns, name)
    return !cur || cur.metadata.uid !== uid || !!cur.metadata.deletionTimestamp
  }
  try {
    await inv.ctx.time.until(() => lost || gone(), undefined, inv.ctx.cancel)
  } finally {
    for (const c of closers) c()
  }
  if (lost || gone()) throw new KubectlError('lost connection to pod')
  return inv.ctx.cancel.cancelled ? 130 : 0
}

export const portForwardCommand: KubectlCommand = {
  name: 'port-forward',
  short: 'Forward one or more local ports to a pod',
  flags: [{ name: 'address', type: 'stringSlice', default: 'localhost' }, POD_RUNNING_TIMEOUT('1m0s')],
  run,
}
