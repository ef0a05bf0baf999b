// `kubectl proxy [--port=PORT] [--address=ADDR] [--api-prefix=P]` (kubectl pkg/cmd/proxy/proxy.go and
// pkg/proxy/proxy_server.go): binds the address on the student's machine (one table per simulation, so
// curl in another terminal tab reaches it), prints "Starting to serve on 127.0.0.1:8001", and serves
// until Ctrl-C (or, as `kubectl proxy &`, until the job is killed). Requests go through the request
// filter to the API server (sim/net/kubectl-proxy.ts).

import { DEFAULT_FILTER, proxyHandler, regexpList } from '../../net/kubectl-proxy'
import { hostListeners } from '../../net/listeners'
import { netRng } from '../../net/rng'
import type { Invocation, KubectlCommand } from '../command'
import { KubectlError } from '../errors'
import { klogLine } from './port-forward/klog'

const DEFAULT_PORT = 8001

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags
  let port = f.int('port')
  if (port !== DEFAULT_PORT && f.string('unix-socket')) throw new KubectlError('cannot set --unix-socket and --port at the same time')
  if (f.string('unix-socket')) throw new KubectlError('--unix-socket is not available in this simulator')
  const filter = f.bool('disable-filter')
    ? undefined
    : {
        acceptHosts: regexpList(f.string('accept-hosts')),
        acceptPaths: regexpList(f.string('accept-paths')),
        rejectPaths: regexpList(f.string('reject-paths')),
        rejectMethods: regexpList(f.string('reject-methods')),
      }
  if (!filter) inv.err(klogLine(inv, 'W', 'proxy.go:177', 'Request filter disabled, your proxy is vulnerable to XSRF attacks, please be cautious'))
  const sim = inv.ctx.sim
  // --port=0: the kernel picks a free ephemeral port.
  if (port === 0) port = 32768 + netRng(sim).int(28232)
  const address = f.string('address')
  const bound = hostListeners(sim).listen({ address, port, network: 'tcp', handle: proxyHandler(sim, filter, f.string('api-prefix')) })
  if (!bound.ok) throw new KubectlError(bound.error)
  const host = address.includes(':') ? `[${address}]` : address
  inv.out(`Starting to serve on ${host}:${port}\n`)
  try {
    await inv.ctx.time.until(() => false, undefined, inv.ctx.cancel)
  } finally {
    bound.close()
  }
  return inv.ctx.cancel.cancelled ? 130 : 0
}

export const proxyCommand: KubectlCommand = {
  name: 'proxy',
  short: 'Run a proxy to the Kubernetes API server',
  flags: [
    { name: 'accept-hosts', type: 'string', default: DEFAULT_FILTER.acceptHosts },
    { name: 'accept-paths', type: 'string', default: DEFAULT_FILTER.acceptPaths },
    { name: 'address', type: 'string', default: '127.0.0.1' },
    { name: 'api-prefix', type: 'string', default: '/' },
    { name: 'append-server-path', type: 'bool' },
    { name: 'disable-filter', type: 'bool' },
    { name: 'keepalive', type: 'duration', default: '0s' },
    { name: 'port', shorthand: 'p', type: 'int', default: String(DEFAULT_PORT) },
    { name: 'reject-methods', type: 'string', default: DEFAULT_FILTER.rejectMethods },
    { name: 'reject-paths', type: 'string', default: DEFAULT_FILTER.rejectPaths },
    { name: 'unix-socket', shorthand: 'u', type: 'string' },
    { name: 'www', shorthand: 'w', type: 'string' },
    { name: 'www-prefix', shorthand: 'P', type: 'string', default: '/static/' },
  ],
  run,
}
