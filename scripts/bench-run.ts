// One benchmark run, the same under node (scripts/bench.ts) and in Chromium (scripts/bench-browser):
// a fresh cluster with enough worker nodes, then a StatefulSet from nothing to all Ready. Only the
// apply and the settle are timed (the boot is the page's, restored from a saved state in the app).

import { createSimulation, type Simulation } from '../sim/index'
import { applyWeb } from '../sim/testing/fixtures'
import { benchCluster } from './bench-cluster'

export type Policy = 'OrderedReady' | 'Parallel'

export interface BenchRun {
  sim: Simulation
  wallMs: number
  simMs: number
  /** API writes during the run: the same in every runtime, so the runtimes are seen to do the same work. */
  writes: number
}

export function benchRun(replicas: number, policy: Policy): BenchRun {
  const workers = Math.max(2, Math.ceil(replicas / 200))
  const sim = createSimulation({ seed: 1, nodes: benchCluster(workers) })
  const writesBefore = sim.api.audit.length
  const t0 = performance.now()
  applyWeb(sim, { replicas, podManagementPolicy: policy })
  const r = sim.settle({ maxMs: 6 * 3600_000 })
  const wallMs = performance.now() - t0
  const ready = sim.api.read('StatefulSet', 'default', 'web').status?.readyReplicas ?? 0
  if (ready !== replicas) throw new Error(`only ${ready}/${replicas} ready (settled: ${r.settled})`)
  return { sim, wallMs, simMs: r.elapsedMs, writes: sim.api.audit.length - writesBefore }
}

/** The middle of three or more figures. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

export interface SeriesFigures {
  /** Median of the runs after `warmFrom` (a page in use for a while). */
  warmMs: number
  firstMs: number
  simMs: number
  writes: number
}

/**
 * `runs` runs in a row of one case, read as a page's: the first run (the JIT still warming up) and
 * the median of the runs from `warmFrom` (1-based) on. `keep` sees each run before it is dropped.
 */
export function benchSeries(replicas: number, policy: Policy, runs: number, warmFrom: number, keep?: (r: BenchRun, i: number) => void): SeriesFigures {
  const figures: { wallMs: number; simMs: number; writes: number }[] = []
  for (let i = 0; i < runs; i++) {
    const r = benchRun(replicas, policy)
    keep?.(r, i)
    figures.push({ wallMs: r.wallMs, simMs: r.simMs, writes: r.writes })
  }
  const warm = figures.slice(warmFrom - 1)
  const mid = warm.find((f) => f.wallMs === median(warm.map((w) => w.wallMs)))!
  return { warmMs: mid.wallMs, firstMs: figures[0].wallMs, simMs: mid.simMs, writes: mid.writes }
}

export interface OrderedCase {
  ordered: SeriesFigures
  /** Wall ms and API writes of two simulated hours of the last run's cluster on its own. */
  idleMs: number
  idleWrites: number
}

/**
 * Case 1, the same in every runtime: a short warm-up run (a page open for a moment), six 100-replica
 * OrderedReady runs in a row (read from the 4th on), then two simulated hours of the last cluster
 * running on its own (heartbeats, resyncs, the first hour's events expiring), as a lab that says
 * "wait" runs them.
 */
export function benchOrderedCase(): OrderedCase {
  benchRun(20, 'OrderedReady')
  let idleMs = 0
  let idleWrites = 0
  const ordered = benchSeries(100, 'OrderedReady', 6, 4, (r, i) => {
    if (i !== 5) return
    const writes = r.sim.api.audit.length
    const t0 = performance.now()
    r.sim.advance(2 * 3600_000)
    idleMs = performance.now() - t0
    idleWrites = r.sim.api.audit.length - writes
  })
  return { ordered, idleMs, idleWrites }
}
