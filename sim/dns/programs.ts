// The DNS tools' results as outcomes of the images' process model (sim/images/shell/types.ts), for
// when they run as a container's own process (`kubectl run ... -- nslookup web-0.nginx`, `sh -c`,
// probes): sim/images/behaviors/define.ts runs them with the tool environment the container's env
// gives (resolver, files, clock, RNG).

import type { RunResult } from '../images/shell/types'
import type { ToolResult } from './tools/env'

/** A tool's result as a process outcome: both streams, the interleaved log, the time it took. */
export function toRunResult(r: ToolResult): RunResult {
  const out = r.output.filter((c) => c.stream === 'stdout').map((c) => c.text).join('')
  const err = r.output.filter((c) => c.stream === 'stderr').map((c) => c.text).join('')
  return { status: r.exitCode, out, err, log: r.output.map((c) => c.text).join(''), ms: r.delayMs }
}
