// node-cable: the lab machine's way to pull a node's network cable and plug it back in — not a
// Kubernetes command, and named so nobody takes it for one. An unplugged node's kubelet stops
// reporting and stops acting; the node lifecycle controller marks it NotReady after the monitor grace
// period and its pods Terminating/Unknown later, and a StatefulSet pod on it is not replaced until it
// is force-deleted or the node object is deleted (the at-most-one guarantee). The terminal runs on
// k8s-master, so that cable stays in.

import type { Command, CommandContext } from '../types'

const USAGE = `usage: node-cable unplug NODE   pull NODE's network cable (its kubelet can no longer reach the API server)
       node-cable plug NODE     plug it back in (the kubelet reports again and catches up)
       node-cable [status]      show which cables are unplugged
node-cable is part of the lab, not of Kubernetes.
`

function nodeNames(ctx: CommandContext): string[] {
  return ctx.sim.api.list('Node').map((n) => n.metadata.name ?? '')
}

function status(ctx: CommandContext): number {
  for (const name of nodeNames(ctx)) {
    const since = ctx.sim.nodeHealth.downSince(name)
    ctx.stdout(`${name}\t${since === undefined ? 'plugged in' : `unplugged ${Math.floor((ctx.sim.now() - since) / 1000)}s ago`}\n`)
  }
  return 0
}

export const nodeCable: Command = {
  name: 'node-cable',
  run(ctx) {
    const [action, node, ...extra] = ctx.argv.slice(1)
    if (action === undefined || action === 'status') return status(ctx)
    if (action === '-h' || action === '--help' || action === 'help') {
      ctx.stdout(USAGE)
      return 0
    }
    if ((action !== 'plug' && action !== 'unplug') || node === undefined || extra.length) {
      ctx.stderr(USAGE)
      return 2
    }
    if (!nodeNames(ctx).includes(node)) {
      ctx.stderr(`node-cable: no node named "${node}" (nodes: ${nodeNames(ctx).join(', ')})\n`)
      return 1
    }
    const host = ctx.env.get('HOSTNAME') || 'k8s-master'
    if (node === host) {
      ctx.stderr(`node-cable: this terminal runs on ${node}; its cable stays in\n`)
      return 1
    }
    const down = ctx.sim.nodeHealth.downSince(node) !== undefined
    if (action === 'unplug') {
      if (down) ctx.stdout(`${node}: the cable is already unplugged\n`)
      else {
        ctx.sim.failNode(node)
        ctx.stdout(`${node}: network cable unplugged\n`)
      }
      return 0
    }
    if (!down) ctx.stdout(`${node}: the cable is already plugged in\n`)
    else {
      ctx.sim.restoreNode(node)
      ctx.stdout(`${node}: network cable plugged back in\n`)
    }
    return 0
  },
  complete(req) {
    return req.words.length === 2 ? ['plug', 'unplug', 'status'].filter((w) => w.startsWith(req.current)) : undefined
  },
}
