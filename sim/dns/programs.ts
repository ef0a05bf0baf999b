// The DNS tools as programs of the images' process model (sim/images/shell/types.ts Program), for
// when they run inside a container's own sh (`kubectl exec web-0 -- sh -c 'nslookup …'`, probes).
// The image layer supplies the tool environment of the process (resolver, files, clock, RNG).

import type { Proc, Program, RunResult } from '../images/shell/types'
import { dnsRunners } from './commands'
import type { DnsToolEnv, ToolResult } from './tools/env'
import { dnsToolsForImage } from './tools/variants'

/** A tool's result as a process outcome: both streams, the interleaved log, the time it took. */
export function toRunResult(r: ToolResult): RunResult {
  const out = r.output.filter((c) => c.stream === 'stdout').map((c) => c.text).join('')
  const err = r.output.filter((c) => c.stream === 'stderr').map((c) => c.text).join('')
  return { status: r.exitCode, out, err, log: r.output.map((c) => c.text).join(''), ms: r.delayMs }
}

/**
 * Programs for the DNS tools of `image` (nslookup, dig, host, hostname as the image has them);
 * `envFor` gives a process its DnsToolEnv (see sim/dns/commands.ts toolEnv for how one is built).
 */
export function dnsPrograms(image: string, envFor: (p: Proc) => DnsToolEnv): Record<string, Program> {
  const out: Record<string, Program> = {}
  for (const [name, runner] of Object.entries(dnsRunners(dnsToolsForImage(image)))) {
    out[name] = (argv, p) => toRunResult(runner(argv, envFor(p)))
  }
  return out
}
