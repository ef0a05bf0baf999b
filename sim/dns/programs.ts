// The DNS tools as programs of the images' process model (sim/images/shell/types.ts), for when they
// run as a container's own process (`kubectl run ... -- nslookup web-0.nginx`, `sh -c`, probes):
// every image has them as programs (sim/images/behaviors/define.ts), and those whose file system holds
// the binary can run them, with the tool environment the container's env gives.

import { done, type Program, type RunResult } from '../images/shell/types'
import { dnsRunners } from './commands'
import type { ToolResult } from './tools/env'
import { dnsToolsForImage } from './tools/variants'

/** A tool's result as a process outcome: both streams, the interleaved log, the time it took. */
function toRunResult(r: ToolResult): RunResult {
  const out = r.output.filter((c) => c.stream === 'stdout').map((c) => c.text).join('')
  const err = r.output.filter((c) => c.stream === 'stderr').map((c) => c.text).join('')
  return { status: r.exitCode, out, err, log: r.output.map((c) => c.text).join(''), ms: r.delayMs }
}

/**
 * The DNS tools, for the images whose file system has them (busybox's nslookup applet, dnsutils' bind
 * tools): answered by sim/dns in the flavour of the container's image, through the cluster DNS the
 * container's env reaches, with its own /etc/resolv.conf and /etc/hosts.
 */
export const DNS_PROGRAMS: Record<string, Program> = Object.fromEntries(
  ['nslookup', 'dig', 'host'].map((name): [string, Program] => [
    name,
    (argv, p) => {
      const fs = p.env.fs
      const read = (path: string) => (fs.exists(path) && !fs.isDir(path) ? fs.readFile(path) : undefined)
      const runner = dnsRunners(dnsToolsForImage(p.env.image ?? ''))[name]
      const env = p.env.dns?.({ resolvConf: read('/etc/resolv.conf'), hosts: read('/etc/hosts') })
      if (!runner || !env) return done(127, '', `sh: ${name}: not found\n`)
      return toRunResult(runner(argv, env))
    },
  ]),
)
